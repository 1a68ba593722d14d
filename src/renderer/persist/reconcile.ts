// Reconciliation of the store with the journal by eid: what the journal lacks is sent, what the store lacks is applied,
// each object keeping its last write by (at, eid), so every profile of an annotator converges. A wiped profile is the case
// of an empty store.

import type { JournalEntry, MarginaliaApi } from '../../core/ipc/contract';
import type { DocStatus, Relation, Span } from '../../core/model/types';
import { countLabels } from '../db/annotations';
import type { MarginaliaDb, VersionRow } from '../db/db';
import { journalObjectKey as objectKey } from '../../core/ipc/contract';
import { compareWrites } from './entries';
import { backfilledKey, inStep, storedVersionKeys } from './in-step';
import { outboxGrew, outboxRoot, stampEntries } from './outbox';

/** What one reconciliation did. */
export interface ReconcileResult {
  /** Journal entries applied to the store (the store lacked them). */
  applied: number;
  /** Store entries queued for the journal (the journal lacked them). */
  sent: number;
  /** Spans and relations written into the store, and the documents they belong to. */
  spans: number;
  relations: number;
  docIds: string[];
  /** The store held nothing of these documents before (a new or wiped profile). */
  wasEmpty: boolean;
  badLines: number;
  /** Where the journal was read to: the next incremental read starts here. */
  endByte: number;
  /** An incremental read found the journal shorter than before (compacted or replaced): read it whole. */
  rewound: boolean;
}

/** What to reconcile: one annotator's work on the documents of one corpus. */
export interface ReconcileScope {
  annotator: string;
  /** The corpus's document ids, earlier ids included: only their changes are sent to this corpus's journal. */
  docIds: ReadonlySet<string>;
  /** Read only what was appended since this byte (a `journalChanged`); whole when absent, and then send too. */
  fromByte?: number;
  /** The corpus root: once this store's spans of it all have versions, the start skips their backfill. */
  root?: string;
}

const STORE_TABLES = (db: MarginaliaDb) => [db.spans, db.relations, db.docState, db.rejected, db.versions, db.outbox, db.settings];

/** The last write of each object in a list of entries (repeated eids are one entry). */
export function lastWrites(entries: readonly JournalEntry[]): Map<string, JournalEntry> {
  const out = new Map<string, JournalEntry>();
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.eid) {
      if (seen.has(e.eid)) continue;
      seen.add(e.eid);
    }
    const key = objectKey(e);
    const current = out.get(key);
    if (!current || compareWrites(e, current) >= 0) out.set(key, e);
  }
  return out;
}

/** Applies one journal entry to the store's tables (inside a transaction over them); answers the document it touched. */
async function applyEntry(db: MarginaliaDb, annotator: string, e: JournalEntry, tally: { spans: number; relations: number }): Promise<void> {
  switch (e.op) {
    case 'put-span':
      await db.spans.put({ ...e.span, annotator } as Span);
      tally.spans++;
      return;
    case 'delete-span':
      if ((await db.spans.get(e.id))?.docId === e.docId) await db.spans.delete(e.id);
      return;
    case 'put-relation':
      await db.relations.put({ ...e.relation, annotator } as Relation);
      tally.relations++;
      return;
    case 'delete-relation':
      if ((await db.relations.get(e.id))?.docId === e.docId) await db.relations.delete(e.id);
      return;
    case 'status':
    case 'doc-meta': {
      const row = await db.docState.get([e.docId, annotator]);
      const base = row ?? { docId: e.docId, annotator, status: 'todo' as DocStatus, spanCount: 0, updatedAt: e.at ?? '' };
      await db.docState.put(e.op === 'status' ? { ...base, status: e.status } : { ...base, meta: e.meta });
      return;
    }
    case 'reject':
    case 'unreject': {
      const keys = new Set((await db.rejected.get([e.docId, annotator]))?.keys ?? []);
      if (e.op === 'reject') keys.add(e.key);
      else keys.delete(e.key);
      await db.rejected.put({ docId: e.docId, annotator, keys: [...keys] });
      return;
    }
  }
}

/**
 * True when the store holds a span written before eids existed that is newer than the journal's entry
 * (its journal append had failed): it stays, and is sent as it is (see {@link backfillUnversioned}).
 */
