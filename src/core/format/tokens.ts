// Word tokens and sentences for the token formats (hf, conll), from Intl.Segmenter (Chinese included),
// in code points; and the reverse: a text rebuilt from tokens when importing them.

import { codePointLength } from '../model/offsets';

/** Segmenters are costly to build (ICU data): one per locale and granularity, reused. */
const segmenters = new Map<string, Intl.Segmenter>();

/** The cached segmenter of a locale and granularity. */
export function segmenter(locale: string | undefined, granularity: 'word' | 'sentence' | 'grapheme'): Intl.Segmenter {
  const key = `${locale ?? ''}/${granularity}`;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

/** One token: its text and its code point range in the document. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Whitespace as both JavaScript (`\s`) and Python (`str.split()`) see it:
 * tokens never contain any, so a token-per-line file splits the same way in both.
 */
const WS = /[\s\x1c-\x1f\x85]+/u;
const WS_ONLY = /^[\s\x1c-\x1f\x85]*$/u;
const WS_GLOBAL = /[\s\x1c-\x1f\x85]+/gu;

/**
 * The tokens of a stretch of text as Intl.Segmenter cuts it, whitespace dropped, from code
 * point `cp`. The stretch goes to ICU a line at a time: V8's segment iterator slows with the
 * length of its string, and a word boundary always follows LF (UAX #29 WB3a).
 */
function icuTokens(text: string, cp: number, locale: string | undefined, out: Token[]): number {
  let from = 0;
  while (from < text.length) {
    const nl = text.indexOf('\n', from);
    const to = nl === -1 ? text.length : nl + 1;
    cp = icuLineTokens(from === 0 && to === text.length ? text : text.slice(from, to), cp, locale, out);
    from = to;
  }
  return cp;
}

function icuLineTokens(text: string, cp: number, locale: string | undefined, out: Token[]): number {
  for (const { segment } of segmenter(locale, 'word').segment(text)) {
    const n = codePointLength(segment);
    if (!WS_ONLY.test(segment)) {
      if (!WS.test(segment)) out.push({ text: segment, start: cp, end: cp + n });
      else {
        // A segment with inner whitespace (rare): split it so no token holds a space.
        let at = cp;
        for (const part of segment.split(/([\s\x1c-\x1f\x85]+)/u)) {
          const m = codePointLength(part);
          if (part && !WS_ONLY.test(part)) out.push({ text: part, start: at, end: at + m });
          at += m;
        }
      }
    }
    cp += n;
  }
  return cp;
}

/** UAX #29 word break classes of printable ASCII (what ICU's root rules give them). */
const enum Wb {
  Other,
  Letter,
  Numeric,
  /** ':' */
  MidLetter,
  /** ',' ';' */
  MidNum,
  /** '.' and the single quote, which join both letters and digits. */
  MidNumLet,
  /** '_' */
  ExtendNumLet,
}

const WB_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = Wb.Letter;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = Wb.Letter;
  for (let c = 0x30; c <= 0x39; c++) t[c] = Wb.Numeric;
  t[0x3a] = Wb.MidLetter;
  t[0x2c] = Wb.MidNum;
  t[0x3b] = Wb.MidNum;
  t[0x2e] = Wb.MidNumLet;
  t[0x27] = Wb.MidNumLet;
  t[0x5f] = Wb.ExtendNumLet;
  return t;
})();

/** Letters and digits (AHLetter and Numeric). A module function: the CLI runs under tsx, whose keepNames makes a closure created per call costly. */
function alnum(c: Wb): boolean {
  return c === Wb.Letter || c === Wb.Numeric;
}

/** Whether UAX #29 keeps positions i-1 and i of a printable ASCII word together (rules WB5 to WB13b). */
function joined(s: string, i: number): boolean {
  const prev = WB_CLASS[s.charCodeAt(i - 1)]!;
  const cur = WB_CLASS[s.charCodeAt(i)]!;
  const next = i + 1 < s.length ? WB_CLASS[s.charCodeAt(i + 1)]! : Wb.Other;
  const before = i >= 2 ? WB_CLASS[s.charCodeAt(i - 2)]! : Wb.Other;
  if (alnum(prev) && alnum(cur)) return true; // WB5, WB8, WB9, WB10
  if (prev === Wb.Letter && (cur === Wb.MidLetter || cur === Wb.MidNumLet) && next === Wb.Letter) return true; // WB6
  if (before === Wb.Letter && (prev === Wb.MidLetter || prev === Wb.MidNumLet) && cur === Wb.Letter) return true; // WB7
  if (prev === Wb.Numeric && (cur === Wb.MidNum || cur === Wb.MidNumLet) && next === Wb.Numeric) return true; // WB12
  if (before === Wb.Numeric && (prev === Wb.MidNum || prev === Wb.MidNumLet) && cur === Wb.Numeric) return true; // WB11
  if ((alnum(prev) || prev === Wb.ExtendNumLet) && cur === Wb.ExtendNumLet) return true; // WB13a
  if (prev === Wb.ExtendNumLet && alnum(cur)) return true; // WB13b
  return false;
}

