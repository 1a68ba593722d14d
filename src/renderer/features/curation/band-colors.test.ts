// The band colours stay apart from every label colour of the default schema, and from each other.

import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../../../core/model/schema';
import { BAND_COLORS, deltaE } from './band-colors';

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
