// wordTokens() cuts runs of printable ASCII itself (for speed) and the rest with Intl.Segmenter: its tokens must be
// exactly those of Intl.Segmenter over the whole text, checked here on random text that mixes every hard case.

import { describe, expect, it } from 'vitest';
import { codePointLength } from '../model/offsets';
import { wordTokens, type Token } from './tokens';
import { prng } from '../model/prng';

/** The reference: every segment from Intl.Segmenter over the whole text, whitespace dropped (the former implementation). */
function icuOnly(text: string): Token[] {
  const out: Token[] = [];
  let cp = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
    const n = codePointLength(segment);
    if (!/^[\s\x1c-\x1f\x85]*$/u.test(segment)) {
      let at = cp;
      for (const part of segment.split(/([\s\x1c-\x1f\x85]+)/u)) {
        const m = codePointLength(part);
        if (part && !/^[\s\x1c-\x1f\x85]*$/u.test(part)) out.push({ text: part, start: at, end: at + m });
        at += m;
      }
    }
    cp += n;
  }
  return out;
}

const PIECES = [
  ...'abcXYZ0123456789.,;:\'_-/$%#@!?()"'.split(''),
  ' ', ' ', '  ', '\n', '\t', '\r\n', '\u000b', '\u000c', '\u001c', '\u0085', '\u00a0', '\u2028', '\u3000',
  'e.g.', 'U.S.', '3.5', '9,000', "don't", 'a_b', 'x:y',
  '上海市统计局', '中国', '。', '，', '２０２３', '𠀀', '𪚥', // CJK, full-width digits, Extension B
  '😀', '👨‍👩‍👧', '🇨🇳', '👍🏽', '\u200d', // emoji, a ZWJ sequence, a flag, a skin tone, a lone ZWJ
  'e\u0301', '\u0301', '\u0308', 'नमस्ते', 'क्षि', // combining marks, Devanagari conjuncts
  'café', 'naïve', 'Ωμέγα', 'שָׁלוֹם', '\u00ad', '\u200b',
];

describe('wordTokens', () => {
  it('gives exactly the tokens of Intl.Segmenter over the whole text, on 3,000 random texts', () => {
    const next = prng(14);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 30);
      for (let i = 0; i < len; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      expect(wordTokens(text), JSON.stringify(text)).toEqual(icuOnly(text));
    }
  });

  it('gives the same tokens on long texts, where stretches for ICU are joined into batches (CJK, emoji, ZWJ, Extension B, marks, CRLF)', () => {
    const next = prng(2026);
    const cjk = ['上海市统计局', '中国', '。', '，', '2029年', '增长9.5%', '𠀀𠀁', 'e\u0301', '👨‍👩‍👧', '\r\n', '\n', ' ', 'word', 'x',
      'iPhone手机', '5，6', '5，', '，6', 'a：b', '：', '；', '（', '）', '《上海》', '「引」', '“引号”', '‘', '’', '！', '？', '、', '_', '.', "'", '々', 'カタカナ', 'ひらがな', '１２', '〇', '\u3000', '\u0301', '\u200d', '中\u0301'];
    for (let n = 0; n < 300; n++) {
      let text = '';
      const len = 50 + Math.floor(next() * 400);
      for (let i = 0; i < len; i++) text += next() < 0.5 ? cjk[Math.floor(next() * cjk.length)] : PIECES[Math.floor(next() * PIECES.length)];
      expect(wordTokens(text), JSON.stringify(text)).toEqual(icuOnly(text));
    }
  });

  it('cuts Chinese runs with ASCII and punctuation as ICU does, where a mark joins two digits or letters too', () => {
    const cases = ['上海a‘b中', '上海a’b中', '增长5，6月', '5，6', 'a：b中', '中a：', '：b', '（5，6）', '“引号”上海。', '5；6', 'a；b', '1．2中', '《上海》2023年，增长9.5%。', 'iPhone手机、ipad', '上海_2', '中_a', '中9_', 'x.中', '中.x'];
    for (const text of cases) expect(wordTokens(text), text).toEqual(icuOnly(text));
  });

  it('cuts English as ICU does: abbreviations, decimals, thousands, apostrophes', () => {
    const text = 'e.g. U.S.A. grew 3.5% to 9,000 units; it\'s x:y, a_b. (ok)';
    expect(wordTokens(text).map((t) => t.text)).toEqual(icuOnly(text).map((t) => t.text));
    expect(wordTokens(text).map((t) => t.text).slice(0, 6)).toEqual(['e.g', '.', 'U.S.A', '.', 'grew', '3.5']);
  });
});
