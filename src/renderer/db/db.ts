// The IndexedDB working store (Dexie): spans, relations, per-document state and settings, with their indexes.

import Dexie, { type EntityTable } from 'dexie';
import type { DocMeta, JournalEntry } from '../../core/ipc/contract';
import type { History } from '../../core/model/history';
import type { DocStatus, Relation, Span } from '../../core/model/types';

/** An annotator's state of one document: status and span count, kept so the document list never scans spans. */
export interface DocState {
  docId: string;
  annotator: string;
  status: DocStatus;
  spanCount: number;
  /** Spans per label, for the progress panel and the label filter. */
  labelCounts?: Record<string, number>;
  /** The annotator's comment and unsure flag on the document. */
  meta?: DocMeta;
  updatedAt: string;
}

/** A document's undo history, kept so that undo survives a reload. */
export interface DocHistory {
  docId: string;
  annotator: string;
  history: History;
}

/** The suggestions an annotator rejected in a document: they stay rejected. */
export interface RejectedSuggestions {
  docId: string;
  annotator: string;
  keys: string[];
}

/** A key-value setting (the annotator's name, the editor font). */
export interface Setting {
  key: string;
  value: string;
}

/** A team lead's curation session: the loaded exports' adjudication state, kept so it survives a reload. */
export interface CurationRecord {
  /** One record per curation session; the app keeps one, 'current'. */
  id: string;
  /** The curation state as src/core/agreement builds it (plain data). */
  state: unknown;
  /** When it was last saved. */
  updatedAt: string;
}

/** The text a document had when it was annotated, so that spans re-anchor against it when the file changes. */
export interface TextSnapshot {
  docId: string;
  text: string;
}

/**
 * A change stored here but not yet acknowledged by the host's journal on disk. Written in the same
 * transaction as the change; removed only when `appendJournal` acknowledges its eid.
 */
export interface OutboxRow {
  /** `<profileId>:<seq>`, the journal entry's eid. */
  eid: string;
  /** This profile's sequence number: the order entries are sent in. */
  seq: number;
  annotator: string;
  /** The corpus root the change belongs to ('' when written before a corpus was open: adopted by the next one). */
  root: string;
  entry: JournalEntry;
}

/**
 * The latest write this store knows of one object (a span, relation, status, rejection or document
 * comment), by the key `journalObjectKey` (core/ipc/journal.ts) gives it: reconciliation compares it with the journal's by `(at, eid)`.
 */
export interface VersionRow {
  annotator: string;
  key: string;
  docId: string;
  at: string;
  eid: string;
  /** The entry that wrote it, whole: re-sent when the journal lacks it. */
  entry: JournalEntry;
}

/** The database: index only what a `where` uses. */
export class MarginaliaDb extends Dexie {
  spans!: EntityTable<Span, 'id'>;
  relations!: EntityTable<Relation, 'id'>;
  docState!: Dexie.Table<DocState, [string, string]>;
  settings!: EntityTable<Setting, 'key'>;
  history!: Dexie.Table<DocHistory, [string, string]>;
  rejected!: Dexie.Table<RejectedSuggestions, [string, string]>;
  curation!: EntityTable<CurationRecord, 'id'>;
  texts!: EntityTable<TextSnapshot, 'docId'>;
  outbox!: EntityTable<OutboxRow, 'eid'>;
  versions!: Dexie.Table<VersionRow, [string, string]>;

  constructor(name = 'marginalia') {
    super(name);
    this.version(1).stores({
      spans: 'id, [docId+annotator]',
      relations: 'id, [docId+annotator]',
      docState: '[docId+annotator], annotator',
      settings: 'key',
    });
    this.version(2).stores({
      spans: 'id, [docId+annotator], annotator',
      history: '[docId+annotator]',
      rejected: '[docId+annotator]',
    });
    this.version(3).stores({
      curation: 'id',
    });
    this.version(4).stores({
      texts: 'docId',
    });
    this.version(5).stores({
      outbox: 'eid, [root+seq]',
      versions: '[annotator+key], [annotator+docId]',
    });
    // The start's reconciliation compares eids through this index's keys, without reading a version row;
    // the corpus lexicon reads entity spans only; a long document's opening spans are read before the rest.
    this.version(6).stores({
      versions: '[annotator+key], [annotator+docId], [annotator+docId+eid]',
      spans: 'id, [docId+annotator], annotator, [annotator+label], [docId+annotator+start]',
    });
  }
}

/** The app's one database. */
export const db = new MarginaliaDb();
