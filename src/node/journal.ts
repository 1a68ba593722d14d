// The annotation journals of a corpus: one append-only JSONL file per annotator in `.marginalia/`, written by the host
// so a lost browser profile is rebuilt from disk. Appends are group-committed (one write and one fsync for every call
// waiting) and answer only once durable; compaction rewrites atomically; a failed write says what was not saved.

import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ApiError,
  type AppendJournalResult,
  type CompactJournalResult,
  type JournalBadLine,
  type JournalEntry,
  type JournalInfo,
  type JournalRead,
} from '../core/ipc/contract';
import { syncDir, tempNameFor } from './files';
import { checkEntries, compactEntries, entryProblem } from './journal-entry';
import { annotatorOfFile, journalFileName } from './journal-name';
import { readJsonlFile } from './jsonl-lines';

/** Longest journal line: a span with a paragraph-long quote is a few KiB; 8 MiB is far past any real entry. */
export const MAX_JOURNAL_LINE_BYTES = 8 * 1024 * 1024;

/** Entries per `appendJournal` call at most: a bulk import is split by the UI into calls of this size. */
export const MAX_ENTRIES_PER_CALL = 50_000;

const LF = 0x0a;

/** An open journal file, as the store uses it (injectable: tests make writes fail like a full disk). */
export interface JournalHandle {
  /** Appends; returns how many bytes went in (possibly fewer than asked). */
  append(data: Uint8Array): Promise<number>;
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  /** Size and inode of the open file. */
  stat(): Promise<{ size: number; ino: number }>;
  /** The byte at `position`, or null past the end. */
  byteAt(position: number): Promise<number | null>;
  close(): Promise<void>;
}

/** The file operations of the store. */
export interface JournalIo {
  /** Opens a file for appending (and reading), creating it. */
  open(file: string): Promise<JournalHandle>;
  rename(from: string, to: string): Promise<void>;
}

/** The real file system. */
export const nodeJournalIo: JournalIo = {
  async open(file) {
    const h = await open(file, 'a+');
    return {
      async append(data) {
        const { bytesWritten } = await h.write(data, 0, data.length);
        return bytesWritten;
      },
      sync: () => h.sync(),
      truncate: (length) => h.truncate(length),
      async stat() {
        const st = await h.stat();
        return { size: st.size, ino: st.ino };
      },
      async byteAt(position) {
        const buf = Buffer.alloc(1);
        const { bytesRead } = await h.read(buf, 0, 1, position);
        return bytesRead === 1 ? buf[0]! : null;
      },
      close: () => h.close(),
    };
  },
  rename: (from, to) => rename(from, to),
};

/** Words for the error codes a write can end with, for the user. */
const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'input/output error',
  EFBIG: 'file too large',
};

/** The `io` error of a failed write: what happened, how many entries were not written, where, and what is safe. */
export function writeFailure(e: unknown, count: number, file: string): ApiError {
  const code = (e as NodeJS.ErrnoException).code;
  const what = (code && WRITE_ERRORS[code]) ?? (e as Error).message;
  const n = `${count} ${count === 1 ? 'entry' : 'entries'}`;
  return new ApiError('io', `${what}${code && WRITE_ERRORS[code] ? ` (${code})` : ''}: ${n} not written to ${file}; the entries written before are safe`);
}

type Task = { kind: 'append'; data: Buffer; count: number; eids: string[]; resolve: (r: AppendJournalResult) => void; reject: (e: unknown) => void } | { kind: 'run'; fn: () => Promise<void> };

/** One annotator's journal: a queue of appends and exclusive tasks (read, compact), run in call order. */
class JournalFile {
  private handle: JournalHandle | null = null;
  private size = 0;
  /** The file ends without LF (a torn write): the next append starts a new line first. */
  private needsNewline = false;
  private created = false;
  private readonly queue: Task[] = [];
  private running = false;

  constructor(
    readonly annotator: string,
    readonly file: string,
    private readonly io: JournalIo,
  ) {}

