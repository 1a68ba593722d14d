// Chinese as one token per Han character (wordTokens with `chars`, hf's default): every Han code point, Extension B
// included, is a token of its own; everything else is cut as ICU cuts it; and spans inside Chinese words align exactly.

import { describe, expect, it } from 'vitest';
import { codePointLength } from '../model/offsets';
import { wordTokens, type Token } from './tokens';
import { hfExporter, hfLinePart } from './hf';
import type { NativeLine, NativeSpan } from './native';
import type { ConvertWarning } from './convert-types';
import { locate } from '../../../test/fixtures/format/corpus';
import { prng } from '../model/prng';

const WS_ONLY = /^[\s\x1c-\x1f\x85]*$/u;

/** ICU's word segments of one stretch, whitespace dropped, shifted to code point `at`. */
function icuStretch(text: string, at: number, out: Token[]): void {
  let cp = at;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
    let u = cp;
    for (const part of segment.split(/([\s\x1c-\x1f\x85]+)/u)) {
      const n = codePointLength(part);
      if (part && !WS_ONLY.test(part)) out.push({ text: part, start: u, end: u + n });
      u += n;
    }
    cp += codePointLength(segment);
  }
}

/** The reference, written the slow way: walk the code points; a Han one (with the marks and ZWJ after it) is a token, ICU cuts the rest. */
function charsReference(text: string): Token[] {
  const out: Token[] = [];
  const cps = Array.from(text);
  let gap = '';
  let gapAt = 0;
  for (let i = 0; i < cps.length; ) {
    if (/^\p{Script=Han}$/u.test(cps[i]!)) {
      icuStretch(gap, gapAt, out);
      let j = i + 1;
      while (j < cps.length && /^[\p{M}\u200d]$/u.test(cps[j]!)) j++;
      out.push({ text: cps.slice(i, j).join(''), start: i, end: j });
      i = j;
      gap = '';
      gapAt = j;
    } else gap += cps[i++];
  }
  icuStretch(gap, gapAt, out);
  return out;
}

const PIECES = [
  '上海市统计局', '中国', '。', '，', '2623.9亿元', '增长9.5%', '２０２３年', '𠀀𠀁', '𪚥', '〇', '々', '豈', '\ufa0e', '⺀', '葛\u{e0100}', '中\u0301',
  '😀', '👨‍👩‍👧', '🇨🇳', '👍🏽', '\u200d', 'e\u0301', 'café', 'नमस्ते', 'カタカナ', 'ひらがな', '東京タワー', '——', '…', '·', '％', '5，6', 'a：b',
  '（', '）', '《上海》', '“引号”', 'iPhone手机', 'U.S.', '3.5', "don't", 'a_b', '中_a', ' ', ' ', '\n', '\r\n', '\t', '\u3000', '\u00a0', 'x', 'GDP',
];

describe('wordTokens(text, locale, "chars")', () => {
  it('makes every Han character a token and cuts the rest as ICU does, on 2,000 random texts (Extension B, emoji, ZWJ, marks, CRLF)', () => {
    const next = prng(20);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const len = 1 + Math.floor(next() * 60);
      for (let i = 0; i < len; i++) text += PIECES[Math.floor(next() * PIECES.length)];
      const tokens = wordTokens(text, undefined, 'chars');
      expect(tokens, JSON.stringify(text)).toEqual(charsReference(text));
      // The tokens placed by their offsets give back the text, less its whitespace; no surrogate is split.
      const cps = Array.from(text);
      let rebuilt = '';
      let at = 0;
      for (const t of tokens) {
        expect(cps.slice(at, t.start).join('')).toMatch(WS_ONLY);
        expect(cps.slice(t.start, t.end).join('')).toBe(t.text);
        expect(t.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
        rebuilt += t.text;
        at = t.end;
      }
      expect(rebuilt).toBe(text.replace(/[\s\x1c-\x1f\x85]+/gu, ''));
    }
  });

  it('cuts a mixed English and Chinese line, Extension B and emoji by code point', () => {
    const text = 'Shanghai Port (上海市港) handled 2623.9亿元 of 𠀀𪚥 cargo 😀👨‍👩‍👧〇豈.';
    expect(wordTokens(text, undefined, 'chars').map((t) => t.text)).toEqual([
      'Shanghai', 'Port', '(', '上', '海', '市', '港', ')', 'handled', '2623.9', '亿', '元', 'of', '𠀀', '𪚥', 'cargo', '😀', '👨‍👩‍👧', '〇', '豈', '.',
    ]);
    const words = wordTokens(text, undefined, 'words').map((t) => t.text);
    expect(words).toContain('上海市');
    expect(words).not.toContain('上');
  });

  it('leaves text without Han exactly as words mode cuts it', () => {
    const text = "e.g. U.S.A. grew 3.5% to 9,000 units; it's 😀👍🏽 naïve カタカナ ２０２３ ok";
    expect(wordTokens(text, undefined, 'chars')).toEqual(wordTokens(text, undefined, 'words'));
  });
});

