import { describe, expect, it } from 'vitest';
import { Dictionary } from '../dictionary';
import { suggestEntities } from '.';
import { chineseEntities } from './chinese';
import { englishEntities } from './english';

const show = (text: string, list: { start: number; end: number; label: string }[]) => list.map((p) => [text.slice(p.start, p.end), p.label]);

describe('englishEntities', () => {
  it('names persons, organisations, places and products, cut at punctuation and possessives', () => {
    const text = 'Beijing, March 4 (Xinhua) -- Wang Lei of Fudan University said east China\'s Anhui Province and Huawei will test the Ascend 910B chip in Cixi.';
    expect(show(text, englishEntities(text))).toEqual([
      ['Beijing', 'LOC'], ['Xinhua', 'ORG'], ['Wang Lei', 'PERSON'], ['Fudan University', 'ORG'], ['China', 'LOC'],
      ['Anhui Province', 'LOC'], ['Huawei', 'ORG'], ['Ascend 910B', 'PRODUCT'], ['Cixi', 'LOC'],
    ]);
  });
  it('skips dates, units, generic acronyms and title-case headline words', () => {
    const text = 'Shanghai Bets on Computing Power\n\nOn Wednesday the GPU cluster reached 8,000 P of power. Officials said so.';
    expect(show(text, englishEntities(text))).toEqual([['Shanghai', 'LOC']]);
  });
});

describe('chineseEntities', () => {
  it('ends names at kind words and finds persons after role words', () => {
    const text = '中国科学院上海光学精密机械研究所研究员阮昊展示超级光盘,上海数据交易所在浦东新区。';
    expect(show(text, chineseEntities(text))).toEqual([['中国科学院', 'ORG'], ['上海光学精密机械研究所', 'ORG'], ['阮昊', 'PERSON'], ['上海数据交易所', 'ORG'], ['浦东新区', 'LOC']]);
  });
  it('does not take a word that merely ends in a kind character (布局, 地区)', () => {
    expect(chineseEntities('围绕人工智能领域布局,覆盖多个地区。')).toEqual([]);
  });
});

describe('suggestEntities', () => {
  it('puts lexicon hits first with their canonical id and drops NLP proposals they overlap', () => {
    const text = 'Chint Electric Co., Ltd. and 正泰电气 signed with Huawei Technologies.';
    const dictionary = new Dictionary([
      { text: 'Chint Electric Co., Ltd.', label: 'ORG', attrs: { canonical: 'chint' } },
      { text: '正泰电气', label: 'ORG', attrs: { canonical: 'chint' } },
    ]);
    const got = suggestEntities(text, { dictionary });
    expect(got.map((s) => [[...text].slice(s.start, s.end).join(''), s.label, s.source, s.attrs.canonical ?? null])).toEqual([
      ['Chint Electric Co., Ltd.', 'ORG', 'lexicon', 'chint'],
      ['正泰电气', 'ORG', 'lexicon', 'chint'],
      ['Huawei Technologies', 'ORG', 'nlp', null],
    ]);
  });
  it('keeps only the labels asked for', () => {
    const text = 'Wang Lei of Fudan University.';
    expect(suggestEntities(text, { labels: new Set(['PERSON']) }).map((s) => s.label)).toEqual(['PERSON']);
  });
});

describe('chineseEntities: common nouns and names', () => {
  it('needs a place before a weak ending and whole words before a one-character ending', () => {
    const text = '浙江省海港集团建设算力中心,航运公司在此挂靠,集装箱在24小时内离港,经该港出口,宁波舟山港运行。';
    expect(show(text, chineseEntities(text))).toEqual([['浙江省海港集团', 'ORG'], ['宁波舟山港', 'LOC']]);
  });
  it('a lexicon name inside a longer proposal of its label gives way to the longer name', () => {
    const text = '宁波舟山港去年吞吐量增长,宁波就业人数上升。';
    const got = suggestEntities(text, { dictionary: new Dictionary([{ text: '宁波', label: 'LOC', attrs: { canonical: 'ningbo' } }]) });
    expect(got.map((s) => [[...text].slice(s.start, s.end).join(''), s.source])).toEqual([['宁波舟山港', 'nlp'], ['宁波', 'lexicon']]);
  });
});
