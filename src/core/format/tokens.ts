// Word tokens and sentences for the token formats (hf, conll), from Intl.Segmenter (Chinese included),
// in code points; and the reverse: a text rebuilt from tokens when importing them.

import { codePointLength } from '../model/offsets';
import { CJK_ASCII, CJK_MARK, cjkCuttable, cjkKind } from './cjk-runs';
import { asciiWords } from './ascii-words';
import { TokenTable, type Token } from './token-table';

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

export type { Token } from './token-table';

/**
 * Whitespace as both JavaScript (`\s`) and Python (`str.split()`) see it:
 * tokens never contain any, so a token-per-line file splits the same way in both.
 */
const WS = /[\s\x1c-\x1f\x85]+/u;
const WS_ONLY = /^[\s\x1c-\x1f\x85]*$/u;
const WS_GLOBAL = /[\s\x1c-\x1f\x85]+/gu;
const WS_SPLIT = /([\s\x1c-\x1f\x85]+)/u;

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

/** ASCII whitespace, which alone separates the runs cut here (tab, LF, VT, FF, CR, space). */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * The tokens Intl.Segmenter finds in the stretches `[from, to)` of `text` (UTF-16, each
 * ending at a LF or before printable ASCII), whitespace dropped, appended to `out` in text order.
 * Stretches are joined by LF into strings of about {@link ICU_BATCH} units and
 * segmented together: a word boundary always falls before and after LF (UAX #29 WB3a,
 * WB3b), so each stretch is cut as it would be alone; a segment is placed back by its index.
 */
function icuStretches(text: string, from: readonly number[], to: readonly number[], cursor: CodePointCursor, locale: string | undefined, out: TokenTable): void {
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
        out.push(at, at + segment.length, cursor.at(at), cursor.at(at + segment.length));
      } else if (!WS_ONLY.test(segment)) {
        // A segment with inner whitespace (rare): split it so no token holds a space.
        let u = at;
        for (const part of segment.split(WS_SPLIT)) {
          if (part && !WS_ONLY.test(part)) out.push(u, u + part.length, cursor.at(u), cursor.at(u + part.length));
          u += part.length;
        }
      }
    }
    k = last;
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

/**
 * The state of one cut: tokens found here go to `out` at once, in text order; the stretches between them that
 * need ICU are gathered (split at LF) and cut at the end into `icu`, then merged in. A class, not closures: the
 * CLI runs under tsx, whose keepNames makes a closure created per call costly.
 */
class Cut {
  /** UTF-16 index where the text not yet placed begins. */
  pending = 0;
  readonly from: number[] = [];
  readonly to: number[] = [];
  readonly cursor: CodePointCursor;

  constructor(
    readonly text: string,
    readonly out: TokenTable,
    astral: boolean,
  ) {
    this.cursor = new CodePointCursor(text, astral);
  }

  /** The text from {@link pending} to `end`, unless ASCII whitespace only, as stretches for ICU (split after each LF). */
  addGap(end: number): void {
    const { text } = this;
    let at = this.pending;
    while (at < end && isAsciiSpace(text.charCodeAt(at))) at++;
    if (at === end) return;
    at = this.pending;
    while (at < end) {
      const nl = text.indexOf('\n', at);
      const stop = nl === -1 || nl >= end ? end : nl + 1;
      this.stretch(at, stop);
      at = stop;
    }
  }

  stretch(from: number, to: number): void {
    this.from.push(from);
    this.to.push(to);
  }

  /** A run of Han, ASCII and CJK marks ({@link cjkCuttable}): ASCII pieces cut here, each mark a token, Han by `chars` or ICU. */
  cjkRun(a: number, b: number, chars: boolean): void {
    const { text, out } = this;
    let i = a;
    while (i < b) {
      const kind = cjkKind(text.charCodeAt(i));
      let j = i + 1;
      if (kind === CJK_MARK) out.push(i, j, this.cursor.at(i), this.cursor.at(i) + 1);
      else {
        while (j < b && cjkKind(text.charCodeAt(j)) === kind) j++;
        if (kind === CJK_ASCII) asciiWords(text, i, j, this.cursor.at(i), out);
        else if (!chars) this.stretch(i, j);
        else {
          const cp = this.cursor.at(i);
          for (let u = i; u < j; u++) out.push(u, u + 1, cp + u - i, cp + u - i + 1);
        }
      }
      i = j;
    }
  }

