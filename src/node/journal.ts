// The annotation journals of a corpus: one append-only JSONL file per annotator in `.marginalia/`, written by the host
// so a lost browser profile is rebuilt from disk, and shared safely by several writers (two hosts on one corpus).
//
// How several processes share one file without losing each other's acknowledged entries:
// - each batch is ONE write on an O_APPEND handle, then one fsync; nothing is ever truncated (a truncation to a size
//   this process knew would erase what another process appended since);
// - each batch starts with LF, so a line cut short by a full disk or a crash (ours or anyone's) is ended by the next
//   batch and never glued to it: the torn fragment reads as one bad line, every whole line around it stays readable;
// - a batch re-sent after a failure may repeat entries already whole on disk: readers keep the first line of an eid;
// - compaction renames a new file over the old one and then copies over whatever was appended to the old one
//   meanwhile, and an appender that finds the file replaced after its fsync writes its batch again to the new one.

import { lstat, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, type AppendJournalResult, type CompactJournalResult, type JournalInfo, type JournalRead } from '../core/ipc/contract';
import { realDataDir } from './confined';
import { syncDir, tempNameFor } from './files';
import { checkEntries, compactEntries } from './journal-entry';
import { nodeJournalIo, writeErrorWords, writeFailure, type JournalHandle, type JournalIo } from './journal-io';
import { annotatorOfFile, journalFileName } from './journal-name';
import { openJournalForReading, readJournalFile, readJournalLines, readTail, type JournalLines } from './journal-read';

export type { JournalIo } from './journal-io';

/** Longest journal line: a span with a paragraph-long quote is a few KiB; 8 MiB is far past any real entry. */
export const MAX_JOURNAL_LINE_BYTES = 8 * 1024 * 1024;

/** Entries per `appendJournal` call at most: a bulk import is split by the UI into calls of this size. */
export const MAX_ENTRIES_PER_CALL = 50_000;

/** How often an append follows a file that other processes keep replacing by compaction before it gives up. */
const MAX_REPLACED_RETRIES = 5;

const LF = Buffer.from('\n');

type Append = { kind: 'append'; data: Buffer; count: number; eids: string[]; resolve: (r: AppendJournalResult) => void; reject: (e: unknown) => void };
type Task = Append | { kind: 'run'; fn: () => Promise<void> };

/** One annotator's journal: a queue of appends and exclusive tasks (read, compact), run in call order. */
class JournalFile {
  private handle: JournalHandle | null = null;
  private handleIno = -1;
  private created = false;
  private readonly queue: Task[] = [];
  private running = false;
  /** Settles once the name is checked against the other journals' (see JournalStore.caseClash). */
  ready: Promise<void> = Promise.resolve();
  /** The file's size after this process's last write, so a watcher can tell others' writes from ours. */
  lastOwnSize = -1;

  constructor(
    readonly annotator: string,
    readonly file: string,
    private readonly dir: string,
    private readonly io: JournalIo,
  ) {}

