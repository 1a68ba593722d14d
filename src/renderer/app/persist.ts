// The one place where the workbench's annotation changes are written: IndexedDB through
// `applyChange`, which also puts each change in the outbox for the journal on disk (`journalChange` for changes stored by other paths).

import type { MarginaliaApi } from '../../core/ipc/contract';
import { applyChange, type AnnotationChange } from '../db/annotations';
import type { MarginaliaDb } from '../db/db';
import { journalChange } from './journal';
import type { Migration } from './reanchor';
import type { PersistFn } from './session-store';

/** How one document's changes are stored for one annotator. */
export function persistTo(db: MarginaliaDb, api: MarginaliaApi, docId: string, annotator: string): PersistFn {
  return {
    local: (change: AnnotationChange) => applyChange(db, docId, annotator, change),
    // `applyChange` put the change in the outbox in its own transaction: the writer brings it to the journal.
    journal: () => Promise.resolve(),
  };
}

/** Journals what a re-anchoring moved: the old versions' records deleted, the moved ones put under the current id. */
export async function journalMigration(api: MarginaliaApi, annotator: string, docId: string, moved: Migration): Promise<void> {
  for (const d of moved.deleted) await journalChange(api, annotator, d.docId, { deleteSpanIds: d.spanIds, deleteRelationIds: d.relationIds });
  await journalChange(api, annotator, docId, { putSpans: moved.put.spans, putRelations: moved.put.relations });
}

/** Stores one change of a document that is not open (a label given from the corpus search). */
export async function storeElsewhere(db: MarginaliaDb, api: MarginaliaApi, docId: string, annotator: string, change: AnnotationChange): Promise<void> {
  const target = persistTo(db, api, docId, annotator);
  await target.local(change);
  await target.journal(change);
}
