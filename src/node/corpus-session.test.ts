import { mkdir, mkdtemp, readFile, rename, rm, symlink, truncate, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentsChange, HostEvents, ScanProgress } from '../core/ipc/contract';
import { encodeLegacy } from '../../test/fixtures/corpus/legacy-encode';
import { makeCorpus, TRADITIONAL_SAMPLE, writeFiles } from '../../test/fixtures/corpus/folder';
import { nextHistory } from './corpus-changes';
import { CorpusSession, type SessionOptions } from './corpus-session';
import { docIdOf, MAX_FILE_BYTES } from './document-file';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

/** A temporary corpus, removed after the test. */
async function corpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await makeCorpus(files);
  cleanup.push(() => rm(root, { recursive: true, force: true }));
  return root;
}

interface Recorder {
  events: { event: keyof HostEvents; payload: unknown }[];
  progress(): ScanProgress[];
  changes(): DocumentsChange[];
  /** Resolves with the first documentsChanged (after the ones seen so far) that `test` accepts; fails after 10 s. */
  next(test: (c: DocumentsChange) => boolean): Promise<DocumentsChange>;
}

function recorder(): Recorder & { emit: SessionOptions['emit'] } {
  const events: Recorder['events'] = [];
  const waiters: { test: (c: DocumentsChange) => boolean; resolve: (c: DocumentsChange) => void }[] = [];
  return {
    events,
    emit: (event, payload) => {
      events.push({ event, payload });
      if (event !== 'documentsChanged') return;
      for (const w of [...waiters]) {
        if (w.test(payload as DocumentsChange)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(payload as DocumentsChange);
        }
      }
    },
    progress: () => events.filter((e) => e.event === 'scanProgress').map((e) => e.payload as ScanProgress),
    changes: () => events.filter((e) => e.event === 'documentsChanged').map((e) => e.payload as DocumentsChange),
    next(test) {
      return new Promise((resolve, reject) => {
        // A deadline so a missing event fails the test instead of hanging it; nothing is timed.
        const timer = setTimeout(() => reject(new Error('no matching documentsChanged event within 10 s')), 10_000);
        waiters.push({ test, resolve: (c) => (clearTimeout(timer), resolve(c)) });
      });
    },
  };
}

async function open(root: string, options: SessionOptions = {}): Promise<CorpusSession> {
  const s = await CorpusSession.open(root, { watch: false, ...options });
  cleanup.push(() => s.close());
  return s;
}

