// The contract's implementation on node:fs, shared by the Electron main process and the HTTP host: the live corpus
// session, the journals, exports and the recent list, and one event stream both hosts forward to the UI.

import path from 'node:path';
import {
  ApiError,
  type CorpusInfo,
  type HostEvents,
  type HostInfo,
  type MarginaliaApi,
  type SaveExportRequest,
  type SaveExportResult,
} from '../core/ipc/contract';
import { CorpusSession, MARGINALIA_DIR, type EmitFn } from './corpus-session';
import type { ReadFileFn } from './document-file';
import { safeFileName, writeFileAtomic } from './files';
import { marginaliaDir, realDataDir } from './confined';
import { JournalStore, type JournalIo } from './journal';
import { watchJournals, type JournalWatch } from './journal-watch';
import { readRecent, rememberCorpus } from './recent';
import { ExportWriter } from './export-writer';
import { readSchemaFile, writeSchemaFile } from './schema-file';

/** What differs between hosts: dialogs exist only in Electron. */
export interface HostHooks {
  kind: HostInfo['kind'];
  version: string;
  /** Asks the user for a corpus folder; null when canceled. */
  chooseFolder?: () => Promise<string | null>;
  /** Asks the user where to save an export (a folder, for folder layouts); null when canceled. */
  chooseSavePath?: (suggestedName: string, corpusRoot: string, layout?: 'file' | 'folder') => Promise<string | null>;
  /** Told whenever another corpus is opened (also sent to {@link HostServices.subscribe} listeners as `corpusChanged`). */
  onCorpusChanged?: (corpus: CorpusInfo) => void;
  /** Watch the corpus folder for changes (default true). */
  watch?: boolean;
  /** The journals' file operations (tests inject a failing disk). */
  journalIo?: JournalIo;
  /** How files are read (tests inject unreadable files). */
  readFile?: ReadFileFn;
}

/**
 * How long opening a corpus that has no index yet waits for its scan before answering: a
 * small corpus (the usual case) is then complete in the first answer, a large one answers
 * after this with what is known and goes on in the background. A corpus with an index
 * answers at once: its list is known.
 */
const FIRST_ANSWER_WAIT_MS = 300;

