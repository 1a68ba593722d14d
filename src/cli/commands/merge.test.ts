// `marginalia merge` end to end: the gold file and its bytes, the report, invalid input, and exit codes.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LineSpec } from '../../../test/fixtures/agreement/build';
import { marginalia, tempDir, writeExport } from '../../../test/fixtures/agreement/cli';

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
  it('writes the majority gold with sources and says what it did', () => {
    const out = join(dir, 'gold.jsonl');
    const r = marginalia(['merge', ...files, '--strategy', 'majority', '--out', out]);
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

  it('gives the same bytes every time, whatever the order of the files', () => {
    const one = join(dir, 'one.jsonl');
    const two = join(dir, 'two.jsonl');
    expect(marginalia(['merge', ...files, '--strategy', 'union', '--out', one]).code).toBe(0);
    expect(marginalia(['merge', ...[...files].reverse(), '--strategy', 'union', '--out', two]).code).toBe(0);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
    expect(gold(one)[0]!.spans.map((s) => s.label)).toEqual(['PRODUCT', 'ORG', 'FIGURE', 'PERSON']);
  });

  it('applies --min and unanimous', () => {
    const out = join(dir, 'min.jsonl');
    expect(marginalia(['merge', ...files, '--strategy', 'majority', '--min', '3', '--out', out]).code).toBe(0);
    expect(gold(out)[0]!.spans.map((s) => s.label)).toEqual(['PERSON']);
    expect(marginalia(['merge', ...files, '--strategy', 'unanimous', '--out', out]).code).toBe(0);
    expect(gold(out)[0]!.spans.map((s) => s.label)).toEqual(['PERSON']);
  });

  it('writes a report of every conflict with its sides', () => {
    const out = join(dir, 'gold-r.jsonl');
    const reportPath = join(dir, 'report.json');
    const r = marginalia(['merge', ...files, '--strategy', 'majority', '--out', out, '--report', reportPath]);
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

  it('names invalid lines, merges the valid rest, and exits 1', () => {
    const broken = writeExport(dir, 'broken.jsonl', specs('d', [{ start: 0, end: 99, label: 'ORG' }]));
    const out = join(dir, 'gold-b.jsonl');
    const r = marginalia(['merge', ...files, broken, '--strategy', 'union', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`broken\\.jsonl:1: span 1 \\(id "d-1"\\): end 99 is past the end of the text \\(59 code points\\)`));
    expect(gold(out)[0]!.spans.length).toBe(4);
  });

  it('writes nothing and exits 1 when no line is valid', () => {
    const junk = writeExport(dir, 'junk.jsonl', [], '[]\n');
    const out = join(dir, 'nothing.jsonl');
    const r = marginalia(['merge', junk, '--strategy', 'union', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/junk\.jsonl:1: a line must be a JSON object/);
    expect(existsSync(out)).toBe(false);
  });

  it('warns about one source with two texts and keeps them apart', () => {
    const edited = writeExport(dir, 'edited.jsonl', [{ text: TEXT.replace('43.9%', '44%'), annotator: 'c', spans: [], source: 'reports/chint.txt' }]);
    const out = join(dir, 'gold-e.jsonl');
    const r = marginalia(['merge', files[0]!, edited, '--strategy', 'union', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: source reports\/chint\.txt has 2 different texts .*kept apart, not merged/);
    expect(gold(out)).toHaveLength(2);
  });

  it('exits 2 on usage errors', () => {
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
      const r = marginalia(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Usage: marginalia merge/);
    }
    expect(existsSync(out)).toBe(false);
  });
});
