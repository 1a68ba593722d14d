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

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

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
      ['2623.9亿元', 'FIGURE', { approx: 'none', unit: 'CNY', value: 262390000000 }],
      ['42.5%', 'FIGURE', { approx: 'none', unit: '%', value: 42.5 }],
      ['138个', 'FIGURE', { approx: 'none', unit: '个', value: 138 }],
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
    const latin1 = await file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x30, 0x25]));
    const folder = join(dir, 'folder');
    await mkdir(folder, { recursive: true });
    const missing = join(dir, 'missing.txt');
    const { code, out, err } = await run(binary, good, latin1, missing, folder);
    expect(code).toBe(1);
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err.split('\n').filter(Boolean)).toEqual([
      `${binary}: binary file (contains NUL bytes)`,
      `${latin1}: not valid UTF-8 text`,
      `${missing}: no such file`,
      `${folder}: is a directory`,
    ]);
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
