// Unitizing alpha: a case by hand, Krippendorff's 1995 example as DKPro tests it, the formula against a direct transcription, and edge cases.

import { describe, expect, it } from 'vitest';
import { below, seeded } from '../../../test/fixtures/agreement/random';
import { unitizingAlpha, unitizingDisagreement, type Continuum, type UnitizingUnit } from './unitizing';

const u = (rater: number, start: number, end: number, category = 'c'): UnitizingUnit => ({ rater, start, end, category });

/** The formula of the published notes written out directly: every segment pair, every gap, no sweep, no binary search. */
function reference(c: Continuum, category: string): { observed: number; expected: number } {
  const { length: L, raters: m } = c;
  const segs = Array.from({ length: m }, (_, r) => {
    const units = c.units.filter((x) => x.rater === r && x.category === category).map((x) => [x.start, x.end] as const).sort((a, b) => a[0] - b[0]);
    const out: { s: number; e: number; unit: boolean }[] = [];
    let pos = 0;
    for (const [s, e] of units) {
      if (s > pos) out.push({ s: pos, e: s, unit: false });
      out.push({ s, e, unit: true });
      pos = e;
    }
    if (pos < L) out.push({ s: pos, e: L, unit: false });
    return out;
  });
  let o = 0;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      for (const g of segs[i]!)
        for (const h of segs[j]!) {
          if (!(g.s < h.e && h.s < g.e)) continue;
          if (g.unit && h.unit) o += (g.s - h.s) ** 2 + (g.e - h.e) ** 2;
          else if (g.unit && g.s >= h.s && g.e <= h.e) o += (g.e - g.s) ** 2;
          else if (h.unit && h.s >= g.s && h.e <= g.e) o += (h.e - h.s) ** 2;
        }
    }
  const units = segs.flat().filter((s) => s.unit).map((s) => s.e - s.s);
  const gaps = segs.flat().filter((s) => !s.unit).map((s) => s.e - s.s);
  let sum = 0;
  for (const l of units) {
    let gs = 0;
    for (const g of gaps) if (g >= l) gs += g - l + 1;
    sum += ((units.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * gs;
  }
  const squared = units.reduce((s, l) => s + l * (l - 1), 0);
  return { observed: o / (m * (m - 1) * L * L), expected: units.length === 0 ? 0 : ((2 / L) * sum) / (m * L * (m * L - 1) - squared) };
}

describe('unitizingDisagreement', () => {
  it('computes a two-rater case by hand', () => {
    // L = 10. Rater 0 marks [2,5), rater 1 marks [3,5). Only the two units overlap with a
    // distance: (2-3)^2 + (5-5)^2 = 1; D_o = 2 * 1 / (2 * 1 * 10^2) = 0.01.
    // Units 3 and 2 (N_c = 2), gaps 2, 5, 3, 5. l = 3: (2*27 - 27 + 3)/3 = 10, gaps >= 3 give 1+3+3 = 7, 7*9 = 63.
    // l = 2: (16 - 12 + 2)/3 = 2, gaps >= 2 give 1+2+4+4 = 11, 11*4 = 44. Sum 119; D_e = (2/10) * 119 / (20*19 - (6+2)) = 23.8/372.
    const c: Continuum = { length: 10, raters: 2, units: [u(0, 2, 5), u(1, 3, 5)] };
    const d = unitizingDisagreement(c, 'c');
    expect(d.observed).toBeCloseTo(0.01, 12);
    expect(d.expected).toBeCloseTo(23.8 / 372, 12);
    expect(unitizingAlpha([c]).categories.get('c')!.alpha).toBeCloseTo(1 - 0.01 / (23.8 / 372), 12);
  });

  it("reproduces Krippendorff's 1995 example as DKPro Statistics tests it", () => {
    // Source: dkpro/dkpro-statistics @ f7f4f89, dkpro-statistics-agreement/src/test/java/org/dkpro/statistics/agreement/
    // unitizing/Krippendorff1995Test.java (createExample, testAgreement): D_o per category at stretch 1 (+-0.00001),
    // D_e (+-0.005) and alpha (+-0.02) at stretch 1200000/24.
    const raw: [number, number, number, string][] = [
      [2, 8, 0, 'A'], [14, 6, 0, 'A'], [4, 4, 1, 'A'], [15, 2, 1, 'A'],
      [0, 18, 0, 'B'], [0, 2, 1, 'B'], [2, 1, 1, 'B'], [3, 1, 1, 'B'], [4, 1, 1, 'B'], [5, 1, 1, 'B'], [6, 3, 1, 'B'], [9, 1, 1, 'B'],
      [2, 6, 0, 'C'], [10, 2, 0, 'C'], [14, 4, 0, 'C'], [20, 2, 0, 'C'], [0, 2, 1, 'C'], [4, 4, 1, 'C'], [10, 4, 1, 'C'], [16, 2, 1, 'C'], [20, 2, 1, 'C'],
      [0, 2, 0, 'D'], [2, 8, 0, 'D'], [10, 4, 0, 'D'], [14, 6, 0, 'D'], [20, 4, 0, 'D'], [0, 4, 1, 'D'], [4, 4, 1, 'D'], [8, 7, 1, 'D'], [15, 2, 1, 'D'], [17, 7, 1, 'D'],
    ];
    const study = (stretch: number): Continuum => ({
      length: 24 * stretch,
      raters: 2,
      units: raw.map(([o, l, r, cat]) => u(r, o * stretch, (o + l) * stretch, cat)),
    });
    const observed = { A: 0.03125, B: 2.26736, C: 0.02777, D: 0.38715 };
    for (const [cat, v] of Object.entries(observed)) expect(Math.abs(unitizingDisagreement(study(1), cat).observed - v)).toBeLessThanOrEqual(0.00001);
    const big = unitizingAlpha([study(1200000 / 24)]);
    const expected = { A: 0.0699, B: 1.17731, C: 0.08642, D: 0.41445 };
    const alpha = { A: 0.553, B: -0.926, C: 0.679, D: 0.066 };
    for (const cat of ['A', 'B', 'C', 'D'] as const) {
      expect(Math.abs(big.categories.get(cat)!.expected - expected[cat])).toBeLessThanOrEqual(0.005);
      expect(Math.abs(big.categories.get(cat)!.alpha! - alpha[cat])).toBeLessThanOrEqual(0.02);
    }
  });

  it('equals the formula written out directly, on random studies', () => {
    const random = seeded(7);
    for (let trial = 0; trial < 60; trial++) {
      const L = 5 + below(random, 60);
      const m = 2 + below(random, 3);
      const units: UnitizingUnit[] = [];
      for (let r = 0; r < m; r++) {
        let pos = below(random, 4);
        while (pos < L) {
          const len = 1 + below(random, 8);
          if (pos + len > L) break;
          if (random() < 0.7) units.push(u(r, pos, pos + len, random() < 0.5 ? 'c' : 'k'));
          pos += len + below(random, 5);
        }
      }
      // Units of one category must not overlap for the reference; keep each rater's c-units apart.
      const c: Continuum = { length: L, raters: m, units };
      for (const cat of ['c', 'k']) {
        const want = reference(c, cat);
        const got = unitizingDisagreement(c, cat);
        expect(got.observed).toBeCloseTo(want.observed, 12);
        expect(got.expected).toBeCloseTo(want.expected, 12);
      }
    }
  });
});

describe('unitizingAlpha', () => {
  it('is 1 for identical unitizations and null where nothing was marked', () => {
    const same: Continuum = { length: 20, raters: 3, units: [0, 1, 2].flatMap((r) => [u(r, 2, 6), u(r, 10, 15)]) };
    expect(unitizingAlpha([same]).overall.alpha).toBe(1);
    const empty: Continuum = { length: 20, raters: 2, units: [] };
    expect(unitizingAlpha([empty], ['c']).categories.get('c')!.alpha).toBeNull();
    expect(unitizingAlpha([empty]).overall.alpha).toBeNull();
  });

  it('is null with a single rater and with an empty text', () => {
    expect(unitizingAlpha([{ length: 20, raters: 1, units: [u(0, 2, 6)] }]).overall.alpha).toBeNull();
    expect(unitizingAlpha([{ length: 0, raters: 2, units: [] }], ['c']).overall.alpha).toBeNull();
  });

  it("merges a rater's overlapping and nested units of one category into their union", () => {
    const nested: Continuum = { length: 30, raters: 2, units: [u(0, 2, 12), u(0, 4, 8), u(0, 10, 16), u(1, 2, 16)] };
    const union: Continuum = { length: 30, raters: 2, units: [u(0, 2, 16), u(1, 2, 16)] };
    expect(unitizingAlpha([nested]).overall).toEqual(unitizingAlpha([union]).overall);
    expect(unitizingAlpha([nested]).overall.alpha).toBe(1);
  });

  it('keeps units that only touch apart', () => {
    const touching: Continuum = { length: 30, raters: 2, units: [u(0, 2, 8), u(0, 8, 16), u(1, 2, 16)] };
    expect(unitizingAlpha([touching]).overall.alpha!).toBeLessThan(1);
  });

  it('sums D_o and D_e over continua, whatever their order', () => {
    const a: Continuum = { length: 10, raters: 2, units: [u(0, 2, 5), u(1, 3, 5)] };
    const b: Continuum = { length: 40, raters: 3, units: [u(0, 1, 9), u(1, 2, 9), u(2, 20, 30)] };
    const ab = unitizingAlpha([a, b]).categories.get('c')!;
    const ba = unitizingAlpha([b, a]).categories.get('c')!;
    const da = unitizingDisagreement(a, 'c');
    const db = unitizingDisagreement(b, 'c');
    expect(ab.observed).toBeCloseTo(da.observed + db.observed, 15);
    expect(ab.expected).toBeCloseTo(da.expected + db.expected, 15);
    expect(ab.alpha).toBe(ba.alpha);
  });

  it('averages categories for the overall figure as DKPro does', () => {
    const c: Continuum = { length: 30, raters: 2, units: [u(0, 2, 8, 'x'), u(1, 3, 8, 'x'), u(0, 10, 20, 'y'), u(1, 12, 20, 'y')] };
    const r = unitizingAlpha([c]);
    const x = r.categories.get('x')!;
    const y = r.categories.get('y')!;
    expect(r.overall.alpha).toBeCloseTo(1 - (x.observed + y.observed) / (x.expected + y.expected), 12);
  });
});
