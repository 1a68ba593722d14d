// `marginalia merge` end to end: the gold file and its bytes, the report, invalid input, and exit codes.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LineSpec } from '../../../test/fixtures/agreement/build';
import { tempDir, writeExport } from '../../../test/fixtures/agreement/cli';
import { runCommand, runMain } from '../../../test/fixtures/cli';
import { command as validate } from './validate';

/** `marginalia ARGS` in-process: exit code, stdout, stderr. */
async function marginalia(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runMain(args);
  return { code: r.code, stdout: r.out, stderr: r.err };
}

const TEXT = 'Chint Electric Co., Ltd. grew 43.9% in 2023, said Tang Wei.';
const ORG = { start: 0, end: 24, label: 'ORG' };
const PRODUCT = { start: 0, end: 14, label: 'PRODUCT' };
const FIGURE = { start: 30, end: 35, label: 'FIGURE', attrs: { value: 43.9, unit: '%' } };
const PERSON = { start: 50, end: 58, label: 'PERSON' };

const specs = (annotator: string, spans: LineSpec['spans']): LineSpec[] => [{ text: TEXT, annotator, spans, source: 'reports/chint.txt' }];

let dir: string;
let files: string[];

beforeAll(() => {
  dir = tempDir();
  files = [
    writeExport(dir, 'a.jsonl', specs('a', [ORG, FIGURE, PERSON])),
    writeExport(dir, 'b.jsonl', specs('b', [ORG, FIGURE, PERSON])),
    writeExport(dir, 'c.jsonl', specs('c', [PRODUCT, PERSON])),
  ];
});

