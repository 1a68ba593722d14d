// One open corpus, live: scanned in the background with progress, remembered in `.marginalia/index.json` so a reopen
// only stats files, watched for changes, with the user's encoding choices and each path's earlier docIds.

import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ApiError,
  type CorpusEntry,
  type CorpusInfo,
  type DocumentsChange,
  type DocumentText,
  type HostEvents,
  type ScanProgress,
  type SkippedFile,
} from '../core/ipc/contract';
import { findRenames, ListChanges } from './corpus-changes';
import { checkFiles, expandBatch } from './corpus-check';
import { checkEncodingChoice, readDocument } from './corpus-documents';
import { loadIndex, trySaveIndex, type IndexedFile } from './corpus-index';
import { entriesOf, isUnchanged, listOf, readRecord } from './corpus-records';
import { watchCorpus, type CorpusWatch } from './corpus-watch';
import { kindOf, readWholeFile, scanReader, type ReadFileFn } from './document-file';
import { loadEncodingChoices, saveEncodingChoices } from './encoding-choices';
import { isListableFile, isListablePath } from './hidden-path';
import { walkCorpus } from './walk';
import { MARGINALIA_DIR } from './confined';

export { MARGINALIA_DIR } from './confined';

/** Progress events at most this often: a smooth bar without flooding the IPC channel (4 a second). */
const PROGRESS_INTERVAL_MS = 250;

/** After the last watched change, the index is saved this much later: one write for a burst of changes. */
const INDEX_SAVE_DELAY_MS = 1000;

/** Sends a host event. */
export type EmitFn = <K extends keyof HostEvents>(event: K, payload: HostEvents[K]) => void;

/** Options of {@link CorpusSession.open}. */
export interface SessionOptions {
  /** Watch the folder for changes (default true). */
  watch?: boolean;
  /** Where events go. */
  emit?: EmitFn;
  /** Reads a whole file (tests inject failures). */
  readFile?: ReadFileFn;
  /** Write `.marginalia/index.json` (default true; one-shot scans leave the folder untouched). */
  persist?: boolean;
  /** Start the background scan at once (default true; false for a session that only reads documents). */
  scan?: boolean;
}

/** One open corpus. Create with {@link CorpusSession.open}; {@link close} when done. */
export class CorpusSession {
  readonly name: string;
  private readonly dataDir: string;
  private readonly emit: EmitFn;
  private readonly readFile: ReadFileFn;
  private readonly records = new Map<string, IndexedFile>();
  private choices = new Map<string, string>();
  private choicesDamaged = false;
  private warnings: string[] = [];
  /** Folders the last scan could not read. */
  private folderSkips: SkippedFile[] = [];
  private progress: ScanProgress;
  private scanning = false;
  /** Scans started and not finished (a full rescan asked for during a scan runs after it). */
  private pendingScans = 0;
  private scanDone: Promise<void> = Promise.resolve();
  private readonly changes = new ListChanges();
  private snapshot: CorpusInfo | null = null;
  private dirty = false;
  private saveTimer: NodeJS.Timeout | null = null;
  private watcher: CorpusWatch | null = null;
  private watching: Promise<void> = Promise.resolve();
  private closed = false;
  /** Per-path chains, so a scan, a watch batch and setEncoding never process one file at once. */
  private readonly busy = new Map<string, Promise<void>>();

  private constructor(
    readonly root: string,
    private readonly options: SessionOptions,
  ) {
    this.name = path.basename(root);
    this.dataDir = path.join(root, MARGINALIA_DIR);
    const emit = options.emit ?? (() => {});
    // A closed session (another corpus opened since) says nothing more.
    this.emit = (event, payload) => {
      if (!this.closed) emit(event, payload);
    };
    this.readFile = options.readFile ?? scanReader();
    this.progress = { root, phase: 'done', done: 0, total: 0, read: 0, elapsedMs: 0 };
  }

