// Maps code-point positions of an old text to a new one from a cheap diff, so that spans in
// unchanged regions re-anchor by position without searching the document.

import { OffsetMap } from '../model/offsets';
import type { CodePoint, Utf16 } from '../model/types';

/** A stretch of text that is the same, character for character, in both versions. */
export interface Segment {
  /** Code-point start in the old text. */
  oldStart: number;
  /** Code-point start in the new text. */
  newStart: number;
  /** Length in code points. */
  length: number;
}

/**
 * Shortest line (in UTF-16 units) trusted as an anchor between the versions: a line this
 * long that occurs once in each is very unlikely to be two different lines. Shorter lines
 * ("", "——", "2024") repeat too easily to be used.
 */
const MIN_ANCHOR_LINE = 8;

/**
 * A diff of two texts, reduced to what re-anchoring needs: the common prefix and suffix
 * (trimmed first, as every diff does), and between them the lines that occur exactly once
 * in each version, kept in order (the longest increasing run, as patience diff does).
 * Positions inside these segments map exactly; positions between them are interpolated,
 * which is only ever used as a hint that the quote check confirms or rejects.
 *
 * Immutable once built. Building is O(n + k log k) for n characters and k lines.
 */
export class EditMap {
  /** Unchanged segments in increasing order of both old and new positions. */
  readonly segments: readonly Segment[];
  /** Code-point length of the old text. */
  readonly oldLength: number;
  /** Code-point length of the new text. */
  readonly newLength: number;

  constructor(oldText: string, newText: string, oldMap = new OffsetMap(oldText), newMap = new OffsetMap(newText)) {
    this.oldLength = oldMap.codePointLength;
    this.newLength = newMap.codePointLength;
    const maxCommon = Math.min(oldText.length, newText.length);
    let p = 0;
    while (p < maxCommon && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
    // Never end the prefix between the two halves of a surrogate pair.
    if (p > 0 && p < maxCommon && isHigh(oldText.charCodeAt(p - 1))) p--;
    let s = 0;
    while (s < maxCommon - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
    if (s > 0 && s < maxCommon - p && isLow(oldText.charCodeAt(oldText.length - s))) s--;

    const oldSuffix = oldText.length - s;
    const newSuffix = newText.length - s;
    // Lines are matched whole: the middle reaches out to the line breaks around it, so that a
    // line cut by a coincidental common prefix or suffix ("…total." and "…festival." share
    // "al.") is still recognised.
    const anchors = lineAnchors(
      oldText, lineStart(oldText, p), lineEnd(oldText, oldSuffix), oldMap,
      newText, lineStart(newText, p), lineEnd(newText, newSuffix), newMap,
    );
    const prefixCp = oldMap.toCodePoint(p as Utf16);
    const oldSuffixCp = oldMap.toCodePoint(oldSuffix as Utf16);
    const newSuffixCp = newMap.toCodePoint(newSuffix as Utf16);
    const candidates: Segment[] = [
      { oldStart: 0, newStart: 0, length: prefixCp },
      ...anchors,
      { oldStart: oldSuffixCp, newStart: newSuffixCp, length: this.oldLength - oldSuffixCp },
    ];
    // Keep the segments in order in both texts, without overlap: where one overlaps the one
    // before it (in either text), its start is cut back to where that one ends.
    const segs: Segment[] = [];
    let oldEnd = 0;
    let newEnd = 0;
    for (const c of candidates) {
      const cut = Math.max(0, oldEnd - c.oldStart, newEnd - c.newStart);
      if (c.length - cut <= 0) continue;
      const seg = { oldStart: c.oldStart + cut, newStart: c.newStart + cut, length: c.length - cut };
      segs.push(seg);
      oldEnd = seg.oldStart + seg.length;
      newEnd = seg.newStart + seg.length;
    }
    this.segments = segs;
  }

  /** True when the texts are identical. */
  get identical(): boolean {
    const only = this.segments[0];
    return this.oldLength === this.newLength && (this.oldLength === 0 || (this.segments.length === 1 && only!.length === this.oldLength));
  }

  /**
   * Where old position `pos` most likely is in the new text: exact inside an unchanged
   * segment, linearly interpolated across a changed stretch.
   */
  map(pos: number): CodePoint {
    return this.locate(pos).at;
  }

  /**
   * {@link map}, and whether the result is sure: inside an unchanged segment, or in a
   * changed stretch as long in the new text as in the old (where only characters were
   * replaced, position for position, as far as a diff of this kind can tell).
   */
  locate(pos: number): { at: CodePoint; sure: boolean } {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (segs[mid]!.oldStart <= pos) lo = mid + 1;
      else hi = mid;
    }
    const before = segs[lo - 1];
    if (before && pos < before.oldStart + before.length) return { at: (before.newStart + pos - before.oldStart) as CodePoint, sure: true };
    const after = segs[lo];
    const g0 = before ? before.oldStart + before.length : 0;
    const h0 = before ? before.newStart + before.length : 0;
    const g1 = after ? after.oldStart : this.oldLength;
    const h1 = after ? after.newStart : this.newLength;
    const mapped = g1 > g0 ? h0 + Math.round(((pos - g0) * (h1 - h0)) / (g1 - g0)) : h0;
    return { at: Math.max(0, Math.min(this.newLength, mapped)) as CodePoint, sure: g1 - g0 === h1 - h0 };
  }

  /** True when the old range [start, end) lies wholly inside one unchanged segment. */
  unchanged(start: number, end: number): boolean {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (segs[mid]!.oldStart <= start) lo = mid + 1;
      else hi = mid;
    }
    const seg = segs[lo - 1];
    return seg !== undefined && end <= seg.oldStart + seg.length;
  }
}

