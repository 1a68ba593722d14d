// The contract's journal topic: the entries every change of an annotator's work becomes on disk, and what reads,
// appends and compaction answer. Entries carry an eid (`<writer>:<seq>`) by which the store and the journal reconcile.

import type { DocStatus, Relation, Span } from '../model/types';

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
  /** The `eid`s of the call's entries, all now on disk and fsynced (entries without an eid are written but not listed). */
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

/**
 * The object an entry writes: one span or relation of one document, one document's status, one
 * rejection, one document's comment. A span moved to a document's new id (re-anchoring) is a new
 * object under the new id, so its deletion under the old id never races with it.
 */
export function journalObjectKey(e: JournalEntry): string {
  switch (e.op) {
    case 'put-span':
      return `span\u0000${e.docId}\u0000${e.span.id}`;
    case 'delete-span':
      return `span\u0000${e.docId}\u0000${e.id}`;
    case 'put-relation':
      return `relation\u0000${e.docId}\u0000${e.relation.id}`;
    case 'delete-relation':
      return `relation\u0000${e.docId}\u0000${e.id}`;
    case 'status':
      return `status\u0000${e.docId}`;
    case 'reject':
    case 'unreject':
      return `reject\u0000${e.docId}\u0000${e.key}`;
    case 'doc-meta':
      return `meta\u0000${e.docId}`;
  }
}
