// `marginalia convert` end to end: each format out and back in through files, options, bad input, exit codes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command } from './convert';
import { validateFile } from './validate';
import { UsageError } from '../command';
import { runBin, runCommand } from '../../../test/fixtures/cli';
import { buildCorpus, corpusJsonl } from '../../../test/fixtures/format/corpus';
import type { NativeLine } from '../../core/format/native';

let dir: string;
let src: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-convert-'));
  src = join(dir, 'native.jsonl');
  await writeFile(src, corpusJsonl());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command in-process; returns the exit code and what it printed on stderr. */
async function convert(...args: string[]): Promise<{ code: number; err: string }> {
  const { code, err } = await runCommand(command, args);
  return { code, err };
}

async function readLines(path: string): Promise<NativeLine[]> {
  return (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as NativeLine);
}

const keys = (l: NativeLine) => l.spans.map((s) => `${s.start}-${s.end}-${s.label}`).sort();

describe('marginalia convert', () => {
  it.each([
    ['spacy', 'spacy.jsonl', []],
    ['doccano', 'doccano.jsonl', []],
    ['doccano', 'doccano-g.jsonl', ['--offsets', 'grapheme']],
    ['label-studio', 'ls.json', []],
    ['brat', 'brat-out', []],
  ] as const)('%s %s: out and back in through files, every span kept, the result valid', async (format, name, extra) => {
    const out = join(dir, name);
    expect((await convert(src, '--to', format, '--out', out, ...extra)).code).toBe(0);
    const back = join(dir, `${name}.back.jsonl`);
    const { code, err } = await convert(out, '--from', format, '--out', back, ...extra);
    expect(code, err).toBe(0);
    const report = await validateFile(back);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const orig = new Map(buildCorpus().map((l) => [`${l.doc_id}/${l.annotator}`, l]));
    const lines = await readLines(back);
    expect(lines).toHaveLength(orig.size);
    for (const l of lines) expect(keys(l)).toEqual(keys(orig.get(`${l.doc_id}/${l.annotator}`)!));
  });

  it('hf writes labels.json beside its output and reads it back from there', async () => {
    const out = join(dir, 'hf', 'train.jsonl');
    const { code, err } = await convert(src, '--to', 'hf', '--labels', 'FIGURE,ORG', '--out', out);
    expect(code).toBe(0);
    expect(err).toMatch(/7 lines converted to hf/);
    expect(JSON.parse(await readFile(join(dir, 'hf', 'labels.json'), 'utf8'))).toEqual(['O', 'B-FIGURE', 'I-FIGURE', 'B-ORG', 'I-ORG']);
    const back = join(dir, 'hf.back.jsonl');
    expect((await convert(out, '--from', 'hf', '--out', back)).code).toBe(0);
    const lines = await readLines(back);
    expect(lines.flatMap((l) => l.spans.map((s) => s.label)).every((l) => l === 'FIGURE' || l === 'ORG')).toBe(true);
    expect(lines.some((l) => l.spans.some((s) => s.text === '4.72万亿元'))).toBe(true);
  });

  it('conll: out and back in; the text is rebuilt from tokens and repeated annotations get numbered annotators', async () => {
    const out = join(dir, 'all.conll');
    expect((await convert(src, '--to', 'conll', '--out', out)).code).toBe(0);
    const back = join(dir, 'conll.back.jsonl');
    expect((await convert(out, '--from', 'conll', '--out', back)).code).toBe(0);
    expect((await validateFile(back)).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const lines = await readLines(back);
    expect(lines.map((l) => l.annotator).sort()).toEqual(['imported', 'imported', 'imported', 'imported', 'imported', 'imported-2', 'imported-3']);
    expect(lines.some((l) => l.text!.includes('据上海市统计局介绍，2023年全市生产总值达4.72万亿元'))).toBe(true);
  });

  it('reports a span inside a token by document and span, and moves it only when asked', async () => {
    const strict = await convert(src, '--to', 'conll', '--labels', 'PRODUCT', '--out', join(dir, 'p.conll'));
    expect(strict.err).toMatch(/doc sha256:[0-9a-f]{64} \(alice\) span s-prod1: PRODUCT span "s-prod1" \[152, 156\) "C919" ends inside token "C919s"/);
    expect(await readFile(join(dir, 'p.conll'), 'utf8')).not.toMatch(/PRODUCT/);
    const expand = await convert(src, '--to', 'conll', '--labels', 'PRODUCT', '--alignment', 'expand', '--out', join(dir, 'p2.conll'));
    expect(expand.err).toMatch(/tagged on tokens \[152, 157\) \(alignment expand\)/);
    expect(await readFile(join(dir, 'p2.conll'), 'utf8')).toMatch(/^C919s B-PRODUCT$/m);
  });

  it('native to native applies the label filter and --without-text', async () => {
    const out = join(dir, 'figures.jsonl');
    expect((await convert(src, '--to', 'native', '--labels', 'FIGURE', '--without-text', '--out', out)).code).toBe(0);
    const lines = await readLines(out);
    expect(lines.every((l) => l.text === undefined && l.spans.every((s) => s.label === 'FIGURE'))).toBe(true);
    expect((await validateFile(out)).problems).toEqual([]);
  });

  it('stops at an invalid input line (nothing written); --skip-invalid names each, converts the rest and exits 0', async () => {
    const bad = join(dir, 'bad.jsonl');
    const [first, ...rest] = corpusJsonl().split('\n');
    const broken = JSON.parse(first!) as NativeLine;
    broken.spans[0]!.end = 9999;
    await writeFile(bad, [JSON.stringify(broken), 'not json', ...rest].join('\n'));
    const out = join(dir, 'bad.spacy.jsonl');
    const stopped = await convert(bad, '--to', 'spacy', '--out', out);
    expect(stopped.code).toBe(1);
    expect(stopped.err).toMatch(/stopped at an invalid line/);
    expect(existsSync(out)).toBe(false);
    const { code, err } = await convert(bad, '--to', 'spacy', '--out', out, '--skip-invalid');
    expect(code).toBe(0);
    expect(err).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: spans\\[0\\] .*past the end of the text`, 'm'));
    expect(err).toMatch(/:2: not valid JSON/);
    expect(err).toMatch(/2 invalid lines left out/);
    expect((await readFile(out, 'utf8')).split('\n').filter(Boolean)).toHaveLength(6);
    expect((await readdir(dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('never writes a native line that validate refuses: an imported label with a tab is left out and named', async () => {
    const input = join(dir, 'tab.doccano.jsonl');
    await writeFile(input, JSON.stringify({ text: 'Chint grew 5%.', label: [[11, 13, 'FIGURE']] }) + '\n' + JSON.stringify({ text: 'Chint fell.', label: [[0, 5, 'OR\tG']] }) + '\n');
    const out = join(dir, 'tab.native.jsonl');
    const { code, err } = await convert(input, '--from', 'doccano', '--offsets', 'codepoint', '--out', out);
    expect(code).toBe(1);
    expect(err).toMatch(/left out, it would not be valid native JSONL: spans\[0\]\.label: must not hold a tab/);
    expect((await validateFile(out)).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect((await readLines(out)).map((l) => l.text)).toEqual(['Chint grew 5%.']);
  });

  it('--sort writes a native file in doc_id order, which merge can then read', async () => {
    const lines = (await readFile(src, 'utf8')).trimEnd().split('\n').reverse();
    const shuffled = join(dir, 'reversed.jsonl');
    await writeFile(shuffled, lines.join('\n') + '\n');
    const sorted = join(dir, 'sorted.jsonl');
    expect((await convert(shuffled, '--to', 'native', '--sort', '--out', sorted)).code).toBe(0);
    expect(await readFile(sorted, 'utf8')).toBe(await readFile(src, 'utf8'));
  });

  it('refuses bad command lines with a usage error', async () => {
    await expect(command.run([src, '--out', 'x'])).rejects.toThrow(UsageError);
    await expect(command.run([src, '--to', 'spacy', '--from', 'hf', '--out', 'x'])).rejects.toThrow(/exactly one of --to/);
    await expect(command.run([src, '--to', 'xml', '--out', 'x'])).rejects.toThrow(/--to must be one of native, spacy/);
    await expect(command.run([src, '--to', 'spacy', '--without-text', '--out', 'x'])).rejects.toThrow(/spacy needs the document text/);
    await expect(command.run([src, '--to', 'spacy'])).rejects.toThrow(/--out PATH is required/);
    await expect(command.run([src, '--to', 'hf', '--zh-tokens', 'jieba', '--out', 'x'])).rejects.toThrow(/--zh-tokens must be one of chars, words/);
    await expect(command.run([src, '--to', 'conll', '--zh-tokens', 'words', '--out', 'x'])).rejects.toThrow(/--zh-tokens applies to --to hf only/);
  });

  it('exits 0, 1 and 2 from the real command line', () => {
    const run = (...args: string[]) => runBin(args);
    expect(run('convert', src, '--to', 'spacy', '--out', join(dir, 'cli.jsonl')).status).toBe(0);
    expect(run('convert', join(dir, 'missing.jsonl'), '--to', 'spacy', '--out', join(dir, 'cli2.jsonl')).status).toBe(1);
    const usage = run('convert', src, '--to', 'spacy');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--out PATH is required/);
    expect(run('validate', src).status).toBe(0);
    expect(run('validate').status).toBe(2);
  });
});
