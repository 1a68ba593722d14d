// Converts between code-point offsets (the model's and the export's) and UTF-16 offsets (JavaScript's).
// This module and the editor's position map are the only places where units change.

import type { CodePoint, Utf16 } from './types';

/**
 * A precomputed conversion table for one text: the UTF-16 indices where astral
 * (surrogate-pair) characters start. Conversions are a binary search, so a
 * 1,000,000-character document converts in O(log n) per offset.
 */
export class OffsetMap {
  /** Sorted UTF-16 indices of the high surrogate of every astral character. */
  private readonly astralStarts: Uint32Array;
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: Utf16;
  /** Length of the text in code points. */
  readonly codePointLength: CodePoint;

  constructor(text: string) {
    const starts: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          starts.push(i);
          i++;
        }
      }
    }
    this.astralStarts = Uint32Array.from(starts);
    this.utf16Length = text.length as Utf16;
    this.codePointLength = (text.length - starts.length) as CodePoint;
  }

  /** Number of astral characters that start strictly before UTF-16 index `u`. */
  private astralBeforeUtf16(u: number): number {
    let lo = 0;
    let hi = this.astralStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astralStarts[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Code point offset of a UTF-16 offset. An offset inside a surrogate pair
   * (between its two halves) rounds down to the start of that character.
   */
  toCodePoint(u: Utf16): CodePoint {
    // A pair counted in `before` that starts at u-1 puts u inside it; u - before is then
    // that character's own code point index, which is the rounding down we want.
    return (u - this.astralBeforeUtf16(u)) as CodePoint;
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(cp: CodePoint): Utf16 {
    // Find the number k of astral characters before code point cp: the largest k with
    // astralStarts[k-1] - (k-1) < cp, since the code point index of astral k is astralStarts[k] - k.
    let lo = 0;
    let hi = this.astralStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astralStarts[mid]! - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return (cp + lo) as Utf16;
  }
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** `text[start:end]` as Python slices it: start and end in code points. */
export function sliceCodePoints(text: string, start: number, end: number, map = new OffsetMap(text)): string {
  return text.slice(map.toUtf16(start as CodePoint), map.toUtf16(end as CodePoint));
}