/** Waits for the session's scan, at most {@link FIRST_ANSWER_WAIT_MS}, when nothing is listed yet. */
async function briefly(s: CorpusSession): Promise<void> {
  if (s.info().documents.length > 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([s.whenScanned(), new Promise<void>((r) => (timer = setTimeout(r, FIRST_ANSWER_WAIT_MS)))]);
  clearTimeout(timer);
}

/** A listener of every host event. */
export type EventListener = <K extends keyof HostEvents>(event: K, payload: HostEvents[K]) => void;

/** The services of one host, bound to the corpus it has open. */
export interface HostServices extends MarginaliaApi {
  /** The open corpus's root (absolute, real path). */
  corpusRoot(): string;
  /** Every event for the UI (`corpusChanged`, `scanProgress`, `documentsChanged`); returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** Resolves when the open corpus's current scan is done. */
  whenScanned(): Promise<void>;
  /** Stops watching, flushes the journals and saves the index. */
  close(): Promise<void>;
}

/** Opens `initialRoot` (its scan runs in the background; see {@link FIRST_ANSWER_WAIT_MS}) and returns the contract implemented over it. */
export async function createServices(initialRoot: string, hooks: HostHooks): Promise<HostServices> {
  const listeners = new Set<EventListener>();
  const emit: EmitFn = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  const openSession = (root: string) => CorpusSession.open(root, { emit, watch: hooks.watch, readFile: hooks.readFile });
  /** The journals of a session's corpus, and (when watching) a watch that pushes `journalChanged` for others' writes. */
  const journalsOf = async (s: CorpusSession): Promise<{ store: JournalStore; watch: JournalWatch | null }> => {
    const store = new JournalStore(path.join(s.root, MARGINALIA_DIR), hooks.journalIo);
    if (hooks.watch === false) return { store, watch: null };
    // A .marginalia that is a link or a file is refused by every journal call with its reason; it is not watched.
    const dir = await marginaliaDir(s.root).catch(() => null);
    return { store, watch: dir ? watchJournals(dir, (change) => emit('journalChanged', change), (name) => store.lastOwnSize(name)) : null };
  };

  const exports = new ExportWriter();
  let session = await openSession(initialRoot);
  let { store: journals, watch: journalWatch } = await journalsOf(session);
  await rememberCorpus(session.root);
  await briefly(session);

  async function open(root: string): Promise<CorpusInfo> {
    const next = await openSession(root);
    const old = { session, journals };
    journalWatch?.close();
    session = next;
    ({ store: journals, watch: journalWatch } = await journalsOf(next));
    await Promise.all([old.session.close(), old.journals.close()]);
    await rememberCorpus(next.root);
    await briefly(next);
    const info = next.info();
    hooks.onCorpusChanged?.(info);
    emit('corpusChanged', info);
    return info;
  }

  return {
    corpusRoot: () => session.root,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenScanned: () => session.whenScanned(),
    async close() {
      journalWatch?.close();
      await Promise.all([session.close(), journals.close()]);
    },
    async hostInfo() {
      return { kind: hooks.kind, version: hooks.version };
    },
    async getCorpus(req) {
      if (req?.waitForScan) await session.whenScanned();
      return session.info();
    },
    async readDocument(req) {
      return session.readDocument(req?.path, req?.id);
    },
    async setEncoding(req) {
      return session.setEncoding(req?.path, req?.encoding ?? null);
    },
    async rescanCorpus(req) {
      session.rescan(req?.full === true);
      return session.info();
    },
    async appendJournal(req) {
      return journals.append(req?.annotator, req?.entries);
    },
    async readJournal(req) {
      return journals.read(req?.annotator, req?.raw === true, req?.fromByte ?? 0);
    },
    async journalInfo(req) {
      return journals.info(req?.annotator);
    },
    async compactJournal(req) {
      return journals.compact(req?.annotator);
    },
    async listJournals() {
      return journals.list();
    },
    async saveExport(req: SaveExportRequest): Promise<SaveExportResult> {
      if (typeof req?.content !== 'string') throw new ApiError('bad-request', 'content must be a string');
      const name = safeFileName(String(req.suggestedName ?? 'export.jsonl'));
      let target: string | null;
      if (hooks.chooseSavePath) {
        target = await hooks.chooseSavePath(name, session.root);
        if (!target) return { canceled: true };
      } else {
        target = path.join(await exportsFolder(session.root), name);
      }
      try {
        await writeFileAtomic(target, req.content);
      } catch (e) {
        throw new ApiError('io', `could not write ${target}: ${(e as Error).message}`);
      }
      return { path: target };
    },
    async exportBegin(req) {
      const layout = req?.layout === 'folder' ? 'folder' : 'file';
      const name = safeFileName(String(req?.suggestedName ?? 'export.jsonl'));
      let target: string | null;
      if (hooks.chooseSavePath) {
        target = await hooks.chooseSavePath(name, session.root, layout);
        if (!target) return { canceled: true };
      } else {
        target = await freeName(path.join(await exportsFolder(session.root), name));
      }
      return { exportId: await exports.begin(target, layout), path: target };
    },
    async exportWrite(req) {
      return { bytes: await exports.write(req?.exportId, req?.chunks) };
    },
    async exportFinish(req) {
      return exports.finish(req?.exportId);
    },
    async exportAbort(req) {
      await exports.abort(req?.exportId);
    },
    async readSchema() {
      return readSchemaFile(path.join(session.root, MARGINALIA_DIR));
    },
    async writeSchema(req) {
      return writeSchemaFile(path.join(session.root, MARGINALIA_DIR), req?.schema);
    },
    async listRecentCorpora() {
      return readRecent();
    },
    async openCorpus(req) {
      if (req?.path) {
        // Only folders the user opened before may be reopened by path from the UI.
        const recent = await readRecent();
        if (!recent.includes(req.path)) throw new ApiError('forbidden', `"${req.path}" is not in the recent corpora`);
        return open(req.path);
      }
      if (!hooks.chooseFolder) throw new ApiError('bad-request', 'this host cannot show a folder dialog; pass a path');
      const chosen = await hooks.chooseFolder();
      return chosen ? open(chosen) : null;
    },
  };
}

/** The browser mode's `.marginalia/exports/`, both folders checked to be real (a link there would send exports elsewhere) and created when missing. */
async function exportsFolder(root: string): Promise<string> {
  return realDataDir(path.join(await marginaliaDir(root), 'exports'));
}

/** `target`, or `name-2.ext`, `name-3.ext`… when it is taken: a browser-mode export never overwrites an earlier one. */
async function freeName(target: string): Promise<string> {
  const { access } = await import('node:fs/promises');
  const ext = path.extname(target);
  const base = target.slice(0, target.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? target : `${base}-${i}${ext}`;
    try {
      await access(candidate);
    } catch {
      return candidate;
    }
  }
}
