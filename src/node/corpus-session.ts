// One open corpus, live: scanned in the background with progress, remembered in `.marginalia/index.json` so a reopen
// only stats files, watched for changes, with the user's encoding choices and each path's earlier docIds.

import { statSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ApiError,
  PREVIOUS_DOC_IDS_MAX,
  type CorpusEntry,
  type CorpusInfo,
  type DocumentsChange,
  type DocumentText,
  type HostEvents,
  type ScanProgress,
  type SkippedFile,
} from '../core/ipc/contract';
import { loadIndex, saveIndex, type IndexedDoc, type IndexedFile, type IndexedLine } from './corpus-index';
import { watchCorpus, type CorpusWatch } from './corpus-watch';
import { canonicalEncoding } from './decode';
import { kindOf, loadTextFile, MAX_JSONL_FILE_BYTES, readErrorReason, readWholeFile, scanReader, type ReadFileFn } from './document-file';
import { loadEncodingChoices, saveEncodingChoices } from './encoding-choices';
import { readJsonlCorpus, readJsonlLineAt } from './jsonl-corpus';
import { isInside, resolveInCorpus, toCorpusPath } from './paths';
import { walkCorpus } from './walk';
import { isHiddenName, isListablePath } from './hidden-path';

export { isListablePath } from './hidden-path';

/** The folder inside a corpus where Marginalia keeps its own files (index, journals, exports). */
export const MARGINALIA_DIR = '.marginalia';

/** Files checked at once: enough to keep the disk and both cores busy, few enough not to run out of file handles. */
const CONCURRENCY = 16;

/** Files stat'ed per synchronous chunk before the event loop gets a turn: about a millisecond on a local disk. */
const STAT_CHUNK = 256;

/** A synchronous chunk slower than this (one frame at 60 Hz) means a slow disk: stat asynchronously from then on. */
const SYNC_STAT_BUDGET_MS = 16;

/** Longest stretch of scanning work between two turns of the event loop: calls from the UI wait at most about this long. */
const YIELD_MS = 10;

/** Progress events at most this often: a smooth bar without flooding the IPC channel (4 a second). */
const PROGRESS_INTERVAL_MS = 250;

/** After the last watched change, the index is saved this much later: one write for a burst of changes. */
const INDEX_SAVE_DELAY_MS = 1000;

/**
 * A file modified this close to the time it was read may have changed again within the same
 * timestamp tick unseen (git's "racy clean"); it is read again. 2 s covers FAT's granularity;
 * file systems with sub-second times need only the kernel's tick, 50 ms is ample.
 */
const RACY_COARSE_MS = 2000;
const RACY_FINE_MS = 50;

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

/** A pending change of the list, flushed as one `documentsChanged`. */
interface Delta {
  added: Map<string, CorpusEntry>;
  removed: Map<string, CorpusEntry>;
  changed: Map<string, CorpusEntry>;
  skipped: boolean;
}

const emptyDelta = (): Delta => ({ added: new Map(), removed: new Map(), changed: new Map(), skipped: false });