  /** Queues `data` (whole lines) and resolves once it is written and fsynced. */
  append(data: Buffer, count: number, eids: string[]): Promise<AppendJournalResult> {
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
        const group: Append[] = [];
        while (this.queue[0]?.kind === 'append') group.push(this.queue.shift() as Append);
        await this.writeGroup(group);
      }
    } finally {
      this.running = false;
    }
  }

  /** The inode at the journal's path now, or -1 when there is none. */
  private async inodeOnDisk(): Promise<number> {
    const st = await stat(this.file).catch(() => null);
    return st ? st.ino : -1;
  }

  /** The open handle, reopened when another process replaced the file by compacting. */
  private async ensureOpen(): Promise<JournalHandle> {
    if (this.handle && (await this.inodeOnDisk()) === this.handleIno) return this.handle;
    await this.closeHandle();
    await realDataDir(this.dir);
    this.created = (await this.inodeOnDisk()) === -1;
    const h = await this.io.open(this.file);
    this.handleIno = (await h.stat()).ino;
    this.handle = h;
    return h;
  }

  async closeHandle(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    this.handleIno = -1;
    await h?.close().catch(() => {});
  }

  /** One write of `data` (LF first), one fsync; true when the file at the path is still the one written to. */
  private async writeOnce(data: Buffer): Promise<boolean> {
    const h = await this.ensureOpen();
    const n = await h.append(data);
    if (n !== data.length) {
      // A short write (a full disk): the fragment stays, ended by the next batch's LF. Never truncated: another process may have appended since.
      throw Object.assign(new Error(`only ${n} of ${data.length} bytes written`), { code: n >= 0 ? 'ENOSPC' : 'EIO' });
    }
    await h.sync();
    if (this.created) {
      await syncDir(path.dirname(this.file));
      this.created = false;
    }
    this.lastOwnSize = (await h.stat()).size;
    return (await this.inodeOnDisk()) === this.handleIno;
  }

  private async writeGroup(group: Append[]): Promise<void> {
    const data = Buffer.concat([LF, ...group.map((t) => t.data)]);
    try {
      let tries = 0;
      // Replaced by another process's compaction after our write: the compactor may have copied our batch over, or not; write it again (eids dedupe).
      while (!(await this.writeOnce(data))) {
        if (++tries > MAX_REPLACED_RETRIES) throw new ApiError('io', `${this.file} keeps being replaced by another process; nothing acknowledged`);
      }
    } catch (e) {
      await this.closeHandle();
      for (const t of group) t.reject(writeFailure(e, t.count, this.file));
      return;
    }
    for (const t of group) t.resolve({ written: t.count, acknowledged: t.eids, bytes: t.data.length, path: this.file });
  }

  /** Every line of the file from `fromByte`. */
  async readAll(fromByte = 0): Promise<JournalLines> {
    await realDataDir(this.dir, false);
    return readJournalFile(this.file, MAX_JOURNAL_LINE_BYTES, fromByte);
  }

  /**
   * Rewrites the file as its compacted view: temporary file, fsync, rename, folder fsync; then whatever another
   * process appended to the old file while this one compacted is copied to the new one. Bad lines are kept aside.
   */
  async compact(): Promise<CompactJournalResult> {
    await this.closeHandle();
    await realDataDir(this.dir, false);
    const old = await openJournalForReading(this.file);
    if (!old) return { path: this.file, before: 0, after: 0, bytes: 0, rejected: 0 };
    try {
      const all = await readJournalLines(old, MAX_JOURNAL_LINE_BYTES);
      const kept = compactEntries(all.entries);
      const body = Buffer.from(kept.map((e) => JSON.stringify(e) + '\n').join(''));
      const rejected = all.bad.filter((b) => b.text !== undefined);
      if (rejected.length) {
        // Nothing is dropped silently: lines that are not entries go to <journal>.rejected, with their numbers.
        const at = new Date().toISOString();
        await this.writeFile(`${this.file}.rejected`, Buffer.from(rejected.map((b) => JSON.stringify({ at, line: b.line, reason: b.reason, text: b.text }) + '\n').join('')));
      }
      const tmp = tempNameFor(this.file);
      try {
        await this.writeFile(tmp, body);
        await this.io.rename(tmp, this.file);
      } catch (e) {
        await rm(tmp, { force: true }).catch(() => {});
        const code = (e as NodeJS.ErrnoException).code;
        throw new ApiError('io', `compacting ${this.file} failed (${writeErrorWords(code) ?? (e as Error).message}); the journal is unchanged`);
      }
      await syncDir(path.dirname(this.file));
      // Appends of other processes that reached the old file after our read: carried over whole (LF first, as every batch).
      const tail = await readTail(old, all.endByte);
      if (tail.length) await this.writeFile(this.file, Buffer.concat([LF, tail]));
      return { path: this.file, before: all.entries.length + all.bad.length, after: kept.length, bytes: body.length, rejected: rejected.length };
    } finally {
      await old.close();
    }
  }

  /** Appends `data` to `file` through the io seam, fsynced. */
  private async writeFile(file: string, data: Buffer): Promise<void> {
    const h = await this.io.open(file);
    try {
      const n = await h.append(data);
      if (n !== data.length) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      await h.sync();
    } finally {
      await h.close();
    }
  }
}

/** The journals of one corpus. */
export class JournalStore {
  private readonly files = new Map<string, JournalFile>();

