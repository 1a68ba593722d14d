// Word and sentence boundaries for span editing — snap a selection to whole words, find the sentence around a click — in code points.
//
// Intl.Segmenter does the linguistics (ICU's dictionary segments Chinese words too); this
// module keeps it local: it only ever segments a bounded chunk of the paragraph around
// the offsets, so a call costs the same on a 1,000,000-character document as on a tweet.

import { OffsetMap } from './offsets';
import type { CodePoint, Utf16 } from './types';

/** A range of code points, end exclusive. */
export interface CodePointRange {
  start: CodePoint;
  end: CodePoint;
}

/** Options shared by the boundary functions. */
export interface BoundaryOptions {
  /** BCP 47 locale for Intl.Segmenter; by default 'zh' where the chunk holds Han characters, else 'en'. */
  locale?: string;
  /** A prebuilt offset map of the text; by default one is built (and reused while the same string is passed). */
  map?: OffsetMap;
  /**
   * Words the segmenter does not know, kept whole when a selection cuts into them: the
   * corpus's labelled strings and the entity dictionary ("小红书", "阮昊"). Build it once
   * with {@link extraWords} and pass the same object on every call.
   */
  extraWords?: ExtraWords;
}

/** Extra words for snapping, indexed for the edge test: by length, longest first. */
export interface ExtraWords {
  readonly words: ReadonlySet<string>;
  /** Longest word, in UTF-16 units. */
  readonly maxLength: number;
}

/** Extra words of at least two characters (one character is never a name to keep whole), for {@link BoundaryOptions.extraWords}. */
export function extraWords(words: Iterable<string>): ExtraWords {
  const set = new Set<string>();
  let maxLength = 0;
  for (const w of words) {
    const t = w.trim();
    if ([...t].length < 2) continue;
    set.add(t);
    maxLength = Math.max(maxLength, t.length);
  }
  return { words: set, maxLength };
}

/**
 * The extra word occurrence that straddles UTF-16 index `u` (starts before it and ends after
 * it), the longest if several: [from, to), or null. Tries at most maxLength² substrings.
 */
function straddling(text: string, u: number, extra: ExtraWords): { from: number; to: number } | null {
  for (let length = extra.maxLength; length >= 2; length--) {
    for (let from = Math.max(0, u - length + 1); from < u; from++) {
      const to = from + length;
      if (to > u && to <= text.length && extra.words.has(text.slice(from, to))) return { from, to };
    }
  }
  return null;
}

/** Particles that a Chinese selection never ends on: 的 (possessive) and 了 (aspect). */
const TRAILING_PARTICLE = /[的了]$/;

/** UTF-16 units of context segmented on each side of an offset for words: far more than any word. */
export const WORD_WINDOW = 256;
/** UTF-16 units of context segmented on each side of an offset for sentences; a longer sentence is cut at this distance. */
export const SENTENCE_WINDOW = 2048;

/**
 * Punctuation that may end or start a span: %, per-mille, primes and the like belong to
 * figures ("43.9%"), so trimming leaves them.
 */
const KEEP_PUNCT = /[%‰‱％′″]/u;
const TRIM_CHAR = /[\s\p{P}\u200b\ufeff]/u;
const SPACE_CHAR = /[\s\u200b\ufeff]/u;
const HAN = /\p{Script=Han}/u;
/**
 * Abbreviations whose final period belongs to a name: "Chint Electric Co., Ltd." keeps its
 * last ".", as the guidelines' entity examples do. Dotted initialisms ("U.S.") keep it too.
 */
