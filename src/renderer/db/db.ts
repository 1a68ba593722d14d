// The IndexedDB working store (Dexie): spans, relations, per-document state and settings, with their indexes.

import Dexie, { type EntityTable } from 'dexie';
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
  }
}

/** The app's one database. */
export const db = new MarginaliaDb();