describe('the background scan', () => {
  it('answers at once while scanning, reports progress, and ends with every document', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`d${String(i).padStart(3, '0')}.txt`] = `Report ${i}\nBody ${i * 1.5}%`;
    const root = await corpus(files);
    const rec = recorder();
    const s = await open(root, { emit: rec.emit });
    const early = s.info();
    expect(early.scanning).toBe(true);
    expect(early.documents.length).toBeLessThan(120);
    await s.whenScanned();
    const done = s.info();
    expect(done.scanning).toBe(false);
    expect(done.documents).toHaveLength(120);
    expect(done.scan).toMatchObject({ phase: 'done', done: 120, total: 120, read: 120 });
    const phases = rec.progress().map((p) => p.phase);
    expect(phases[0]).toBe('listing');
    expect(phases).toContain('reading');
    expect(phases.at(-1)).toBe('done');
    // Every document reached the UI through documentsChanged, once.
    const added = rec.changes().flatMap((c) => c.added.map((e) => e.path));
    expect(added.sort()).toEqual(Object.keys(files).sort());
  });

  it('keeps an index so that a reopen of an unchanged corpus reads no file, and lists it before checking', async () => {
    const root = await corpus({ 'a.txt': 'Alpha', 'b/c.md': '# Gamma\nbody', 'd.html': '<title>Delta</title><p>text</p>' });
    const first = await open(root);
    await first.whenScanned();
    await first.close();
    const index = JSON.parse(await readFile(path.join(root, '.marginalia', 'index.json'), 'utf8'));
    expect(index.files.map((f: { path: string }) => f.path).sort()).toEqual(['a.txt', 'b/c.md', 'd.html']);

    let reads = 0;
    const again = await open(root, { readFile: async (abs) => (reads++, readFile(abs)) });
    // Known at once from the index, while the scan checks the files.
    expect(again.info().documents.map((d) => d.path)).toEqual(['a.txt', 'b/c.md', 'd.html']);
    await again.whenScanned();
    expect(reads).toBe(0);
    expect(again.info().scan).toMatchObject({ phase: 'done', total: 3, read: 0 });
    expect(again.info().documents.find((d) => d.path === 'd.html')).toMatchObject({ title: 'Delta', kind: 'html', docId: docIdOf('text') });
  });

  it('reads a changed file again, gives it a new docId and keeps the old one in previousDocIds', async () => {
    const root = await corpus({ 'a.txt': 'Version one' });
    const s1 = await open(root);
    await s1.whenScanned();
    const v1 = s1.info().documents[0]!.docId;
    await s1.close();
    // Same size, later time: only the mtime tells it changed.
    await writeFiles(root, { 'a.txt': 'Version two' }, new Date(Date.now() - 60_000));
    const rec = recorder();
    const s2 = await open(root, { emit: rec.emit });
    await s2.whenScanned();
    const entry = s2.info().documents[0]!;
    expect(entry.docId).toBe(docIdOf('Version two'));
    expect(entry.previousDocIds).toEqual([v1]);
    expect(rec.changes().flatMap((c) => c.changed.map((e) => e.path))).toEqual(['a.txt']);
    expect(nextHistory(entry.docId, entry.previousDocIds, 'sha256:new')).toEqual([entry.docId, v1]);
  });

  it('re-reads a file modified within the timestamp granularity of its last read (racy)', async () => {
    const root = await corpus({ 'a.txt': 'one' });
    const s1 = await open(root);
    await s1.whenScanned();
    await s1.close();
    // An index record read in the same instant the file was written: the file could have changed unseen.
    const file = path.join(root, '.marginalia', 'index.json');
    const index = JSON.parse(await readFile(file, 'utf8'));
    index.files[0].checkedAt = index.files[0].mtimeMs + 1;
    await writeFile(file, JSON.stringify(index));
    const s2 = await open(root);
    await s2.whenScanned();
    expect(s2.info().scan!.read).toBe(1);
  });

  it('never lists a path from a tampered index that the walk could not list', async () => {
    const root = await corpus({ 'a.txt': 'one' });
    const outside = await mkdtemp(path.join(os.tmpdir(), 'marginalia-outside-'));
    cleanup.push(() => rm(outside, { recursive: true, force: true }));
    await writeFiles(outside, { 'secret.txt': 'secret' });
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
    const s1 = await open(root);
    await s1.whenScanned();
    await s1.close();
    const file = path.join(root, '.marginalia', 'index.json');
    const index = JSON.parse(await readFile(file, 'utf8'));
    const a = index.files.find((f: { path: string }) => f.path === 'a.txt');
    for (const p of ['../' + path.basename(outside) + '/secret.txt', '.hidden.txt', 'link.txt', '/etc/hosts']) index.files.push({ ...a, path: p });
    await writeFile(file, JSON.stringify(index));
    const s2 = await open(root);
    expect(s2.info().documents.map((d) => d.path)).toEqual(['a.txt', 'link.txt']);
    await s2.whenScanned();
    expect(s2.info().documents.map((d) => d.path)).toEqual(['a.txt']);
  });

  it('ignores a damaged index (one full read) and says so', async () => {
    const root = await corpus({ 'a.txt': 'one' });
    await mkdir(path.join(root, '.marginalia'));
    await writeFile(path.join(root, '.marginalia', 'index.json'), '{"version":1,"files":[{"path":');
    const s = await open(root);
    await s.whenScanned();
    expect(s.info().documents).toHaveLength(1);
    expect(s.info().warnings?.[0]).toMatch(/index\.json is damaged/);
  });
});

