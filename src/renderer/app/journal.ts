// The app's door to the journal on disk: changes stored outside a session go to the outbox, and opening a corpus starts
// the sync that reconciles the store with the journal (a wiped profile is rebuilt by that same path).

import { journalObjectKey as objectKey, type CorpusInfo, type JournalEntry, type MarginaliaApi } from '../../core/ipc/contract';
import { db as appDb, type MarginaliaDb } from '../db/db';
import { enqueueWrite } from '../db/write-queue';
import { changeEntries, type EntryChange } from '../persist/entries';
import { outboxTables, stampEntries } from '../persist/outbox';
import type { ReconcileResult } from '../persist/reconcile';
import { startSync, type EventSubscriber } from '../persist/sync';
import { plural } from '../../core/text/plural';

/**
 * Puts a change that is already in the store (e.g. spans moved by re-anchoring) in the outbox, so the
 * journal gets it. Idempotent: entries the store already records as the latest write of their object
 * (every change made through `applyChange` is) are skipped, so passing such a change again costs nothing.
 * Resolves once the outbox rows are committed (the journal follows, acknowledged, by itself).
 */
export async function journalChange(api: MarginaliaApi, annotator: string, docId: string, change: EntryChange, db: MarginaliaDb = appDb): Promise<void> {
  void api;
  const entries = changeEntries(docId, change, new Date().toISOString());
  if (!entries.length) return;
  await enqueueWrite(db, () => outboxTables(db), {
    run: async () => {
      const versions = await db.versions.bulkGet(entries.map((e) => [annotator, objectKey(e)] as [string, string]));
      const fresh = entries.filter((e, i) => !versions[i] || !sameWrite(versions[i].entry, e));
      return { value: undefined, outboxRows: (await stampEntries(db, annotator, fresh)).length };
    },
  });
}

/** True when two entries write the same thing (their times and eids aside). */
function sameWrite(a: JournalEntry, b: JournalEntry): boolean {
  const strip = ({ at: _at, eid: _eid, ...rest }: JournalEntry) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

/** What the first reconciliation with the journal brought into this browser. */
export interface RebuildResult {
  documents: number;
  spans: number;
  relations: number;
  badLines: number;
  /** What to tell the user. */
  message: string;
}

/** The message for a reconciliation that changed the store. */
export function describeReconcile(r: ReconcileResult, documents: number): string {
  const bad = r.badLines ? ` ${r.badLines} damaged journal lines were skipped.` : '';
  if (r.wasEmpty) return `This browser had no annotations for this corpus: rebuilt ${r.spans} spans and ${r.relations} relations of ${documents} documents from the journal in .marginalia.${bad}`;
  return `Brought in ${plural(r.applied, 'change')} from the journal in .marginalia (another browser or machine of this annotator): ${r.spans} spans and ${r.relations} relations in ${documents} documents.${bad}`;
}

/**
 * Starts keeping this corpus's journal and the store in step (the outbox's writer, reconciliation at
 * start, on reconnect and on `journalChanged` when `subscribe` is given) and answers what the first
 * reconciliation brought in: a wiped profile is rebuilt. Null when the store lacked nothing.
 */
export async function rebuildIfEmpty(
  db: MarginaliaDb,
  api: MarginaliaApi,
  corpus: CorpusInfo,
  annotator: string,
  subscribe?: EventSubscriber,
  /** Told of later reconciliations that brought changes in (another profile wrote the journal meanwhile). */
  onLater?: (result: RebuildResult, docIds: string[]) => void,
): Promise<RebuildResult | null> {
  const docIds = new Set(corpus.documents.flatMap((d) => [d.docId, ...(d.previousDocIds ?? [])]));
  const summarize = async (r: ReconcileResult): Promise<RebuildResult> => {
    const states = await db.docState.bulkGet(r.docIds.map((d) => [d, annotator] as [string, string]));
    const documents = states.filter((s) => s && (s.spanCount > 0 || s.status !== 'todo')).length;
    return { documents, spans: r.spans, relations: r.relations, badLines: r.badLines, message: describeReconcile(r, documents) };
  };
  const onReconciled = onLater && ((r: ReconcileResult) => void summarize(r).then((s) => onLater(s, r.docIds)));
  const r = await startSync({ db, api, root: corpus.root, annotator, docIds, subscribe, onReconciled });
  return r.applied ? summarize(r) : null;
}
