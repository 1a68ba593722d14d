// The shapes the annotation layer draws, as pure functions of boxes: line boxes of a range, relation arcs.

/** A box in the layer's coordinates (pixels, y down). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Joins the client rects of a range into one box per visual line. Rects of nested inline
 * elements are taller than the text (their padding draws underline lanes), so a line's box
 * takes the lowest top and the highest bottom edge that *every* rect on it reaches: the text's.
 * Empty rects (zero-width anchors of label chips) are left out.
 */
export function lineBoxes(rects: readonly Box[]): Box[] {
  const sorted = rects.filter((r) => r.right - r.left >= 0.5 && r.bottom > r.top).sort((a, b) => a.top - b.top || a.left - b.left);
  const lines: Box[] = [];
  for (const r of sorted) {
    const line = lines.find((l) => r.top < l.bottom && l.top < r.bottom && Math.abs(r.top - l.top) < (l.bottom - l.top) / 2);
    if (line) {
      line.left = Math.min(line.left, r.left);
      line.right = Math.max(line.right, r.right);
      line.top = Math.min(line.top, r.top);
      line.bottom = Math.min(line.bottom, r.bottom);
    } else {
      lines.push({ ...r });
    }
  }
  return lines.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A drawn arc: its SVG path, where its label sits, and its two ends. */
export interface Arc {
  d: string;
  labelX: number;
  labelY: number;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

/** Pixels an arc rises above the higher of its ends, at least: clear of the label chips (two rows of about 12 px). */
export const ARC_RISE = 30;

/** How far into a span its arc ends: about the middle of its label chip, which sits at its start (as brat joins labels). */
export const ARC_INSET = 16;

/** Pixels above the text where an arc ends: on top of the first row of label chips (about 11 px tall), not across it. */
export const CHIP_CLEARANCE = 12;

/** Where an arc meets a span's first line box: over its label chip, or its middle when the span is narrower. */
function anchor(b: Box): { x: number; y: number } {
  return { x: b.left + Math.min(ARC_INSET, (b.right - b.left) / 2), y: b.top - CHIP_CLEARANCE };
}

/**
 * A cubic curve from `head`'s first line box to `tail`'s, each end over the span's label chip,
 * rising above both ends (higher the farther apart they are, up to a limit), as brat draws
 * relations; its label sits at the top of the curve. A claim and the figure inside it are
 * joined from label to label, not from middle to middle (which would nearly coincide).
 */
export function arcBetween(head: Box, tail: Box): Arc {
  const from = anchor(head);
  const to = anchor(tail);
  const rise = ARC_RISE + Math.min(40, Math.abs(to.x - from.x) * 0.08);
  const peak = Math.min(from.y, to.y) - rise;
  // Both control points at the peak's height: the curve's top, at t = 1/2, is 3/4 of the way there.
  const c = peak - (Math.min(from.y, to.y) - peak) / 3;
  const d = `M ${r(from.x)} ${r(from.y)} C ${r(from.x)} ${r(c)} ${r(to.x)} ${r(c)} ${r(to.x)} ${r(to.y)}`;
  const labelY = 0.125 * from.y + 0.75 * c + 0.125 * to.y;
  return { d, labelX: (from.x + to.x) / 2, labelY, from, to };
}

function r(n: number): number {
  return Math.round(n * 10) / 10;
}