describe('bad files', () => {
  it('lists unreadable, binary, empty and enormous files as skipped with reasons; the rest works', async () => {
    const root = await corpus({
      'good.txt': 'Fine text',
      'binary.txt': Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2),
      'empty.md': '',
      'blank.txt': ' \n\n ',
      'locked.txt': 'secret',
      'nothing.html': '<script>only()</script>',
    });
    await writeFile(path.join(root, 'huge.txt'), '');
    await truncate(path.join(root, 'huge.txt'), MAX_FILE_BYTES + 1);
    const old = new Date(Date.now() - 3_600_000);
    await utimes(path.join(root, 'huge.txt'), old, old);
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const s = await open(root, { readFile: async (abs) => (abs.endsWith('locked.txt') ? Promise.reject(denied) : readFile(abs)) });
    await s.whenScanned();
    const info = s.info();
    expect(info.documents.map((d) => d.path)).toEqual(['good.txt']);
    expect(info.skipped).toEqual([
      { path: 'binary.txt', reason: 'binary file (contains NUL bytes)' },
      { path: 'blank.txt', reason: 'empty file' },
      { path: 'empty.md', reason: 'empty file' },
      { path: 'huge.txt', reason: `too large (${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES})` },
      { path: 'locked.txt', reason: 'unreadable: permission denied (EACCES)' },
      { path: 'nothing.html', reason: 'no text in the page' },
    ]);
    expect((await s.readDocument('good.txt')).text).toBe('Fine text');
    await expect(s.readDocument('binary.txt')).rejects.toThrow(/binary file/);
  });
});

describe('JSONL corpora', () => {
  it('lists each line as file.jsonl#LINE, reads by line or id, and lists bad lines with their numbers', async () => {
    const root = await corpus({
      'news/data.jsonl': ['{"id":"x1","text":"First\\nbody","meta":{"__proto__":{"p":1},"lang":"en"}}', '{oops', '{"text":"Second"}'].join('\n') + '\n',
    });
    const s = await open(root);
    await s.whenScanned();
    const info = s.info();
    expect(info.documents.map((d) => [d.path, d.title, d.source])).toEqual([
      ['news/data.jsonl#1', 'First', { file: 'news/data.jsonl', line: 1, id: 'x1' }],
      ['news/data.jsonl#3', 'Second', { file: 'news/data.jsonl', line: 3 }],
    ]);
    expect(info.skipped).toHaveLength(1);
    expect(info.skipped[0]).toMatchObject({ path: 'news/data.jsonl', line: 2 });
    expect(info.skipped[0]!.reason).toMatch(/^not JSON/);
    const byLine = await s.readDocument('news/data.jsonl#1');
    expect(byLine).toMatchObject({ path: 'news/data.jsonl#1', text: 'First\nbody', docId: docIdOf('First\nbody'), kind: 'jsonl' });
    expect(Object.hasOwn(byLine.meta!, '__proto__')).toBe(true);
    expect((await s.readDocument('news/data.jsonl', 'x1')).path).toBe('news/data.jsonl#1');
    await expect(s.readDocument('news/data.jsonl#2')).rejects.toThrow(/line 2: not JSON/);
    await expect(s.readDocument('news/data.jsonl#9')).rejects.toThrow(/no document at line 9/);
    await expect(s.readDocument('news/data.jsonl')).rejects.toThrow(/name a line/);
  });

  it('after a line is inserted, unchanged lines keep their ids, a changed line with an id keeps its history, and no line claims a text that is not its own', async () => {
    const root = await corpus({ 'd.jsonl': '{"text":"A"}\n{"text":"B"}\n', 'i.jsonl': '{"id":"a","text":"A"}\n{"id":"b","text":"B"}\n' });
    const s1 = await open(root);
    await s1.whenScanned();
    await s1.close();
    const later = new Date(Date.now() - 60_000);
    await writeFiles(root, { 'd.jsonl': '{"text":"New"}\n{"text":"A"}\n{"text":"B2"}\n', 'i.jsonl': '{"id":"n","text":"New"}\n{"id":"a","text":"A"}\n{"id":"b","text":"B2"}\n' }, later);
    const s2 = await open(root);
    await s2.whenScanned();
    const docs = s2.info().documents;
    expect(docs.map((d) => [d.path, d.docId, d.previousDocIds])).toEqual([
      ['d.jsonl#1', docIdOf('New'), undefined],
      ['d.jsonl#2', docIdOf('A'), undefined],
      // Without ids nothing says that B2 follows B: no history is claimed (B's spans surface as orphans).
      ['d.jsonl#3', docIdOf('B2'), undefined],
      ['i.jsonl#1', docIdOf('New'), undefined],
      ['i.jsonl#2', docIdOf('A'), undefined],
      // With ids, line "b" is the same document in a new version.
      ['i.jsonl#3', docIdOf('B2'), [docIdOf('B')]],
    ]);
  });
});

