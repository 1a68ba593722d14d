// A text prepared once for re-anchoring many spans in it: its code points and offset
// conversions precomputed, and windows of it read with the document's edges marked.

import { OffsetMap } from '../model/offsets';

/** Line feed: contexts stop at line breaks, and the document's edges count as one. */
export const NL = 0x0a;

/** A text prepared once for anchoring many spans: offsets and code points precomputed. */
export class AnchorText {
  readonly map: OffsetMap;
  /** The text's code points. */
  readonly cps: Uint32Array;
  /** Length in code points. */
  readonly length: number;

  constructor(readonly text: string, map?: OffsetMap) {
    this.map = map ?? new OffsetMap(text);
    this.length = this.map.codePointLength;
    this.cps = new Uint32Array(this.length);
    let k = 0;
    for (const ch of text) this.cps[k++] = ch.codePointAt(0)!;
  }

  /**
   * Code points [start, end), clamped to the text, with a line feed standing for each edge
   * of the document the range reaches; `offset` is the window index of text position max(0, start).
   */
  window(start: number, end: number): { cps: number[]; offset: number } {
    const s = Math.max(0, start);
    const e = Math.min(this.length, end);
    const out: number[] = [];
    if (start <= 0) out.push(NL);
    for (let i = s; i < e; i++) out.push(this.cps[i]!);
    if (end >= this.length) out.push(NL);
    return { cps: out, offset: start <= 0 ? 1 : 0 };
  }
}
