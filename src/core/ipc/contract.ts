// The one contract between the UI and its host (Electron main or the HTTP host): methods, events, types.
// The preload, the HTTP client and both hosts are all driven from API_METHODS, never from per-method glue.

import type { LabelSchema } from '../model/schema';
import type { DocStatus, Relation, Span } from '../model/types';

/** How a document's file is read: plain text, Markdown (kept as written), HTML (text extracted), or one line of a JSONL corpus. */
export type DocumentKind = 'text' | 'markdown' | 'html' | 'jsonl';

/** One way the bytes of a file could be decoded, for the encoding chooser. */
export interface EncodingCandidate {
  /** WHATWG encoding name, as `setEncoding` takes it: `gb18030`, `big5`, `windows-1252`, … */
  encoding: string;
  /** 0..1, higher is likelier: common-character frequency blended with chardet's confidence. */
  score: number;
  /** The first characters of the text decoded this way, so the user can see which one reads right. */
  preview: string;
}

/** Where a document that is one line of a JSONL corpus comes from. */
export interface JsonlSource {
  /** The .jsonl file, relative to the corpus root. */
  file: string;
  /** 1-based line number. */
  line: number;
  /** The line's `id` field, when it has one (numbers given as strings). */
  id?: string;
}

/** One document of the opened corpus, as the sidebar lists it. */
export interface CorpusEntry {
  /**
   * Path relative to the corpus root, with forward slashes. A document that is a line of a
   * JSONL corpus has the path `file.jsonl#LINE` (1-based), e.g. `news/data.jsonl#3`.
   */
  path: string;
  title: string;
  /** Size in bytes of the file (of the line, for a JSONL document). */
  size: number;
  docId: string;
  /** The encoding the bytes were decoded with. */
  encoding: string;
  kind?: DocumentKind;
  /** The file's modification time (ms since the epoch). */
  mtimeMs?: number;
  /**
   * True when the bytes read as more than one legacy encoding and the guess is not sure
   * (short text, or GB18030 and Big5 scoring alike): the UI should say so and offer
   * {@link encodingCandidates} through `setEncoding`. Never set for UTF-8, BOM-marked or user-chosen encodings.
   */
  encodingUncertain?: boolean;
  /** The encodings the bytes decode under, likeliest first (the first is the one used); set when {@link encodingUncertain}. */
  encodingCandidates?: EncodingCandidate[];
  /** True when the encoding is the user's choice (`setEncoding`), not a guess. */
  encodingChosen?: boolean;
  /**
   * The ids this document had before its text last changed, newest first (at most
   * {@link PREVIOUS_DOC_IDS_MAX}). Spans stored under one of these ids belong to this document
   * and should be re-anchored to {@link docId}.
   */
  previousDocIds?: string[];
  /** For a line of a JSONL corpus: its file, line and id. */
  source?: JsonlSource;
}

/** How many earlier document ids an entry keeps in `previousDocIds`. */
export const PREVIOUS_DOC_IDS_MAX = 8;

/** A file (or a line of a JSONL file) of the corpus folder that is not offered as a document, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
  /** The 1-based line of a JSONL corpus the reason is about. */
  line?: number;
}

/** Where a background scan of the corpus folder stands. */
export interface ScanProgress {
  /** The corpus root the scan is about (an event for a corpus closed since can be ignored). */
  root: string;
  /** `listing`: walking the folders; `reading`: checking or reading each file; `done`: finished. */
  phase: 'listing' | 'reading' | 'done';
  /** Files checked so far (`listing`: files found so far). */
  done: number;
  /** Files to check (0 while listing). */
  total: number;
  /** Files actually read and decoded (the others were unchanged since the index). */
  read: number;
  /** Milliseconds since the scan started. */
  elapsedMs: number;
}

/** The opened corpus. */
export interface CorpusInfo {
  /** Absolute path of the corpus folder. */
  root: string;
  /** The folder's name, for titles. */
  name: string;
  /**
   * The documents known so far: during a scan, those already checked (on a reopen, the
   * index's list at once, corrected by `documentsChanged` as files are checked).
   */
  documents: CorpusEntry[];
  skipped: SkippedFile[];
  /** True while a background scan runs; `scanProgress` events follow it and `documentsChanged` carries what it finds. */
  scanning: boolean;
  /** The scan's progress (the last one when `scanning` is false). */
  scan?: ScanProgress;
  /** Things the user should know that do not stop the work, e.g. the index cannot be written. */
  warnings?: string[];
}

