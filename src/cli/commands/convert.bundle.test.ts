// bin/marginalia.js runs the corpus commands from an esbuild bundle cached in node_modules/.cache (a third of a CPU
// second less per run than tsx): the bundle must write what tsx does, worker threads included, and never go stale.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../../../test/fixtures/cli';
import { corpusJsonl } from '../../../test/fixtures/format/corpus';

const POINTER = join(BIN, '..', '..', 'node_modules', '.cache', 'marginalia-cli', 'current.json');

interface Pointer {
  dir: string;
  inputs: Record<string, string>;
}

let dir: string;
let src: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-bundle-'));
  src = join(dir, 'native.jsonl');
  await writeFile(src, corpusJsonl());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `marginalia convert SRC --to hf --jobs 2` into `out`, from the bundle or (noBundle) through tsx. */
function hf(out: string, noBundle: boolean): { status: number | null; stderr: string } {
  const env = { ...process.env, MARGINALIA_NO_BUNDLE: noBundle ? '1' : '' };
  const r = spawnSync(process.execPath, [BIN, 'convert', src, '--to', 'hf', '--jobs', '2', '--alignment', 'expand', '--out', join(dir, out, 'hf.jsonl')], { encoding: 'utf8', env });
  return { status: r.status, stderr: r.stderr.replaceAll(join(dir, out), 'OUT') };
}

async function pointer(): Promise<Pointer> {
  return JSON.parse(await readFile(POINTER, 'utf8')) as Pointer;
}

describe('the bundled CLI', () => {
  it('writes the bytes, labels and warnings tsx does, with the hf worker threads from the bundle too', async () => {
    const bundled = hf('bundled', false);
    const plain = hf('tsx', true);
    expect(bundled.status).toBe(0);
    expect(plain.status).toBe(0);
    // The bundle was built and used: its entry and its worker are there.
    const p = await pointer();
    const build = join(POINTER, '..', p.dir);
    expect(existsSync(join(build, 'main.js')) && existsSync(join(build, 'hf-worker.js'))).toBe(true);
    expect(Object.keys(p.inputs)).toContain('src/core/format/tokens.ts');
    for (const f of ['hf.jsonl', 'labels.json']) expect(await readFile(join(dir, 'bundled', f), 'utf8')).toBe(await readFile(join(dir, 'tsx', f), 'utf8'));
    expect(bundled.stderr).toBe(plain.stderr);
    expect(bundled.stderr).toMatch(/alignment expand/);
  });

  it('is built again when a file it was built from is not as it was (size or time), and then used', async () => {
    expect(hf('first', false).status).toBe(0);
    const before = await pointer();
    // As if src/core/format/tokens.ts had been edited since: its recorded fingerprint no longer matches.
    await writeFile(POINTER, JSON.stringify({ ...before, inputs: { ...before.inputs, 'src/core/format/tokens.ts': '1:1' } }));
    const again = hf('again', false);
    expect(again.status).toBe(0);
    const after = await pointer();
    expect(after.dir).not.toBe(before.dir);
    expect(after.inputs['src/core/format/tokens.ts']).toBe(before.inputs['src/core/format/tokens.ts']);
    expect(await readFile(join(dir, 'again', 'hf.jsonl'), 'utf8')).toBe(await readFile(join(dir, 'first', 'hf.jsonl'), 'utf8'));
  });
});
