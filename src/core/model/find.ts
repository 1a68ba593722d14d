// Finds every occurrence of a query in a text, in code points, for find-in-document and corpus search.

import { OffsetMap } from './offsets';
import type { CodePoint } from './types';

/** One match. */
export interface TextMatch {
  start: CodePoint;
  end: CodePoint;
}

/** Matches listed at most: past this a search is too broad to be read anyway. */
export const MAX_MATCHES = 5000;

/**
 * Every non-overlapping occurrence of `query` in `text`. Case-insensitive unless
 * asked (only where lower-casing keeps the length, so offsets stay exact: İ and
 * a few others fall back to an exact match).
 */
export function findAll(text: string, query: string, options: { caseSensitive?: boolean; map?: OffsetMap; limit?: number } = {}): TextMatch[] {
  if (!query) return [];
  const limit = options.limit ?? MAX_MATCHES;
  let hay = text;
  let needle = query;
  if (!options.caseSensitive) {
    const lowerHay = text.toLowerCase();
    const lowerNeedle = query.toLowerCase();
    if (lowerHay.length === text.length && lowerNeedle.length === query.length) {
      hay = lowerHay;
      needle = lowerNeedle;
    }
  }
  const map = options.map ?? new OffsetMap(text);
  const out: TextMatch[] = [];
  for (let i = hay.indexOf(needle); i !== -1 && out.length < limit; i = hay.indexOf(needle, i + needle.length)) {
    out.push({ start: map.toCodePoint(i as never), end: map.toCodePoint((i + needle.length) as never) });
  }
  return out;
}

/** The text around a match, for result lists: up to `width` code points each side, on one line. */
export function contextOf(text: string, m: TextMatch, width = 40, map = new OffsetMap(text)): { before: string; match: string; after: string } {
  const s = map.toUtf16(m.start);
  const e = map.toUtf16(m.end);
  const b = map.toUtf16(Math.max(0, m.start - width) as CodePoint);
  const a = map.toUtf16(Math.min(map.codePointLength, m.end + width) as CodePoint);
  const flat = (x: string) => x.replace(/\s+/g, ' ');
  return { before: flat(text.slice(b, s)), match: text.slice(s, e), after: flat(text.slice(e, a)) };
}
