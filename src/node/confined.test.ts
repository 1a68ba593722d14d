// Confinement, tried the way a shared corpus (a git repository, a network folder) could try it: a link planted in
// .marginalia or as .marginalia, links to hidden files, a FIFO among the documents, a file that never finishes reading.

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../core/model/schema';
import type { ReadFileFn } from './document-file';
import { readWholeFile } from './document-file';
import { createServices, type HostServices } from './services';

let tmp: string;
let corpus: string;
let outside: string;
const opened: HostServices[] = [];
const DOC = 'sha256:' + 'c'.repeat(64);
const entries = [{ op: 'status', docId: DOC, status: 'done' }] as const;

async function open(readFile?: ReadFileFn): Promise<HostServices> {
  const s = await createServices(corpus, { kind: 'browser', version: 'test', watch: false, ...(readFile ? { readFile } : {}) });
  opened.push(s);
  await s.whenScanned();
  return s;
}

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-confined-'));
  process.env.MARGINALIA_CONFIG_DIR = path.join(tmp, 'config');
  corpus = path.join(tmp, 'corpus');
  outside = path.join(tmp, 'outside');
  await mkdir(corpus);
  await mkdir(outside);
  await writeFile(path.join(corpus, 'a.txt'), 'A report of 43.9%.');
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('.marginalia is confined to the corpus', () => {
  it('refuses a journal that is a symbolic link, and never writes through it', async () => {
    const target = path.join(outside, 'profile.sh');
    await writeFile(target, 'echo hi\n');
    await mkdir(path.join(corpus, '.marginalia'));
    await symlink(target, path.join(corpus, '.marginalia', 'journal-alice.jsonl'));
    const s = await open();
    await expect(s.appendJournal({ annotator: 'alice', entries: [...entries] })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/journal-alice\.jsonl is a symbolic link.*remove the link/) });
    await expect(s.readJournal({ annotator: 'alice' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(s.compactJournal({ annotator: 'alice' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await readFile(target, 'utf8')).toBe('echo hi\n');
    expect(await s.listJournals()).toEqual([]);
  });

  it('refuses a .marginalia that is a symbolic link: no journal, schema or export goes through it', async () => {
    await symlink(outside, path.join(corpus, '.marginalia'));
    const s = await open();
    await expect(s.appendJournal({ annotator: 'alice', entries: [...entries] })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/\.marginalia is a symbolic link/) });
    await expect(s.writeSchema({ schema: DEFAULT_SCHEMA })).rejects.toThrow(/\.marginalia is a symbolic link/);
    await expect(s.exportBegin({ suggestedName: 'x.jsonl', layout: 'file' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(s.saveExport({ suggestedName: 'x.jsonl', content: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await s.close();
    expect(await readdir(outside)).toEqual([]);
  });

  it('reads no schema through a link, and a write replaces the link instead of following it', async () => {
    const target = path.join(outside, 'secret.json');
    await writeFile(target, JSON.stringify(DEFAULT_SCHEMA));
    await mkdir(path.join(corpus, '.marginalia'));
    await symlink(target, path.join(corpus, '.marginalia', 'schema.json'));
    const s = await open();
    const read = await s.readSchema();
    expect(read.schema).toBeNull();
    expect(read.errors.join()).toMatch(/symbolic link/);
    await s.writeSchema({ schema: DEFAULT_SCHEMA });
    expect(await readFile(target, 'utf8')).toBe(JSON.stringify(DEFAULT_SCHEMA));
    expect((await s.readSchema()).exists).toBe(true);
  });
});

describe('what the corpus lists and reads', () => {
  it('lists no link to a hidden file or into .marginalia; a link to a document is listed', async () => {
    await mkdir(path.join(corpus, '.hidden'));
    await writeFile(path.join(corpus, '.hidden', 'secret.txt'), 'a secret');
    await mkdir(path.join(corpus, '.marginalia'));
    await writeFile(path.join(corpus, '.marginalia', 'journal-bob.jsonl'), '{"op":"status"}\n');
    await symlink(path.join(corpus, '.hidden', 'secret.txt'), path.join(corpus, 'hidden-link.txt'));
    await symlink(path.join(corpus, '.marginalia', 'journal-bob.jsonl'), path.join(corpus, 'journal-link.jsonl'));
    await symlink(path.join(corpus, 'a.txt'), path.join(corpus, 'b.txt'));
    const s = await open();
    expect((await s.getCorpus()).documents.map((d) => d.path)).toEqual(['a.txt', 'b.txt']);
    await expect(s.readDocument({ path: 'hidden-link.txt' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(s.readDocument({ path: 'journal-link.jsonl#1' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('never opens a FIFO: not listed, and a read of one is refused at once', async () => {
    execFileSync('mkfifo', [path.join(corpus, 'pipe.txt')]);
    execFileSync('mkfifo', [path.join(corpus, 'pipe.jsonl')]);
    const s = await open();
    expect((await s.getCorpus()).documents.map((d) => d.path)).toEqual(['a.txt']);
    await expect(s.readDocument({ path: 'pipe.txt' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/not a regular file/) });
    await expect(s.readDocument({ path: 'pipe.jsonl#1' })).rejects.toThrow();
    await expect(s.setEncoding({ path: 'pipe.txt', encoding: 'big5' })).rejects.toThrow(/not a regular file/);
    // The reader refuses a FIFO even when asked directly (a file swapped for a FIFO after its stat).
    await expect(readWholeFile(path.join(corpus, 'pipe.txt'))).rejects.toMatchObject({ code: 'ENOTREG' });
    expect((await s.readDocument({ path: 'a.txt' })).text).toBe('A report of 43.9%.');
  });

  it('reads documents asynchronously: a file that never finishes reading holds up no other request', async () => {
    await writeFile(path.join(corpus, 'slow.txt'), 'A slow file on a network share.');
    let stall = false;
    let release: () => void = () => {};
    const released = new Promise<void>((r) => (release = r));
    const s = await open(async (abs, size) => {
      if (stall && abs.endsWith('slow.txt')) await released;
      return readWholeFile(abs, size);
    });
    stall = true;
    const slow = s.readDocument({ path: 'slow.txt' });
    let slowDone = false;
    void slow.then(() => (slowDone = true));
    expect((await s.readDocument({ path: 'a.txt' })).text).toBe('A report of 43.9%.');
    expect((await s.getCorpus()).documents).toHaveLength(2);
    expect(slowDone).toBe(false);
    release();
    expect((await slow).text).toBe('A slow file on a network share.');
  });
});