/** The tokens of a run of printable ASCII without whitespace, cut by the rules ICU applies, from code point `cp`. */
function asciiTokens(s: string, cp: number, out: Token[]): void {
  let from = 0;
  for (let i = 1; i <= s.length; i++) {
    if (i < s.length && joined(s, i)) continue;
    out.push({ text: s.slice(from, i), start: cp + from, end: cp + i });
    from = i;
  }
}

/** A run of printable ASCII: cut here without ICU. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
/** Runs between ASCII whitespace. */
const NON_WS_RUN = /[^\t\n\v\f\r ]+/g;

/**
 * The words of `text` as Intl.Segmenter finds them, whitespace dropped:
 * punctuation marks are tokens of their own; a Chinese run is cut by ICU's
 * dictionary ("上海市|统计|局"); an emoji sequence is one token.
 *
 * Speed: Intl.Segmenter costs about a microsecond per segment in Node, so runs
 * of printable ASCII between ASCII whitespace (most of an English text) are
 * cut by the same UAX #29 rules here ({@link joined}), and only the stretches
 * between them go to ICU. Such a run's edges are word boundaries whatever
 * surrounds them (nothing joins printable ASCII to whitespace), so the tokens
 * are ICU's; a test checks them against Intl.Segmenter on random text.
 */
export function wordTokens(text: string, locale?: string): Token[] {
  const out: Token[] = [];
  let cp = 0;
  /** UTF-16 index where the text not yet tokenized begins. */
  let pending = 0;
  NON_WS_RUN.lastIndex = 0;
  for (let m = NON_WS_RUN.exec(text); m !== null; m = NON_WS_RUN.exec(text)) {
    if (!PRINTABLE_ASCII.test(m[0])) continue;
    // Everything since the last ASCII run (whitespace included) goes to ICU; ASCII whitespace alone needs no ICU.
    const gap = text.slice(pending, m.index);
    if (/^[\t\n\v\f\r ]*$/.test(gap)) cp += gap.length;
    else cp = icuTokens(gap, cp, locale, out);
    asciiTokens(m[0], cp, out);
    cp += m[0].length;
    pending = m.index + m[0].length;
  }
  if (pending < text.length) icuTokens(text.slice(pending), cp, locale, out);
  return out;
}

/** The sentences of `text` (Intl.Segmenter), as code point ranges covering the text. */
export function sentenceRanges(text: string, locale?: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let cp = 0;
  for (const { segment } of segmenter(locale, 'sentence').segment(text)) {
    const n = codePointLength(segment);
    out.push({ start: cp, end: cp + n });
    cp += n;
  }
  return out;
}

/** Scripts written without spaces between words: no space is put between two of their tokens. */
const NO_SPACE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A text rebuilt from tokens, for formats that keep no whitespace (hf, conll):
 * tokens joined by one space, except where a token ends or the next begins
 * with a Chinese or Japanese character or full-width punctuation. Returns the
 * text and each token's code point range in it.
 */
export function joinTokens(tokens: readonly string[]): { text: string; ranges: Array<{ start: number; end: number }> } {
  let text = '';
  let cp = 0;
  const ranges: Array<{ start: number; end: number }> = [];
  tokens.forEach((raw, i) => {
    const t = raw.replace(WS_GLOBAL, '');
    if (i > 0) {
      const prev = tokens[i - 1] ?? '';
      const last = Array.from(prev).pop() ?? '';
      const first = Array.from(t)[0] ?? '';
      if (!(NO_SPACE.test(last) || NO_SPACE.test(first))) {
        text += ' ';
        cp++;
      }
    }
    const n = codePointLength(t);
    ranges.push({ start: cp, end: cp + n });
    text += t;
    cp += n;
  });
  return { text, ranges };
}
