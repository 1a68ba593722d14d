// The published worked examples (test/fixtures/agreement/published-examples.json), encoded as span data and run through the code the CLI runs.
//
// Each test builds documents, spans and annotators that encode one example, reads them
// into a corpus (collectCorpus) and computes the report (computeAgreement), exactly what
// `marginalia agreement --json` does; the expected values and tolerances are the file's.

import { describe, expect, it } from 'vitest';
import { readLines } from '../../../test/fixtures/agreement/build';
import { cohenAsSpans, fleissAsSpans, loadPublished, PUBLISHED_PATH, reliabilityAsSpans, unitizingAsSpans, type PublishedExample } from '../../../test/fixtures/agreement/published';
import { collectCorpus } from './corpus';
import { fleissKappa } from './kappa';
import { krippendorffAlphaOfMatrix } from './krippendorff';
import { computeAgreement } from './report';

const examples = loadPublished();
const byMetric = (metric: string): PublishedExample => examples.find((e) => e.metric === metric)!;

function near(actual: number | null | undefined, ex: PublishedExample, key: string): void {
  expect(actual, key).not.toBeNull();
  expect(actual, key).not.toBeUndefined();
  expect(Math.abs(actual! - ex.expected[key]!), `${key}: ${actual} vs ${ex.expected[key]}`).toBeLessThanOrEqual(ex.tolerance[key]!);
}

describe(`published examples (${PUBLISHED_PATH})`, () => {
  it('are all there: four examples, never skipped', () => {
    expect(examples.map((e) => e.metric).sort()).toEqual(['cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'unitizing_alpha']);
  });

  it("Krippendorff's alpha, 4 coders x 12 units: nominal from labels, all four levels from a numeric attribute", () => {
    // Source: Krippendorff (2011) p.8 / Content Analysis (2004) p.230 (see the example's "source").
    const ex = byMetric('krippendorff_alpha');
    const rows = ex.data.reliability_data as (number | null)[][];
    const asLabels = computeAgreement(collectCorpus(readLines(reliabilityAsSpans(rows, 'label'))));
    near(asLabels.overall.alpha_label, ex, 'alpha:nominal');
    const asAttribute = computeAgreement(collectCorpus(readLines(reliabilityAsSpans(rows, 'attribute'))), { numericAttributeLevels: ['ordinal', 'interval', 'ratio'] });
    const score = asAttribute.attributes.SCORE!.score!;
    near(score.alpha_nominal, ex, 'alpha:nominal');
    near(score.alpha_ordinal, ex, 'alpha:ordinal');
    near(score.alpha_interval, ex, 'alpha:interval');
    near(score.alpha_ratio, ex, 'alpha:ratio');
    // 11 of the 12 units have two or more values (unit 12 has one).
    expect(score.units).toBe(11);
    // The parts, from the matrix itself.
    const nominal = krippendorffAlphaOfMatrix(rows, 'nominal');
    near(nominal.observed, ex, 'D_o:nominal');
    near(nominal.expected, ex, 'D_e:nominal');
    const interval = krippendorffAlphaOfMatrix(rows, 'interval');
    near(interval.observed, ex, 'D_o:interval');
    near(interval.expected, ex, 'D_e:interval');
  });

  it("Fleiss' kappa, 14 raters x 10 subjects x 5 categories", () => {
    // Source: Wikipedia "Fleiss' kappa", worked example (kappa 0.210), as statsmodels transcribes it.
    const ex = byMetric('fleiss_kappa');
    const counts = ex.data.counts as number[][];
    const report = computeAgreement(collectCorpus(readLines(fleissAsSpans(counts))));
    expect(report.annotators).toHaveLength(14);
    near(report.overall.kappa_fleiss, ex, 'kappa');
    expect(report.overall.kappa_cohen).toBeUndefined();
    // Per label the span code gives Fleiss' kappa_j of the same table.
    const direct = fleissKappa(counts);
    direct.kappa_j.forEach((kj, j) => expect(report.labels[`C${j + 1}`]!.kappa_fleiss).toBeCloseTo(kj!, 12));
    // The parts, from the table itself.
    near(direct.P_bar, ex, 'P_bar');
    near(direct.P_e, ex, 'P_e');
    direct.P_i.forEach((p, i) => near(p, ex, `P_i[${i}]`));
    direct.p_j.forEach((p, j) => near(p, ex, `p_j[${j}]`));
  });

  it("Cohen's kappa, 50 proposals, 2 raters", () => {
    // Source: Wikipedia "Cohen's kappa", simple example (p_o 0.7, p_e 0.5, kappa 0.4).
    const ex = byMetric('cohen_kappa');
    const report = computeAgreement(collectCorpus(readLines(cohenAsSpans(ex.data.table as number[][], ex.data.categories as string[]))));
    near(report.overall.kappa_cohen, ex, 'kappa');
    expect(report.overall.kappa_fleiss).toBeUndefined();
    // With two categories the per-label (category vs the other) kappa is the same table.
    near(report.labels.Yes!.kappa_cohen, ex, 'kappa');
    near(report.labels.No!.kappa_cohen, ex, 'kappa');
  });

  it("Krippendorff's unitizing alpha, 2 raters, categories c and k", () => {
    // Source: Krippendorff (2004), Quality & Quantity 38:787-800, via DKPro Statistics' Krippendorff2004Test.
    const ex = byMetric('unitizing_alpha');
    const d = ex.data as { continuum_begin: number; continuum_length: number; raters: number; units: [number, number, number, string][] };
    const report = computeAgreement(collectCorpus(readLines(unitizingAsSpans(d.continuum_begin, d.continuum_length, d.raters, d.units))));
    near(report.labels.c!.alpha_u, ex, 'alpha[c]');
    near(report.labels.k!.alpha_u, ex, 'alpha[k]');
    near(report.alpha_u_detail.c!.D_o, ex, 'D_o[c]');
    near(report.alpha_u_detail.c!.D_e, ex, 'D_e[c]');
    near(report.alpha_u_detail.k!.D_o, ex, 'D_o[k]');
    near(report.alpha_u_detail.k!.D_e, ex, 'D_e[k]');
    near(report.overall.alpha_u, ex, 'alpha');
    // The exact value the notes give (the paper's 0.8591 comes from rounded intermediates).
    expect(report.overall.alpha_u).toBeCloseTo(0.85867, 5);
  });
});
