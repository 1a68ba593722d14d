// `marginalia suggest`: native lines that validate, exit codes 0/1/2, unreadable files named on stderr, reproducible bytes.

import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NativeLine } from '../../core/format/native';
import { NativeValidator } from '../../core/format/validate';
import { sliceCodePoints } from '../../core/model/offsets';
import { UsageError } from '../command';
import { main } from '../main';
import { command } from './suggest';
import { runCommand } from '../../../test/fixtures/cli';
import { encodeLegacy } from '../../../test/fixtures/corpus/legacy-encode';

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const utf16le = (s: string) => [...Buffer.from(s, 'utf16le')];
/** GB18030 bytes of a text, from the legacy encoder the corpus tests use. */
const gb18030 = (s: string) => [...encodeLegacy(s, 'gb18030')];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-suggest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.SOURCE_DATE_EPOCH;
});

/** Runs `suggest` in-process, capturing stdout and stderr. */
const run = (...args: string[]) => runCommand(command, args);
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  return writeFile(p, content).then(() => p);
};

const EN = 'Exports rose 12.5% to $3.2 billion in 2023, and more than 140 countries and regions buy them.\n';
const ZH = '\ufeff上海跨境电商进出口实现2623.9亿元,\r\n同比增长42.5%,建有海外仓138个。\r\n';

