// Converts the model's code-point offsets to the units other tools count in (UTF-16 units, grapheme clusters) and back.

import { OffsetMap, codePointLength } from '../model/offsets';
import type { CodePoint, Utf16 } from '../model/types';
import GraphemeSplitter from 'grapheme-splitter';
import type { OffsetUnit } from './convert-types';

/**
 * Grapheme clusters counted as doccano counts them: its frontend splits with
 * grapheme-splitter 1.0.4 (pinned in package.json), whose Unicode tables are fixed,
 * where Intl.Segmenter follows the ICU of each Node version (Devanagari conjuncts and
 * newer emoji sequences differ).
 */
let splitter: GraphemeSplitter | null = null;

/**
 * Offsets of one text in one unit. `fromCodePoint` and `toCodePoint` return
 * `null` for an offset that has no exact counterpart (a code point inside a
 * grapheme cluster, a UTF-16 index between the halves of a surrogate pair).
 */
export class UnitMap {
  readonly unit: OffsetUnit;
  private readonly utf16?: OffsetMap;
  /** For graphemes: the code point offset where each cluster starts, plus the text's length. */
  private readonly clusterStarts?: number[];
  private readonly text: string;

  constructor(text: string, unit: OffsetUnit) {
    this.unit = unit;
    this.text = text;
    if (unit === 'utf16') this.utf16 = new OffsetMap(text);
    if (unit === 'grapheme') {
      const starts: number[] = [];
      let cp = 0;
      splitter ??= new GraphemeSplitter();
      for (const segment of splitter.iterateGraphemes(text)) {
        starts.push(cp);
        cp += codePointLength(segment);
      }
      starts.push(cp);
      this.clusterStarts = starts;
    }
  }

  /** The offset in this unit of a code point offset, or null if it falls inside a unit. */
  fromCodePoint(cp: number): number | null {
    if (this.unit === 'codepoint') return cp;
    if (this.utf16) return this.utf16.toUtf16(cp as CodePoint);
    const i = lowerBound(this.clusterStarts!, cp);
    return this.clusterStarts![i] === cp ? i : null;
  }

  /** The code point offset of an offset in this unit, or null if it falls inside a character. */
  toCodePoint(n: number): number | null {
    if (this.unit === 'codepoint') return n;
    if (this.utf16) {
      if (n < 0 || n > this.text.length) return null;
      const c = this.text.charCodeAt(n - 1);
      const d = this.text.charCodeAt(n);
      // Between a high and a low surrogate: not a character boundary.
      if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) return null;
      return this.utf16.toCodePoint(n as Utf16);
    }
    const s = this.clusterStarts!;
    return n >= 0 && n < s.length ? s[n]! : null;
  }
}

function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
