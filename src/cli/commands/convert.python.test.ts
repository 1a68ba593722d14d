// Proof from Python's side: `marginalia convert` writes every format from the fixture corpus, then python3
// (standard library only, test/python/check_exports.py) slices every span and checks every BIO sequence.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { command } from './convert';
import { corpusJsonl } from '../../../test/fixtures/format/corpus';

const SCRIPT = fileURLToPath(new URL('../../../test/python/check_exports.py', import.meta.url));
const hasPython = spawnSync('python3', ['--version']).status === 0;

let dir: string;

async function convert(...args: string[]): Promise<number> {
  const se = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await command.run(args);
  } finally {
    se.mockRestore();
  }
}

function python(target: string): { status: number | null; out: string } {
  const r = spawnSync('python3', [SCRIPT, target], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// python3 is a declared test dependency (.ci/run installs it): without it this fails, it never skips.
it('python3 is on PATH (a declared test dependency; install python3 to run test/python/check_exports.py)', () => {
  expect(hasPython).toBe(true);
});

describe('exports read from Python', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marginalia-python-'));
    const src = join(dir, 'native.jsonl');
    await writeFile(src, corpusJsonl());
    const runs: string[][] = [
      ['--to', 'spacy', '--out', join(dir, 'spacy.jsonl')],
      ['--to', 'doccano', '--out', join(dir, 'doccano.jsonl')],
      ['--to', 'doccano', '--offsets', 'codepoint', '--out', join(dir, 'doccano-cp.jsonl')],
      ['--to', 'label-studio', '--out', join(dir, 'label-studio.json')],
      ['--to', 'brat', '--out', join(dir, 'brat')],
      ['--to', 'hf', '--out', join(dir, 'hf', 'hf.jsonl')],
      ['--to', 'hf', '--zh-tokens', 'words', '--out', join(dir, 'hf-words', 'hf.jsonl')],
      ['--to', 'conll', '--out', join(dir, 'conll.txt')],
    ];
    for (const r of runs) expect(await convert(src, ...r), r.join(' ')).toBe(0);
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('python3 slices every span of every format to the native text, and every BIO sequence is well formed', () => {
    const { status, out } = python(dir);
    expect(out).toMatch(/^\d+ passed, 0 failed$/m);
    expect(status, out).toBe(0);
    // Every format was checked, not skipped.
    for (const f of ['spacy', 'doccano', 'doccano-cp', 'label-studio', 'brat', 'hf', 'hf-words', 'conll']) {
      expect(out).toMatch(new RegExp(`^${f}\\s+[1-9]\\d* checks, 0 failed$`, 'm'));
    }
  });

  it('the Python check fails on an export that is one code point off', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'marginalia-python-broken-'));
    try {
      spawnSync('cp', ['-r', `${dir}/.`, broken]);
      const spacy = await readFile(join(broken, 'spacy.jsonl'), 'utf8');
      // Count the emoji as two, as a UTF-16 exporter would: spans after it move one to the right.
      await writeFile(join(broken, 'spacy.jsonl'), spacy.replace(/"start":(\d+),"end":(\d+),"label":"FIGURE"/, (_, s, e) => `"start":${Number(s) + 1},"end":${Number(e) + 1},"label":"FIGURE"`));
      const { status, out } = python(broken);
      expect(status).toBe(1);
      expect(out).toMatch(/^FAIL spacy record 1: text\[/m);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('the Python check fails on hf Chinese words (the --zh-tokens words output put where the default is expected)', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'marginalia-python-words-'));
    try {
      spawnSync('cp', ['-r', `${dir}/.`, broken]);
      await writeFile(join(broken, 'hf', 'hf.jsonl'), await readFile(join(broken, 'hf-words', 'hf.jsonl'), 'utf8'));
      const { status, out } = python(broken);
      expect(status).toBe(1);
      expect(out).toMatch(/^FAIL hf .*: one Han character$/m);
      expect(out).toMatch(/^hf-words\s+[1-9]\d* checks, 0 failed$/m);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});
