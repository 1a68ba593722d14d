// The cheap answer to "do the store and the journal already agree?", so that the reconciliation run at
// every start reads only index keys (no span, no version row) when nothing has to move, and never holds
// a write lock on the spans while a document is being opened.

import type { JournalEntry } from '../../core/ipc/contract';
import type { MarginaliaDb } from '../db/db';

/** The settings key that says this store's spans of a corpus all have versions (their backfill ran once). */
export function backfilledKey(annotator: string, root: string): string {
  return `versions-backfilled\u0000${annotator}\u0000${root}`;
}

/**
 * The document id and eid of every version this store holds for `annotator`, from the `[annotator+docId+eid]` index's
 * keys: no version row (each carries its whole entry) is read. 20,000 rows read whole were a task of half a second.
 */
export async function storedVersionKeys(db: MarginaliaDb, annotator: string): Promise<{ docId: string; eid: string }[]> {
  const keys = (await db.versions
    .where('[annotator+docId+eid]')
    // Every key [annotator, …]: an array sorts after any string, so [annotator, []] is above every document id.
    .between([annotator], [annotator, []])
    .keys()) as unknown as [string, string, string][];
  return keys.map(([, docId, eid]) => ({ docId, eid }));
}

/**
 * True when reconciling would change nothing: every object's last write in the journal is the
 * version this store holds (same eid), and every version this store holds of those documents is in
 * the journal. Reads the `[annotator+docId+eid]` index's keys only. Any doubt answers false, and the
 * full reconciliation runs.
 */
export async function inStep(db: MarginaliaDb, annotator: string, docIds: ReadonlySet<string>, winners: ReadonlyMap<string, JournalEntry>, journalEids: ReadonlySet<string>): Promise<boolean> {
  const stored = new Set<string>();
  for (const { docId, eid } of await storedVersionKeys(db, annotator)) {
    if (!docIds.has(docId)) continue;
    if (!journalEids.has(eid)) return false;
    stored.add(eid);
  }
  for (const w of winners.values()) if (!w.eid || !stored.has(w.eid)) return false;
  return true;
}
