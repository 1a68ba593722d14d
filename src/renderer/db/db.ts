// The IndexedDB working store (Dexie): spans, relations, per-document state and settings, with their indexes.

import Dexie, { type EntityTable } from 'dexie';
import type { DocStatus, Relation, Span } from '../../core/model/types';

/** An annotator's state of one document: status and span count, kept so the document list never scans spans. */
export interface DocState {
  docId: string;
  annotator: string;
  status: DocStatus;
  spanCount: number;
  updatedAt: string;
}

/** A key-value setting (the annotator's name, the editor font). */
export interface Setting {
  key: string;
  value: string;
}

/** The database: index only what a `where` uses. */
export class MarginaliaDb extends Dexie {
  spans!: EntityTable<Span, 'id'>;
  relations!: EntityTable<Relation, 'id'>;
  docState!: Dexie.Table<DocState, [string, string]>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name = 'marginalia') {
    super(name);
    this.version(1).stores({
      spans: 'id, [docId+annotator]',
      relations: 'id, [docId+annotator]',
      docState: '[docId+annotator], annotator',
      settings: 'key',
    });
  }
}

/** The app's one database. */
export const db = new MarginaliaDb();