function line(text: string, spans: Array<[string, string]>): NativeLine {
  const s: NativeSpan[] = spans.map(([quote, label], i) => ({ id: `s${i}`, label, text: quote, attrs: {}, ...locate(text, quote) }));
  return { format: 'marginalia/1', doc_id: 'sha256:x', source: 'a.txt', text, annotator: 'alice', status: 'done', updated_at: '2026-01-01T00:00:00Z', spans: s, relations: [] };
}

/** The hf record of one line: tokens with their tag names, and the warnings. */
function hf(l: NativeLine, zhTokens?: 'chars' | 'words'): { tagged: string[]; warnings: string[] } {
  const warnings: ConvertWarning[] = [];
  const exporter = hfExporter({ zhTokens, warn: (w) => warnings.push(w) });
  const record = JSON.parse(exporter.write(l)[0]!.data as string) as { tokens: string[]; ner_tags: number[] };
  const names = JSON.parse(exporter.end()[0]!.data as string) as string[];
  return { tagged: record.tokens.map((t, i) => `${t}/${names[record.ner_tags[i]!]}`), warnings: warnings.map((w) => w.message) };
}

describe('hf with Chinese as characters (the default)', () => {
  // ICU cuts 上海市|统计|局|称|，|人民|币|…|3.2|万|亿|元: LOC 上海 ends inside its word 上海市.
  const l = line('上海市统计局称，人民币贷款增加3.2万亿元。', [['上海', 'LOC'], ['统计局', 'ORG'], ['亿元', 'FIGURE']]);

  it('tags spans inside Chinese words on exact token boundaries, with no warning', () => {
    const { tagged, warnings } = hf(l);
    expect(warnings).toEqual([]);
    expect(tagged).toEqual([
      '上/B-LOC', '海/I-LOC', '市/O', '统/B-ORG', '计/I-ORG', '局/I-ORG', '称/O', '，/O', '人/O', '民/O', '币/O',
      '贷/O', '款/O', '增/O', '加/O', '3.2/O', '万/O', '亿/B-FIGURE', '元/I-FIGURE', '。/O',
    ]);
  });

  it('keeps ICU words under zhTokens "words", where the same spans fall inside tokens and are reported', () => {
    const { tagged, warnings } = hf(l, 'words');
    expect(tagged.slice(0, 4)).toEqual(['上海市/O', '统计/B-ORG', '局/I-ORG', '称/O']);
    expect(warnings.length).toBe(1);
    expect(warnings[0]).toMatch(/上海.*not tagged/);
  });

  it('hfLinePart counts Extension B and emoji by code point: a span on 𪚥 tags one token', () => {
    const part = hfLinePart(line('𠀀𪚥😀好', [['𪚥', 'LOC']]));
    expect(JSON.parse(part.tokensJson)).toEqual(['𠀀', '𪚥', '😀', '好']);
    expect([...part.codes]).toEqual([0, 1, 0, 0]);
  });
});

describe('hf with zhTokens "words"', () => {
  it('writes the bytes hf wrote before chars became the default (captured from commit 8761de7 on Node 20.20.2, ICU 78.2: its dictionary cuts the words)', () => {
    const text = '上海市统计局称，人民币贷款增加3.2万亿元。Shanghai Port (上海港) handled 2623.9亿元 of 𠀀𪚥 cargo 😀👨‍👩‍👧〇豈中\u0301.';
    const l = line(text, [['上海', 'LOC'], ['统计局', 'ORG'], ['上海港', 'ORG'], ['𪚥', 'LOC']]);
    const before =
      '{"id":"sha256:x/alice","tokens":["上海市","统计","局","称","，","人民","币","贷款","增加","3.2","万","亿","元","。","Shanghai","Port","(","上海","港",")","handled","2623.9","亿","元","of","𠀀","𪚥","cargo","😀","👨‍👩‍👧","〇","豈","中́","."],' +
      '"ner_tags":[0,7,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,7,8,0,0,0,0,0,0,0,9,0,0,0,0,0,0,0]}\n';
    expect(hfExporter({ zhTokens: 'words' }).write(l)[0]!.data).toBe(before);
    expect(hfExporter({}).write(l)[0]!.data).not.toBe(before);
  });
});
