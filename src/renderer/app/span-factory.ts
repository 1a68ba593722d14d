// Turns an annotator's text selection into a span: whitespace trimmed from its ends, quote and timestamps filled in.

import { newId } from '../../core/model/ids';
import { OffsetMap } from '../../core/model/offsets';
import { quoteOf } from '../../core/model/quote';
import type { CodePoint, Span } from '../../core/model/types';

/** The code-point range without leading and trailing white space; null when nothing but white space is left. */
export function trimRange(text: string, start: CodePoint, end: CodePoint, map: OffsetMap): { start: CodePoint; end: CodePoint } | null {
  const chars = Array.from(text.slice(map.toUtf16(start), map.toUtf16(end)));
  let a = 0;
  let b = chars.length;
  while (a < b && /\s/u.test(chars[a]!)) a++;
  while (b > a && /\s/u.test(chars[b - 1]!)) b--;
  return a < b ? { start: (start + a) as CodePoint, end: (start + b) as CodePoint } : null;
}

/** A new span over [start, end) of `text`. */
export function makeSpan(args: { text: string; map: OffsetMap; docId: string; annotator: string; label: string; start: CodePoint; end: CodePoint }): Span {
  const now = new Date().toISOString();
  return {
    id: newId('s'),
    docId: args.docId,
    annotator: args.annotator,
    label: args.label,
    start: args.start,
    end: args.end,
    attrs: {},
    quote: quoteOf(args.text, args.start, args.end, args.map),
    createdAt: now,
    updatedAt: now,
  };
}
