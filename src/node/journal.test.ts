import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../core/ipc/contract';
import type { CodePoint, Span } from '../core/model/types';
import { JournalStore } from './journal';
import { nodeJournalIo, type JournalHandle, type JournalIo } from './journal-io';
import { compactEntries } from './journal-entry';
import { annotatorOfFile, journalFileName } from './journal-name';

let dir: string;
/** Every store a test opens, closed after it: no file handle is left to the garbage collector (Node warns then). */
const opened: JournalStore[] = [];
function storeOf(io?: JournalIo): JournalStore {
  const s = new JournalStore(dir, io);
  opened.push(s);
  return s;
}
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-journal-'));
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  await rm(dir, { recursive: true, force: true });
});

const DOC = 'sha256:' + 'a'.repeat(64);
const AT = '2026-01-02T03:04:05.000Z';

function span(id: string, label = 'FIGURE', start = 0, end = 4): Span {
  return {
    id,
    docId: DOC,
    annotator: 'alice',
    label,
    start: start as CodePoint,
    end: end as CodePoint,
    attrs: {},
    quote: { exact: '43.9', prefix: '', suffix: '%' },
    createdAt: AT,
    updatedAt: AT,
  };
}
const put = (id: string, label?: string): JournalEntry => ({ op: 'put-span', docId: DOC, at: AT, span: span(id, label) });
const del = (id: string): JournalEntry => ({ op: 'delete-span', docId: DOC, at: AT, id });

const fileOf = (annotator: string) => path.join(dir, journalFileName(annotator));

