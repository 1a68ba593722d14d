// Tokens, alignment, the layer rule and BIO reading: the pieces hf and conll are built from.

import { describe, expect, it } from 'vitest';
import { bioTags, readBio } from './bio';
import { joinTokens, wordTokens } from './tokens';
import type { NativeLine, NativeSpan } from './native';
import type { ConvertWarning } from './convert-types';
import { locate } from '../../../test/fixtures/format/corpus';

function span(text: string, quote: string, label: string, id = label.toLowerCase()): NativeSpan {
  return { id, label, text: quote, attrs: {}, ...locate(text, quote) };
}

describe('wordTokens', () => {
  it('cuts Chinese with the dictionary, keeps emoji and U+20000 whole, counts code points, drops whitespace', () => {
    const text = '𠀀上海市 统计局😀 ok';
    const tokens = wordTokens(text);
    expect(tokens.map((t) => t.text).join('|')).toMatch(/^𠀀\|上海市\|统计\|局\|😀\|ok$/);
    for (const t of tokens) expect(Array.from(text).slice(t.start, t.end).join('')).toBe(t.text);
  });

  it('never leaves whitespace in a token, as Python str.split() sees it', () => {
    for (const t of wordTokens('a\u00a0b\u2003c\u0085d\x1ce')) expect(t.text).not.toMatch(/[\s\x1c-\x1f\x85]/u);
  });
});

describe('bioTags', () => {
  const text = 'Chint Electric said revenue rose 43.9% in Shanghai, C919s too.';
  const tokens = wordTokens(text);

  it('tags aligned spans B- then I-', () => {
    const { tags } = bioTags(tokens, [span(text, 'Chint Electric', 'ORG'), span(text, '43.9%', 'FIGURE')], { docId: 'd' });
    expect(tokens.map((t, i) => `${t.text}/${tags[i]}`).slice(0, 8)).toEqual([
      'Chint/B-ORG', 'Electric/I-ORG', 'said/O', 'revenue/O', 'rose/O', '43.9/B-FIGURE', '%/I-FIGURE', 'in/O',
    ]);
  });

  it('keeps the longest of overlapping spans and reports the others by document and id', () => {
    const warnings: ConvertWarning[] = [];
    const claim = span(text, 'revenue rose 43.9% in Shanghai', 'CLAIM');
    const { kept } = bioTags(tokens, [span(text, '43.9%', 'FIGURE'), claim, span(text, 'Shanghai', 'LOC')], { docId: 'doc1', warn: (w) => warnings.push(w) });
    expect(kept.map((k) => k.span.id)).toEqual(['claim']);
    // Longest first: the LOC (8 code points) is weighed before the FIGURE (5).
    expect(warnings.map((w) => [w.docId, w.spanId])).toEqual([['doc1', 'loc'], ['doc1', 'figure']]);
    expect(warnings[1]!.message).toMatch(/overlaps CLAIM span "claim" .* which is kept \(longest first\)/);
  });

  it('reports a boundary inside a token; strict leaves it, expand and contract move it and say so', () => {
    const prod = span(text, 'C919', 'PRODUCT');
    const run = (alignment: 'strict' | 'expand' | 'contract') => {
      const warnings: ConvertWarning[] = [];
      const { tags } = bioTags(tokens, [prod], { docId: 'd', alignment, warn: (w) => warnings.push(w) });
      return { tagged: tokens.filter((_, i) => tags[i] !== 'O').map((t) => t.text), message: warnings[0]?.message ?? '' };
    };
    expect(run('strict')).toEqual({ tagged: [], message: expect.stringMatching(/ends inside token "C919s".*not tagged/) });
    expect(run('expand')).toEqual({ tagged: ['C919s'], message: expect.stringMatching(/alignment expand/) });
    expect(run('contract')).toEqual({ tagged: [], message: expect.stringMatching(/holds no whole token/) });
  });
});

describe('readBio', () => {
  it('reads runs and reports an I- that continues nothing', () => {
    const bad: number[] = [];
    const runs = readBio(['B-ORG', 'I-ORG', 'O', 'I-LOC', 'B-FIGURE', 'I-ORG'], (i) => bad.push(i));
    expect(runs).toEqual([
      { label: 'ORG', first: 0, last: 1 },
      { label: 'LOC', first: 3, last: 3 },
      { label: 'FIGURE', first: 4, last: 4 },
      { label: 'ORG', first: 5, last: 5 },
    ]);
    expect(bad).toEqual([3, 5]);
  });
});

describe('joinTokens', () => {
  it('puts spaces between words but not between Chinese characters or full-width punctuation', () => {
    expect(joinTokens(['Chint', 'Electric', '上海市', '统计', '局', '，', '4.72', '万', 'ok']).text).toBe('Chint Electric上海市统计局，4.72万ok');
  });
});

describe('spans with a line break or whitespace at an edge', () => {
  it('are tagged on their tokens, and the message says what is at the edge, not "inside token"', () => {
    const text = 'The National Statistics Bureau\nsaid so.';
    const span: NativeSpan = { id: 's1', start: 0, end: 31, label: 'ORG', text: 'The National Statistics Bureau\n', attrs: {} };
    const warnings: ConvertWarning[] = [];
    const { tags } = bioTags(wordTokens(text), [span], { docId: 'd', warn: (w) => warnings.push(w) });
    expect(tags.slice(0, 5)).toEqual(['B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/ends with a line break: tagged on tokens \[0, 30\) without it/);
    expect(warnings[0]!.message).not.toMatch(/inside token/);
  });

  it('says "begins with whitespace" for a leading space', () => {
    const text = 'said  Bureau chief';
    const span: NativeSpan = { id: 's1', start: 5, end: 12, label: 'ORG', text: ' Bureau', attrs: {} };
    const warnings: ConvertWarning[] = [];
    bioTags(wordTokens(text), [span], { docId: 'd', warn: (w) => warnings.push(w) });
    expect(warnings[0]!.message).toMatch(/begins with whitespace: tagged on tokens \[6, 12\)/);
  });
});

describe('CoNLL columns', () => {
  it('refuses a label with whitespace instead of writing it raw into the tag column', async () => {
    const { toConll } = await import('./conll');
    const text = 'Chint grew.';
    const line: Omit<NativeLine, 'spans'> = { format: 'marginalia/1', doc_id: 'sha256:x', source: 's', text, annotator: 'a', status: 'done', updated_at: '', relations: [] };
    for (const label of ['MY\tORG', 'MY ORG', 'ORG\n']) {
      expect(() => toConll({ ...line, spans: [{ id: 's1', start: 0, end: 5, label, text: 'Chint', attrs: {} }] })).toThrow(/would split a CoNLL column/);
    }
  });
});