function gold(path: string): { annotator: string; status: string; spans: { label: string; text: string; sources: string[]; id: string }[] }[] {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('marginalia merge', () => {
  it('writes the majority gold with sources and says what it did', async () => {
    const out = join(dir, 'gold.jsonl');
    const r = await marginalia(['merge', ...files, '--strategy', 'majority', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^merged 1 document from 3 annotators \(majority: more than half of each document's annotators\)/);
    expect(r.stdout).toMatch(/gold: 3 spans, 0 relations ->/);
    expect(r.stdout).toMatch(/conflicts: 2 \(boundary 0, label 1, minority 1, partial 2\)/);
    const [line] = gold(out);
    expect(line!.annotator).toBe('adjudicated');
    expect(line!.status).toBe('in-progress');
    expect(line!.spans.map((s) => [s.label, s.text, s.sources])).toEqual([
      ['ORG', 'Chint Electric Co., Ltd.', ['a', 'b']],
      ['FIGURE', '43.9%', ['a', 'b']],
      ['PERSON', 'Tang Wei', ['a', 'b', 'c']],
    ]);
  });

  it('gives the same bytes every time, whatever the order of the files', async () => {
    const one = join(dir, 'one.jsonl');
    const two = join(dir, 'two.jsonl');
    expect((await marginalia(['merge', ...files, '--strategy', 'union', '--out', one])).code).toBe(0);
    expect((await marginalia(['merge', ...[...files].reverse(), '--strategy', 'union', '--out', two])).code).toBe(0);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
    expect(gold(one)[0]!.spans.map((s) => s.label)).toEqual(['PRODUCT', 'ORG', 'FIGURE', 'PERSON']);
  });

  it('applies --min and unanimous', async () => {
    const out = join(dir, 'min.jsonl');
    expect((await marginalia(['merge', ...files, '--strategy', 'majority', '--min', '3', '--out', out])).code).toBe(0);
    expect(gold(out)[0]!.spans.map((s) => s.label)).toEqual(['PERSON']);
    expect((await marginalia(['merge', ...files, '--strategy', 'unanimous', '--out', out])).code).toBe(0);
    expect(gold(out)[0]!.spans.map((s) => s.label)).toEqual(['PERSON']);
  });

  it('writes a report of every conflict with its sides', async () => {
    const out = join(dir, 'gold-r.jsonl');
    const reportPath = join(dir, 'report.json');
    const r = await marginalia(['merge', ...files, '--strategy', 'majority', '--out', out, '--report', reportPath]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    expect(report.strategy).toBe('majority');
    expect(report.coverage.c.documents).toBe(1);
    const conflicts = report.per_document[0].conflicts;
    expect(conflicts.map((c: { kinds: string[] }) => c.kinds)).toEqual([['label', 'minority', 'partial'], ['partial']]);
    expect(conflicts[0].sides.map((s: { label: string; sources: string[] }) => `${s.label}:${s.sources.join('+')}`)).toEqual(['PRODUCT:c', 'ORG:a+b']);
    expect(conflicts[0].absent).toEqual([]);
    expect(conflicts[1].absent).toEqual(['c']);
    expect(conflicts[0].proposed).toEqual([conflicts[0].sides[1].id]);
  });

  it('stops at an invalid line and writes nothing; --skip-invalid merges the valid rest', async () => {
    const broken = writeExport(dir, 'broken.jsonl', specs('d', [{ start: 0, end: 99, label: 'ORG' }]));
    const out = join(dir, 'gold-b.jsonl');
    const stopped = await marginalia(['merge', ...files, broken, '--strategy', 'union', '--out', out, '-q']);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/broken\.jsonl:1: spans\[0\] \(id "d-1"\): end 99 is past the end of the text \(59 code points\)/);
    expect(stopped.stderr).toMatch(/nothing written/);
    expect(existsSync(out)).toBe(false);
    const skipped = await marginalia(['merge', ...files, broken, '--strategy', 'union', '--out', out, '-q', '--skip-invalid']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/broken\.jsonl:1: .*\(left out\)/);
    expect(skipped.stdout).toMatch(/1 invalid line left out/);
    expect(gold(out)[0]!.spans.length).toBe(4);
  });

  it('writes gold that validate accepts, relations carried with both ends, for every strategy', async () => {
    const rel = (annotator: string) => [{ text: TEXT, annotator, source: 'reports/chint.txt', spans: [ORG, FIGURE, PERSON], relations: [['cites', 2, 1] as [string, number, number]] }];
    const ra = writeExport(dir, 'ra.jsonl', rel('a'));
    const rb = writeExport(dir, 'rb.jsonl', rel('b'));
    const rc = writeExport(dir, 'rc.jsonl', specs('c', [PRODUCT, PERSON]));
    for (const strategy of ['union', 'majority', 'unanimous']) {
      const out = join(dir, `gold-${strategy}.jsonl`);
      expect((await marginalia(['merge', ra, rb, rc, '--strategy', strategy, '--out', out, '-q'])).code).toBe(0);
      const v = await runCommand(validate, [out]);
      expect(v.code, `${strategy}: ${v.out}`).toBe(0);
      const [line] = JSON.parse(`[${readFileSync(out, 'utf8').trim()}]`) as { spans: { id: string; label: string }[]; relations: { head: string; tail: string; label: string }[] }[];
      const ids = new Set(line!.spans.map((s) => s.id));
      const both = ids.has(line!.spans.find((s) => s.label === 'PERSON')?.id ?? '') && line!.spans.some((s) => s.label === 'FIGURE');
      expect(line!.relations.length, strategy).toBe(both ? 1 : 0);
      for (const r of line!.relations) expect(ids.has(r.head) && ids.has(r.tail)).toBe(true);
    }
  });

  it('carries each relation whose ends are both gold, with its sources, under every strategy', async () => {
    const one = (annotator: string, rel: boolean) => [{ text: TEXT, annotator, source: 'reports/chint.txt', spans: [ORG, FIGURE, PERSON], relations: rel ? [['cites', 2, 1] as [string, number, number]] : [] }];
    const ra = writeExport(dir, 'r1a.jsonl', one('a', true));
    const rb = writeExport(dir, 'r1b.jsonl', one('b', false));
    const rc = writeExport(dir, 'r1c.jsonl', one('c', false));
    const union = join(dir, 'r1-union.jsonl');
    await marginalia(['merge', ra, rb, rc, '--strategy', 'union', '--out', union, '-q']);
    const [u] = JSON.parse(`[${readFileSync(union, 'utf8').trim()}]`) as { relations: { sources: string[] }[] }[];
    expect(u!.relations.map((r) => r.sources)).toEqual([['a']]);
    const majority = join(dir, 'r1-majority.jsonl');
    expect((await marginalia(['merge', ra, rb, rc, '--strategy', 'majority', '--out', majority, '-q'])).code).toBe(0);
    const [m] = JSON.parse(`[${readFileSync(majority, 'utf8').trim()}]`) as { relations: { sources: string[] }[] }[];
    // Issue 13: a relation goes into the gold whenever both its ends are there (one annotator drew it, a majority marked its spans).
    expect(m!.relations.map((r) => r.sources)).toEqual([['a']]);
  });

  it('gives the same bytes in any input order when annotators name different sources, and warns', async () => {
    const one = writeExport(dir, 's1.jsonl', [{ text: TEXT, annotator: 'a', spans: [ORG], source: 'reports/chint-v1.txt' }]);
    const two = writeExport(dir, 's2.jsonl', [{ text: TEXT, annotator: 'b', spans: [ORG], source: 'reports/chint.txt' }]);
    const x = join(dir, 'sx.jsonl');
    const y = join(dir, 'sy.jsonl');
    const r = await marginalia(['merge', one, two, '--strategy', 'union', '--out', x, '-q']);
    expect((await marginalia(['merge', two, one, '--strategy', 'union', '--out', y, '-q'])).code).toBe(0);
    expect(readFileSync(x, 'utf8')).toBe(readFileSync(y, 'utf8'));
    expect(JSON.parse(readFileSync(x, 'utf8')).source).toBe('reports/chint-v1.txt');
    expect(r.stderr).toMatch(/warning: doc_id sha256:[0-9a-f]+: its annotators name different sources/);
  });

  it('writes nothing and exits 1 when no line is valid', async () => {
    const junk = writeExport(dir, 'junk.jsonl', [], '[]\n');
    const out = join(dir, 'nothing.jsonl');
    const r = await marginalia(['merge', junk, '--strategy', 'union', '--out', out, '--skip-invalid']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/junk\.jsonl:1: a line must be a JSON object/);
    expect(existsSync(out)).toBe(false);
  });

  it('warns about one source with two texts and keeps them apart', async () => {
    const edited = writeExport(dir, 'edited.jsonl', [{ text: TEXT.replace('43.9%', '44%'), annotator: 'c', spans: [], source: 'reports/chint.txt' }]);
    const out = join(dir, 'gold-e.jsonl');
    const r = await marginalia(['merge', files[0]!, edited, '--strategy', 'union', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: source reports\/chint\.txt has 2 different texts .*kept apart, not merged/);
    expect(gold(out)).toHaveLength(2);
  });

  it('exits 2 on usage errors', async () => {
    const out = join(dir, 'usage.jsonl');
    const cases: [string[], RegExp][] = [
      [['merge', '--strategy', 'union', '--out', out], /give at least one FILE/],
      [['merge', files[0]!, '--out', out], /--strategy is required/],
      [['merge', files[0]!, '--strategy', 'vote', '--out', out], /must be one of union, majority, unanimous/],
      [['merge', files[0]!, '--strategy', 'union', '--min', '2', '--out', out], /--min applies to --strategy majority only/],
      [['merge', files[0]!, '--strategy', 'majority', '--min', '0', '--out', out], /positive integer/],
      [['merge', files[0]!, '--strategy', 'majority', '--min', 'two', '--out', out], /positive integer/],
      [['merge', files[0]!, '--strategy', 'union'], /--out is required/],
      [['merge', files[0]!, '--strategy', 'union', '--out', files[0]!], /is one of the input files/],
      [['merge', files[0]!, '--strategy', 'union', '--out', out, '--bogus'], /bogus/],
    ];
    for (const [args, message] of cases) {
      const r = await marginalia(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Usage: marginalia merge/);
    }
    expect(existsSync(out)).toBe(false);
  });
});