/** Byte-order comparison (what the list has always used), not locale order. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The parts of an entry that the UI shows or keys on: a touched but unchanged file is no change. */
function sameEntry(a: CorpusEntry, b: CorpusEntry): boolean {
  const strip = ({ mtimeMs: _m, ...rest }: CorpusEntry) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

/** The history of a document whose id moved from `old` to `next`: newest first, without `next`, capped. */
export function nextHistory(oldId: string | undefined, oldHistory: string[] | undefined, next: string): string[] | undefined {
  if (!oldId || oldId === next) return oldHistory?.length ? oldHistory.filter((d) => d !== next) : undefined;
  const list = [oldId, ...(oldHistory ?? [])].filter((d, i, all) => d !== next && all.indexOf(d) === i).slice(0, PREVIOUS_DOC_IDS_MAX);
  return list.length ? list : undefined;
}

/** A file's stat, or null when it is gone or unreadable. */
function statOrNull(abs: string): Stats | null {
  try {
    return statSync(abs);
  } catch {
    return null;
  }
}

/** Runs `fn` over `items`, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Splits a UI path into the file and, for a JSONL document, its line: `a/data.jsonl#3` → `a/data.jsonl`, 3. */
export function splitDocumentPath(p: string): { file: string; line?: number } {
  const m = /^(.*\.jsonl)#(\d+)$/i.exec(p);
  return m ? { file: m[1]!, line: Number(m[2]) } : { file: p };
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
  private delta = emptyDelta();
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
      const documents: CorpusEntry[] = [];
      const skipped: SkippedFile[] = [];
      const files = [...this.records.values()].sort((a, b) => cmp(a.path, b.path));
      for (const rec of files) {
        documents.push(...this.entriesOf(rec));
        for (const s of rec.skipped ?? []) skipped.push(s.line === undefined ? { path: rec.path, reason: s.reason } : { path: rec.path, reason: s.reason, line: s.line });
      }
      skipped.push(...this.folderSkips);
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
      this.delta.skipped = true;
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
    const listable = await Promise.all(unseen.map((rel) => this.listable(rel)));
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
    const files = new Set<string>();
    const folders = new Set<string>();
    for (const p of paths) {
      if (kindOf(p) === null) folders.add(p);
      else {
        files.add(p);
        // A new name with a document ending may still be a folder (`2024.txt/`).
        if (!this.records.has(p) && statOrNull(this.absOf(p))?.isDirectory()) folders.add(p);
      }
    }
    if (folders.size) {
      // Known files below the folders (gone, if the folder went away): one pass over the records, by ancestors.
      for (const rec of this.records.keys()) {
        if (folders.has('')) files.add(rec);
        else for (let i = rec.indexOf('/'); i > 0; i = rec.indexOf('/', i + 1)) if (folders.has(rec.slice(0, i))) files.add(rec);
      }
      // Files on disk below them (a folder made or moved in).
      for (const folder of folders) {
        const abs = folder === '' ? this.root : this.absOf(folder);
        if (!isInside(this.root, abs) || !statOrNull(abs)?.isDirectory()) continue;
        await walkCorpus(this.root, (rel) => void (kindOf(rel) !== null && files.add(rel)), () => {}, abs);
      }
    }
    await this.check([...files], false, () => {});
    this.flushDelta(cause);
    this.scheduleSave();
  }

  /**
   * Brings the records of `files` up to date: stats them all (synchronously in chunks while
   * that is fast, as on a local disk, where it is several times quicker than the thread pool),
   * then reads those that changed, {@link CONCURRENCY} at a time. `onDone(read)` per file.
   */
  private async check(files: readonly string[], full: boolean, onDone: (read: boolean) => void): Promise<void> {
    const changed: { rel: string; st: Stats | null }[] = [];
    let sync = true;
    let slowChunks = 0;
    for (let i = 0; i < files.length && !this.closed; i += STAT_CHUNK) {
      const chunk = files.slice(i, i + STAT_CHUNK);
      const t0 = performance.now();
      const stats = sync ? chunk.map((rel) => statOrNull(this.absOf(rel))) : await Promise.all(chunk.map((rel) => stat(this.absOf(rel)).catch(() => null)));
      // A slow disk (network share) would block the process: after two slow chunks in a row, stat in the thread pool.
      slowChunks = performance.now() - t0 > SYNC_STAT_BUDGET_MS ? slowChunks + 1 : 0;
      if (slowChunks >= 2) sync = false;
      chunk.forEach((rel, k) => {
        const st = stats[k] ?? null;
        if (!full && this.unchanged(rel, st)) onDone(false);
        else changed.push({ rel, st });
      });
      await new Promise<void>((r) => setImmediate(r));
    }
    // Reads from a fast disk complete without a turn of the event loop, so every worker stops at a shared gate
    // now and then: the loop turns and IPC or HTTP calls are answered mid-scan.
    let lastYield = performance.now();
    let gate: Promise<void> | null = null;
    const breathe = async () => {
      if (!gate && performance.now() - lastYield > YIELD_MS) {
        gate = new Promise<void>((r) => setImmediate(r)).then(() => {
          gate = null;
          lastYield = performance.now();
        });
      }
      if (gate) await gate;
    };
    await pool(changed, CONCURRENCY, async ({ rel, st }) => {
      if (this.closed) return;
      onDone(await this.refresh(rel, full, st));
      await breathe();
    });
  }

  /** True when `rel` is a path the walk could list: no hidden or `..` segment, and its real path inside the corpus. */
  private async listable(rel: string): Promise<boolean> {
    if (!isListablePath(rel)) return false;
    try {
      return isInside(this.root, await realpath(this.absOf(rel)));
    } catch {
      return true; // gone: the check will remove it
    }
  }

  private absOf(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  /** True when a file's stat matches its record (size, mtime, encoding choice) and the record is not racy. */
  private unchanged(rel: string, st: { size: number; mtimeMs: number; isFile(): boolean } | null): boolean {
    const old = this.records.get(rel);
    if (!st || !old || !st.isFile()) return false;
    const choice = this.choices.get(rel);
    return old.size === st.size && old.mtimeMs === st.mtimeMs && (old.doc?.chosen ? old.doc.encoding : undefined) === choice && !this.racy(old);
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
    this.replace(rel, await this.readRecord(rel, abs, st.size, st.mtimeMs, this.choices.get(rel), this.records.get(rel)));
    return true;
  }

  private racy(rec: IndexedFile): boolean {
    const window = rec.mtimeMs % 1000 === 0 ? RACY_COARSE_MS : RACY_FINE_MS;
    return rec.checkedAt - rec.mtimeMs < window;
  }

  private async readRecord(rel: string, abs: string, size: number, mtimeMs: number, choice: string | undefined, old: IndexedFile | undefined): Promise<IndexedFile> {
    const kind = kindOf(rel)!;
    const checkedAt = Date.now();
    const rec: IndexedFile = { path: rel, size, mtimeMs, kind, checkedAt };
    if (kind === 'jsonl') {
      if (size > MAX_JSONL_FILE_BYTES) {
        rec.skipped = [{ reason: `too large (${size} bytes; the limit for a JSONL corpus is ${MAX_JSONL_FILE_BYTES}): split it` }];
        return rec;
      }
      let corpus;
      try {
        corpus = await readJsonlCorpus(abs, path.posix.basename(rel));
      } catch (e) {
        rec.skipped = [{ reason: readErrorReason(e) }];
        return rec;
      }
      if (corpus.refused) {
        rec.skipped = [{ reason: corpus.refused }];
        return rec;
      }
      if (corpus.docs.length === 0 && corpus.skipped.length === 0) rec.skipped = [{ reason: 'empty file' }];
      else if (corpus.skipped.length) rec.skipped = corpus.skipped;
      rec.lines = this.carryLineHistory(corpus.docs, old?.lines);
      return rec;
    }
    const loaded = await loadTextFile(abs, size, kind, choice, this.readFile);
    if ('reason' in loaded) {
      rec.skipped = [{ reason: loaded.reason }];
      return rec;
    }
    const doc: IndexedDoc = { docId: loaded.docId, title: loaded.title, encoding: loaded.encoding };
    if (loaded.uncertain) {
      doc.uncertain = true;
      doc.candidates = loaded.candidates;
    }
    if (loaded.chosen) doc.chosen = true;
    const history = nextHistory(old?.doc?.docId, old?.doc?.previousDocIds, loaded.docId);
    if (history) doc.previousDocIds = history;
    rec.doc = doc;
    return rec;
  }

  /**
   * Earlier ids of a JSONL file's lines: a line whose text is unchanged keeps its history
   * wherever it moved; a changed line inherits from the old line of the same `id` (or the
   * same number, when the file has no ids and that old text is gone).
   */
  private carryLineHistory(lines: IndexedLine[], old: IndexedLine[] | undefined): IndexedLine[] {
    if (!old?.length) return lines;
    const byDoc = new Map(old.map((l) => [l.docId, l]));
    const byKey = new Map(old.map((l) => [l.id !== undefined ? `id:${l.id}` : `line:${l.line}`, l]));
    const present = new Set(lines.map((l) => l.docId));
    return lines.map((l) => {
      const same = byDoc.get(l.docId);
      if (same) return same.previousDocIds ? { ...l, previousDocIds: same.previousDocIds } : l;
      const prev = byKey.get(l.id !== undefined ? `id:${l.id}` : `line:${l.line}`);
      if (!prev || present.has(prev.docId)) return l;
      const history = nextHistory(prev.docId, prev.previousDocIds, l.docId);
      return history ? { ...l, previousDocIds: history } : l;
    });
  }

  /** The list entries of one record. */
  private entriesOf(rec: IndexedFile): CorpusEntry[] {
    if (rec.doc) {
      const d = rec.doc;
      const e: CorpusEntry = { path: rec.path, title: d.title, size: rec.size, docId: d.docId, encoding: d.encoding, kind: rec.kind, mtimeMs: rec.mtimeMs };
      if (d.uncertain) {
        e.encodingUncertain = true;
        e.encodingCandidates = d.candidates ?? [];
      }
      if (d.chosen) e.encodingChosen = true;
      if (d.previousDocIds?.length) e.previousDocIds = d.previousDocIds;
      return [e];
    }
    return (rec.lines ?? []).map((l) => {
      const e: CorpusEntry = {
        path: `${rec.path}#${l.line}`,
        title: l.title,
        size: l.bytes,
        docId: l.docId,
        encoding: 'utf-8',
        kind: 'jsonl',
        mtimeMs: rec.mtimeMs,
        source: l.id !== undefined ? { file: rec.path, line: l.line, id: l.id } : { file: rec.path, line: l.line },
      };
      if (l.previousDocIds?.length) e.previousDocIds = l.previousDocIds;
      return e;
    });
  }

  /** Replaces one file's record and notes the difference for the next `documentsChanged`. */
  private replace(rel: string, next: IndexedFile | undefined): void {
    const old = this.records.get(rel);
    if (!old && !next) return;
    const before = new Map((old ? this.entriesOf(old) : []).map((e) => [e.path, e]));
    const after = new Map((next ? this.entriesOf(next) : []).map((e) => [e.path, e]));
    for (const [p, e] of after) {
      const was = before.get(p);
      if (!was) {
        if (this.delta.removed.has(p)) {
          this.delta.removed.delete(p);
          this.delta.changed.set(p, e);
        } else this.delta.added.set(p, e);
      } else if (!sameEntry(was, e)) {
        if (this.delta.added.has(p)) this.delta.added.set(p, e);
        else this.delta.changed.set(p, e);
      }
    }
    for (const [p, e] of before) {
      if (after.has(p)) continue;
      if (this.delta.added.delete(p)) continue;
      this.delta.changed.delete(p);
      this.delta.removed.set(p, e);
    }
    if (JSON.stringify(old?.skipped ?? []) !== JSON.stringify(next?.skipped ?? [])) this.delta.skipped = true;
    if (next) this.records.set(rel, next);
    else this.records.delete(rel);
    this.dirty = true;
    this.snapshot = null;
  }

  /** Pushes the pending changes as one `documentsChanged`; renames (same text, new path) carry their history over. */
  private flushDelta(cause: DocumentsChange['cause']): void {
    const d = this.delta;
    if (!d.added.size && !d.removed.size && !d.changed.size && !d.skipped) return;
    this.delta = emptyDelta();
    const renamed: { from: string; to: string }[] = [];
    const removedByDoc = new Map<string, CorpusEntry>();
    for (const e of d.removed.values()) if (!e.source) removedByDoc.set(e.docId, e);
    for (const [p, e] of d.added) {
      const from = e.source ? undefined : removedByDoc.get(e.docId);
      if (!from) continue;
      removedByDoc.delete(e.docId);
      renamed.push({ from: from.path, to: p });
      const rec = this.records.get(p);
      if (rec?.doc && from.previousDocIds?.length && !rec.doc.previousDocIds?.length) {
        rec.doc.previousDocIds = from.previousDocIds;
        this.dirty = true;
        const entry = { ...e, previousDocIds: from.previousDocIds };
        d.added.set(p, entry);
        this.snapshot = null;
      }
    }
    const change: DocumentsChange = {
      root: this.root,
      cause,
      added: [...d.added.values()],
      removed: [...d.removed.keys()],
      changed: [...d.changed.values()],
      renamed,
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
    try {
      await saveIndex(this.dataDir, this.records.values());
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      const warning = `cannot write ${path.join(this.dataDir, 'index.json')} (${code}): everything works, but reopening will read every file again`;
      if (!this.warnings.includes(warning)) this.warnings.push(warning);
      this.snapshot = null;
    }
  }

  // ---- documents ----

  /** Checks that a UI path names a document type outside hidden folders, and resolves it inside the corpus. */
  private async resolveDocumentFile(file: string): Promise<string> {
    if (typeof file !== 'string' || file === '') throw new ApiError('bad-request', 'path must be a non-empty string');
    const abs = await resolveInCorpus(this.root, file);
    const rel = toCorpusPath(this.root, abs);
    if (kindOf(rel) === null || rel.split('/').some(isHiddenName)) {
      throw new ApiError('forbidden', `"${file}" is not a document of the corpus`);
    }
    if (!isInside(this.root, abs)) throw new ApiError('forbidden', `path "${file}" is outside the corpus`);
    return abs;
  }

  /** Reads one document: a file by its path, a JSONL line by `file.jsonl#LINE` or by the file and an `id`. */
  async readDocument(reqPath: string, id?: string): Promise<DocumentText> {
    if (typeof reqPath !== 'string' || reqPath === '') throw new ApiError('bad-request', 'path must be a non-empty string');
    const { file, line } = splitDocumentPath(reqPath);
    const abs = await this.resolveDocumentFile(file);
    const rel = toCorpusPath(this.root, abs);
    const kind = kindOf(rel)!;
    if (kind === 'jsonl') {
      if (line === undefined && (typeof id !== 'string' || id === '')) throw new ApiError('bad-request', `"${reqPath}" is a JSONL corpus: name a line (${rel}#3) or an id`);
      return this.readJsonlDocument(rel, abs, line, id);
    }
    if (line !== undefined) throw new ApiError('bad-request', `"${reqPath}": only JSONL files have lines`);
    const st = await stat(abs);
    if (!st.isFile()) throw new ApiError('forbidden', `${rel} is not a regular file (a FIFO, socket or device is never opened)`);
    const choice = this.choices.get(rel);
    // Always asynchronous: a slow file (a network share) must not hold up other requests.
    const loaded = await loadTextFile(abs, st.size, kind, choice, this.options.readFile ?? readWholeFile);
    if ('reason' in loaded) throw new ApiError('bad-request', `${rel}: ${loaded.reason}`);
    const rec = this.records.get(rel);
    if (rec?.doc?.docId !== loaded.docId) void this.applyBatch(new Set([rel]), 'watch');
    const history = rec?.doc?.docId === loaded.docId ? rec.doc.previousDocIds : nextHistory(rec?.doc?.docId, rec?.doc?.previousDocIds, loaded.docId);
    const doc: DocumentText = { path: rel, docId: loaded.docId, text: loaded.text, encoding: loaded.encoding, kind, title: loaded.title };
    if (loaded.uncertain) {
      doc.encodingUncertain = true;
      doc.encodingCandidates = loaded.candidates ?? [];
    }
    if (loaded.chosen) doc.encodingChosen = true;
    if (history?.length) doc.previousDocIds = history;
    return doc;
  }

  private async readJsonlDocument(rel: string, abs: string, line: number | undefined, id: string | undefined): Promise<DocumentText> {
    const find = () => this.records.get(rel)?.lines?.find((l) => (line !== undefined ? l.line === line : l.id === id));
    let entry = find();
    let parsed = entry ? await readJsonlLineAt(abs, entry.offset, entry.bytes, entry.docId) : null;
    if (!parsed) {
      // The file changed since it was listed: read it again, then look once more.
      await this.refresh(rel, true);
      this.flushDelta('watch');
      entry = find();
      parsed = entry ? await readJsonlLineAt(abs, entry.offset, entry.bytes, entry.docId) : null;
    }
    const where = line !== undefined ? `line ${line}` : `id "${id}"`;
    if (!entry || !parsed) {
      const skip = this.records.get(rel)?.skipped?.find((s) => s.line === line);
      throw new ApiError(skip ? 'bad-request' : 'not-found', skip ? `${rel}, line ${line}: ${skip.reason}` : `no document at ${where} of ${rel}`);
    }
    const doc: DocumentText = {
      path: `${rel}#${entry.line}`,
      docId: entry.docId,
      text: parsed.text,
      encoding: 'utf-8',
      kind: 'jsonl',
      title: entry.title,
      source: entry.id !== undefined ? { file: rel, line: entry.line, id: entry.id } : { file: rel, line: entry.line },
    };
    if (entry.previousDocIds?.length) doc.previousDocIds = entry.previousDocIds;
    if (parsed.meta) doc.meta = parsed.meta;
    return doc;
  }

  /** Sets (or clears, with null) the user's encoding for a file and re-reads it; see `setEncoding` in the contract. */
  async setEncoding(reqPath: string, encoding: string | null): Promise<CorpusEntry> {
    if (typeof reqPath !== 'string' || reqPath === '') throw new ApiError('bad-request', 'path must be a non-empty string');
    if (encoding !== null && typeof encoding !== 'string') throw new ApiError('bad-request', 'encoding must be a string or null');
    const abs = await this.resolveDocumentFile(splitDocumentPath(reqPath).file);
    const rel = toCorpusPath(this.root, abs);
    const kind = kindOf(rel)!;
    if (kind === 'jsonl') throw new ApiError('bad-request', `${rel} is JSONL, which is always UTF-8`);
    if (this.choicesDamaged) throw new ApiError('io', `${path.join(this.dataDir, 'encodings.json')} is damaged: fix or delete it before choosing encodings (it was not overwritten)`);
    let name: string | null = null;
    if (encoding !== null) {
      name = canonicalEncoding(encoding);
      if (!name) throw new ApiError('bad-request', `unknown encoding "${encoding}"`);
      const st = await stat(abs);
      const trial = await loadTextFile(abs, st.size, kind, name, this.readFile);
      if ('reason' in trial) throw new ApiError('bad-request', `${rel}: ${trial.reason.replace(/ \(the encoding chosen for it\); choose another$/, '')}; the choice was not saved`);
    }
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
    const entry = this.entriesOf(this.records.get(rel) ?? { path: rel, size: 0, mtimeMs: 0, kind, checkedAt: 0 })[0];
    if (!entry) throw new ApiError('bad-request', `${rel}: ${this.records.get(rel)?.skipped?.[0]?.reason ?? 'not a document'}`);
    return entry;
  }
}
