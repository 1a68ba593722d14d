// Dictionary suggestions: Aho-Corasick hits, whole words for Latin names, any position for CJK, overlaps, real spans.

import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../model/offsets';
import { Dictionary, entriesFromSpans, MIN_ENTRY_LENGTH } from './dictionary';

const hits = (d: Dictionary, text: string, spans = []) =>
  d.find(text, { spans }).map((s) => [sliceCodePoints(text, s.start, s.end), s.label]);

describe('Dictionary', () => {
  const d = new Dictionary([
    { text: 'Shanghai', label: 'LOC' },
    { text: 'Shanghai Institute of Optics', label: 'ORG' },
    { text: 'Chint Electric', label: 'ORG', attrs: { canonical: 'chint' } },
    { text: '正泰电气', label: 'ORG', attrs: { canonical: 'chint' } },
    { text: '上海', label: 'LOC' },
    { text: 'C919', label: 'PRODUCT' },
    { text: 'he', label: 'PERSON' },
    { text: '港', label: 'LOC' },
  ]);

  it('finds Latin entries as whole words only', () => {
    expect(hits(d, 'Shanghai and Shanghaiese, the C919 and C9190.')).toEqual([
      ['Shanghai', 'LOC'],
      ['C919', 'PRODUCT'],
    ]);
    expect(hits(d, 'the theme')).toEqual([]);
  });

  it('finds CJK entries at any position', () => {
    expect(hits(d, '走进正泰电气智能工厂,上海市')).toEqual([
      ['正泰电气', 'ORG'],
      ['上海', 'LOC'],
    ]);
  });

  it('takes the leftmost longest where hits overlap', () => {
    expect(hits(d, 'the Shanghai Institute of Optics in Shanghai')).toEqual([
      ['Shanghai Institute of Optics', 'ORG'],
      ['Shanghai', 'LOC'],
    ]);
  });

  it('copies entry attrs and gives code-point offsets and keys', () => {
    const text = '😀 Chint Electric';
    const [s] = d.find(text);
    expect(s).toMatchObject({ kind: 'dictionary', label: 'ORG', start: 2, end: 16, attrs: { canonical: 'chint' }, key: 'dictionary:ORG:2:16' });
  });

  it('drops hits overlapping a real span of the same label, not of another', () => {
    const text = 'Chint Electric Co., Ltd. and Chint Electric';
    const spans = [{ start: 0, end: 24, label: 'ORG' }];
    expect(d.find(text, { spans }).map((s) => s.start)).toEqual([29]);
    expect(d.find(text, { spans: [{ start: 0, end: 24, label: 'CLAIM' }] }).map((s) => s.start)).toEqual([0, 29]);
  });

  it(`skips entries shorter than ${MIN_ENTRY_LENGTH} code points and merges labels of one string`, () => {
    const two = new Dictionary([
      { text: 'Apple', label: 'ORG' },
      { text: 'Apple', label: 'PRODUCT' },
      { text: 'Apple', label: 'ORG' },
      { text: 'x', label: 'LOC' },
    ]);
    expect(two.size).toBe(1);
    expect(hits(two, 'Apple x')).toEqual([
      ['Apple', 'ORG'],
      ['Apple', 'PRODUCT'],
    ]);
  });

  it('finds entries that are suffixes of others (failure links)', () => {
    const s = new Dictionary([
      { text: 'abcd', label: 'A' },
      { text: 'bc', label: 'B' },
      { text: '中国科学院', label: 'ORG' },
      { text: '科学', label: 'X' },
    ]);
    expect(hits(s, 'abc bc')).toEqual([['bc', 'B']]);
    expect(hits(s, '中国科学家')).toEqual([['科学', 'X']]);
  });

  it('scales to thousands of entries on a long text', () => {
    const entries = Array.from({ length: 5000 }, (_, i) => ({ text: `Company${i} Ltd`, label: 'ORG' }));
    const big = new Dictionary(entries);
    const text = 'News about Company4999 Ltd and Company12 Ltd. '.repeat(20000);
    const found = big.find(text);
    expect(found.length).toBe(40000);
    expect(found[1]!.attrs).toEqual({});
  });
});

describe('entriesFromSpans', () => {
  it('takes entity labels by default and keeps canonical', () => {
    const entries = entriesFromSpans([
      { label: 'ORG', quote: { exact: 'Chint' }, attrs: { canonical: 'chint', other: 1 } },
      { label: 'CLAIM', quote: { exact: 'Sales rose.' } },
      { label: 'FIGURE', quote: { exact: '20%' } },
      { label: 'LOC', quote: { exact: 'Songjiang' } },
    ]);
    expect(entries).toEqual([
      { text: 'Chint', label: 'ORG', attrs: { canonical: 'chint' } },
      { text: 'Songjiang', label: 'LOC', attrs: {} },
    ]);
  });
});

describe('Dictionary.texts', () => {
  it('lists each distinct string once, for the snapping extra words', () => {
    const d = new Dictionary([{ text: '小红书', label: 'PRODUCT' }, { text: '小红书', label: 'ORG' }, { text: '阮昊', label: 'PERSON' }, { text: 'x', label: 'ORG' }]);
    expect(d.texts().sort()).toEqual(['小红书', '阮昊']);
  });
});

describe('Dictionary: canonical ids whatever the order of the mentions', () => {
  it('a mention with a canonical id wins over an earlier bare mention of the same string and label', () => {
    const d = new Dictionary([
      { text: 'Fudan University', label: 'ORG', attrs: {} },
      { text: 'Fudan University', label: 'ORG', attrs: { canonical: 'fudan' } },
      { text: 'Fudan University', label: 'ORG', attrs: {} },
    ]);
    expect(d.find('At Fudan University.').map((s) => s.attrs.canonical)).toEqual(['fudan']);
    expect(d.canonicalOf('Fudan University', 'ORG')).toBe('fudan');
    expect(d.canonicalOf('Fudan University', 'LOC')).toBeUndefined();
    expect(new Dictionary(d.entryList()).find('At Fudan University.').map((s) => s.attrs.canonical)).toEqual(['fudan']);
  });
});
