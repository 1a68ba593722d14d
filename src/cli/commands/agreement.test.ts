// `marginalia agreement` end to end: JSON shape, the table, invalid input named by file and line, and exit codes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LineSpec } from '../../../test/fixtures/agreement/build';
import { marginalia, tempDir, writeExport } from '../../../test/fixtures/agreement/cli';
import { cohenAsSpans, loadPublished } from '../../../test/fixtures/agreement/published';

const TEXT = 'Alice met Bob in Paris on Monday.';
const spansA: LineSpec['spans'] = [
  { start: 0, end: 5, label: 'PERSON' },
  { start: 10, end: 13, label: 'PERSON' },
  { start: 17, end: 22, label: 'LOC' },
];
const spansB: LineSpec['spans'] = [
  { start: 0, end: 5, label: 'PERSON' },
  { start: 10, end: 13, label: 'ORG' },
  { start: 17, end: 21, label: 'LOC' },
];

let dir: string;
let alice: string;
let bob: string;

beforeAll(() => {
  dir = tempDir();
  alice = writeExport(dir, 'alice.jsonl', [{ text: TEXT, annotator: 'alice', spans: spansA }]);
  bob = writeExport(dir, 'bob.jsonl', [{ text: TEXT, annotator: 'bob', spans: spansB }]);
});

describe('marginalia agreement', () => {
  it('prints the JSON report in the documented shape', () => {
    const r = marginalia(['agreement', alice, bob, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    for (const key of ['annotators', 'documents', 'labels', 'overall', 'pairs']) expect(report).toHaveProperty(key);
    expect(report.annotators).toEqual(['alice', 'bob']);
    expect(report.documents).toBe(1);
    expect(Object.keys(report.labels)).toEqual(['LOC', 'ORG', 'PERSON']);
    for (const figures of [report.overall, ...Object.values(report.labels)]) {
      expect(Object.keys(figures as object).sort()).toEqual(['alpha_label', 'alpha_u', 'f1_exact', 'f1_overlap', 'kappa_cohen']);
    }
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0]).toMatchObject({ a: 'alice', b: 'bob' });
    // Exact: Alice only, 2*1/(3+3); overlap adds Paris: 2*2/6. Rounded to 6 decimals.
    expect(report.overall.f1_exact).toBe(0.333333);
    expect(report.overall.f1_overlap).toBe(0.666667);
    expect(report.pairs[0].f1_exact).toBe(0.333333);
    expect(report.per_document).toHaveLength(1);
    expect(report.coverage.alice.documents).toBe(1);
  });

  it('prints a readable table by default', () => {
    const r = marginalia(['agreement', alice, bob]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Agreement of 2 annotators on 1 document/);
    expect(r.stdout).toMatch(/label\s+f1_exact\s+f1_overlap\s+alpha_u\s+alpha_label\s+kappa_cohen/);
    expect(r.stdout).toMatch(/\noverall\s+0\.333\s+0\.667/);
    expect(r.stdout).toMatch(/alice\s+bob\s+1\s+0\.333\s+0\.667/);
  });

  it('uses Fleiss for three annotators', () => {
    const carol = writeExport(dir, 'carol.jsonl', [{ text: TEXT, annotator: 'carol', spans: spansA }]);
    const report = JSON.parse(marginalia(['agreement', alice, bob, carol, '--json']).stdout);
    expect(Object.keys(report.overall)).toContain('kappa_fleiss');
    expect(Object.keys(report.overall)).not.toContain('kappa_cohen');
    expect(report.pairs.map((p: { a: string; b: string }) => `${p.a}-${p.b}`)).toEqual(['alice-bob', 'alice-carol', 'bob-carol']);
  });

  it('names invalid lines as FILE:LINE, still reports the valid rest, and exits 1', () => {
    const broken = writeExport(dir, 'broken.jsonl', [{ text: TEXT, annotator: 'bob', spans: spansB }], '{"format": "marginalia/1", oops\n');
    const r = marginalia(['agreement', alice, broken, '--json']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${broken}:2: not valid JSON`)).toBe(true);
    expect(JSON.parse(r.stdout).annotators).toEqual(['alice', 'bob']);
  });

  it('names a file it cannot read and exits 1', () => {
    const missing = join(dir, 'missing.jsonl');
    const r = marginalia(['agreement', alice, bob, missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${missing}: cannot read: no such file\n`);
    expect(r.stdout).toMatch(/^Agreement of 2 annotators/);
  });

  it('exits 1 when nothing valid is left', () => {
    const junk = join(dir, 'junk.jsonl');
    writeExport(dir, 'junk.jsonl', [], 'not json\n');
    const r = marginalia(['agreement', junk]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/junk\.jsonl:1: not valid JSON/);
    expect(r.stderr).toMatch(/no valid line/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on usage errors', () => {
    const none = marginalia(['agreement']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give at least one FILE/);
    expect(none.stderr).toMatch(/Usage: marginalia agreement/);
    expect(marginalia(['agreement', alice, '--csv']).code).toBe(2);
  });

  it('prints null, not NaN, for a single annotator', () => {
    const r = marginalia(['agreement', alice, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.overall).toEqual({ f1_exact: null, f1_overlap: null, alpha_u: null, alpha_label: null, kappa_cohen: null });
    expect(r.stdout).not.toMatch(/NaN/);
  });

  const published = loadPublished();
  it.skipIf(published === null)("reproduces the published Cohen's kappa end to end (Wikipedia, 50 proposals, 0.4)", () => {
    const ex = published!.find((e) => e.metric === 'cohen_kappa')!;
    const [a, b] = cohenAsSpans(ex.data.table as number[][], ex.data.categories as string[]);
    const fa = writeExport(dir, 'cohen-a.jsonl', [a!]);
    const fb = writeExport(dir, 'cohen-b.jsonl', [b!]);
    const report = JSON.parse(marginalia(['agreement', fa, fb, '--json']).stdout);
    expect(Math.abs(report.overall.kappa_cohen - ex.expected.kappa!)).toBeLessThanOrEqual(1e-6);
    expect(readFileSync(fa, 'utf8').split('\n')).toHaveLength(2);
  });
});
