// Line boxes and arcs: what the annotation layer draws, checked without a browser.

import { describe, expect, it } from 'vitest';
import { arcBetween, lineBoxes } from './arc-geometry';

describe('lineBoxes', () => {
  it('joins the pieces of a range on one line into one box at the text height, nested padding and chip anchors left out', () => {
    const boxes = lineBoxes([
      { left: 10, top: 100, right: 60, bottom: 120 },
      // A nested span's element: same top, taller (its underline lane's padding).
      { left: 60, top: 100, right: 90, bottom: 128 },
      // A chip anchor: zero width.
      { left: 60, top: 104, right: 60, bottom: 118 },
      { left: 90, top: 100, right: 140, bottom: 120 },
      // The next line.
      { left: 0, top: 144, right: 30, bottom: 164 },
    ]);
    expect(boxes).toEqual([
      { left: 10, top: 100, right: 140, bottom: 120 },
      { left: 0, top: 144, right: 30, bottom: 164 },
    ]);
  });
});

describe('arcBetween', () => {
  const head = { left: 100, top: 200, right: 300, bottom: 220 };
  const tail = { left: 400, top: 200, right: 440, bottom: 220 };

  it("runs from above the head's label chip to above the tail's (the middle of a span narrower than a chip)", () => {
    const a = arcBetween(head, tail);
    expect(a.from).toEqual({ x: 116, y: 188 });
    expect(a.to).toEqual({ x: 416, y: 188 });
    expect(a.d.startsWith('M 116 188 C')).toBe(true);
    expect(a.d.endsWith('416 188')).toBe(true);
    expect(arcBetween(head, { left: 400, top: 200, right: 410, bottom: 220 }).to.x).toBe(405);
  });

  it('puts its label above both ends, higher for ends farther apart, also when the tail is on a line above', () => {
    const near = arcBetween(head, tail);
    const far = arcBetween(head, { ...tail, left: 800, right: 840 });
    expect(near.labelY).toBeLessThan(200 - 20);
    expect(far.labelY).toBeLessThan(near.labelY);
    const upward = arcBetween(head, { left: 50, top: 150, right: 90, bottom: 170 });
    expect(upward.labelY).toBeLessThan(150 - 20);
    expect(upward.labelX).toBe((116 + 66) / 2);
  });
});
