// Word tokens and sentences for the token formats (hf, conll), from Intl.Segmenter (Chinese included),
// in code points; and the reverse: a text rebuilt from tokens when importing them.

import { codePointLength } from '../model/offsets';
import { cjkPieces } from './cjk-runs';

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
 * UTF-16 units handed to ICU at once. Each `segment()` call costs about as much as a few
 * segments, and V8's segment iterator slows with the length of its string: stretches are
 * joined (with LF) into strings of about this size, which is where the cost per segment is
 * lowest (measured on Chinese news text: a third of the time of one call per stretch).
 */
const ICU_BATCH = 200;

/** Code point offsets of UTF-16 indices of one text, asked in increasing order (or restarted). */
class CodePointCursor {
  private u = 0;
  private cp = 0;
  constructor(
    private readonly text: string,
    /** False when the text has no surrogate: code points are then UTF-16 indices. */
    private readonly astral: boolean,
  ) {}

  /** The code point offset of UTF-16 index `u` (never inside a surrogate pair). */
  at(u: number): number {
    if (!this.astral) return u;
    if (u < this.u) this.u = this.cp = 0;
    let cp = this.cp;
    for (let i = this.u; i < u; i++) {
      const c = this.text.charCodeAt(i);
      // A low surrogate after a high one is the second half of one code point (as codePointLength counts).
      if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(this.text.charCodeAt(i - 1)))) cp++;
    }
    this.u = u;
    this.cp = cp;
    return cp;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Any surrogate: the text has characters outside the BMP (or a lone half). */
const SURROGATE = /[\ud800-\udfff]/;

/**
 * The tokens Intl.Segmenter finds in the stretches `[from, to)` of `text` (UTF-16, each
 * ending at a LF or before printable ASCII), whitespace dropped, appended to `out[k]` for
 * stretch k. Stretches are joined by LF into strings of about {@link ICU_BATCH} units and
 * segmented together: a word boundary always falls before and after LF (UAX #29 WB3a,
 * WB3b), so each stretch is cut as it would be alone; a segment is placed back by its index.
 */