  /**
   * Opens a corpus folder: loads its index and encoding choices and starts the background
   * scan (not awaited: {@link info} answers at once, {@link whenScanned} waits).
   */
  static async open(folder: string, options: SessionOptions = {}): Promise<CorpusSession> {
    let root: string;
    try {
      root = await realpath(folder);
      if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new ApiError('not-found', `corpus folder "${folder}" does not exist or is not a folder`);
    }
    const session = new CorpusSession(root, options);
    const index = await loadIndex(session.dataDir);
    // An index is data from disk: a record whose path could never be listed (`..`, hidden, absolute) is dropped.
    for (const [p, rec] of index.files) if (isListablePath(p)) session.records.set(p, rec);
    if (index.warning) session.warnings.push(index.warning);
    const enc = await loadEncodingChoices(session.dataDir);
    session.choices = enc.choices;
    if (enc.warning) {
      session.warnings.push(enc.warning);
      session.choicesDamaged = true;
    }
    if (options.scan !== false) session.startScan('open', false);
    return session;
  }

  /** The corpus as known now; documents sorted by path (JSONL lines by number). */
  info(): CorpusInfo {
    if (!this.snapshot) {
      const { documents, skipped } = listOf(this.records.values(), this.folderSkips);
      this.snapshot = { root: this.root, name: this.name, documents, skipped, scanning: this.scanning, scan: { ...this.progress } };
      if (this.warnings.length) this.snapshot.warnings = [...this.warnings];
    }
    return { ...this.snapshot, scanning: this.scanning, scan: { ...this.progress } };
  }

  /** Resolves when the current scan is done. */
  whenScanned(): Promise<void> {
    return this.scanDone;
  }

  /** Starts a scan unless one runs; `full` reads every file again, ignoring the index. */
  rescan(full: boolean): void {
    if (this.scanning && !full) return;
    this.startScan('rescan', full);
  }

  /** Stops watching and saves the index. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    // Not waiting for the watcher to be ready: closing it ends its start, and the closed flag stops any check in flight.
    await this.watcher?.close();
    await this.scanDone.catch(() => {});
    await this.saveIndexNow();
  }

  // ---- scanning ----

  private startScan(cause: 'open' | 'rescan', full: boolean): void {
    const previous = this.scanDone;
    this.pendingScans++;
    this.scanning = true;
    this.snapshot = null;
    this.scanDone = previous
      .catch(() => {})
      .then(() => this.scan(cause === 'open' ? 'scan' : 'rescan', full))
      .catch((e) => {
        this.warnings.push(`the scan stopped: ${(e as Error).message}`);
      })
      .finally(() => {
        this.pendingScans--;
        this.scanning = this.pendingScans > 0;
        this.snapshot = null;
      });
  }

  private async scan(cause: 'scan' | 'rescan', full: boolean): Promise<void> {
    const t0 = performance.now();
    let lastEmit = 0;
    const tick = (force = false) => {
      const now = performance.now();
      this.progress.elapsedMs = Math.round(now - t0);
      if (!force && now - lastEmit < PROGRESS_INTERVAL_MS) return;
      lastEmit = now;
      this.flushDelta(cause);
      this.emit('scanProgress', { ...this.progress });
    };
    this.progress = { root: this.root, phase: 'listing', done: 0, total: 0, read: 0, elapsedMs: 0 };
    tick(true);
    const files: string[] = [];
    const folders: SkippedFile[] = [];
    await walkCorpus(
      this.root,
      (rel) => {
        if (kindOf(rel) === null) return;
        files.push(rel);
        this.progress.done = files.length;
        tick();
      },
      (rel, code) => folders.push({ path: rel, reason: `unreadable folder (${code}): its files are not listed` }),
    );
    if (JSON.stringify(folders) !== JSON.stringify(this.folderSkips)) {
      this.folderSkips = folders;
      this.changes.noteSkipped();
      this.snapshot = null;
    }
    if (this.closed) return;
    this.progress = { ...this.progress, phase: 'reading', done: 0, total: files.length };
    tick(true);
    const seen = new Set(files);
    await this.check(files, full, (read) => {
      if (read) this.progress.read++;
      this.progress.done++;
      tick();
    });
    // Known files the walk did not meet: gone, unless the watcher added them meanwhile (then still a listable path).
    const unseen = [...this.records.keys()].filter((rel) => !seen.has(rel));
    const listable = await Promise.all(unseen.map((rel) => isListableFile(this.root, rel)));
    unseen.forEach((rel, i) => listable[i] || this.replace(rel, undefined));
    await this.check(unseen.filter((_, i) => listable[i]), false, () => {});
    this.progress.phase = 'done';
    this.scanning = this.pendingScans > 1;
    this.snapshot = null;
    tick(true);
    await this.saveIndexNow();
    if (this.options.watch !== false && !this.watcher && !this.closed) this.startWatching();
  }

  private startWatching(): void {
    this.watcher = watchCorpus(
      this.root,
      (paths) => void this.applyBatch(paths, 'watch'),
      (e) => this.warnings.push(`watching the folder failed: ${e.message}; use Rescan after changing files`),
    );
    // Files changed between their read and the watcher's start are caught by one more check of every file (stat only).
    this.watching = this.watcher.ready.then(() => (this.closed ? undefined : this.applyBatch(new Set(this.records.keys()), 'watch')));
  }

  /** Resolves when the scan is done and the watcher is live and caught up (at once without a watcher). */
  async whenWatching(): Promise<void> {
    await this.scanDone;
    await this.watching;
  }