/** UTF-16 index of the start of the line holding index `i`. */
function lineStart(text: string, i: number): number {
  return i <= 0 ? 0 : text.lastIndexOf('\n', i - 1) + 1;
}

/** UTF-16 index of the line break ending the line holding index `i` (or the text's end). */
function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl === -1 ? text.length : nl;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

interface Line {
  text: string;
  /** UTF-16 start. */
  at: number;
}

/** The lines of text[from, to), cut at '\n' (which stays with the line before it is dropped). */
function linesOf(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  let at = from;
  while (at < to) {
    let nl = text.indexOf('\n', at);
    if (nl === -1 || nl >= to) nl = to;
    out.push({ text: text.slice(at, nl), at });
    at = nl + 1;
  }
  return out;
}

/**
 * Segments for the lines of the changed middle that occur exactly once in each version,
 * kept only where they are in the same order (the longest increasing subsequence).
 */
function lineAnchors(
  oldText: string, oldFrom: number, oldTo: number, oldMap: OffsetMap,
  newText: string, newFrom: number, newTo: number, newMap: OffsetMap,
): Segment[] {
  if (oldFrom >= oldTo || newFrom >= newTo) return [];
  const oldLines = linesOf(oldText, oldFrom, oldTo);
  const newLines = linesOf(newText, newFrom, newTo);
  // Count per line text: [count in old, index in old, count in new, index in new].
  const seen = new Map<string, [number, number, number, number]>();
  oldLines.forEach((l, i) => {
    if (l.text.length < MIN_ANCHOR_LINE) return;
    const e = seen.get(l.text);
    if (e) e[0]++;
    else seen.set(l.text, [1, i, 0, -1]);
  });
  newLines.forEach((l, i) => {
    if (l.text.length < MIN_ANCHOR_LINE) return;
    const e = seen.get(l.text);
    if (e) {
      e[2]++;
      e[3] = i;
    }
  });
  const pairs: [number, number][] = [];
  for (const [, [oc, oi, nc, ni]] of seen) if (oc === 1 && nc === 1) pairs.push([oi, ni]);
  pairs.sort((x, y) => x[0] - y[0]);
  const kept = longestIncreasing(pairs);
  return kept.map(([oi, ni]) => {
    const ol = oldLines[oi]!;
    const nl = newLines[ni]!;
    const oldStart = oldMap.toCodePoint(ol.at as Utf16);
    return {
      oldStart,
      newStart: newMap.toCodePoint(nl.at as Utf16),
      length: oldMap.toCodePoint((ol.at + ol.text.length) as Utf16) - oldStart,
    };
  });
}

/** The longest run of pairs (sorted by their first element) whose second elements increase. */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  // Patience sorting: tails[k] is the index of the smallest tail of an increasing run of length k+1.
  const tails: number[] = [];
  const back = new Int32Array(pairs.length).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    const v = pairs[i]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[tails[mid]!]![1] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: [number, number][] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = back[i]!) out.push(pairs[i]!);
  return out.reverse();
}
