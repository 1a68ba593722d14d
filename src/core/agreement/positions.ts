// Walks several annotators' sorted spans of one document position by position, without building maps of string keys.
//
// Spans come in the format's order (start, end, label, id), so the spans of one (start,
// end) are contiguous in each list and a k-way merge visits every distinct position once,
// in order, in O(k) per position. alpha_label's units and the merge's variants are both
// such positions.

import type { NativeSpan } from '../format/native';

/**
 * Calls `visit(start, end, from, to)` for every distinct (start, end) of the lists, in
 * order; list r has its spans at that position in `lists[r][from[r] .. to[r])` (empty when
 * from[r] === to[r]). The index arrays are reused between calls: copy what must outlive one.
 */
export function forEachPosition(lists: readonly (readonly NativeSpan[])[], visit: (start: number, end: number, from: Int32Array, to: Int32Array) => void): void {
  const k = lists.length;
  const next = new Int32Array(k);
  const from = new Int32Array(k);
  const to = new Int32Array(k);
  for (;;) {
    let start = Number.POSITIVE_INFINITY;
    let end = Number.POSITIVE_INFINITY;
    for (let r = 0; r < k; r++) {
      const s = lists[r]![next[r]!];
      if (s && (s.start < start || (s.start === start && s.end < end))) {
        start = s.start;
        end = s.end;
      }
    }
    if (start === Number.POSITIVE_INFINITY) return;
    for (let r = 0; r < k; r++) {
      const list = lists[r]!;
      let p = next[r]!;
      from[r] = p;
      while (p < list.length && list[p]!.start === start && list[p]!.end === end) p++;
      to[r] = p;
      next[r] = p;
    }
    visit(start, end, from, to);
  }
}
