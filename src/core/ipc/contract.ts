// The one contract between the UI and its host (Electron main or the HTTP host): methods, events, types.
// The preload, the HTTP client and both hosts are all driven from API_METHODS, never from per-method glue.
// The types live in one file per topic (corpus, journal, exports, host, events, errors); this file holds the API
// itself and re-exports every topic, so `import … from '…/ipc/contract'` finds everything.

import type { CorpusEntry, CorpusInfo, DocumentText, ReadDocumentRequest, SetEncodingRequest } from './corpus';
import type { SaveExportRequest, SaveExportResult, ExportBeginRequest, ExportBeginResult, ExportChunk } from './exports';
import type { HostInfo, SchemaRead } from './host';
import type { AppendJournalRequest, AppendJournalResult, CompactJournalResult, JournalInfo, JournalRead } from './journal';
import type { LabelSchema } from '../model/schema';

export * from './corpus';
export * from './journal';
export * from './exports';
export * from './host';
export * from './events';
export * from './errors';

/** The methods every host implements. Each takes at most one JSON argument. */
export interface MarginaliaApi {
  hostInfo(): Promise<HostInfo>;
  /**
   * The open corpus, at once: while `scanning`, the documents known so far. Follow
   * `scanProgress` for a progress bar and `documentsChanged` for the list (or call again
   * when the phase is `done`). `{waitForScan: true}` answers only once the scan is done.
   */
  getCorpus(req?: { waitForScan?: boolean }): Promise<CorpusInfo>;
  /** A document's text by its entry's path (`file.jsonl#3` for a JSONL line, or `{path: 'file.jsonl', id}`). */
  readDocument(req: ReadDocumentRequest): Promise<DocumentText>;
  saveExport(req: SaveExportRequest): Promise<SaveExportResult>;
  /**
   * Starts a streamed export (Electron: a save dialog; browser: under `.marginalia/exports/`).
   * Chunks follow with `exportWrite`, in order; `exportFinish` puts the file in place
   * (written to a temporary name until then, so a failed export leaves nothing half-written).
   */
  exportBegin(req: ExportBeginRequest): Promise<ExportBeginResult>;
  /** Appends chunks to an export in progress; answers the bytes written so far. */
  exportWrite(req: { exportId: string; chunks: ExportChunk[] }): Promise<{ bytes: number }>;
  /** Flushes and puts an export in place. */
  exportFinish(req: { exportId: string }): Promise<{ path: string; bytes: number }>;
  /** Drops an export in progress and its temporary files. */
  exportAbort(req: { exportId: string }): Promise<void>;
  /** The corpus's `.marginalia/schema.json`, validated; an invalid file is reported field by field and not used. */
  readSchema(): Promise<SchemaRead>;
  /** Validates and writes the corpus's schema atomically; refused (`bad-request`, fields named) when invalid. */
  writeSchema(req: { schema: LabelSchema }): Promise<{ path: string }>;
  listRecentCorpora(): Promise<string[]>;
  /** Opens another corpus: a path from the recent list, or (Electron, no path) a folder chosen in a dialog. Answers at once, `scanning`. */
  openCorpus(req: { path?: string }): Promise<CorpusInfo | null>;
  /**
   * The encoding chooser: decodes a file with the user's encoding from now on (persisted in
   * `.marginalia/encodings.json`), or with detection again (`encoding: null`). Answers the
   * updated entry (its docId changes with its text; the old one is in `previousDocIds`) and
   * pushes `documentsChanged` with cause `encoding`. Refused (`bad-request`) when the bytes
   * are not valid in that encoding: nothing is saved then.
   */
  setEncoding(req: SetEncodingRequest): Promise<CorpusEntry>;
  /**
   * Reads every file again, ignoring the index (`full`), or only checks them (default).
   * Answers at once like `getCorpus`; for a folder the watcher cannot see (network drives).
   */
  rescanCorpus(req?: { full?: boolean }): Promise<CorpusInfo>;
  /**
   * Appends annotation changes to `.marginalia/journal-<annotator>.jsonl` in the corpus.
   * Resolves only once the entries are written and fsynced: the UI may then say "saved".
   * Concurrent calls are written in call order, several per fsync; several hosts may append
   * to one journal. On failure (`disk-full`, `read-only`, `io`) the message says what was not
   * acknowledged (e.g. "disk full (ENOSPC): 3 entries not written to …"); some of the call's
   * lines may be on disk all the same: send the call again, readers keep one line per `eid`.
   * Call it with every change the UI stores in IndexedDB.
   */
  appendJournal(req: AppendJournalRequest): Promise<AppendJournalResult>;
  /**
   * An annotator's journal, to rebuild IndexedDB after a lost browser profile: by default
   * the compacted view (apply the entries in order: puts, then tombstones delete), or every
   * line with `raw: true`. Malformed and torn lines are listed in `bad` with their numbers.
   */
  readJournal(req: { annotator: string; raw?: boolean; fromByte?: number }): Promise<JournalRead>;
  /** Size and counts of an annotator's journal, e.g. to offer compaction when `lines` is well over `live`. */
  journalInfo(req: { annotator: string }): Promise<JournalInfo>;
  /**
   * Rewrites an annotator's journal to its compacted view, atomically (temporary file,
   * fsync, rename): a crash leaves the old journal whole. Bad lines go to `<journal>.rejected`.
   */
  compactJournal(req: { annotator: string }): Promise<CompactJournalResult>;
  /** The annotators with a journal in the open corpus, e.g. to offer "rebuild from disk" when IndexedDB is empty. */
  listJournals(): Promise<{ annotator: string; path: string; bytes: number }[]>;
}

/** Every method name of {@link MarginaliaApi}; the compile-time check below keeps the two in step. */
export const API_METHODS = [
  'hostInfo',
  'getCorpus',
  'readDocument',
  'saveExport',
  'exportBegin',
  'exportWrite',
  'exportFinish',
  'exportAbort',
  'readSchema',
  'writeSchema',
  'listRecentCorpora',
  'openCorpus',
  'setEncoding',
  'rescanCorpus',
  'appendJournal',
  'readJournal',
  'journalInfo',
  'compactJournal',
  'listJournals',
] as const;

/** A method name of the contract. */
export type ApiMethod = (typeof API_METHODS)[number];

// Fails to compile when a method of MarginaliaApi is missing from API_METHODS.
type MissingMethods = Exclude<keyof MarginaliaApi, ApiMethod>;
const everyMethodListed: MissingMethods extends never ? true : MissingMethods = true;
void everyMethodListed;

