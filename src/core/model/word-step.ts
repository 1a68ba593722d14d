// Word steps for span boundaries: where a span's start or end lands when moved one word, by
// Intl.Segmenter words (ICU's dictionary segments Chinese too), as Ctrl+arrow moves a caret.
//
// A boundary moves between word edges: the end to the end of the next or previous word, the
// start to the start of one, so a span never ends in a space or starts in punctuation. Figure
// signs that belong to a number (%, ‰, primes) count as part of the word before them, so
// "43.9|%" steps to "43.9%|". Only a bounded window around the offset is segmented: a step
// costs the same on a 1,000,000-character document as on a tweet.

import { OffsetMap } from './offsets';
import type { CodePoint, Utf16 } from './types';

/** Which edge of a span moves. */
export type SpanEdge = 'start' | 'end';

/** UTF-16 units segmented on each side of the offset: far more than a word and the spaces after it. */
export const STEP_WINDOW = 256;

/** Signs that belong to the number before them ("43.9%"), as the boundary module keeps them too. */
const NUMBER_SIGN = /^[%‰‱％′″]+$/u;
const HAN = /\p{Script=Han}/u;

const segmenters = new Map<string, Intl.Segmenter>();
function wordSegmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) segmenters.set(locale, (s = new Intl.Segmenter(locale, { granularity: 'word' })));
  return s;
}

/** Options of the word-step functions. */
export interface WordStepOptions {
  /** A prebuilt offset map of the text. */
  map?: OffsetMap;
  /** BCP 47 locale; by default 'zh' where the window holds Han characters, else 'en'. */
  locale?: string;
}

/** The word edges (UTF-16, absolute) in a window around `u`: starts and ends of word-like runs. */
function wordEdges(text: string, u: number, options: WordStepOptions): { starts: number[]; ends: number[] } {
  let from = Math.max(0, u - STEP_WINDOW);
  let to = Math.min(text.length, u + STEP_WINDOW);
  // Never cut a surrogate pair at the window's edges.
  if (from > 0 && /[\udc00-\udfff]/.test(text.charAt(from))) from--;
  if (to < text.length && /[\udc00-\udfff]/.test(text.charAt(to))) to++;
  const chunk = text.slice(from, to);
  const locale = options.locale ?? (HAN.test(chunk) ? 'zh' : 'en');
  const starts: number[] = [];
  const ends: number[] = [];
  for (const seg of wordSegmenter(locale).segment(chunk)) {
    const a = from + seg.index;
    const b = a + seg.segment.length;
    if (seg.isWordLike) {
      starts.push(a);
      ends.push(b);
    } else if (NUMBER_SIGN.test(seg.segment) && ends.length && ends[ends.length - 1] === a) {
      ends[ends.length - 1] = b;
    }
  }
  // A window edge that cuts a word is not a word edge.
  const cutStart = from > 0 && starts[0] === from;
  const cutEnd = to < text.length && ends[ends.length - 1] === to;
  return { starts: cutStart ? starts.slice(1) : starts, ends: cutEnd ? ends.slice(0, -1) : ends };
}

/**
 * The word edge nearest to `offset` in `direction` (1: forward, -1: back), strictly past it:
 * a word start when `edge` is 'start', a word end when it is 'end'. Null when there is none
 * within {@link STEP_WINDOW} (the text's edge, or a long run without words).
 */
export function wordEdge(text: string, offset: CodePoint, edge: SpanEdge, direction: 1 | -1, options: WordStepOptions = {}): CodePoint | null {
  const map = options.map ?? new OffsetMap(text);
  const u = map.toUtf16(offset);
  const { starts, ends } = wordEdges(text, u, options);
  const edges = edge === 'start' ? starts : ends;
  let found: number | undefined;
  if (direction > 0) found = edges.find((x) => x > u);
  else for (const x of edges) if (x < u) found = x;
  return found === undefined ? null : map.toCodePoint(found as Utf16);
}

/**
 * A span's range with one edge moved by one word, or null when it cannot move (no word
 * that way, or the span would be empty). Moving the end back never passes the start;
 * moving the start forward never passes the end.
 */
export function stepSpanEdge(
  text: string,
  range: { start: CodePoint; end: CodePoint },
  edge: SpanEdge,
  direction: 1 | -1,
  options: WordStepOptions = {},
): { start: CodePoint; end: CodePoint } | null {
  const at = edge === 'start' ? range.start : range.end;
  const next = wordEdge(text, at, edge, direction, options);
  if (next === null) return null;
  const moved = edge === 'start' ? { start: next, end: range.end } : { start: range.start, end: next };
  return moved.end > moved.start ? moved : null;
}