function icuStretches(text: string, from: readonly number[], to: readonly number[], cursor: CodePointCursor, locale: string | undefined, out: Token[][]): void {
  const seg = segmenter(locale, 'word');
  let k = 0;
  while (k < from.length) {
    // One batch: stretches k .. last-1, stretch j starting at batchStart[j - k] in the joined string.
    let joined = text.slice(from[k], to[k]);
    const batchStart = [0];
    let last = k + 1;
    while (last < from.length && joined.length < ICU_BATCH) {
      joined += '\n';
      batchStart.push(joined.length);
      joined += text.slice(from[last], to[last]);
      last++;
    }
    let j = 0;
    for (const { segment, index } of seg.segment(joined)) {
      while (j + 1 < batchStart.length && index >= batchStart[j + 1]!) j++;
      const at = from[k + j]! + index - batchStart[j]!;
      // The LF that joins two stretches lies past the end of stretch j: whitespace, dropped below.
      if (!WS.test(segment)) {
        const start = cursor.at(at);
        out[k + j]!.push({ text: segment, start, end: cursor.at(at + segment.length) });
      } else if (!WS_ONLY.test(segment)) {
        // A segment with inner whitespace (rare): split it so no token holds a space.
        let u = at;
        for (const part of segment.split(/([\s\x1c-\x1f\x85]+)/u)) {
          if (part && !WS_ONLY.test(part)) {
            const start = cursor.at(u);
            out[k + j]!.push({ text: part, start, end: cursor.at(u + part.length) });
          }
          u += part.length;
        }
      }
    }
    k = last;
  }
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

/**
 * How Chinese is cut into tokens: `chars`, one token per Han character (what Hugging Face's Chinese
 * token classification sets and bert-base-chinese use; every span boundary falls on a token boundary),
 * or `words`, ICU's dictionary words ("上海市|统计|局").
 */
export type ZhTokens = 'chars' | 'words';

/** The choices of {@link ZhTokens}, the default first. */
export const ZH_TOKENS: readonly ZhTokens[] = ['chars', 'words'];

/**
 * One Han character as a token in `chars` mode: a code point of Script=Han (CJK ideographs of every
 * extension, compatibility ideographs, 〇, 々, radicals), with the combining marks, variation selectors
 * and ZWJ that follow it (UAX #29 never cuts before them).
 */
const HAN_CHAR = /\p{Script=Han}[\p{M}\u200d]*/gu;
/** Whether a run holds a Han character. */
const HAS_HAN = /\p{Script=Han}/u;

/** How a run cut without ICU becomes tokens. */
const enum RunKind {
  /** Printable ASCII, cut by {@link asciiTokens}. */
  Ascii,
  /** One token: a punctuation mark, or a Han character (with its marks) in `chars` mode. */
  OneToken,
  /** Han of U+4E00 to U+9FFF in `chars` mode, one UTF-16 unit each: one token per character. */
  BmpHan,
}

/** A run of printable ASCII: cut here without ICU. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
/** Runs between ASCII whitespace. */
const NON_WS_RUN = /[^\t\n\v\f\r ]+/g;
/** ASCII whitespace only: no token, no ICU. */
const ASCII_WS_ONLY = /^[\t\n\v\f\r ]*$/;

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
 *
 * With `zh` = `chars`, each Han character ({@link HAN_CHAR}) is a token of its own instead, and
 * the text between Han characters is cut as above, each stretch alone.
 */
export function wordTokens(text: string, locale?: string, zh: ZhTokens = 'words'): Token[] {
  const chars = zh === 'chars';
  const astral = SURROGATE.test(text);
  // The runs cut here (ASCII, CJK marks) in text order, and the stretches between them that need ICU (split at LF).
  const runs: Array<{ at: number; run: string; stretch: number; kind: RunKind }> = [];
  const from: number[] = [];
  const to: number[] = [];
  /** UTF-16 index where the text not yet placed begins. */
  let pending = 0;
  const addGap = (end: number) => {
    if (pending === end || ASCII_WS_ONLY.test(text.slice(pending, end))) return;
    let at = pending;
    while (at < end) {
      const nl = text.indexOf('\n', at);
      const stop = nl === -1 || nl >= end ? end : nl + 1;
      from.push(at);
      to.push(stop);
      at = stop;
    }
  };
  NON_WS_RUN.lastIndex = 0;
  for (let m = NON_WS_RUN.exec(text); m !== null; m = NON_WS_RUN.exec(text)) {
    if (PRINTABLE_ASCII.test(m[0])) {
      addGap(m.index);
      runs.push({ at: m.index, run: m[0], stretch: from.length, kind: RunKind.Ascii });
    } else {
      // Chinese with ASCII and punctuation: only the Han pieces go to ICU; anything else, the whole run.
      const pieces = cjkPieces(m[0]);
      if (pieces === null) {
        if (!chars || !HAS_HAN.test(m[0])) continue;
        // `chars` mode, a run with Han and what cjkPieces does not cut: each Han character a token, ICU for the rest.
        addGap(m.index);
        let u = 0;
        HAN_CHAR.lastIndex = 0;
        for (let h = HAN_CHAR.exec(m[0]); h !== null; h = HAN_CHAR.exec(m[0])) {
          if (h.index > u) {
            from.push(m.index + u);
            to.push(m.index + h.index);
          }
          runs.push({ at: m.index + h.index, run: h[0], stretch: from.length, kind: RunKind.OneToken });
          u = h.index + h[0].length;
        }
        if (u < m[0].length) {
          from.push(m.index + u);
          to.push(m.index + m[0].length);
        }
        pending = m.index + m[0].length;
        continue;
      }
      addGap(m.index);
      for (const p of pieces) {
        const at = m.index + p.from;
        if (p.kind === 'han' && chars) {
          runs.push({ at, run: m[0].slice(p.from, p.to), stretch: from.length, kind: RunKind.BmpHan });
        } else if (p.kind === 'han') {
          from.push(at);
          to.push(m.index + p.to);
        } else runs.push({ at, run: m[0].slice(p.from, p.to), stretch: from.length, kind: p.kind === 'mark' ? RunKind.OneToken : RunKind.Ascii });
      }
    }
    pending = m.index + m[0].length;
  }
  addGap(text.length);
  const icu: Token[][] = from.map(() => []);
  icuStretches(text, from, to, new CodePointCursor(text, astral), locale, icu);
  // Merge in text order: the stretches before each run, then the run.
  const out: Token[] = [];
  const cursor = new CodePointCursor(text, astral);
  let k = 0;
  for (const { at, run, stretch, kind } of runs) {
    for (; k < stretch; k++) for (const t of icu[k]!) out.push(t);
    const cp = cursor.at(at);
    if (kind === RunKind.OneToken) out.push({ text: run, start: cp, end: cp + (run.length === 1 ? 1 : codePointLength(run)) });
    else if (kind === RunKind.BmpHan) for (let u = 0; u < run.length; u++) out.push({ text: run[u]!, start: cp + u, end: cp + u + 1 });
    else asciiTokens(run, cp, out);
  }
  for (; k < icu.length; k++) for (const t of icu[k]!) out.push(t);
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