async function storedFromBeforeEids(db: MarginaliaDb, annotator: string, entry: JournalEntry): Promise<boolean> {
  if (entry.op !== 'put-span' && entry.op !== 'delete-span') return false;
  const local = await db.spans.get(entry.op === 'put-span' ? entry.span.id : entry.id);
  return !!local && local.annotator === annotator && local.docId === entry.docId && local.updatedAt > (entry.at ?? '');
}

/** Recounts the spans of documents the journal changed, and derives a status where none was set. */
async function refreshStates(db: MarginaliaDb, annotator: string, docIds: Iterable<string>): Promise<void> {
  for (const docId of docIds) {
    const spans = await db.spans.where('[docId+annotator]').equals([docId, annotator]).toArray();
    const row = await db.docState.get([docId, annotator]);
    let status: DocStatus = row?.status ?? 'todo';
    if (status === 'todo' && spans.length) status = 'in-progress';
    await db.docState.put({ ...(row ?? {}), docId, annotator, status, spanCount: spans.length, labelCounts: countLabels(spans), updatedAt: new Date().toISOString() });
  }
}

/**
 * Journal entries for what this store holds of `docIds` without a version (written before eids
 * existed): stamped now, dated by the objects' own times, so reconciliation can compare and send them.
 */
async function backfillUnversioned(db: MarginaliaDb, annotator: string, docIds: readonly string[]): Promise<number> {
  const entries: JournalEntry[] = [];
  const keys = docIds.map((d) => [d, annotator] as [string, string]);
  const spans = await db.spans.where('[docId+annotator]').anyOf(keys).toArray();
  const relations = await db.relations.where('[docId+annotator]').anyOf(keys).toArray();
  const states = (await db.docState.bulkGet(keys)).filter((s) => s !== undefined);
  const rejected = (await db.rejected.bulkGet(keys)).filter((r) => r !== undefined);
  for (const span of spans) entries.push({ op: 'put-span', docId: span.docId, at: span.updatedAt, span });
  for (const relation of relations) entries.push({ op: 'put-relation', docId: relation.docId, at: relation.createdAt ?? '', relation });
  for (const s of states) {
    if (s.status === 'done' || s.status === 'skipped') entries.push({ op: 'status', docId: s.docId, at: s.updatedAt, status: s.status });
    if (s.meta) entries.push({ op: 'doc-meta', docId: s.docId, at: s.updatedAt, meta: s.meta });
  }
  for (const r of rejected) for (const key of r.keys) entries.push({ op: 'reject', docId: r.docId, at: '', key });
  if (!entries.length) return 0;
  const versions = await db.versions.bulkGet(entries.map((e) => [annotator, objectKey(e)] as [string, string]));
  const missing = entries.filter((_, i) => !versions[i]);
  return (await stampEntries(db, annotator, missing)).length;
}

/**
 * Compares the store with the annotator's journal by eid and makes them agree: entries of the journal
 * that are newer than the store's version of their object are applied; on a whole read, the store's
 * versions the journal lacks (and does not overrule) go to the outbox, keeping their eids.
 */