  /**
   * Re-checks a batch of corpus-relative paths and pushes one `documentsChanged`: files, and
   * folders (`''` is the corpus folder) whose known files are checked and whose files on disk
   * are walked, so a folder moved in, out or away is seen whole.
   */
  async applyBatch(paths: Set<string>, cause: DocumentsChange['cause']): Promise<void> {
    const files = await expandBatch(this.root, paths, this.records.keys(), (rel) => this.absOf(rel), (rel) => this.records.has(rel));
    await this.check(files, false, () => {});
    this.flushDelta(cause);
    this.scheduleSave();
  }

  /** Brings the records of `files` up to date (see {@link checkFiles}); `onDone(read)` per file. */
  private check(files: readonly string[], full: boolean, onDone: (read: boolean) => void): Promise<void> {
    return checkFiles(
      files,
      full,
      { absOf: (rel) => this.absOf(rel), unchanged: (rel, st) => this.unchanged(rel, st), refresh: (rel, f, st) => this.refresh(rel, f, st), closed: () => this.closed },
      onDone,
    );
  }

  private absOf(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  /** True when a file's stat matches its record (size, mtime, encoding choice) and the record is not racy. */
  private unchanged(rel: string, st: Stats | null): boolean {
    return isUnchanged(this.records.get(rel), st, this.choices.get(rel));
  }

  /** Brings one file's record up to date; true when it was read (not just stat'ed). */
  private refresh(rel: string, force: boolean, known?: Stats | null): Promise<boolean> {
    const prev = this.busy.get(rel);
    let read = false;
    // A stat taken just before is still good when nothing else is working on the file.
    const run = (prev ?? Promise.resolve()).then(async () => {
      read = await this.refreshNow(rel, force, prev ? undefined : known);
    });
    const settled = run.catch(() => {});
    this.busy.set(rel, settled);
    void settled.then(() => {
      if (this.busy.get(rel) === settled) this.busy.delete(rel);
    });
    return run.then(() => read);
  }

  private async refreshNow(rel: string, force: boolean, known?: Stats | null): Promise<boolean> {
    const abs = this.absOf(rel);
    const st = known === undefined ? await stat(abs).catch(() => null) : known;
    if (!st || !st.isFile()) {
      this.replace(rel, undefined);
      return false;
    }
    if (!force && this.unchanged(rel, st)) return false;
    this.replace(rel, await readRecord({ rel, abs, size: st.size, mtimeMs: st.mtimeMs, choice: this.choices.get(rel), old: this.records.get(rel) }, this.readFile));
    return true;
  }

  /** Replaces one file's record and notes the difference for the next `documentsChanged`. */
  private replace(rel: string, next: IndexedFile | undefined): void {
    const old = this.records.get(rel);
    if (!old && !next) return;
    this.changes.note(old ? entriesOf(old) : [], next ? entriesOf(next) : []);
    if (JSON.stringify(old?.skipped ?? []) !== JSON.stringify(next?.skipped ?? [])) this.changes.noteSkipped();
    if (next) this.records.set(rel, next);
    else this.records.delete(rel);
    this.dirty = true;
    this.snapshot = null;
  }

  /** Pushes the pending changes as one `documentsChanged`; renames (same text, new path) carry their history over. */
  private flushDelta(cause: DocumentsChange['cause']): void {
    const d = this.changes.take();
    if (!d) return;
    const renames = findRenames(d);
    for (const { from, to } of renames) {
      const rec = this.records.get(to);
      if (rec?.doc && from.previousDocIds?.length && !rec.doc.previousDocIds?.length) {
        rec.doc.previousDocIds = from.previousDocIds;
        this.dirty = true;
        this.snapshot = null;
        d.added.set(to, { ...d.added.get(to)!, previousDocIds: from.previousDocIds });
      }
    }
    const change: DocumentsChange = {
      root: this.root,
      cause,
      added: [...d.added.values()],
      removed: [...d.removed.keys()],
      changed: [...d.changed.values()],
      renamed: renames.map(({ from, to }) => ({ from: from.path, to })),
    };
    if (d.skipped) change.skipped = this.info().skipped;
    this.emit('documentsChanged', change);
  }

  private scheduleSave(): void {
    if (this.closed || !this.dirty) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveIndexNow(), INDEX_SAVE_DELAY_MS);
  }