describe('encodings', () => {
  it('flags an uncertain file with candidates, and a chosen encoding is applied, persisted and undone', async () => {
    const root = await corpus({ 'tw.txt': Uint8Array.of(0xbb, 0x4f, 0xc6, 0x57), 'long.txt': encodeLegacy(TRADITIONAL_SAMPLE, 'big5') });
    const s = await open(root);
    await s.whenScanned();
    const [long, tw] = s.info().documents;
    expect(long).toMatchObject({ path: 'long.txt', encoding: 'big5' });
    expect(long!.encodingUncertain).toBeUndefined();
    expect(tw).toMatchObject({ path: 'tw.txt', encoding: 'big5', encodingUncertain: true, title: '臺灣' });
    expect(tw!.encodingCandidates!.map((c) => c.encoding)).toEqual(['big5', 'gb18030']);

    // The user reads the GB18030 preview and picks it (wrongly, but it is theirs to choose).
    const chosen = await s.setEncoding('tw.txt', 'GB18030');
    expect(chosen).toMatchObject({ encoding: 'gb18030', encodingChosen: true, previousDocIds: [tw!.docId] });
    expect(chosen.encodingUncertain).toBeUndefined();
    expect((await s.readDocument('tw.txt')).text).toBe(new TextDecoder('gb18030').decode(Uint8Array.of(0xbb, 0x4f, 0xc6, 0x57)));
    const saved = JSON.parse(await readFile(path.join(root, '.marginalia', 'encodings.json'), 'utf8'));
    expect(saved.files).toEqual([{ path: 'tw.txt', encoding: 'gb18030' }]);
    await s.close();

    const again = await open(root);
    await again.whenScanned();
    expect(again.info().documents.find((d) => d.path === 'tw.txt')).toMatchObject({ encoding: 'gb18030', encodingChosen: true });
    // A choice the bytes do not fit is refused and nothing is saved.
    await expect(again.setEncoding('tw.txt', 'utf-8')).rejects.toThrow(/not valid utf-8; the choice was not saved/);
    await expect(again.setEncoding('tw.txt', 'no-such')).rejects.toThrow(/unknown encoding/);
    expect(JSON.parse(await readFile(path.join(root, '.marginalia', 'encodings.json'), 'utf8')).files).toEqual([{ path: 'tw.txt', encoding: 'gb18030' }]);
    // Back to detection.
    const auto = await again.setEncoding('tw.txt', null);
    expect(auto).toMatchObject({ encoding: 'big5', encodingUncertain: true, docId: tw!.docId });
    expect(auto.encodingChosen).toBeUndefined();
  });
});

describe('watching folders', () => {
  it('sees a folder made with files at once, a folder moved in, and a folder removed', async () => {
    const root = await corpus({ 'a.txt': 'A' });
    const outside = await mkdtemp(path.join(os.tmpdir(), 'marginalia-incoming-'));
    cleanup.push(() => rm(outside, { recursive: true, force: true }));
    await writeFiles(outside, { 'batch/one.txt': 'One', 'batch/deep/two.md': '# Two' });
    const rec = recorder();
    const s = await open(root, { emit: rec.emit, watch: true });
    await s.whenWatching();

    // Files written in the same instant as their folder, before any watch on it can exist.
    const made = rec.next(() => ['new/x.txt', 'new/y.txt'].every((p) => s.info().documents.some((d) => d.path === p)));
    await mkdir(path.join(root, 'new'));
    await writeFile(path.join(root, 'new', 'x.txt'), 'X');
    await writeFile(path.join(root, 'new', 'y.txt'), 'Y');
    await made;

    const movedIn = rec.next(() => ['batch/one.txt', 'batch/deep/two.md'].every((p) => s.info().documents.some((d) => d.path === p)));
    await rename(path.join(outside, 'batch'), path.join(root, 'batch'));
    await movedIn;

    const removed = rec.next(() => !s.info().documents.some((d) => d.path.startsWith('batch/')));
    await rm(path.join(root, 'batch'), { recursive: true });
    await removed;
    expect(s.info().documents.map((d) => d.path)).toEqual(['a.txt', 'new/x.txt', 'new/y.txt']);
  });
});

