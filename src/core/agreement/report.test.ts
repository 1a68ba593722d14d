// The agreement report: a small case computed by hand, relations and attributes, and the edge cases (empty, single annotator, nesting, ties, partial coverage).

import { describe, expect, it } from 'vitest';
import { readLines, type LineSpec } from '../../../test/fixtures/agreement/build';
import { collectCorpus } from './corpus';
import { computeAgreement, type AgreementReport } from './report';
import { unitizingDisagreement } from './unitizing';

const TEXT = 'Alice met Bob in Paris on Monday.';

function report(specs: LineSpec[]): AgreementReport {
  return computeAgreement(collectCorpus(readLines(specs)));
}

/** Every number anywhere in a value, with its path. */
function numbers(v: unknown, path = '$'): [string, number][] {
  if (typeof v === 'number') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => numbers(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => numbers(x, `${path}.${k}`));
  return [];
}

function expectNoNaN(r: AgreementReport): void {
  for (const [path, n] of numbers(r)) expect(Number.isFinite(n), path).toBe(true);
}

describe('computeAgreement', () => {
  // A: PERSON Alice, PERSON Bob, LOC Paris, EVENT Monday. B: PERSON Alice, ORG Bob, LOC "Pari", EVENT Monday.
  const A: LineSpec = {
    text: TEXT,
    annotator: 'A',
    spans: [
      { start: 0, end: 5, label: 'PERSON' },
      { start: 10, end: 13, label: 'PERSON' },
      { start: 17, end: 22, label: 'LOC' },
      { start: 26, end: 32, label: 'EVENT' },
    ],
    relations: [
      ['about', 3, 0],
      ['located', 0, 2],
    ],
  };
  const B: LineSpec = {
    text: TEXT,
    annotator: 'B',
    spans: [
      { start: 0, end: 5, label: 'PERSON' },
      { start: 10, end: 13, label: 'ORG' },
      { start: 17, end: 21, label: 'LOC' },
      { start: 26, end: 32, label: 'EVENT' },
    ],
    relations: [
      ['about', 3, 0],
      ['located', 0, 2],
    ],
  };

  it('computes a two-annotator case by hand', () => {
    const r = report([A, B]);
    expect(r.annotators).toEqual(['A', 'B']);
    expect(r.documents).toBe(1);
    // Exact: Alice and Monday, 2 of 4 + 4: F1 = 4/8. Overlap adds Paris/Pari: 6/8.
    expect(r.overall.f1_exact).toBeCloseTo(0.5, 12);
    expect(r.overall.f1_overlap).toBeCloseTo(0.75, 12);
    expect(r.labels.PERSON!.f1_exact).toBeCloseTo(2 / 3, 12);
    expect(r.labels.ORG!.f1_exact).toBe(0);
    expect(r.labels.LOC!.f1_exact).toBe(0);
    expect(r.labels.LOC!.f1_overlap).toBe(1);
    expect(r.labels.EVENT!.f1_exact).toBe(1);
    // Units with two values: Alice (P,P), Bob (P,O), Monday (E,E); n = 6, sum o_cc = 4, D_o = 1/3;
    // marginals P 3, O 1, E 2: D_e = (36 - 14)/30; alpha = 1 - (1/3)/(22/30) = 12/22.
    expect(r.overall.alpha_label).toBeCloseTo(12 / 22, 12);
    // Cohen over the same three units: p_o = 2/3, p_e = (2*1 + 1*1)/9 = 1/3, kappa = 0.5.
    expect(r.overall.kappa_cohen).toBeCloseTo(0.5, 12);
    expect(r.overall.kappa_fleiss).toBeUndefined();
    // PERSON recoded PERSON/other over the three units: (1,1), (1,0), (0,0): alpha 4/9;
    // Cohen: both 1, only A 1, neither 1: p_o = 2/3, p_e = (2*1 + 1*2)/9, kappa = 0.4.
    expect(r.labels.PERSON!.alpha_label).toBeCloseTo(4 / 9, 12);
    expect(r.labels.PERSON!.kappa_cohen).toBeCloseTo(0.4, 12);
    // u-alpha: EVENT identical; LOC from the unitizing module itself (hand-checked in unitizing.test.ts).
    expect(r.labels.EVENT!.alpha_u).toBe(1);
    const loc = unitizingDisagreement(
      {
        length: 33,
        raters: 2,
        units: [
          { rater: 0, start: 17, end: 22, category: 'LOC' },
          { rater: 1, start: 17, end: 21, category: 'LOC' },
        ],
      },
      'LOC',
    );
    expect(r.labels.LOC!.alpha_u).toBeCloseTo(1 - loc.observed / loc.expected, 12);
    expect(r.alpha_u_detail.LOC!.D_o).toBeCloseTo(1 / 33 ** 2, 12);
    // One pair, so the set figures are the pair's.
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ a: 'A', b: 'B', documents: 1, f1_exact: 0.5, f1_overlap: 0.75 });
    expect(r.pairs[0]!.labels.PERSON).toMatchObject({ a: 2, b: 1, exact: 1, overlap: 1 });
    // Per document, the same figures.
    expect(r.per_document[0]!.overall).toEqual(r.overall);
    expect(r.per_document[0]!.labels).toEqual(r.labels);
    expectNoNaN(r);
  });

  it('matches relations by label and matched ends', () => {
    // "about" joins Monday and Alice in both (exact ends); "located" joins Alice to Paris / Pari (overlap ends only).
    const r = report([A, B]);
    expect(r.relations.f1_exact).toBeCloseTo(0.5, 12);
    expect(r.relations.f1_overlap).toBe(1);
    expect(r.pairs[0]!.relations).toMatchObject({ a: 2, b: 2, exact: 1, overlap: 2 });
  });

  it('computes attribute agreement over spans matched exactly', () => {
    const text = 'x'.repeat(40);
    const fig = (start: number, value: number, unit: string) => ({ start, end: start + 3, label: 'FIGURE', attrs: { value, unit } });
    const r = report([
      { text, annotator: 'a', spans: [fig(0, 1, '%'), fig(10, 2, '%'), fig(20, 3, 'km'), fig(30, 9, 'km')] },
      { text, annotator: 'b', spans: [fig(0, 1, '%'), fig(10, 2, 'km'), fig(20, 4, 'km'), { start: 31, end: 34, label: 'FIGURE', attrs: { value: 9 } }] },
    ]);
    const figure = r.attributes.FIGURE!;
    // unit: units (%,%), (%,km), (km,km) -> 4/9 as in the hand case of krippendorff.test.ts; the 4th span is not matched exactly.
    expect(figure.unit!.units).toBe(3);
    expect(figure.unit!.alpha_nominal).toBeCloseTo(4 / 9, 12);
    expect(figure.unit!.alpha_interval).toBeUndefined();
    // value: (1,1), (2,2), (3,4): numeric, so interval too.
    expect(figure.value!.alpha_interval).not.toBeNull();
    expect(figure.value!.alpha_interval!).toBeLessThan(1);
  });

  it('gives nulls, not NaN, for documents nobody marked', () => {
    const r = report([
      { text: TEXT, annotator: 'a', spans: [] },
      { text: TEXT, annotator: 'b', spans: [] },
    ]);
    expect(r.labels).toEqual({});
    expect(r.overall).toEqual({ f1_exact: null, f1_overlap: null, alpha_u: null, alpha_label: null, kappa_cohen: null });
    expect(r.per_document[0]!.overall.alpha_u).toBeNull();
    expectNoNaN(r);
  });

  it('gives nulls with a single annotator, and does not crash', () => {
    const r = report([A]);
    expect(r.annotators).toEqual(['A']);
    expect(r.pairs).toEqual([]);
    for (const f of [r.overall, ...Object.values(r.labels)]) {
      expect(f.f1_exact).toBeNull();
      expect(f.f1_overlap).toBeNull();
      expect(f.alpha_u).toBeNull();
      expect(f.alpha_label).toBeNull();
      expect(f.kappa_cohen).toBeNull();
    }
    expect(r.relations).toEqual({ f1_exact: null, f1_overlap: null });
    expectNoNaN(r);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('handles overlapping and nested spans of one label', () => {
    const claims = (...ranges: [number, number][]) => ranges.map(([start, end]) => ({ start, end, label: 'CLAIM' }));
    const same = report([
      { text: TEXT, annotator: 'a', spans: claims([0, 20], [5, 15]) },
      { text: TEXT, annotator: 'b', spans: claims([0, 20], [5, 15]) },
    ]);
    expect(same.labels.CLAIM!.f1_exact).toBe(1);
    expect(same.labels.CLAIM!.f1_overlap).toBe(1);
    expect(same.labels.CLAIM!.alpha_u).toBe(1);
    // One category and full agreement: no variation, so alpha_label is undefined.
    expect(same.labels.CLAIM!.alpha_label).toBeNull();
    // b leaves out the nested claim: its union is a's, so u-alpha sees no difference; the F1s do.
    const nested = report([
      { text: TEXT, annotator: 'a', spans: claims([0, 20], [5, 15]) },
      { text: TEXT, annotator: 'b', spans: claims([0, 20]) },
    ]);
    expect(nested.labels.CLAIM!.f1_exact).toBeCloseTo(2 / 3, 12);
    expect(nested.labels.CLAIM!.f1_overlap).toBeCloseTo(2 / 3, 12);
    expect(nested.labels.CLAIM!.alpha_u).toBe(1);
  });

  it('takes two labels on one range as one combined value, and per label as given or not', () => {
    const r = report([
      { text: TEXT, annotator: 'a', spans: [{ start: 0, end: 5, label: 'ORG' }, { start: 0, end: 5, label: 'LOC' }, { start: 10, end: 13, label: 'ORG' }] },
      { text: TEXT, annotator: 'b', spans: [{ start: 0, end: 5, label: 'ORG' }, { start: 10, end: 13, label: 'ORG' }] },
    ]);
    // Overall: units (LOC+ORG, ORG) and (ORG, ORG): Cohen p_o = 1/2, rows {LOC+ORG: 1, ORG: 1}, cols {ORG: 2}: p_e = 1/2, kappa 0.
    expect(r.overall.kappa_cohen).toBeCloseTo(0, 12);
    // ORG: both gave it on both units; no variation, so undefined. LOC: (1, 0), (0, 0).
    expect(r.labels.ORG!.alpha_label).toBeNull();
    expect(r.labels.LOC!.alpha_label!).toBeLessThan(0.5);
  });

  it('breaks matching ties the same way every time', () => {
    // b's [2,6) overlaps a's [0,4) and [4,8) equally: one match either way.
    const specs: LineSpec[] = [
      { text: TEXT, annotator: 'a', spans: [{ start: 0, end: 4, label: 'X' }, { start: 4, end: 8, label: 'X' }] },
      { text: TEXT, annotator: 'b', spans: [{ start: 2, end: 6, label: 'X' }] },
    ];
    const r = report(specs);
    expect(r.labels.X!.f1_overlap).toBeCloseTo(2 / 3, 12);
    expect(JSON.stringify(report(specs))).toBe(JSON.stringify(r));
  });

  it('handles partial coverage: pairs on shared documents, Fleiss on units all coded', () => {
    const other = 'Bob left.';
    const r = report([
      { ...A, annotator: 'a' },
      { ...A, annotator: 'b' },
      { ...B, annotator: 'c' },
      { text: other, annotator: 'a', spans: [{ start: 0, end: 3, label: 'PERSON' }] },
      { text: other, annotator: 'b', spans: [{ start: 0, end: 3, label: 'ORG' }] },
    ]);
    expect(r.coverage.a!.documents).toBe(2);
    expect(r.coverage.c!.documents).toBe(1);
    expect(r.pairs.map((p) => [p.a, p.b, p.documents])).toEqual([
      ['a', 'b', 2],
      ['a', 'c', 1],
      ['b', 'c', 1],
    ]);
    // a-b: 4 exact of 4 + 4 on TEXT, 0 of 1 + 1 on the other: 8/10. a-c and b-c: 0.5 each (the hand case).
    expect(r.pairs[0]!.f1_exact).toBeCloseTo(0.8, 12);
    expect(r.overall.f1_exact).toBeCloseTo((0.8 + 0.5 + 0.5) / 3, 12);
    // Fleiss only over the units a, b and c all coded (Alice, Bob, Monday on TEXT).
    // Alice: P,P,P; Bob: P,P,O; Monday: E,E,E. P_i = 1, 1/3, 1; P_bar = 7/9; p = P 5/9, O 1/9, E 3/9; P_e = 35/81.
    expect(r.overall.kappa_fleiss).toBeCloseTo((7 / 9 - 35 / 81) / (1 - 35 / 81), 12);
    expect(r.per_document.map((d) => d.annotators.length).sort()).toEqual([2, 3]);
    // The two-annotator document reports Cohen, the three-annotator one Fleiss.
    const two = r.per_document.find((d) => d.annotators.length === 2)!;
    // One unit, [0, 3): PERSON by a, ORG by b. p_o = 0; p_e = 1·0 + 0·1 = 0; kappa = (0 - 0) / (1 - 0) = 0.
    expect(two.overall.kappa_cohen).toBe(0);
    expect(two.overall.kappa_fleiss).toBeUndefined();
    expectNoNaN(r);
  });

  it('leaves documents without text out of u-alpha and says so', () => {
    const r = report([
      { ...A, withoutText: true },
      { ...B, withoutText: true },
    ]);
    expect(r.documents_without_text).toHaveLength(1);
    expect(r.overall.alpha_u).toBeNull();
    expect(r.overall.f1_exact).toBeCloseTo(0.5, 12);
  });

  it('lists source conflicts', () => {
    const r = report([
      { ...A, source: 'a.txt' },
      { ...B, text: TEXT + ' Edited.', source: 'a.txt' },
    ]);
    expect(r.source_conflicts).toHaveLength(1);
    expect(r.documents).toBe(2);
  });
});
