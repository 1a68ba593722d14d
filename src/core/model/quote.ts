// Builds the text quote kept with every span, the anchor that survives edits to the file.

import { OffsetMap } from './offsets';
import type { CodePoint, TextQuote } from './types';

/** Code points of context kept on each side of a span: enough to tell repeats apart, short enough to stay cheap. */
export const QUOTE_CONTEXT = 32;

/** The quote (exact text, prefix, suffix) of the code-point range [start, end) of `text`. */
export function quoteOf(text: string, start: CodePoint, end: CodePoint, map = new OffsetMap(text)): TextQuote {
  const s = map.toUtf16(start);
  const e = map.toUtf16(end);
  const ps = map.toUtf16(Math.max(0, start - QUOTE_CONTEXT) as CodePoint);
  const se = map.toUtf16(Math.min(map.codePointLength, end + QUOTE_CONTEXT) as CodePoint);
  return { exact: text.slice(s, e), prefix: text.slice(ps, s), suffix: text.slice(e, se) };
}