describe('the journal', () => {
  it('appends, reads back raw and compacted, compacts atomically and reads the same state', async () => {
    const store = storeOf();
    const r1 = await store.append('alice', [put('s1'), put('s2'), { op: 'status', docId: DOC, status: 'in-progress' }]);
    expect(r1).toMatchObject({ written: 3, path: fileOf('alice') });
    // The batch's lines, after the LF every batch starts with (it ends a line another writer may have left cut short).
    expect(r1.bytes + 1).toBe((await readFile(fileOf('alice'))).length);
    await store.append('alice', [put('s1', 'CLAIM'), del('s2'), { op: 'put-relation', docId: DOC, relation: { id: 'r1', docId: DOC, annotator: 'alice', label: 'cites', head: 's1', tail: 's3' } }]);
    await store.append('alice', [{ op: 'status', docId: DOC, at: AT, status: 'done' }]);

    const raw = await store.read('alice', true);
    expect(raw.entries).toHaveLength(7);
    // A missing `at` was filled by the host.
    expect(typeof raw.entries[2]!.at).toBe('string');
    const compacted = await store.read('alice');
    expect(compacted.entries.map((e) => [e.op, 'span' in e ? e.span.label : 'id' in e ? e.id : 'status' in e ? e.status : e.op])).toEqual([
      ['put-span', 'CLAIM'],
      ['delete-span', 's2'],
      ['put-relation', 'put-relation'],
      ['status', 'done'],
    ]);
    expect(await store.info('alice')).toMatchObject({ exists: true, lines: 7, live: 4, bad: 0, lastAt: AT });

    const result = await store.compact('alice');
    expect(result).toMatchObject({ before: 7, after: 4, rejected: 0 });
    expect((await store.read('alice', true)).entries).toEqual(compacted.entries);
    // Appending after compaction goes to the new file.
    await store.append('alice', [put('s9')]);
    expect((await store.read('alice', true)).entries.map((e) => e.op)).toEqual(['put-span', 'delete-span', 'put-relation', 'status', 'put-span']);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await store.close();
  });

  it('loads every complete line of a journal with a torn last line, reports it, and appends after it on a new line without touching it', async () => {
    const file = fileOf('bob');
    const good = JSON.stringify(put('s1')) + '\n' + JSON.stringify(put('s2')) + '\n';
    await writeFile(file, good + JSON.stringify(put('s3')).slice(0, 40));
    const store = storeOf();
    const read = await store.read('bob', true);
    expect(read.entries.map((e) => (e as { span: Span }).span.id)).toEqual(['s1', 's2']);
    expect(read.bad).toEqual([{ line: 3, reason: 'the last line was cut short (a crash or a full disk while writing); its change was not acknowledged', torn: true }]);
    // Incremental reads stop before the torn line, so a later read from endByte sees what ends it.
    expect(read.endByte).toBe(Buffer.byteLength(good));
    await store.append('bob', [put('s4')]);
    // The whole lines before are byte for byte what they were.
    expect((await readFile(file)).subarray(0, Buffer.byteLength(good)).toString()).toBe(good);
    const after = await store.read('bob', true);
    expect(after.entries.map((e) => (e as { span: Span }).span.id)).toEqual(['s1', 's2', 's4']);
    expect(after.bad).toEqual([{ line: 3, reason: expect.stringMatching(/^not JSON/) }]);
    // Compaction keeps the bad line aside instead of dropping it.
    expect((await store.compact('bob')).rejected).toBe(1);
    expect(await readFile(file + '.rejected', 'utf8')).toContain('"line":3');
    expect((await store.read('bob')).bad).toEqual([]);
  });

  it('writes concurrent calls in call order, several per fsync, and answers only after the fsync', async () => {
    const log: string[] = [];
    const io: JournalIo = {
      async open(file) {
        const h = await nodeJournalIo.open(file);
        return {
          ...h,
          append: (d) => (log.push('write'), h.append(d)),
          async sync() {
            await h.sync();
            log.push('synced');
          },
        };
      },
      rename: nodeJournalIo.rename,
    };
    const store = storeOf(io);
    const calls = Array.from({ length: 20 }, (_, i) => store.append('carol', [put(`a${i}`), put(`b${i}`)]).then((r) => (log.push(`done ${i}`), r)));
    await Promise.all(calls);
    const ids = (await store.read('carol', true)).entries.map((e) => (e as { span: Span }).span.id);
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => [`a${i}`, `b${i}`]).flat());
    // Each call answers after the fsync that followed its write.
    for (let i = 0; i < 20; i++) {
      const done = log.indexOf(`done ${i}`);
      expect(log.lastIndexOf('synced', done)).toBeGreaterThan(log.lastIndexOf('write', done));
    }
    const syncs = log.filter((l) => l === 'synced').length;
    expect(syncs).toBeLessThan(20);
  });

  it('on a full disk answers disk-full, leaves whole lines of others untouched, and a re-sent batch is read once', async () => {
    let failures = 0;
    const io: JournalIo = {
      async open(file) {
        const h = await nodeJournalIo.open(file);
        const failing: JournalHandle = {
          ...h,
          async append(data) {
            if (failures > 0) {
              failures--;
              // Half the bytes go in, then the disk is full (a short write, as the kernel does on ENOSPC).
              return h.append(data.subarray(0, Math.floor(data.length / 2)));
            }
            return h.append(data);
          },
        };
        return failing;
      },
      rename: nodeJournalIo.rename,
    };
    const store = storeOf(io);
    const e = (id: string, seq: number): JournalEntry => ({ ...put(id), eid: `w1:${seq}` });
    await store.append('dan', [e('s1', 1)]);
    const before = await readFile(fileOf('dan'));
    failures = 1;
    const batch = [e('s2', 2), e('s3', 3), e('s4', 4)];
    await expect(store.append('dan', batch)).rejects.toMatchObject({
      code: 'disk-full',
      message: `disk full (ENOSPC): 3 entries not written to ${fileOf('dan')}; the entries written before are safe`,
    });
    // Never truncated: what was on disk before is still its first bytes.
    expect((await readFile(fileOf('dan'))).subarray(0, before.length)).toEqual(before);
    // The writer sends the batch again (its outbox still holds it): acknowledged now, and each eid read once.
    expect((await store.append('dan', batch)).acknowledged).toEqual(['w1:2', 'w1:3', 'w1:4']);
    const back = await store.read('dan', true);
    expect(back.entries.map((x) => x.eid)).toEqual(['w1:1', 'w1:2', 'w1:3', 'w1:4']);
    expect(back.bad).toHaveLength(1);
  });

  it('names a quota error and a failed fsync too', async () => {
    const io = (code: string, where: 'append' | 'sync'): JournalIo => ({
      async open(file) {
        const h = await nodeJournalIo.open(file);
        const fail = async () => Promise.reject(Object.assign(new Error(code), { code }));
        return where === 'append' ? { ...h, append: fail } : { ...h, sync: fail };
      },
      rename: nodeJournalIo.rename,
    });
    await expect(storeOf(io('EDQUOT', 'append')).append('eve', [put('s1')])).rejects.toMatchObject({ code: 'disk-full', message: expect.stringMatching(/^disk quota exceeded \(EDQUOT\): 1 entry not written to /) });
    await expect(storeOf(io('EIO', 'sync')).append('eve', [put('s1')])).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/^input\/output error \(EIO\): 1 entry not written/) });
    await expect(storeOf(io('EROFS', 'append')).append('eve', [put('s1')])).rejects.toMatchObject({ code: 'read-only', message: expect.stringMatching(/^the disk is read-only \(EROFS\)/) });
    await expect(storeOf(io('EACCES', 'append')).append('eve', [put('s1')])).rejects.toMatchObject({ code: 'read-only' });
    // The fsync failed after the write: that entry may be on disk, unacknowledged; the writer re-sends it and readers keep one line per eid.
    expect((await storeOf().read('eve', true)).entries).toHaveLength(1);
  });

  it('compacts atomically: a crash before the rename leaves the old journal whole, and its leftover is swept later', async () => {
    const store = storeOf();
    await store.append('fay', [put('s1'), put('s1', 'CLAIM'), del('s1'), put('s2')]);
    const before = await readFile(fileOf('fay'));
    const crashing = storeOf({
      open: nodeJournalIo.open,
      rename: async () => {
        throw Object.assign(new Error('simulated crash before rename'), { code: 'EIO' });
      },
    });
    await expect(crashing.compact('fay')).rejects.toThrow(/compacting .* failed .*; the journal is unchanged/);
    expect(await readFile(fileOf('fay'))).toEqual(before);
    // A real crash leaves the temporary file: reading ignores it, the next compaction removes it.
    await writeFile(fileOf('fay') + '.1234.deadbeef.tmp', '{"half":');
    expect((await store.read('fay', true)).entries).toHaveLength(4);
    expect(await store.compact('fay')).toMatchObject({ before: 4, after: 2 });
    expect((await readdir(dir)).sort()).toEqual([journalFileName('fay')]);
  });

  it('reopens the file another process replaced by compacting, so no append goes to the old one', async () => {
    const mine = storeOf();
    const other = storeOf();
    await mine.append('gus', [put('s1'), put('s1', 'CLAIM')]);
    await other.compact('gus');
    await mine.append('gus', [put('s2')]);
    expect((await other.read('gus', true)).entries.map((e) => (e as { span: Span }).span.id)).toEqual(['s1', 's2']);
  });

  it('refuses a bad entry with its index and field, writing nothing of the call', async () => {
    const store = storeOf();
    await expect(store.append('hal', [put('s1'), { op: 'put-span', docId: DOC, span: { ...span('s2'), end: -1 } }])).rejects.toThrow(
      /^entry 1: "span.start" and "span.end" must be code-point offsets/,
    );
    await expect(store.append('hal', [{ op: 'drop-table', docId: DOC }])).rejects.toThrow(/entry 0: "op" must be one of/);
    await expect(store.append('hal', [{ ...put('s3'), docId: 'sha256:other' }])).rejects.toThrow(/"span.docId" must equal "docId"/);
    await expect(store.append('hal', 'nope')).rejects.toThrow(/"entries" must be a list/);
    expect((await store.info('hal')).exists).toBe(false);
  });

  it('keeps __proto__ and constructor keys in attributes as data', async () => {
    const store = storeOf();
    const attrs = JSON.parse('{"__proto__":{"polluted":true},"constructor":"x","unit":"%"}');
    await store.append('ida', [{ op: 'put-span', docId: DOC, at: AT, span: { ...span('s1'), attrs } }]);
    const back = (await store.read('ida')).entries[0] as { span: Span };
    expect(Object.hasOwn(back.span.attrs, '__proto__')).toBe(true);
    expect(back.span.attrs.constructor).toBe('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('annotator names', () => {
  it('map reversibly to file names, and path tricks are refused', async () => {
    expect(journalFileName('alice')).toBe('journal-alice.jsonl');
    expect(journalFileName('Ann Lee')).toBe('journal-Ann%20Lee.jsonl');
    expect(journalFileName('张三')).toBe('journal-张三.jsonl');
    expect(journalFileName('j.r.r.')).toBe('journal-j%2Er%2Er%2E.jsonl');
    expect(journalFileName('a%b')).toBe('journal-a%25b.jsonl');
    for (const n of ['Ann Lee', '张三', 'j.r.r.', 'a%b', 'x~y']) expect(annotatorOfFile(journalFileName(n))).toBe(n);
    for (const bad of ['../evil', 'a/b', 'a\\b', '..', '.', 'x\u0000y', 'tab\there']) {
      expect(() => journalFileName(bad), bad).toThrow(/looks like a path/);
    }
    expect(() => journalFileName('')).toThrow(/empty/);
    expect(() => journalFileName('x'.repeat(65))).toThrow(/longer than 64/);
    // Bytes, not characters, bound the file name: 18 emoji fit (230 bytes), 21 do not, and say why (no ENAMETOOLONG).
    expect(Buffer.byteLength(journalFileName('😀'.repeat(18)))).toBe(230);
    expect(() => journalFileName('😀'.repeat(21))).toThrow(/too long for a file name: its journal file would be 266 bytes, the limit is 230/);
    expect(journalFileName('张'.repeat(64))).toBe(`journal-${'张'.repeat(64)}.jsonl`);
    expect(() => journalFileName(42)).toThrow(/must be a string/);
    const store = storeOf();
    await expect(store.append('../../etc/passwd', [put('s1')])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(store.read('a/../b')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('lists the journals of a corpus with their annotators', async () => {
    const store = storeOf();
    await store.append('Ann Lee', [put('s1')]);
    await store.append('张三', [put('s2')]);
    await appendFile(path.join(dir, 'journal-Ann%20Lee.jsonl.rejected'), 'x\n');
    await writeFile(path.join(dir, 'index.json'), '{}');
    expect((await store.list()).map((j) => j.annotator)).toEqual(['Ann Lee', '张三']);
  });
});

describe('compactEntries', () => {
  it('keeps the last entry per span, relation and status, in the order of those last writes', () => {
    const e = [put('a'), put('b'), { op: 'status', docId: DOC, status: 'todo' } as JournalEntry, put('a', 'CLAIM'), del('b'), { op: 'status', docId: DOC, status: 'done' } as JournalEntry];
    expect(compactEntries(e)).toEqual([e[3], e[4], e[5]]);
  });
});
