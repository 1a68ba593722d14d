// Two hosts on one corpus share a journal: each is a JournalStore of its own (as two `marginalia serve` processes are),
// one of them hits a full disk (through the file-handle seam, and for real on a small tmpfs where mounting is allowed),
// compaction runs while the other appends; no acknowledged entry may be lost, none read twice.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../core/ipc/contract';
import type { CodePoint, Span } from '../core/model/types';
import { JournalStore } from './journal';
import { nodeJournalIo, type JournalHandle, type JournalIo } from './journal-io';
import { journalFileName } from './journal-name';

const DOC = 'sha256:' + 'b'.repeat(64);
const AT = '2026-01-02T03:04:05.000Z';

function entry(writer: string, seq: number, pad = 0): JournalEntry {
  const span: Span = {
    id: `${writer}-s${seq}`,
    docId: DOC,
    annotator: 'alice',
    label: 'CLAIM',
    start: 0 as CodePoint,
    end: 4 as CodePoint,
    attrs: pad ? { note: 'x'.repeat(pad) } : {},
    quote: { exact: 'abcd', prefix: '', suffix: '' },
    createdAt: AT,
    updatedAt: AT,
  };
  return { op: 'put-span', docId: DOC, at: AT, eid: `${writer}:${seq}`, span };
}

let dir: string;
const opened: JournalStore[] = [];
const storeOf = (d: string, io?: JournalIo) => {
  const s = new JournalStore(d, io);
  opened.push(s);
  return s;
};
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'marginalia-shared-')), '.marginalia');
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  await rm(path.dirname(dir), { recursive: true, force: true });
});

/** Every eid in the journal, in file order, as a reader sees it (repeats dropped). */
async function eidsOn(store: JournalStore): Promise<string[]> {
  return (await store.read('alice', true)).entries.map((e) => e.eid!);
}

/** A seam whose appends take only part of the bytes while `full()` says the disk is full, like the kernel's short write on ENOSPC. */
function fillingIo(full: () => boolean): JournalIo {
  return {
    async open(file) {
      const h = await nodeJournalIo.open(file);
      const handle: JournalHandle = { ...h, append: (d) => (full() ? h.append(d.subarray(0, Math.floor(d.length / 2))) : h.append(d)) };
      return handle;
    },
    rename: nodeJournalIo.rename,
  };
}

describe('two hosts on one journal', () => {
  it('one hits a full disk (injected): zero acknowledged entries lost, the other host untouched, each eid read once', async () => {
    let full = false;
    const a = storeOf(dir);
    const b = storeOf(dir, fillingIo(() => full));
    const acknowledged: string[] = [];
    const ack = async (p: ReturnType<JournalStore['append']>) => acknowledged.push(...(await p).acknowledged);
    await ack(a.append('alice', [entry('A', 1), entry('A', 2), entry('A', 3)]));
    await ack(b.append('alice', [entry('B', 1), entry('B', 2)]));
    await ack(a.append('alice', [entry('A', 4), entry('A', 5)]));
    full = true;
    const failing = [entry('B', 3), entry('B', 4), entry('B', 5)];
    await expect(b.append('alice', failing)).rejects.toMatchObject({ code: 'disk-full' });
    // The other host appends right after the torn fragment: its line must not be glued to it.
    await ack(a.append('alice', [entry('A', 6)]));
    full = false;
    await ack(b.append('alice', failing)); // the outbox sends the batch again
    await ack(a.append('alice', [entry('A', 7)]));
    expect(acknowledged).toHaveLength(12);
    const onDisk = await eidsOn(storeOf(dir));
    expect(onDisk.filter((e) => acknowledged.includes(e)).sort()).toEqual([...acknowledged].sort());
    expect(new Set(onDisk).size).toBe(onDisk.length);
    expect((await a.read('alice', true)).bad).toHaveLength(1); // the fragment, reported, not fatal
  });

  it('compaction keeps the entries another host appends while it compacts (before its rename and after it)', async () => {
    const a = storeOf(dir);
    await a.append('alice', [entry('A', 1), entry('A', 2)]);
    const b = storeOf(dir);
    await b.append('alice', [entry('B', 1)]); // b holds the file open from now on
    // (1) b appends between the compactor's read and its rename.
    const compactor = storeOf(dir, {
      open: nodeJournalIo.open,
      async rename(from, to) {
        await b.append('alice', [entry('B', 2)]);
        await nodeJournalIo.rename(from, to);
      },
    });
    await compactor.compact('alice');
    // (2) b's write reaches the old file after the rename: b sees the file replaced after its fsync and writes again.
    const c = storeOf(dir);
    await c.append('alice', [entry('C', 1)]);
    let first = true;
    const late = storeOf(dir, {
      async open(file) {
        const h = await nodeJournalIo.open(file);
        return {
          ...h,
          async append(d) {
            if (first) {
              first = false;
              await storeOf(dir).compact('alice');
            }
            return h.append(d);
          },
        };
      },
      rename: nodeJournalIo.rename,
    });
    await late.append('alice', [entry('L', 1)]);
    await b.append('alice', [entry('B', 3)]);
    expect((await eidsOn(storeOf(dir))).sort()).toEqual(['A:1', 'A:2', 'B:1', 'B:2', 'B:3', 'C:1', 'L:1']);
  });

  it('reads only what was appended since an earlier read, stopping before a line still being written', async () => {
    const a = storeOf(dir);
    await a.append('alice', [entry('A', 1)]);
    const first = await a.read('alice', true);
    await a.append('alice', [entry('A', 2), entry('A', 3)]);
    const file = path.join(dir, journalFileName('alice'));
    await writeFile(file, (await readFile(file, 'utf8')) + JSON.stringify(entry('Z', 9)).slice(0, 30), 'utf8');
    const next = await a.read('alice', true, first.endByte);
    expect(next.entries.map((e) => e.eid)).toEqual(['A:2', 'A:3']);
    expect(next.bad).toMatchObject([{ torn: true }]);
    expect((await a.read('alice', true, next.endByte)).entries).toEqual([]);
    await expect(a.read('alice', true, -1)).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('keeps the first line of an eid and ignores its repeats in both views', async () => {
    const a = storeOf(dir);
    const e1 = entry('A', 1);
    await a.append('alice', [e1, entry('A', 2)]);
    await a.append('alice', [{ ...e1, span: { ...(e1 as { span: Span }).span, label: 'FIGURE' } }]);
    expect((await a.read('alice', true)).entries.map((e) => e.eid)).toEqual(['A:1', 'A:2']);
    expect((await a.read('alice')).entries.map((e) => (e as { span: Span }).span.label)).toEqual(['CLAIM', 'CLAIM']);
  });

  it('refuses a name that differs from an existing journal only in case, saying why', async () => {
    await storeOf(dir).append('Alice', [entry('A', 1)]);
    await expect(storeOf(dir).append('alice', [entry('A', 2)])).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/differs only in case from "Alice".*case-insensitive/) });
  });
});