  /** Queues `data` (whole lines) and resolves once it is written and fsynced. */
  append(data: Buffer, count: number, eids: string[] = []): Promise<AppendJournalResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'append', data, count, eids, resolve, reject });
      void this.pump();
    });
  }

  /** Runs `fn` alone, after everything queued before it. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'run', fn: () => fn().then(resolve, reject) });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length) {
        const head = this.queue[0]!;
        if (head.kind === 'run') {
          this.queue.shift();
          await head.fn();
          continue;
        }
        // Group commit: every append waiting now goes in one write and one fsync.
        const group: Extract<Task, { kind: 'append' }>[] = [];
        while (this.queue[0]?.kind === 'append') group.push(this.queue.shift() as Extract<Task, { kind: 'append' }>);
        await this.writeGroup(group);
      }
    } finally {
      this.running = false;
    }
  }

  /** Opens the file (again, when another process replaced it by compacting) and learns whether it ends torn. */
  private async ensureOpen(): Promise<JournalHandle> {
    if (this.handle) {
      const onDisk = await stat(this.file).catch(() => null);
      const open = await this.handle.stat();
      if (onDisk && onDisk.ino === open.ino) return this.handle;
      await this.closeHandle();
    }
    await mkdir(path.dirname(this.file), { recursive: true });
    this.created = !(await stat(this.file).catch(() => null));
    const h = await this.io.open(this.file);
    const st = await h.stat();
    this.size = st.size;
    this.needsNewline = st.size > 0 && (await h.byteAt(st.size - 1)) !== LF;
    this.handle = h;
    return h;
  }

  async closeHandle(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    await h?.close().catch(() => {});
  }

  private async writeGroup(group: Extract<Task, { kind: 'append' }>[]): Promise<void> {
    let h: JournalHandle;
    try {
      h = await this.ensureOpen();
    } catch (e) {
      for (const t of group) t.reject(writeFailure(e, t.count, this.file));
      return;
    }
    const parts = group.map((t) => t.data);
    if (this.needsNewline) parts.unshift(Buffer.from('\n'));
    const data = Buffer.concat(parts);
    const before = this.size;
    try {
      let done = 0;
      while (done < data.length) {
        const n = await h.append(data.subarray(done));
        if (n <= 0) throw Object.assign(new Error('the disk took no bytes'), { code: 'EIO' });
        done += n;
      }
      await h.sync();
      if (this.created) {
        await syncDir(path.dirname(this.file));
        this.created = false;
      }
    } catch (e) {
      // Take the partial write back out, so that the file holds whole calls only.
      try {
        await h.truncate(before);
        await h.sync();
      } catch {
        // Could not: the cut line stays, reported as torn on reading; the next append starts a new line.
        this.needsNewline = true;
        await this.closeHandle();
      }
      for (const t of group) t.reject(writeFailure(e, t.count, this.file));
      return;
    }
    this.size = before + data.length;
    this.needsNewline = false;
    for (const t of group) t.resolve({ written: t.count, acknowledged: t.eids, bytes: t.data.length, path: this.file });
  }

  /** Every line of the file: entries in order, and the lines that are not entries. */
  async readAll(): Promise<{ exists: boolean; entries: JournalEntry[]; bad: (JournalBadLine & { text?: string })[]; bytes: number }> {
    const st = await stat(this.file).catch(() => null);
    if (!st) return { exists: false, entries: [], bad: [], bytes: 0 };
    const entries: JournalEntry[] = [];
    const bad: (JournalBadLine & { text?: string })[] = [];
    for await (const l of readJsonlFile(this.file, MAX_JOURNAL_LINE_BYTES)) {
      if (l.text === undefined) {
        bad.push({ line: l.lineNo, reason: l.error ?? 'unreadable line', ...(l.unterminated ? { torn: true } : {}) });
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(l.text);
      } catch (e) {
        bad.push({
          line: l.lineNo,
          reason: l.unterminated ? 'the last line was cut short (a crash or a full disk while writing); its change is lost' : `not JSON (${(e as Error).message})`,
          ...(l.unterminated ? { torn: true } : {}),
          text: l.text,
        });
        continue;
      }
      const problem = entryProblem(value);
      if (problem) bad.push({ line: l.lineNo, reason: `not a journal entry: ${problem}`, text: l.text });
      else entries.push(value as JournalEntry);
    }
    return { exists: true, entries, bad, bytes: st.size };
  }

  /** Rewrites the file as its compacted view: temporary file, fsync, rename, folder fsync. Bad lines are kept aside. */
  async compact(io: JournalIo): Promise<CompactJournalResult> {
    await this.closeHandle();
    const all = await this.readAll();
    if (!all.exists) return { path: this.file, before: 0, after: 0, bytes: 0, rejected: 0 };
    const kept = compactEntries(all.entries);
    const body = Buffer.from(kept.map((e) => JSON.stringify(e) + '\n').join(''));
    const rejected = all.bad.filter((b) => b.text !== undefined);
    if (rejected.length) {
      // Nothing is dropped silently: lines that are not entries go to <journal>.rejected, with their numbers.
      const aside = await this.io.open(`${this.file}.rejected`);
      try {
        const at = new Date().toISOString();
        await writeAll(aside, Buffer.from(rejected.map((b) => JSON.stringify({ at, line: b.line, reason: b.reason, text: b.text }) + '\n').join('')));
        await aside.sync();
      } finally {
        await aside.close();
      }
    }
    const tmp = tempNameFor(this.file);
    try {
      const h = await this.io.open(tmp);
      try {
        await writeAll(h, body);
        await h.sync();
      } finally {
        await h.close();
      }
      await this.io.rename(tmp, this.file);
    } catch (e) {
      await rm(tmp, { force: true }).catch(() => {});
      const code = (e as NodeJS.ErrnoException).code;
      throw new ApiError('io', `compacting ${this.file} failed (${code ? (WRITE_ERRORS[code] ?? code) : (e as Error).message}); the journal is unchanged`);
    }
    await syncDir(path.dirname(this.file));
    return { path: this.file, before: all.entries.length + all.bad.length, after: kept.length, bytes: body.length, rejected: rejected.length };
  }
}