/** A change of the open corpus's document list, pushed as `documentsChanged`. */
export interface DocumentsChange {
  root: string;
  /** `scan`: found by the background scan; `watch`: files changed on disk; `encoding`: the user chose an encoding; `rescan`. */
  cause: 'scan' | 'watch' | 'encoding' | 'rescan';
  /** New entries (a renamed file's new path is here too). */
  added: CorpusEntry[];
  /** Paths no longer in the corpus (a renamed file's old path is here too). */
  removed: string[];
  /** Entries whose text, encoding or metadata changed, under the same path; see `previousDocIds`. */
  changed: CorpusEntry[];
  /** Renames recognised by an unchanged text (same docId): a hint, already in `removed` and `added`. */
  renamed: { from: string; to: string }[];
  /** The whole skipped list after the change, when it changed (it is short); absent when unchanged. */
  skipped?: SkippedFile[];
}

/** A document's text, decoded and normalized. */
export interface DocumentText {
  path: string;
  docId: string;
  text: string;
  encoding: string;
  kind?: DocumentKind;
  title?: string;
  /** As on {@link CorpusEntry}. */
  encodingUncertain?: boolean;
  encodingCandidates?: EncodingCandidate[];
  encodingChosen?: boolean;
  previousDocIds?: string[];
  source?: JsonlSource;
  /** A JSONL document's `meta` object, as written (keys such as `__proto__` are plain data). */
  meta?: Record<string, unknown>;
}

/** What `readDocument` takes: an entry's path, or a JSONL file and a line `id`. */
export interface ReadDocumentRequest {
  path: string;
  /** With a `.jsonl` path: the line whose `id` field is this. */
  id?: string;
}

/** The user's encoding choice for one file. */
export interface SetEncodingRequest {
  /** The file's path (not a JSONL line: JSONL is UTF-8). */
  path: string;
  /** A WHATWG encoding name or label (`gb18030`, `gbk`, `big5`, `utf-16be`, …); null returns to detection. */
  encoding: string | null;
}

/** What every journal entry carries besides its op. */
export interface JournalEntryBase {
  docId: string;
  /** When the change was made (ISO); the host fills it where missing. Orders writes of one object: the latest `at` (then `eid`) wins. */
  at?: string;
  /**
   * The entry's unique id, `<writer>:<seq>`: the writing browser profile's id and its sequence number.
   * Reconciliation compares the store and the journal by it; a reader keeps the first line of an eid and
   * ignores repeats (a batch re-sent after a lost acknowledgement). Lines written before eids existed have none.
   */
  eid?: string;
}

/** An annotator's free-text comment and "unsure" flag on a document. */
export interface DocMeta {
  comment?: string;
  unsure?: boolean;
}

/** One change of an annotator's work, as the host journals it. Ops are applied in journal order. */
export type JournalEntry = JournalEntryBase &
  (
    | { op: 'put-span'; span: Span }
    | { op: 'delete-span'; id: string }
    | { op: 'put-relation'; relation: Relation }
    | { op: 'delete-relation'; id: string }
    | { op: 'status'; status: DocStatus }
    /** A suggestion rejected for good (its key as the suggestion queue has it). */
    | { op: 'reject'; key: string }
    /** A rejection taken back (undo). */
    | { op: 'unreject'; key: string }
    /** The document's comment and unsure flag, whole. */
    | { op: 'doc-meta'; meta: DocMeta }
  );

/** Every op of {@link JournalEntry}. */
export const JOURNAL_OPS = ['put-span', 'delete-span', 'put-relation', 'delete-relation', 'status', 'reject', 'unreject', 'doc-meta'] as const satisfies readonly JournalEntry['op'][];

/** What `appendJournal` takes. */
export interface AppendJournalRequest {
  /** The annotator's name as the UI has it; refused if it tries to be a path (`/`, `\\`, `..`, control characters). */
  annotator: string;
  /** The changes, in order; `at` is filled with the host's time where missing. */
  entries: JournalEntry[];
}

/** What `appendJournal` answers once the entries are on disk (written and fsynced). */
export interface AppendJournalResult {
  written: number;
  /** The `eid`s of the entries now on disk (all of the call's, since a call is written whole or not at all). */
  acknowledged: string[];
  bytes: number;
  /** The journal file (absolute). */
  path: string;
}

/** A line of a journal that could not be read, with why. */
export interface JournalBadLine {
  line: number;
  reason: string;
  /** True for an unterminated last line: a write cut short by a crash or a full disk. */
  torn?: boolean;
}

/** What `readJournal` answers. */
export interface JournalRead {
  annotator: string;
  path: string;
  /** False when the annotator has no journal in this corpus (then `entries` is empty). */
  exists: boolean;
  /** `compacted`: the latest entry per span, relation and document status (deletions kept as tombstones); `raw`: every line. */
  view: 'compacted' | 'raw';
  /** The byte offset after the last whole line read: pass it as `fromByte` to read only what was appended since. */
  endByte: number;
  entries: JournalEntry[];
  /** Lines that were skipped: malformed, over the size limit, or torn. */
  bad: JournalBadLine[];
}

