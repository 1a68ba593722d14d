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
