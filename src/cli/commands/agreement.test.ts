// `marginalia agreement` end to end: JSON shape, the table, invalid input named by file and line, and exit codes.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docIdOf, type LineSpec } from '../../../test/fixtures/agreement/build';
import { tempDir, writeExport } from '../../../test/fixtures/agreement/cli';
import { runMain } from '../../../test/fixtures/cli';

/** `marginalia ARGS` in-process: exit code, stdout, stderr. */
async function marginalia(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runMain(args);
  return { code: r.code, stdout: r.out, stderr: r.err };
}
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
  it('prints the JSON report in the documented shape', async () => {
    const r = await marginalia(['agreement', alice, bob, '--json']);
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
    // Exact: Alice only, 2*1/(3+3); overlap adds Paris: 2*2/6. In full precision: JSON is for programs.
    expect(report.overall.f1_exact).toBe(1 / 3);
    expect(report.overall.f1_overlap).toBe(2 / 3);
    expect(report.pairs[0].f1_exact).toBe(1 / 3);
    expect(report.per_document).toHaveLength(1);
    expect(report.coverage.alice.documents).toBe(1);
  });

  it('prints a readable table by default', async () => {
    const r = await marginalia(['agreement', alice, bob]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Agreement of 2 annotators on 1 document/);
    expect(r.stdout).toMatch(/label\s+f1_exact\s+f1_overlap\s+alpha_u\s+alpha_label\s+kappa_cohen/);
    expect(r.stdout).toMatch(/\noverall\s+0\.333\s+0\.667/);
    expect(r.stdout).toMatch(/alice\s+bob\s+1\s+0\.333\s+0\.667/);
  });

  it('uses Fleiss for three annotators', async () => {
    const carol = writeExport(dir, 'carol.jsonl', [{ text: TEXT, annotator: 'carol', spans: spansA }]);
    const report = JSON.parse((await marginalia(['agreement', alice, bob, carol, '--json'])).stdout);
    expect(Object.keys(report.overall)).toContain('kappa_fleiss');
    expect(Object.keys(report.overall)).not.toContain('kappa_cohen');
    expect(report.pairs.map((p: { a: string; b: string }) => `${p.a}-${p.b}`)).toEqual(['alice-bob', 'alice-carol', 'bob-carol']);
  });

  it('stops at the first invalid line, named FILE:LINE, and prints no figures', async () => {
    const broken = writeExport(dir, 'broken.jsonl', [{ text: TEXT, annotator: 'bob', spans: spansB }], '{"format": "marginalia/1", oops\n');
    const r = await marginalia(['agreement', alice, broken, '--json', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith(`${broken}:2: not valid JSON`)).toBe(true);
    expect(r.stderr).toMatch(/stopped at an invalid line .*--skip-invalid/s);
    expect(r.stdout).toBe('');
  });

  it('with --skip-invalid, names each line left out and reports the valid rest', async () => {
    const broken = writeExport(dir, 'broken2.jsonl', [{ text: TEXT, annotator: 'bob', spans: spansB }], '{"format": "marginalia/1", oops\n');
    const r = await marginalia(['agreement', alice, broken, '--json', '--skip-invalid', '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not valid JSON.*\\(left out\\)\n1 invalid line left out`));
    expect(JSON.parse(r.stdout).annotators).toEqual(['alice', 'bob']);
  });

  it.each([
    ['a zero-length span', (l: Record<string, unknown>) => ((l.spans as { end: number }[])[0]!.end = 0), /spans\[0\].*start 0 must be before end 0/],
    ['a doc_id that is not the hash of the text', (l: Record<string, unknown>) => (l.doc_id = 'sha256:' + '0'.repeat(64)), /doc_id is not the SHA-256/],
    ['an unknown field', (l: Record<string, unknown>) => (l.colour = 'red'), /unknown field "colour"/],
    ['a bad status', (l: Record<string, unknown>) => (l.status = 'finished'), /status: must be one of/],
  ])('refuses what validate refuses: %s', async (_name, spoil, message) => {
    const line = JSON.parse(readFileSync(bob, 'utf8')) as Record<string, unknown>;
    spoil(line);
    const bad = join(dir, 'spoilt.jsonl');
    writeFileSync(bad, JSON.stringify(line) + '\n');
    const r = await marginalia(['agreement', alice, bad, '--json', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(new RegExp(`spoilt\\.jsonl:1: `));
  });

  it('refuses an empty input file', async () => {
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const r = await marginalia(['agreement', alice, empty, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.jsonl:0: the file is empty/);
  });

  it('names a file it cannot read and exits 1', async () => {
    const missing = join(dir, 'missing.jsonl');
    const r = await marginalia(['agreement', alice, bob, missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${missing}:0: cannot read: no such file\n`);
    expect(r.stdout).toBe('');
  });

  it('exits 1 when nothing valid is left', async () => {
    const junk = join(dir, 'junk.jsonl');
    writeExport(dir, 'junk.jsonl', [], 'not json\n');
    const r = await marginalia(['agreement', junk, '--skip-invalid', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/junk\.jsonl:1: not valid JSON/);
    expect(r.stderr).toMatch(/no valid line/);
    expect(r.stdout).toBe('');
  });

  it('says which line is out of doc_id order instead of reading a whole corpus into memory', async () => {
    const texts = ['first text', 'second text'];
    const specs = texts.map((text) => ({ text, annotator: 'bob', spans: [{ start: 0, end: 5, label: 'ORG' }] }));
    const sorted = [...specs].sort((x, y) => (docIdOf(x.text) < docIdOf(y.text) ? -1 : 1));
    const reversed = writeExport(dir, 'reversed.jsonl', [sorted[1]!, sorted[0]!]);
    const r = await marginalia(['agreement', reversed, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/reversed\.jsonl:2: doc_id sha256:[0-9a-f]+ comes after sha256:[0-9a-f]+ \(line 1\): the lines are not in doc_id order/);
  });

  it('exits 2 on usage errors', async () => {
    const none = await marginalia(['agreement']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give at least one FILE/);
    expect(none.stderr).toMatch(/Usage: marginalia agreement/);
    expect((await marginalia(['agreement', alice, '--csv'])).code).toBe(2);
  });

  it('prints null, not NaN, for a single annotator', async () => {
    const r = await marginalia(['agreement', alice, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.overall).toEqual({ f1_exact: null, f1_overlap: null, alpha_u: null, alpha_label: null, kappa_cohen: null });
    expect(r.stdout).not.toMatch(/NaN/);
  });

  const published = loadPublished();
  it("reproduces the published Cohen's kappa end to end (Wikipedia, 50 proposals, 0.4)", async () => {
    const ex = published.find((e) => e.metric === 'cohen_kappa')!;
    const [a, b] = cohenAsSpans(ex.data.table as number[][], ex.data.categories as string[]);
    const fa = writeExport(dir, 'cohen-a.jsonl', [a!]);
    const fb = writeExport(dir, 'cohen-b.jsonl', [b!]);
    const report = JSON.parse((await marginalia(['agreement', fa, fb, '--json'])).stdout);
    expect(Math.abs(report.overall.kappa_cohen - ex.expected.kappa!)).toBeLessThanOrEqual(1e-6);
    expect(readFileSync(fa, 'utf8').split('\n')).toHaveLength(2);
  });
});
