// Cohen's and Fleiss' kappa: hand-computed tables, degenerate tables, and agreement between the two where they must agree.

import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaOfPairs, fleissKappa } from './kappa';

describe('cohenKappa', () => {
  it('computes a 3x3 table by hand', () => {
    // N = 10; trace = 3 + 2 + 2 = 7, p_o = 0.7; rows 4,3,3 and cols 4,4,2: p_e = (16 + 12 + 6)/100 = 0.34;
    // kappa = (0.7 - 0.34)/(1 - 0.34) = 0.36/0.66.
    const r = cohenKappa([
      [3, 1, 0],
      [1, 2, 0],
      [0, 1, 2],
    ]);
    expect(r.p_o).toBeCloseTo(0.7, 12);
    expect(r.p_e).toBeCloseTo(0.34, 12);
    expect(r.kappa).toBeCloseTo(0.36 / 0.66, 12);
  });

  it('builds the table from pairs', () => {
    const pairs: [string, string][] = [
      ...Array<[string, string]>(3).fill(['x', 'x']),
      ['x', 'y'],
      ['y', 'x'],
      ...Array<[string, string]>(2).fill(['y', 'y']),
    ];
    // p_o = 5/7; rows x 4, y 3; cols x 4, y 3; p_e = (16 + 9)/49.
    const pe = 25 / 49;
    expect(cohenKappaOfPairs(pairs).kappa).toBeCloseTo((5 / 7 - pe) / (1 - pe), 12);
  });

  it('is null, not NaN, without items or when chance agreement is total', () => {
    expect(cohenKappa([]).kappa).toBeNull();
    expect(cohenKappa([[0, 0], [0, 0]]).kappa).toBeNull();
    expect(cohenKappa([[5]]).kappa).toBeNull();
  });

  it('refuses a table that is not square', () => {
    expect(() => cohenKappa([[1, 2], [3]])).toThrow(RangeError);
  });
});

describe('fleissKappa', () => {
  it('computes a small table by hand', () => {
    // 3 subjects, 3 raters, 2 categories: rows [3,0], [2,1], [0,3].
    // P_i = 1, (4+1-3)/6 = 1/3, 1; P_bar = 7/9; p = [5/9, 4/9]; P_e = 41/81; kappa = (7/9 - 41/81)/(1 - 41/81) = 22/40.
    const r = fleissKappa([
      [3, 0],
      [2, 1],
      [0, 3],
    ]);
    expect(r.P_bar).toBeCloseTo(7 / 9, 12);
    expect(r.P_e).toBeCloseTo(41 / 81, 12);
    expect(r.kappa).toBeCloseTo(22 / 40, 12);
    // Two categories: each category's kappa_j equals the overall kappa.
    expect(r.kappa_j[0]).toBeCloseTo(22 / 40, 12);
    expect(r.kappa_j[1]).toBeCloseTo(22 / 40, 12);
  });

  it('equals Scott-style pooling: with two raters it is Scott\'s pi', () => {
    // Two raters, table [[20,5],[10,15]] as Fleiss rows: 20 x [2,0], 5 + 10 x [1,1], 15 x [0,2].
    const rows = [...Array(20).fill([2, 0]), ...Array(15).fill([1, 1]), ...Array(15).fill([0, 2])] as number[][];
    // Scott's pi: p_o = 0.7, pooled marginals (45/100, 55/100): p_e = 0.2025 + 0.3025 = 0.505.
    expect(fleissKappa(rows).kappa).toBeCloseTo((0.7 - 0.505) / (1 - 0.505), 12);
  });

  it('is null, not NaN, without subjects, with one rater, or with one category used', () => {
    expect(fleissKappa([]).kappa).toBeNull();
    expect(fleissKappa([[1, 0], [0, 1]]).kappa).toBeNull();
    const one = fleissKappa([[3, 0], [3, 0]]);
    expect(one.kappa).toBeNull();
    expect(one.kappa_j).toEqual([null, null]);
  });

  it('refuses subjects with different numbers of raters', () => {
    expect(() => fleissKappa([[2, 1], [1, 1]])).toThrow(RangeError);
  });
});