export async function reconcile(db: MarginaliaDb, api: Pick<MarginaliaApi, 'readJournal'>, scope: ReconcileScope): Promise<ReconcileResult> {
  const { annotator } = scope;
  const incremental = scope.fromByte !== undefined && scope.fromByte > 0;
  const journal = await api.readJournal({ annotator, raw: true, ...(incremental ? { fromByte: scope.fromByte } : {}) });
  const result: ReconcileResult = { applied: 0, sent: 0, spans: 0, relations: 0, docIds: [], wasEmpty: false, badLines: journal.bad.length, endByte: journal.endByte ?? 0, rewound: false };
  if (incremental && (journal.endByte ?? 0) < scope.fromByte!) return { ...result, rewound: true };
  const winners = lastWrites(journal.entries);
  const inScope = [...new Set([...scope.docIds, ...[...winners.values()].map((e) => e.docId)])];
  const inJournal = new Set(journal.entries.map((e) => e.eid).filter((eid): eid is string => !!eid));
  const backfilled = scope.root !== undefined ? backfilledKey(annotator, scope.root) : null;

  // The usual start: nothing to move. Answered from index keys, with no write lock on the spans a document open reads.
  if (!incremental && backfilled) {
    const agreed = await db.transaction('r', [db.versions, db.docState, db.settings], async () => {
      if (!(await db.settings.get(backfilled))) return null;
      if (!(await inStep(db, annotator, new Set(inScope), winners, inJournal))) return null;
      const states = await db.docState.bulkGet(inScope.map((d) => [d, annotator] as [string, string]));
      return { wasEmpty: !states.some((s) => s && (s.spanCount > 0 || s.status !== 'todo')) };
    });
    if (agreed) return { ...result, ...agreed };
  }

  let queued = 0;
  await db.transaction('rw', STORE_TABLES(db), async () => {
    const states = await db.docState.bulkGet(inScope.map((d) => [d, annotator] as [string, string]));
    result.wasEmpty = !states.some((s) => s && (s.spanCount > 0 || s.status !== 'todo'));

    // Apply what the store lacks, oldest first. A winner whose eid the store holds is its version there already: only
    // the others' rows are read (reading all 20,000 rows of a long document, each with its entry, took half a second).
    const heldKeys = await storedVersionKeys(db, annotator);
    const held = new Set(heldKeys.map((k) => k.eid));
    const candidates = [...winners.entries()].filter(([, e]) => !e.eid || !held.has(e.eid)).sort((a, b) => compareWrites(a[1], b[1]));
    const stored = await db.versions.bulkGet(candidates.map(([key]) => [annotator, key] as [string, string]));
    const touched = new Set<string>();
    const tally = { spans: 0, relations: 0 };
    const newVersions: VersionRow[] = [];
    for (const [i, [key, entry]] of candidates.entries()) {
      const mine = stored[i];
      if (mine && compareWrites(entry, mine) <= 0) continue;
      if (!mine && (await storedFromBeforeEids(db, annotator, entry))) continue;
      await applyEntry(db, annotator, entry, tally);
      newVersions.push({ annotator, key, docId: entry.docId, at: entry.at ?? '', eid: entry.eid ?? '', entry });
      touched.add(entry.docId);
      result.applied++;
    }
    await db.versions.bulkPut(newVersions);
    await refreshStates(db, annotator, touched);
    result.spans = tally.spans;
    result.relations = tally.relations;
    result.docIds = [...touched];
    if (incremental) return;
    // What this store holds from before eids existed, and the journal did not just give it, gets versions and goes out:
    // once per corpus (every write since has its version), not at each start that is not in step, where reading every
    // span and version of a long document made tasks of half a second.
    if (!backfilled || !(await db.settings.get(backfilled))) {
      queued += await backfillUnversioned(db, annotator, [...scope.docIds]);
      if (backfilled) await db.settings.put({ key: backfilled, value: new Date().toISOString() });
    }

    // Send what the journal lacks: this store's versions whose eid the journal has not, and does not overrule. Found by
    // the keys read above (versions written since are the journal's own, or the backfill's, which queued them); only
    // those rows are read, and a row replaced meanwhile is simply not found.
    const inDocs = new Set(scope.docIds);
    const unsent = heldKeys.filter((k) => inDocs.has(k.docId) && !inJournal.has(k.eid));
    const mine = unsent.length ? await db.versions.where('[annotator+docId+eid]').anyOf(unsent.map((k) => [annotator, k.docId, k.eid])).toArray() : [];
    const lacking = mine.filter((v) => !(winners.get(v.key) && compareWrites(winners.get(v.key)!, v) >= 0));
    const waiting = await db.outbox.bulkGet(lacking.map((v) => v.eid));
    const resend = lacking.filter((_, i) => !waiting[i]).sort((a, b) => compareWrites(a, b));
    if (resend.length) {
      let seq = Number((await db.settings.get('journal-seq'))?.value ?? 0);
      await db.outbox.bulkAdd(resend.map((v) => ({ eid: v.eid, seq: ++seq, annotator, root: outboxRoot(), entry: v.entry })));
      await db.settings.put({ key: 'journal-seq', value: String(seq) });
    }
    result.sent = resend.length + queued;
    queued += resend.length;
  });
  outboxGrew(queued);
  return result;
}