describe('renames', () => {
  it('are recognised by an unchanged text and carry the history to the new path', async () => {
    const root = await corpus({ 'a.txt': 'v1' });
    const s1 = await open(root);
    await s1.whenScanned();
    await s1.close();
    await writeFiles(root, { 'a.txt': 'v2' }, new Date(Date.now() - 60_000));
    const rec = recorder();
    const s = await open(root, { emit: rec.emit });
    await s.whenScanned();
    expect(s.info().documents[0]!.previousDocIds).toEqual([docIdOf('v1')]);
    await rename(path.join(root, 'a.txt'), path.join(root, 'b.txt'));
    await s.applyBatch(new Set(['a.txt', 'b.txt']), 'watch');
    const change = rec.changes().at(-1)!;
    expect(change).toMatchObject({ cause: 'watch', removed: ['a.txt'], renamed: [{ from: 'a.txt', to: 'b.txt' }] });
    expect(change.added).toEqual([expect.objectContaining({ path: 'b.txt', docId: docIdOf('v2'), previousDocIds: [docIdOf('v1')] })]);
    expect(s.info().documents).toEqual([expect.objectContaining({ path: 'b.txt', previousDocIds: [docIdOf('v1')] })]);
  });
});

describe('watching the folder', () => {
  it('reflects added, changed, renamed and removed files, and ignores .marginalia and hidden files', async () => {
    const root = await corpus({ 'a.txt': 'Alpha text', 'keep.txt': 'Kept' });
    const rec = recorder();
    const s = await open(root, { emit: rec.emit, watch: true });
    await s.whenWatching();

    const added = rec.next((c) => c.added.some((e) => e.path === 'b.md'));
    await writeFile(path.join(root, 'b.md'), '# Beta');
    expect((await added).cause).toBe('watch');

    const oldA = s.info().documents.find((d) => d.path === 'a.txt')!.docId;
    const changed = rec.next((c) => c.changed.some((e) => e.path === 'a.txt'));
    await writeFile(path.join(root, 'a.txt'), 'Alpha text, edited');
    const ch = (await changed).changed.find((e) => e.path === 'a.txt')!;
    expect(ch.docId).toBe(docIdOf('Alpha text, edited'));
    expect(ch.previousDocIds).toEqual([oldA]);

    const gone = rec.next((c) => c.removed.includes('a.txt'));
    const arrived = rec.next((c) => c.added.some((e) => e.path === 'sub/a2.txt'));
    await mkdir(path.join(root, 'sub'));
    await rename(path.join(root, 'a.txt'), path.join(root, 'sub', 'a2.txt'));
    await Promise.all([gone, arrived]);
    expect(s.info().documents.find((d) => d.path === 'sub/a2.txt')!.docId).toBe(ch.docId);
    expect(s.info().documents.some((d) => d.path === 'a.txt')).toBe(false);

    const removed = rec.next((c) => c.removed.includes('keep.txt'));
    await unlink(path.join(root, 'keep.txt'));
    await removed;

    const before = rec.changes().length;
    await writeFile(path.join(root, '.hidden.txt'), 'no');
    await writeFile(path.join(root, '.marginalia', 'x.txt'), 'no');
    // A file written after the ignored ones proves the watcher delivered everything before it.
    const last = rec.next((c) => c.added.some((e) => e.path === 'z.txt'));
    await writeFile(path.join(root, 'z.txt'), 'last');
    await last;
    const paths = rec.changes().slice(before).flatMap((c) => [...c.added, ...c.changed].map((e) => e.path));
    expect(paths).toEqual(['z.txt']);
    expect(s.info().documents.map((d) => d.path)).toEqual(['b.md', 'sub/a2.txt', 'z.txt']);
  });
});

describe('closing', () => {
  it('stops a scan and a watcher that has not started yet, without hanging, and the folder opens again', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`f${i}.txt`] = `text ${i}`;
    const root = await corpus(files);
    const s = await CorpusSession.open(root, { watch: true });
    await s.close();
    const again = await CorpusSession.open(root, { watch: true });
    await again.whenScanned();
    await again.close();
    expect(again.info().documents).toHaveLength(300);
  });
});