  /** `dir` is the corpus's `.marginalia` folder. */
  constructor(
    private readonly dir: string,
    private readonly io: JournalIo = nodeJournalIo,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /**
   * The journal of `annotator`. Refuses a name whose journal would share its file with another
   * annotator's on a case-insensitive disk (macOS, Windows): `Alice` and `alice`.
   */
  private journal(annotator: unknown): JournalFile {
    const name = journalFileName(annotator);
    let j = this.files.get(name);
    if (!j) {
      j = new JournalFile(annotator as string, path.join(this.dir, name), this.dir, this.io);
      j.ready = this.caseClash(name, annotator as string);
      // A refused name is checked again next time (the other journal may be gone by then).
      j.ready.catch(() => this.files.delete(name));
      this.files.set(name, j);
    }
    return j;
  }

  /** Refuses a name whose journal differs from another's only in case: on macOS and Windows both would be one file. */
  private async caseClash(name: string, annotator: string): Promise<void> {
    const folded = name.toLowerCase();
    const others = [...this.files.keys(), ...(await readdir(this.dir).catch(() => [] as string[]))];
    const clash = others.find((n) => n !== name && n.toLowerCase() === folded && annotatorOfFile(n) !== null);
    if (clash) {
      throw new ApiError(
        'bad-request',
        `annotator name "${annotator}" differs only in case from "${annotatorOfFile(clash)}", who already has a journal here; on a case-insensitive disk (macOS, Windows) both would share one file: choose a distinct name`,
      );
    }
  }

  /** The journal of `annotator` once its name is checked; calls that wait here go on in call order. */
  private async checked(annotator: unknown): Promise<JournalFile> {
    const j = this.journal(annotator);
    await j.ready;
    return j;
  }

  /** See `appendJournal` in the contract. */
  async append(annotator: unknown, entries: unknown): Promise<AppendJournalResult> {
    const j = this.journal(annotator);
    if (Array.isArray(entries) && entries.length > MAX_ENTRIES_PER_CALL) {
      throw new ApiError('bad-request', `${entries.length} entries in one call; at most ${MAX_ENTRIES_PER_CALL}: split the call; nothing was written`);
    }
    const checked = checkEntries(entries, this.now());
    const lines = checked.map((e, i) => {
      const line = JSON.stringify(e) + '\n';
      if (Buffer.byteLength(line) > MAX_JOURNAL_LINE_BYTES) throw new ApiError('bad-request', `entry ${i} is over ${MAX_JOURNAL_LINE_BYTES} bytes as JSON; nothing of this call was written`);
      return line;
    });
    await j.ready;
    if (checked.length === 0) return { written: 0, acknowledged: [], bytes: 0, path: j.file };
    return j.append(Buffer.from(lines.join('')), checked.length, checked.flatMap((e) => (e.eid ? [e.eid] : [])));
  }

  /** See `readJournal` in the contract: `fromByte` reads only what was appended after an earlier read's `endByte`. */
  async read(annotator: unknown, raw = false, fromByte = 0): Promise<JournalRead> {
    if (!Number.isFinite(fromByte) || fromByte < 0) throw new ApiError('bad-request', '"fromByte" must be a byte offset (a number >= 0)');
    const j = await this.checked(annotator);
    const all = await j.exclusive(() => j.readAll(fromByte));
    return {
      annotator: j.annotator,
      path: j.file,
      exists: all.exists,
      view: raw ? 'raw' : 'compacted',
      endByte: all.endByte,
      entries: raw ? all.entries : compactEntries(all.entries),
      bad: all.bad.map(({ text: _t, ...b }) => b),
    };
  }

  /** See `journalInfo` in the contract. */
  async info(annotator: unknown): Promise<JournalInfo> {
    const j = await this.checked(annotator);
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
    const j = await this.checked(annotator);
    return j.exclusive(async () => {
      await this.sweepTemporaries(path.basename(j.file));
      return j.compact();
    });
  }

  /** Removes temporary files a crash during an earlier compaction left behind (never the journal itself). */
  private async sweepTemporaries(base: string): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const n of names) if (n.startsWith(base + '.') && n.endsWith('.tmp')) await rm(path.join(this.dir, n), { force: true });
  }

  /** See `listJournals` in the contract (links and other non-files are not journals). */
  async list(): Promise<{ annotator: string; path: string; bytes: number }[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: { annotator: string; path: string; bytes: number }[] = [];
    for (const n of names.sort()) {
      const annotator = annotatorOfFile(n);
      if (annotator === null) continue;
      const st = await lstat(path.join(this.dir, n)).catch(() => null);
      if (st?.isFile()) out.push({ annotator, path: path.join(this.dir, n), bytes: st.size });
    }
    return out;
  }

  /** The size this process left the journal file `fileName` at with its last write (-1: none yet). */
  lastOwnSize(fileName: string): number {
    return this.files.get(fileName)?.lastOwnSize ?? -1;
  }

  /** Waits for every queued write and closes the files. */
  async close(): Promise<void> {
    for (const j of this.files.values()) await j.exclusive(() => j.closeHandle());
  }
}
