// Krippendorff's alpha: hand-computed cases, missing data, undefined cases, and the fast forms against the textbook definition.

import { describe, expect, it } from 'vitest';
import { below, seeded } from '../../../test/fixtures/agreement/random';
import { krippendorffAlpha, krippendorffAlphaOfMatrix, MEASUREMENT_LEVELS, type MeasurementLevel } from './krippendorff';

/** The definition as Krippendorff (2011) writes it: coincidence matrix, then D_o and D_e with d2 of the level. */
function reference(units: (number | null)[][], level: MeasurementLevel): number | null {
  const pairable = units.map((u) => u.filter((v): v is number => v !== null)).filter((u) => u.length >= 2);
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const at = new Map(values.map((v, i) => [v, i]));
  const o = values.map(() => values.map(() => 0));
  for (const u of pairable) for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) o[at.get(u[i]!)!]![at.get(u[j]!)!]! += 1 / (u.length - 1);
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const d2 = (ci: number, ki: number): number => {
    const c = values[ci]!;
    const k = values[ki]!;
    switch (level) {
      case 'nominal':
        return c === k ? 0 : 1;
      case 'interval':
        return (c - k) ** 2;
      case 'ratio':
        return c + k === 0 ? 0 : ((c - k) / (c + k)) ** 2;
      case 'ordinal': {
        const [lo, hi] = ci < ki ? [ci, ki] : [ki, ci];
        let s = 0;
        for (let g = lo; g <= hi; g++) s += nc[g]!;
        return (s - (nc[ci]! + nc[ki]!) / 2) ** 2;
      }
    }
  };
  let dO = 0;
  let dE = 0;
  for (let c = 0; c < values.length; c++)
    for (let k = 0; k < values.length; k++) {
      dO += o[c]![k]! * d2(c, k);
      dE += nc[c]! * nc[k]! * d2(c, k);
    }
  dO /= n;
  dE /= n * (n - 1);
  return dE === 0 ? null : 1 - dO / dE;
}

describe('krippendorffAlpha', () => {
  it('computes a nominal case by hand', () => {
    // Units (a,a), (a,b), (b,b): n = 6, sum o_cc = 2 + 0 + 2 = 4, D_o = 1 - 4/6 = 1/3;
    // n_a = n_b = 3, D_e = (36 - 9 - 9) / (6 * 5) = 0.6; alpha = 1 - (1/3)/0.6 = 4/9.
    const r = krippendorffAlpha([['a', 'a'], ['a', 'b'], ['b', 'b']]);
    expect(r.observed).toBeCloseTo(1 / 3, 12);
    expect(r.expected).toBeCloseTo(0.6, 12);
    expect(r.alpha).toBeCloseTo(4 / 9, 12);
  });

  it('computes an interval case by hand', () => {
    // Units (1,2), (3,3): D_o = 2 * (1-2)^2 / 4 = 0.5; all ordered pairs of 1,2,3,3 sum to 22, D_e = 22/12; alpha = 1 - 0.5/(22/12) = 8/11.
    const r = krippendorffAlpha([[1, 2], [3, 3]], 'interval');
    expect(r.observed).toBeCloseTo(0.5, 12);
    expect(r.expected).toBeCloseTo(22 / 12, 12);
    expect(r.alpha).toBeCloseTo(8 / 11, 12);
  });

  it('drops units with fewer than two values and ignores missing values', () => {
    const withLone = krippendorffAlpha([['a', 'a'], ['a', 'b', null], ['b', 'b'], ['c'], [null, null], []]);
    expect(withLone.alpha).toBeCloseTo(4 / 9, 12);
    expect(withLone.units).toBe(3);
    expect(withLone.values).toBe(6);
  });

  it('reads a coders x units matrix with nulls', () => {
    const r = krippendorffAlphaOfMatrix([
      ['a', 'a', 'b', null],
      ['a', 'b', 'b', 'c'],
    ]);
    expect(r.alpha).toBeCloseTo(4 / 9, 12);
  });

  it('is undefined (null, not NaN) without pairable values or without variation', () => {
    expect(krippendorffAlpha([]).alpha).toBeNull();
    expect(krippendorffAlpha([['a'], ['b']]).alpha).toBeNull();
    expect(krippendorffAlpha([['a', 'a'], ['a', 'a', 'a']]).alpha).toBeNull();
    for (const level of MEASUREMENT_LEVELS) expect(krippendorffAlpha([[1, 1], [1, 1]], level).alpha).toBeNull();
  });

  it('gives 1 for perfect agreement with variation, and below 0 for systematic disagreement', () => {
    expect(krippendorffAlpha([['a', 'a'], ['b', 'b']]).alpha).toBe(1);
    expect(krippendorffAlpha([['a', 'b'], ['b', 'a']]).alpha!).toBeLessThan(0);
  });

  it('refuses non-numbers at numeric levels', () => {
    expect(() => krippendorffAlpha([['a', 'b']], 'interval')).toThrow(TypeError);
    expect(() => krippendorffAlpha([[1, Number.NaN]], 'ratio')).toThrow(TypeError);
  });

  it('treats ratio distance of two zeros as 0', () => {
    const r = krippendorffAlpha([[0, 0], [1, 3]], 'ratio');
    expect(Number.isFinite(r.alpha!)).toBe(true);
  });

  it('keeps precision with large values (interval, deviations from the mean)', () => {
    const base = 1.5e12;
    const small = krippendorffAlpha([[1, 2], [3, 3]], 'interval').alpha!;
    const large = krippendorffAlpha([[base + 1, base + 2], [base + 3, base + 3]], 'interval').alpha!;
    expect(large).toBeCloseTo(small, 6);
  });

  it('equals the coincidence-matrix definition at every level on random data', () => {
    const random = seeded(20260101);
    for (let trial = 0; trial < 40; trial++) {
      const coders = 2 + below(random, 4);
      const units: (number | null)[][] = [];
      const count = 1 + below(random, 25);
      for (let u = 0; u < count; u++) units.push(Array.from({ length: coders }, () => (random() < 0.2 ? null : 1 + below(random, 6))));
      for (const level of MEASUREMENT_LEVELS) {
        const expected = reference(units, level);
        const actual = krippendorffAlpha(units, level).alpha;
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 9);
      }
    }
  });
});
