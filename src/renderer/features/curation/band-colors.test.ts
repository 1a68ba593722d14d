// The band colours stay apart from every label colour of the default schema, and from each other.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../../core/model/schema';
import { BAND_COLORS } from './band-colors';

/** CIE L*a*b* of an sRGB hex colour (D65). */
function labOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  const lin = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const [r, g, b] = lin;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference: about 2.3 is just noticeable, over 20 reads as another colour. */
function deltaE(a: string, b: string): number {
  const [l1, a1, b1] = labOf(a);
  const [l2, a2, b2] = labOf(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** ΔE under which two colours of small marks on text are easily taken for one another. */
const DISTINCT = 30;

describe('band colours', () => {
  it('measures colour difference as CIE76 does', () => {
    expect(deltaE('#ffffff', '#ffffff')).toBe(0);
    expect(deltaE('#000000', '#ffffff')).toBeCloseTo(100, 0);
  });

  for (const [state, color] of Object.entries(BAND_COLORS)) {
    it(`${state} (${color}) differs from every label colour`, () => {
      for (const l of DEFAULT_SCHEMA.labels) expect(deltaE(color, l.color), `${state} vs ${l.name} ${l.color}`).toBeGreaterThan(DISTINCT);
    });
  }

  it('the three states differ from each other', () => {
    const c = Object.values(BAND_COLORS);
    for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) expect(deltaE(c[i]!, c[j]!)).toBeGreaterThan(DISTINCT);
  });
});