/** What `journalInfo` answers. */
export interface JournalInfo {
  annotator: string;
  path: string;
  exists: boolean;
  bytes: number;
  /** Readable entries in the file. */
  lines: number;
  /** Entries after compaction (spans, relations and statuses that would remain, tombstones included). */
  live: number;
  bad: number;
  /** The last entry's `at`. */
  lastAt?: string;
}

/** What `compactJournal` answers. */
export interface CompactJournalResult {
  path: string;
  before: number;
  after: number;
  bytes: number;
  /** Bad lines moved aside to `<journal>.rejected` rather than dropped. */
  rejected: number;
}

/** What the UI asks the host to write as an export. */
export interface SaveExportRequest {
  /** A file name the host may use or offer in its save dialog. */
  suggestedName: string;
  /** The file's whole content. */
  content: string;
}

/** Where an export went. */
export type SaveExportResult = { path: string } | { canceled: true };

/** One piece of a streamed export: `file: ''` is the main output, other names are side files (or the files of a folder export). */
export interface ExportChunk {
  file: string;
  data: string;
  /** The whole file at once (replaces what was written to it). */
  complete?: boolean;
}

/** What `exportBegin` takes. */
export interface ExportBeginRequest {
  suggestedName: string;
  /** `file`: one file (plus side files beside it); `folder`: a folder of files (brat). */
  layout: 'file' | 'folder';
}

/** What `exportBegin` answers: an id for the writes, and where the export will be. */
export type ExportBeginResult = { exportId: string; path: string } | { canceled: true };

/** The corpus's label schema file, as read. */
export interface SchemaRead {
  /** `.marginalia/schema.json` of the open corpus. */
  path: string;
  /** False when the corpus has no schema file (the default schema applies). */
  exists: boolean;
  /** The schema, when the file exists and is valid. */
  schema: LabelSchema | null;
  /** Why the file was not used: invalid JSON or each invalid field, named. */
  errors: string[];
}

/** Which host the UI runs in. */
export interface HostInfo {
  kind: 'electron' | 'browser';
  version: string;
}

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
   * Concurrent calls are written in call order, several per fsync. On failure (`io`) the
   * message says what was not written (e.g. "disk full: 3 entries not written to …") and
   * nothing of the call is in the file. Call it with every change the UI stores in IndexedDB.
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

/** Events the host pushes to the UI. */
export interface HostEvents {
  /** Another corpus was opened (from the menu or `openCorpus`): replace the whole list and close the open document. */
  corpusChanged: CorpusInfo;
  /** A menu command the UI should carry out. */
  menuCommand: { command: 'export' | 'mark-done' | 'open-corpus' };
  /** A background scan's progress, a few times a second and once with phase `done`: for a progress bar. */
  scanProgress: ScanProgress;
  /**
   * The open corpus's list changed: entries found by the scan, files added, removed,
   * renamed or edited on disk, an encoding chosen. Apply `removed`, then `changed` and
   * `added` by path; if the open document is in `changed`, reload it and re-anchor its spans
   * from `previousDocIds`. Ignore an event whose `root` is not the open corpus.
   */
  documentsChanged: DocumentsChange;
  /** An annotator's journal grew or changed on disk (another host, profile or machine wrote it): reconcile with it. */
  journalChanged: { annotator: string; bytes: number };
}

/** Every event name of {@link HostEvents}, for clients that subscribe by name (EventSource). */
export const HOST_EVENTS = ['corpusChanged', 'menuCommand', 'scanProgress', 'documentsChanged', 'journalChanged'] as const satisfies readonly (keyof HostEvents)[];

// Fails to compile when an event of HostEvents is missing from HOST_EVENTS.
type MissingEvents = Exclude<keyof HostEvents, (typeof HOST_EVENTS)[number]>;
const everyEventListed: MissingEvents extends never ? true : MissingEvents = true;
void everyEventListed;

/** The prefix of every IPC channel of the contract; main refuses any other. */
export const IPC_PREFIX = 'marginalia:';

/** A failure crossing the boundary: a code the UI can branch on and a message a user can read. */
export interface ApiErrorShape {
  /**
   * `disk-full` (ENOSPC, EDQUOT) and `read-only` (EROFS, EACCES on the journal) say why a write did not reach disk;
   * `unauthorized`: the request's token is not this host's (a restarted host): reload from the printed URL.
   */
  code: 'bad-request' | 'not-found' | 'forbidden' | 'io' | 'internal' | 'disk-full' | 'read-only' | 'unauthorized';
  message: string;
}

/** Thrown by a host service, carried across the boundary as {@link ApiErrorShape}. */
export class ApiError extends Error {
  constructor(readonly code: ApiErrorShape['code'], message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A document's status is kept in the UI's store; exported here for hosts that report it. */
export type { DocStatus };