  private async saveIndexNow(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.dirty || this.options.persist === false) return;
    this.dirty = false;
    const warning = await trySaveIndex(this.dataDir, this.records.values());
    if (warning && !this.warnings.includes(warning)) {
      this.warnings.push(warning);
      this.snapshot = null;
    }
  }

  /** Reads one document: a file by its path, a JSONL line by `file.jsonl#LINE` or by the file and an `id` (see corpus-documents). */
  readDocument(reqPath: string, id?: string): Promise<DocumentText> {
    return readDocument(
      {
        root: this.root,
        record: (rel) => this.records.get(rel),
        choice: (rel) => this.choices.get(rel),
        reread: async (rel) => {
          await this.refresh(rel, true);
          this.flushDelta('watch');
        },
        stale: (rel) => void this.applyBatch(new Set([rel]), 'watch'),
        // Always asynchronous: a slow file (a network share) must not hold up other requests.
        readFile: this.options.readFile ?? readWholeFile,
      },
      reqPath,
      id,
    );
  }

  /** Sets (or clears, with null) the user's encoding for a file and re-reads it; see `setEncoding` in the contract. */
  async setEncoding(reqPath: string, encoding: string | null): Promise<CorpusEntry> {
    if (this.choicesDamaged) throw new ApiError('io', `${path.join(this.dataDir, 'encodings.json')} is damaged: fix or delete it before choosing encodings (it was not overwritten)`);
    const { rel, kind, name } = await checkEncodingChoice(this.root, reqPath, encoding, this.readFile);
    const next = new Map(this.choices);
    if (name) next.set(rel, name);
    else next.delete(rel);
    try {
      await saveEncodingChoices(this.dataDir, next);
    } catch (e) {
      throw new ApiError('io', `cannot save the encoding choice to ${path.join(this.dataDir, 'encodings.json')} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing changed`);
    }
    this.choices = next;
    await this.refresh(rel, true);
    this.flushDelta('encoding');
    this.scheduleSave();
    const entry = entriesOf(this.records.get(rel) ?? { path: rel, size: 0, mtimeMs: 0, kind, checkedAt: 0 })[0];
    if (!entry) throw new ApiError('bad-request', `${rel}: ${this.records.get(rel)?.skipped?.[0]?.reason ?? 'not a document'}`);
    return entry;
  }
}