const ABBREVIATIONS = new Set('co ltd inc corp plc llc bros jr sr st dr mr mrs ms prof no vs etc dept univ intl govt'.split(' '));
/** Titles after which ICU ends a sentence though the sentence goes on ("Mr. Smith"). */
const TITLES = new Set('mr mrs ms dr prof st mt gen sen rep gov no'.split(' '));

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string, granularity: 'word' | 'sentence'): Intl.Segmenter {
  const key = `${locale}|${granularity}`;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

let lastText: string | null = null;
let lastMap: OffsetMap | null = null;
/** The offset map of `text`, reused while callers pass the same string (an O(1) identity check in practice). */
function mapFor(text: string, given?: OffsetMap): OffsetMap {
  if (given) return given;
  if (lastText !== text || !lastMap) {
    lastMap = new OffsetMap(text);
    lastText = text;
  }
  return lastMap;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * The chunk [from, to) (UTF-16) around [lo, hi) that is segmented: the paragraph (the
 * text between newlines) containing it, cut to `radius` units on either side. A cut edge
 * moves to the nearest whitespace inside the chunk, so no word is split there, and never
 * into a surrogate pair. Exported for tests, which check its size.
 */
export function localWindow(text: string, lo: number, hi: number, radius: number): { from: number; to: number } {
  const minFrom = Math.max(0, lo - radius);
  let from = lo;
  while (from > minFrom && text.charCodeAt(from - 1) !== 10) from--;
  if (from === minFrom && from > 0 && text.charCodeAt(from - 1) !== 10) {
    let k = from;
    while (k < lo && !SPACE_CHAR.test(text.charAt(k))) k++;
    if (k < lo) from = k;
    if (from > 0 && from < text.length && isHighSurrogate(text.charCodeAt(from - 1))) from++;
  }
  const maxTo = Math.min(text.length, hi + radius);
  let to = hi;
  while (to < maxTo && text.charCodeAt(to) !== 10) to++;
  if (to === maxTo && to < text.length && text.charCodeAt(to) !== 10) {
    let k = to;
    while (k > hi && !SPACE_CHAR.test(text.charAt(k - 1))) k--;
    if (k > hi) to = k;
    if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  }
  return { from, to: Math.max(to, from) };
}

/** The last parameter of the boundary functions: a locale string ("zh") or options. */
function asOptions(localeOrOptions: string | BoundaryOptions): BoundaryOptions {
  return typeof localeOrOptions === 'string' ? { locale: localeOrOptions } : localeOrOptions;
}

function localeFor(chunk: string, options: BoundaryOptions): string {
  return options.locale ?? (HAN.test(chunk) ? 'zh' : 'en');
}

/** The word-like segment containing UTF-16 index `u`, as absolute UTF-16 bounds, or null. */
function wordSegmentAt(text: string, u: number, options: BoundaryOptions): { start: number; end: number } | null {
  if (u < 0 || u >= text.length) return null;
  const { from, to } = localWindow(text, u, u + 1, WORD_WINDOW);
  const chunk = text.slice(from, to);
  const seg = segmenter(localeFor(chunk, options), 'word').segment(chunk).containing(u - from);
  if (!seg || !seg.isWordLike) return null;
  return { start: from + seg.index, end: from + seg.index + seg.segment.length };
}

function codePointAtBefore(text: string, u: number): string {
  const c = text.charCodeAt(u - 1);
  return c >= 0xdc00 && c <= 0xdfff && u >= 2 && isHighSurrogate(text.charCodeAt(u - 2)) ? text.slice(u - 2, u) : text.charAt(u - 1);
}

function codePointAtStart(text: string, u: number): string {
  return isHighSurrogate(text.charCodeAt(u)) ? text.slice(u, u + 2) : text.charAt(u);
}

/** Whether the period just before UTF-16 index `e` ends an abbreviation that keeps it ("Ltd.", "U.S."). */
function abbreviationPeriod(text: string, e: number): boolean {
  if (text.charAt(e - 1) !== '.') return false;
  let s = e - 1;
  while (s > 0 && /[A-Za-z.]/.test(text.charAt(s - 1))) s--;
  const word = text.slice(s, e - 1);
  return ABBREVIATIONS.has(word.toLowerCase()) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word);
}

function toRange(map: OffsetMap, s: number, e: number): CodePointRange {
  return { start: map.toCodePoint(s as Utf16), end: map.toCodePoint(e as Utf16) };
}

/**
 * A selection snapped for labelling: widened to whole words at both ends (Intl.Segmenter,
 * Chinese words included, and the `extraWords` it does not know kept whole), then trimmed
 * so that no whitespace or punctuation is at either end — except a figure's % and an
 * abbreviation's final period ("Co., Ltd.") — and no particle 的 or 了 at its end. Reversed
 * offsets are swapped. An empty selection becomes the word at that offset, if any. The
 * result is empty (start === end) when the selection held only spaces and punctuation.
 */
export function snapToWords(text: string, start: CodePoint, end: CodePoint, localeOrOptions: string | BoundaryOptions = {}): CodePointRange {
  const options = asOptions(localeOrOptions);
  const map = mapFor(text, options.map);
  const lo = Math.min(start, end) as CodePoint;
  const hi = Math.max(start, end) as CodePoint;
  if (lo === hi) return wordAt(text, lo, { ...options, map }) ?? { start: lo, end: hi };
  let s = map.toUtf16(lo) as number;
  let e = map.toUtf16(hi) as number;
  const first = wordSegmentAt(text, s, options);
  if (first) s = first.start;
  const last = wordSegmentAt(text, e - 1, options);
  if (last) e = last.end;
  if (options.extraWords) {
    // A name the segmenter cut (小红书 → 小|红|书) is taken whole when the selection cuts into it.
    const atStart = straddling(text, s, options.extraWords);
    if (atStart) s = atStart.from;
    const atEnd = straddling(text, e, options.extraWords);
    if (atEnd) e = atEnd.to;
  }
  while (s < e) {
    const c = codePointAtStart(text, s);
    if (!TRIM_CHAR.test(c) || KEEP_PUNCT.test(c)) break;
    s += c.length;
  }
  while (e > s) {
    const c = codePointAtBefore(text, e);
    const particle = TRAILING_PARTICLE.test(c) && e - s > 1 && !insideExtraWord(text, e - 1, options.extraWords);
    if (!particle && (!TRIM_CHAR.test(c) || KEEP_PUNCT.test(c) || abbreviationPeriod(text, e))) break;
    e -= c.length;
  }
  return toRange(map, s, s === e ? s : e);
}

/** Whether UTF-16 index `u` lies inside an occurrence of an extra word (a name with 的 in it: 我的世界). */
function insideExtraWord(text: string, u: number, extra: ExtraWords | undefined): boolean {
  return !!extra && (straddling(text, u, extra) !== null || straddling(text, u + 1, extra) !== null);
}

/**
 * The word at code point `offset`: the word-like segment containing that character, or
 * else the one ending just before it (a caret right after a word), widened to an extra
 * word it cuts into. Null on spaces and punctuation.
 */
export function wordAt(text: string, offset: CodePoint, localeOrOptions: string | BoundaryOptions = {}): CodePointRange | null {
  const options = asOptions(localeOrOptions);
  const map = mapFor(text, options.map);
  const u = map.toUtf16(offset) as number;
  const seg = wordSegmentAt(text, u, options) ?? (u > 0 ? wordSegmentAt(text, u - 1, options) : null);
  if (!seg) return null;
  let { start, end } = seg;
  if (options.extraWords) {
    start = straddling(text, start, options.extraWords)?.from ?? start;
    end = straddling(text, end, options.extraWords)?.to ?? end;
  }
  return toRange(map, start, end);
}

/**
 * The sentence around code point `offset` (Intl.Segmenter sentences: 。！？ and .!? end
 * them), trimmed of surrounding whitespace and never crossing a line break. A break ICU
 * makes after a title ("Mr. Smith") is undone. Null on an empty line.
 */
export function sentenceAt(text: string, offset: CodePoint, localeOrOptions: string | BoundaryOptions = {}): CodePointRange | null {
  const options = asOptions(localeOrOptions);
  const map = mapFor(text, options.map);
  let u = map.toUtf16(offset) as number;
  if (u >= text.length) u = text.length - 1;
  if (u < 0 || text.charCodeAt(u) === 10) return null;
  const { from, to } = localWindow(text, u, u + 1, SENTENCE_WINDOW);
  const chunk = text.slice(from, to);
  const segments = segmenter(localeFor(chunk, options), 'sentence').segment(chunk);
  const seg = segments.containing(u - from);
  if (!seg) return null;
  let s = seg.index;
  let e = seg.index + seg.segment.length;
  // Join across breaks ICU made after a title: the previous sentence ending in "Mr. ".
  while (s > 0) {
    const prev = segments.containing(s - 1);
    if (!prev || !endsWithTitle(prev.segment)) break;
    s = prev.index;
  }
  while (e < chunk.length && endsWithTitle(chunk.slice(s, e))) {
    const next = segments.containing(e);
    if (!next) break;
    e = next.index + next.segment.length;
  }
  let a = from + s;
  let b = from + e;
  while (a < b && SPACE_CHAR.test(text.charAt(a))) a++;
  while (b > a && SPACE_CHAR.test(text.charAt(b - 1))) b--;
  return a === b ? null : toRange(map, a, b);
}

function endsWithTitle(sentence: string): boolean {
  const m = /(?:^|[^A-Za-z])([A-Za-z]+)\.\s*$/.exec(sentence);
  return !!m && TITLES.has(m[1]!.toLowerCase()) && /^[A-Z]/.test(m[1]!);
}
