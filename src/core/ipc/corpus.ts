// The contract's corpus topic: the document list, scans, changes pushed to the UI, and a document's decoded text.

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