describe('marginalia suggest', () => {
  it('prints one valid native line per file, sorted by doc_id, with FIGURE spans', async () => {
    const en = await file('en.txt', EN);
    const zh = await file('zh.txt', ZH);
    const { code, out, err } = await run(en, zh);
    expect(code).toBe(0);
    expect(err).toBe('');
    const raw = out.split('\n').filter(Boolean);
    expect(raw).toHaveLength(2);

    const validator = new NativeValidator({ sha256Hex });
    const problems = [...raw.flatMap((l, i) => validator.checkText(l, i + 1)), ...validator.end()];
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);

    const lines = raw.map((l) => JSON.parse(l) as NativeLine);
    expect(lines.map((l) => l.doc_id)).toEqual([...lines.map((l) => l.doc_id)].sort());
    const zhLine = lines.find((l) => l.source.endsWith('zh.txt'))!;
    const normalized = ZH.slice(1).replace(/\r\n/g, '\n');
    expect(zhLine).toMatchObject({ format: 'marginalia/1', annotator: 'suggester', status: 'todo', text: normalized });
    expect(zhLine.doc_id).toBe(`sha256:${sha256Hex(normalized)}`);
    expect(zhLine.spans.map((s) => [s.text, s.label, s.attrs])).toEqual([
      ['2623.9亿元', 'FIGURE', { approx: 'none', unit: 'CNY', value: 262390000000, source: 'parser', score: 0.97 }],
      ['42.5%', 'FIGURE', { approx: 'none', unit: '%', value: 42.5, source: 'parser', score: 0.97 }],
      ['138个', 'FIGURE', { approx: 'none', unit: '个', value: 138, source: 'parser', score: 0.9 }],
    ]);
    for (const l of lines) for (const s of l.spans) expect(sliceCodePoints(l.text!, s.start, s.end)).toBe(s.text);
    const enLine = lines.find((l) => l.source.endsWith('en.txt'))!;
    expect(enLine.spans.map((s) => s.text)).toEqual(['12.5%', '$3.2 billion', '140 countries and regions']);
    expect(enLine.spans[2]!.attrs.approx).toBe('more-than');
  });

  it('omits the text with --without-text and gives the same bytes twice under SOURCE_DATE_EPOCH', async () => {
    const en = await file('en2.txt', EN);
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    const a = await run('--without-text', en);
    const b = await run('--without-text', en);
    expect(a.out).toBe(b.out);
    const line = JSON.parse(a.out) as NativeLine;
    expect('text' in line).toBe(false);
    expect(line.updated_at).toBe('2026-01-01T00:00:00.000Z');
    expect(line.spans[0]!.id).toMatch(/^s[a-z2-7]{12}$/);
  });

  it('reports unreadable files as FILE: reason, prints the rest, and exits 1', async () => {
    const good = await file('good.txt', EN);
    const binary = await file('image.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const empty = await file('empty.txt', '');
    const folder = join(dir, 'folder');
    await mkdir(folder, { recursive: true });
    const missing = join(dir, 'missing.txt');
    const { code, out, err } = await run(binary, good, empty, missing, folder);
    expect(code).toBe(1);
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err.split('\n').filter(Boolean)).toEqual([
      `${binary}: binary file (contains NUL bytes)`,
      `${empty}: empty file`,
      `${missing}: no such file`,
      `${folder}: is a directory`,
    ]);
  });

  it('decodes files as the app does: GB18030 and UTF-16 with a BOM give the same line as UTF-8', async () => {
    const text = '上海跨境电商进出口实现2623.9亿元,同比增长42.5%。\n';
    const utf8 = await file('zh-utf8.txt', text);
    const gb = await file('zh-gb.txt', new Uint8Array(gb18030(text)));
    const utf16 = await file('zh-utf16.txt', new Uint8Array([0xff, 0xfe, ...utf16le(text)]));
    const lines: NativeLine[] = [];
    for (const f of [utf8, gb, utf16]) lines.push(JSON.parse((await run(f)).out) as NativeLine);
    expect(lines[1]!.doc_id).toBe(lines[0]!.doc_id);
    expect(lines[2]!.doc_id).toBe(lines[0]!.doc_id);
    expect(lines[1]!.spans.map((s) => s.text)).toEqual(['2623.9亿元', '42.5%']);
  });

  it('suggests PERSON, ORG, LOC and PRODUCT with --labels, figures only when FIGURE is listed, canonical ids from --lexicon', async () => {
    const report = await file('en-entities.txt', 'Hefei, May 14 (Xinhua) -- Mayor Luo Yunfeng said BYD will build 300,000 units of its Seagull hatchback in Anhui Province.\n');
    const only = JSON.parse((await run('--labels', 'PERSON,ORG,LOC,PRODUCT', report)).out) as NativeLine;
    expect(only.spans.map((s) => [s.text, s.label, s.attrs.source])).toEqual([
      ['Hefei', 'LOC', 'nlp'],
      ['Xinhua', 'ORG', 'nlp'],
      ['Luo Yunfeng', 'PERSON', 'nlp'],
      ['BYD', 'ORG', 'nlp'],
      ['Seagull', 'PRODUCT', 'nlp'],
      ['Anhui Province', 'LOC', 'nlp'],
    ]);
    for (const s of only.spans) expect(s.attrs.score).toBeGreaterThan(0);
    const lexicon = await file('lexicon.jsonl', JSON.stringify({ spans: [{ label: 'ORG', text: 'BYD', attrs: { canonical: 'byd' } }] }) + '\n');
    const both = JSON.parse((await run('--labels=FIGURE,ORG', '--lexicon', lexicon, report)).out) as NativeLine;
    expect(both.spans.map((s) => [s.text, s.label, s.attrs.source, s.attrs.canonical ?? null])).toEqual([
      ['Xinhua', 'ORG', 'nlp', null],
      ['BYD', 'ORG', 'lexicon', 'byd'],
      ['300,000 units', 'FIGURE', 'parser', null],
    ]);
    await expect(command.run(['--labels', 'PERSON,DATE', report])).rejects.toThrow(/unknown label DATE/);
  });

  it('skips a second file with the same text', async () => {
    const a = await file('a.txt', EN);
    const b = await file('b.txt', EN.replace('\n', '\r\n'));
    const { code, out, err } = await run(a, b);
    expect(code).toBe(0);
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err).toBe(`${b}: same text as ${a}, skipped\n`);
  });

  it('is a usage error (exit 2) without files or with an unknown option', async () => {
    await expect(command.run([])).rejects.toThrow(UsageError);
    await expect(command.run(['--bogus', 'x.txt'])).rejects.toThrow(/unknown option '--bogus'/);
    const se = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['suggest'])).toBe(2);
    } finally {
      se.mockRestore();
    }
  });

  it('prints its usage for --help', async () => {
    let out = '';
    const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    try {
      expect(await main(['suggest', '--help'])).toBe(0);
    } finally {
      so.mockRestore();
    }
    expect(out).toMatch(/^Usage: marginalia suggest/);
    expect(out).toMatch(/Exit status: 0/);
  });
});