/** Mounts a tmpfs of `size` at a new folder, or answers why it cannot (not root, no mount in a container). */
function mountTmpfs(size: string): { dir: string } | { refused: string } {
  const target = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', target], { stdio: 'pipe' });
    return { dir: target };
  } catch (e) {
    execFileSync('rmdir', [target]);
    return { refused: ((e as { stderr?: Buffer }).stderr?.toString() || (e as Error).message).trim() };
  }
}

const tmpfs = process.platform === 'linux' ? mountTmpfs('256k') : { refused: 'tmpfs exists on Linux only' };
if ('refused' in tmpfs) console.warn(`journal-shared.test: the real full-disk test is skipped: mounting a small tmpfs was refused here (${tmpfs.refused})`);

describe.skipIf('refused' in tmpfs)('two hosts on one journal, on a really full disk (a 256 KiB tmpfs)', () => {
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    if ('dir' in tmpfs) {
      execFileSync('umount', [tmpfs.dir]);
      execFileSync('rmdir', [tmpfs.dir]);
    }
  });

  it('zero acknowledged entries lost when one host hits ENOSPC, and both write again once space is freed', async () => {
    const root = (tmpfs as { dir: string }).dir;
    const data = path.join(root, '.marginalia');
    const a = storeOf(data);
    const b = storeOf(data);
    const acknowledged: string[] = [];
    let seq = 0;
    const batch = (w: string) => Array.from({ length: 4 }, () => entry(w, ++seq, 700));
    for (let i = 0; i < 5; i++) {
      acknowledged.push(...(await a.append('alice', batch('A'))).acknowledged);
      acknowledged.push(...(await b.append('alice', batch('B'))).acknowledged);
    }
    // Fill the disk: a filler file grows until the kernel says ENOSPC.
    const filler = path.join(root, 'filler');
    const chunk = Buffer.alloc(4096, 0x61);
    const { open } = await import('node:fs/promises');
    const fh = await open(filler, 'w');
    try {
      for (;;) await fh.write(chunk);
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      await fh.close();
    }
    // Both hosts go on writing on the full disk (the last page of the file may still take a little): what fails is re-sent later.
    const failures: string[] = [];
    const outbox: [JournalStore, JournalEntry[]][] = [];
    for (let i = 0; i < 3; i++) {
      for (const [store, w] of [[b, 'B'], [a, 'A']] as const) {
        const pending = batch(w);
        try {
          acknowledged.push(...(await store.append('alice', pending)).acknowledged);
        } catch (e) {
          failures.push((e as { code: string }).code);
          outbox.push([store, pending]);
        }
      }
    }
    expect(failures.length).toBeGreaterThan(0);
    expect(new Set(failures)).toEqual(new Set(['disk-full']));
    await rm(filler);
    for (const [store, pending] of outbox) acknowledged.push(...(await store.append('alice', pending)).acknowledged);
    expect(acknowledged).toHaveLength(64);
    const onDisk = await eidsOn(storeOf(data));
    expect(onDisk.filter((e) => acknowledged.includes(e))).toHaveLength(64);
    expect(new Set(onDisk).size).toBe(onDisk.length);
  });
});
