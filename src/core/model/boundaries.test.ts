// Word and sentence boundaries in code points: snapping, trimming, words, sentences, and the bounded window on long texts.

import { describe, expect, it } from 'vitest';
import { extraWords, localWindow, sentenceAt, SENTENCE_WINDOW, snapToWords, WORD_WINDOW, wordAt } from './boundaries';
import { sliceCodePoints } from './offsets';
import type { CodePoint } from './types';

const cp = (n: number) => n as CodePoint;
/** The text of a range, or null. */
const show = (text: string, r: { start: number; end: number } | null) => (r ? sliceCodePoints(text, r.start, r.end) : null);
/** Code point index of the first occurrence of `needle`. */
const at = (text: string, needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;

describe('snapToWords', () => {
  const en = 'Chint Electric Co., Ltd. exports to more than 140 countries, up 43.9% on “Sinan”.';
  it('widens to whole words at both ends', () => {
    const s = at(en, 'ectric');
    expect(show(en, snapToWords(en, cp(s), cp(s + 3)))).toBe('Electric');
    const c = at(en, 'ountries');
    expect(show(en, snapToWords(en, cp(c - 5), cp(c + 2)))).toBe('140 countries');
  });
  it('trims spaces and punctuation but keeps % and an abbreviation period', () => {
    const p = at(en, '43.9%');
    expect(show(en, snapToWords(en, cp(p - 1), cp(p + 6)))).toBe('43.9%');
    expect(show(en, snapToWords(en, cp(0), cp(at(en, ' exports') + 1)))).toBe('Chint Electric Co., Ltd.');
    const q = at(en, '“Sinan”');
    expect(show(en, snapToWords(en, cp(q), cp(q + 7)))).toBe('Sinan');
    expect(show(en, snapToWords(en, cp(q - 2), cp(q + 8)))).toBe('on “Sinan');
  });
  it('snaps Chinese selections to ICU words', () => {
    const zh = '上海跨境电商进出口实现2623.9亿元,同比增长42.5%。';
    const s = at(zh, '623.9');
    expect(show(zh, snapToWords(zh, cp(s), cp(s + 5)))).toBe('2623.9');
    const g = at(zh, '长');
    expect(show(zh, snapToWords(zh, cp(g), cp(g + 1)))).toBe('增长');
    expect(show(zh, snapToWords(zh, cp(g), cp(g + 1), 'zh'))).toBe('增长');
    expect(show(zh, snapToWords(zh, cp(at(zh, ',') ), cp(at(zh, '42.5%') + 5)))).toBe('同比增长42.5%');
  });
  it('swaps reversed offsets, expands a caret to its word, and collapses pure punctuation', () => {
    expect(show(en, snapToWords(en, cp(10), cp(7)))).toBe('Electric');
    expect(show(en, snapToWords(en, cp(8), cp(8)))).toBe('Electric');
    const r = snapToWords(en, cp(at(en, ', up')), cp(at(en, ', up') + 2));
    expect(r.start).toBe(r.end);
  });
  it('counts code points across astral characters', () => {
    const t = '😀😀 robots 𠀀 here';
    expect(snapToWords(t, cp(4), cp(6))).toEqual({ start: 3, end: 9 });
  });
});

describe('wordAt', () => {
  it('finds the word at or just before a caret', () => {
    const t = 'new quality productivity.';
    expect(show(t, wordAt(t, cp(5)))).toBe('quality');
    expect(show(t, wordAt(t, cp(11)))).toBe('quality');
    expect(show(t, wordAt(t, cp(24)))).toBe('productivity');
    expect(wordAt(t, cp(25))).toBeNull();
    expect(wordAt('a  b', cp(2))).toBeNull();
  });
  it('finds Chinese words', () => {
    const t = '核心产业规模超3800亿元';
    expect(show(t, wordAt(t, cp(2)))).toBe('产业');
  });
});

describe('sentenceAt', () => {
  it('finds English and Chinese sentences, trimmed', () => {
    const t = 'First one. Mr. Smith said sales rose 20%. Third!\n上海春意盎然。新赛道、新模式!科技创新?';
    expect(show(t, sentenceAt(t, cp(at(t, 'sales'))))).toBe('Mr. Smith said sales rose 20%.');
    expect(show(t, sentenceAt(t, cp(at(t, 'Smith'))))).toBe('Mr. Smith said sales rose 20%.');
    expect(show(t, sentenceAt(t, cp(1)))).toBe('First one.');
    expect(show(t, sentenceAt(t, cp(at(t, '模式'))))).toBe('新赛道、新模式!');
    expect(show(t, sentenceAt(t, cp(at(t, '春意'))))).toBe('上海春意盎然。');
  });
  it('never crosses a line break and returns null on an empty line', () => {
    const t = 'A heading without a stop\nThe body. More.\n\nNext';
    expect(show(t, sentenceAt(t, cp(3)))).toBe('A heading without a stop');
    expect(show(t, sentenceAt(t, cp(at(t, 'body'))))).toBe('The body.');
    expect(sentenceAt(t, cp(at(t, '\n\n') + 1))).toBeNull();
  });
});

describe('on a 1,000,000-character text', () => {
  const para = 'Shanghai has achieved more than 40 breakthroughs in key equipment. ';
  const big = para.repeat(Math.ceil(1_000_000 / para.length));
  const mid = Math.floor(big.length / 2);

  it('segments only a bounded window around the offsets', () => {
    const w = localWindow(big, mid, mid + 1, SENTENCE_WINDOW);
    expect(w.to - w.from).toBeLessThanOrEqual(2 * SENTENCE_WINDOW + 1);
    expect(w.from).toBeGreaterThan(0);
    const ww = localWindow(big, mid, mid + 1, WORD_WINDOW);
    expect(ww.to - ww.from).toBeLessThanOrEqual(2 * WORD_WINDOW + 1);
    // Cut edges fall on whitespace, so no word is split at the window's edge.
    expect(big.charAt(ww.from)).toMatch(/\s/);
    expect(big.charAt(ww.to - 1)).toMatch(/\s/);
  });

  it('still finds words and sentences in the middle', () => {
    const k = big.indexOf('breakthroughs', mid);
    expect(show(big, wordAt(big, cp(k + 3)))).toBe('breakthroughs');
    expect(show(big, snapToWords(big, cp(k - 4), cp(k + 2)))).toBe('40 breakthroughs');
    expect(show(big, sentenceAt(big, cp(k)))).toBe(para.trim());
  });

  it('stops at the paragraph, not the window, when a newline is nearer', () => {
    const t = 'x'.repeat(5000) + '\nShort line here.\n' + 'y'.repeat(5000);
    expect(localWindow(t, 5003, 5004, SENTENCE_WINDOW)).toEqual({ from: 5001, to: 5017 });
  });
});

describe('Chinese snapping that keeps names whole (extra words)', () => {
  const zh = '研究员阮昊展示超级光盘,他在小红书上发布了视频。';
  const names = extraWords(['阮昊', '小红书', '超级光盘', '我的世界', 'x']);
  it('keeps a person or a platform whole where ICU cuts it (阮|昊, 小|红|书)', () => {
    const r = at(zh, '阮');
    expect(show(zh, snapToWords(zh, cp(r), cp(r + 1)))).toBe('阮');
    expect(show(zh, snapToWords(zh, cp(r), cp(r + 1), { extraWords: names }))).toBe('阮昊');
    const x = at(zh, '小红');
    expect(show(zh, snapToWords(zh, cp(x), cp(x + 2), { extraWords: names }))).toBe('小红书');
    expect(show(zh, snapToWords(zh, cp(x + 1), cp(x + 3), { extraWords: names }))).toBe('小红书');
    expect(show(zh, wordAt(zh, cp(x + 1), { extraWords: names }))).toBe('小红书');
  });
  it('never ends on trailing punctuation or 的/了, unless 的 is inside a known name', () => {
    const x = at(zh, '小红书上');
    expect(show(zh, snapToWords(zh, cp(at(zh, '超级')), cp(at(zh, ',') + 1), { extraWords: names }))).toBe('超级光盘');
    const f = at(zh, '发布了');
    expect(show(zh, snapToWords(zh, cp(f), cp(f + 3)))).toBe('发布');
    expect(show(zh, snapToWords(zh, cp(x), cp(x + 3), { extraWords: names }))).toBe('小红书');
    const game = '他玩我的世界的时候';
    const g = at(game, '我的世界');
    expect(show(game, snapToWords(game, cp(g), cp(g + 5), { extraWords: names }))).toBe('我的世界');
    expect(show(game, snapToWords(game, cp(g + 2), cp(g + 3), { extraWords: names }))).toBe('我的世界');
  });
  it('ignores one-character entries and works without extra words as before', () => {
    expect(names.words.has('x')).toBe(false);
    expect(show(zh, snapToWords(zh, cp(at(zh, '展示')), cp(at(zh, '展示') + 2), { extraWords: names }))).toBe('展示');
  });
});
