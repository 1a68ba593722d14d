// The one place where code points meet ProseMirror positions: each line of the text is a paragraph node, in sections of SECTION_LINES.

import { OffsetMap } from '../../core/model/offsets';
import type { CodePoint, Utf16 } from '../../core/model/types';
import { SECTION_LINES } from './schema';

/** Tokens before the content of line i that are not characters of the text: its paragraph's opening, and its section's and the earlier sections' opening and closing. */
function tokensBefore(line: number): number {
  return line + 2 + 2 * Math.floor(line / SECTION_LINES);
}

/** A ProseMirror document position. */
export type PmPos = number & { readonly __unit: 'pm' };

/**
 * Maps between code-point offsets of a document's text and positions in its
 * ProseMirror doc, where line i (split on "\n") is paragraph i, in section ⌊i / SECTION_LINES⌋. A
 * UTF-16 offset u on line i is at position u + i + 2 + 2⌊i / SECTION_LINES⌋ (see {@link tokensBefore}).
 */
export class PositionMap {
  readonly offsets: OffsetMap;
  /** UTF-16 offset where each line starts. */
  private readonly lineStarts: Uint32Array;

  constructor(readonly text: string) {
    this.offsets = new OffsetMap(text);
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = Uint32Array.from(starts);
  }

  /** Number of lines (paragraphs). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line holding UTF-16 offset u (a newline belongs to the line it ends). */
  private lineOfUtf16(u: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.lineStarts[mid]! <= u) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Position of a code-point offset. */
  toPos(cp: CodePoint): PmPos {
    const u = this.offsets.toUtf16(cp);
    return (u + tokensBefore(this.lineOfUtf16(u))) as PmPos;
  }

  /** Code-point offset of a position; positions between paragraphs clamp to the end of the line before. */
  toCodePoint(pos: PmPos): CodePoint {
    // Largest line i whose content starts at or before pos: start_i = L_i + tokensBefore(i).
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.lineStarts[mid]! + tokensBefore(mid) <= pos) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.lineStarts[lo]!;
    const lineEnd = lo + 1 < this.lineStarts.length ? this.lineStarts[lo + 1]! - 1 : this.text.length;
    const u = Math.min(Math.max(pos - tokensBefore(lo), lineStart), lineEnd);
    return this.offsets.toCodePoint(u as Utf16);
  }
}