  /** `chars` mode, a run with Han and what {@link cjkCuttable} refuses: each Han character a token, ICU for the rest. */
  hanRun(a: number, run: string): void {
    let u = 0;
    HAN_CHAR.lastIndex = 0;
    for (let h = HAN_CHAR.exec(run); h !== null; h = HAN_CHAR.exec(run)) {
      if (h.index > u) this.stretch(a + u, a + h.index);
      const at = a + h.index;
      const cp = this.cursor.at(at);
      this.out.push(at, at + h[0].length, cp, cp + (h[0].length === 1 ? 1 : codePointLength(h[0])));
      u = h.index + h[0].length;
    }
    if (u < run.length) this.stretch(a + u, a + run.length);
  }
}

/** Two tables of tokens in text order, merged by position into `out` (emptied first). */
function mergeInto(a: TokenTable, b: TokenTable, out: TokenTable): void {
  out.reset(a.text);
  let i = 0;
  let j = 0;
  while (i < a.count || j < b.count) {
    if (j >= b.count || (i < a.count && a.uStart[i]! < b.uStart[j]!)) {
      out.push(a.uStart[i]!, a.uEnd[i]!, a.start[i]!, a.end[i]!);
      i++;
    } else {
      out.push(b.uStart[j]!, b.uEnd[j]!, b.start[j]!, b.end[j]!);
      j++;
    }
  }
}

/** Tables reused from one text to the next (a cut never runs inside another). */
const scratch = { found: new TokenTable(), icu: new TokenTable(), merged: new TokenTable() };

/**
 * The words of `text` as Intl.Segmenter finds them, whitespace dropped, as a table that the next call reuses (copy
 * what must outlive it, e.g. with {@link TokenTable.toTokens}): punctuation marks are tokens of their own; a Chinese
 * run is cut by ICU's dictionary ("上海市|统计|局"); an emoji sequence is one token.
 *
 * Speed: Intl.Segmenter costs about a microsecond per segment in Node, so runs of printable ASCII between ASCII
 * whitespace (most of an English text) are cut by the same UAX #29 rules here ({@link asciiWords}), as are Chinese
 * runs of Han, ASCII and common punctuation ({@link cjkCuttable}), and only the stretches between them go to ICU.
 * Such a run's edges are word boundaries whatever surrounds them, so the tokens are ICU's; tests check them against
 * Intl.Segmenter on random text.
 *
 * With `zh` = `chars`, each Han character ({@link HAN_CHAR}) is a token of its own instead, and
 * the text between Han characters is cut as above, each stretch alone.
 */
export function wordTokenTable(text: string, locale?: string, zh: ZhTokens = 'words'): TokenTable {
  const chars = zh === 'chars';
  const found = scratch.found.reset(text);
  const cut = new Cut(text, found, SURROGATE.test(text));
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isAsciiSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const a = i;
    let printable = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c <= 0x20 || c > 0x7e) {
        if (isAsciiSpace(c)) break;
        printable = false;
      }
    }
    if (printable) {
      cut.addGap(a);
      asciiWords(text, a, i, cut.cursor.at(a), found);
    } else if (cjkCuttable(text, a, i)) {
      cut.addGap(a);
      cut.cjkRun(a, i, chars);
    } else {
      const run = text.slice(a, i);
      // Left in the gap, for ICU with what surrounds it.
      if (!chars || !HAS_HAN.test(run)) continue;
      cut.addGap(a);
      cut.hanRun(a, run);
    }
    cut.pending = i;
  }
  cut.addGap(n);
  // Nothing for ICU (most texts): the tokens found are all.
  if (cut.from.length === 0) return found;
  const icu = scratch.icu.reset(text);
  icuStretches(text, cut.from, cut.to, new CodePointCursor(text, SURROGATE.test(text)), locale, icu);
  mergeInto(found, icu, scratch.merged);
  return scratch.merged;
}

/** The tokens of {@link wordTokenTable} as objects: text and code point range. */
export function wordTokens(text: string, locale?: string, zh: ZhTokens = 'words'): Token[] {
  return wordTokenTable(text, locale, zh).toTokens();
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