async function writeAll(h: JournalHandle, data: Uint8Array): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const n = await h.append(data.subarray(done));
    if (n <= 0) throw Object.assign(new Error('the disk took no bytes'), { code: 'EIO' });
    done += n;
  }
}

/** The journals of one corpus. */
export class JournalStore {
  private readonly files = new Map<string, JournalFile>();

  constructor(
    private readonly dir: string,
    private readonly io: JournalIo = nodeJournalIo,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  private journal(annotator: unknown): JournalFile {
    const name = journalFileName(annotator);
    let j = this.files.get(name);
    if (!j) {
      j = new JournalFile(annotator as string, path.join(this.dir, name), this.io);
      this.files.set(name, j);
    }
    return j;
  }

  /** See `appendJournal` in the contract. */
  async append(annotator: unknown, entries: unknown): Promise<AppendJournalResult> {
    const j = this.journal(annotator);
    if (Array.isArray(entries) && entries.length > MAX_ENTRIES_PER_CALL) {
      throw new ApiError('bad-request', `${entries.length} entries in one call; at most ${MAX_ENTRIES_PER_CALL}: split the call; nothing was written`);
    }
    const checked = checkEntries(entries, this.now());
    if (checked.length === 0) return { written: 0, acknowledged: [], bytes: 0, path: j.file };
    const lines = checked.map((e, i) => {
      const line = JSON.stringify(e) + '\n';
      if (Buffer.byteLength(line) > MAX_JOURNAL_LINE_BYTES) throw new ApiError('bad-request', `entry ${i} is over ${MAX_JOURNAL_LINE_BYTES} bytes as JSON; nothing of this call was written`);
      return line;
    });
    return j.append(Buffer.from(lines.join('')), checked.length, checked.flatMap((e) => (e.eid ? [e.eid] : [])));
  }

  /** See `readJournal` in the contract. */
  async read(annotator: unknown, raw = false): Promise<JournalRead> {
    const j = this.journal(annotator);
    const all = await j.exclusive(() => j.readAll());
    return {
      annotator: j.annotator,
      path: j.file,
      exists: all.exists,
      view: raw ? 'raw' : 'compacted',
      endByte: all.bytes ?? 0,
      entries: raw ? all.entries : compactEntries(all.entries),
      bad: all.bad.map(({ text: _t, ...b }) => b),
    };
  }

  /** See `journalInfo` in the contract. */
  async info(annotator: unknown): Promise<JournalInfo> {
    const j = this.journal(annotator);
    const all = await j.exclusive(() => j.readAll());
    const info: JournalInfo = {
      annotator: j.annotator,
      path: j.file,
      exists: all.exists,
      bytes: all.bytes,
      lines: all.entries.length,
      live: compactEntries(all.entries).length,
      bad: all.bad.length,
    };
    const lastAt = all.entries.at(-1)?.at;
    if (lastAt) info.lastAt = lastAt;
    return info;
  }

  /** See `compactJournal` in the contract. */
  async compact(annotator: unknown): Promise<CompactJournalResult> {
    const j = this.journal(annotator);
    return j.exclusive(async () => {
      await this.sweepTemporaries(path.basename(j.file));
      return j.compact(this.io);
    });
  }

  /** Removes temporary files a crash during an earlier compaction left behind (never the journal itself). */
  private async sweepTemporaries(base: string): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const n of names) if (n.startsWith(base + '.') && n.endsWith('.tmp')) await rm(path.join(this.dir, n), { force: true });
  }

  /** See `listJournals` in the contract. */
  async list(): Promise<{ annotator: string; path: string; bytes: number }[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: { annotator: string; path: string; bytes: number }[] = [];
    for (const n of names.sort()) {
      const annotator = annotatorOfFile(n);
      if (annotator === null) continue;
      const st = await stat(path.join(this.dir, n)).catch(() => null);
      if (st?.isFile()) out.push({ annotator, path: path.join(this.dir, n), bytes: st.size });
    }
    return out;
  }

  /** Waits for every queued write and closes the files. */
  async close(): Promise<void> {
    for (const j of this.files.values()) await j.exclusive(() => j.closeHandle());
  }
}
