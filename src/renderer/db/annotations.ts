// Every write to the annotation store, each in one transaction that also keeps the document's state row current
// and puts the change, as journal entries with eids, in the outbox (so the journal on disk gets it, acknowledged).

import type { DocMeta } from '../../core/ipc/contract';
import { ADJUDICATED } from '../../core/agreement/gold';
import { EMPTY_HISTORY, type History } from '../../core/model/history';
import type { DocStatus, Relation, Span } from '../../core/model/types';
import { sharedStrings } from '../../core/model/shared-strings';
import { changeEntries } from '../persist/entries';
import { outboxTables, stampEntries } from '../persist/outbox';
import type { DocState, MarginaliaDb } from './db';
import { enqueueWrite } from './write-queue';

/** A document's spans and relations for one annotator. */
export interface DocAnnotations {
  spans: Span[];
  relations: Relation[];
  state: DocState | undefined;
  history: History;
  rejected: string[];
}

/**
 * Spans as read from the store, their document id and annotator the caller's strings and their label and
 * attribute strings shared: each read makes its own copies, 20,000 of the same document id on a long document.
 */
function withSharedStrings(spans: Span[], docId: string, annotator: string): Span[] {
  for (const s of spans) {
    s.docId = docId;
    s.annotator = annotator;
    s.label = sharedStrings.get(s.label);
    sharedStrings.attrs(s.attrs);
  }
  return spans;
}

/**
 * Reads one document's annotations; with `before`, only the spans starting before that code point
 * (the opening screens of a long document: {@link loadSpansFrom} reads the rest).
 */
export async function loadAnnotations(db: MarginaliaDb, docId: string, annotator: string, before?: number): Promise<DocAnnotations> {
  return db.transaction('r', [db.spans, db.relations, db.docState, db.history, db.rejected], async () => ({
    spans: withSharedStrings(
      await (before === undefined
        ? db.spans.where('[docId+annotator]').equals([docId, annotator])
        : db.spans.where('[docId+annotator+start]').between([docId, annotator, -Infinity], [docId, annotator, before])
      ).toArray(),
      docId,
      annotator,
    ),
    relations: await db.relations.where('[docId+annotator]').equals([docId, annotator]).toArray(),
    state: await db.docState.get([docId, annotator]),
    history: (await db.history.get([docId, annotator]))?.history ?? EMPTY_HISTORY,
    rejected: (await db.rejected.get([docId, annotator]))?.keys ?? [],
  }));
}

/** Code points of text whose spans one read of {@link loadSpansFrom} takes: a few hundred spans, a short task. */
const SPANS_READ_SPAN = 16_000;

/**
 * The spans of one document starting at or after code point `from`: the rest of a long document after its
 * opening screens. Read by ranges of start offsets, a task each (20,000 spans read at once were one long
 * task); the ranges partition the offsets, so a span written meanwhile is read once or not at all, never twice
 * or skipped by a shifted page. `length` is the text's length in code points (the last range is open-ended).
 */
export async function loadSpansFrom(db: MarginaliaDb, docId: string, annotator: string, from: number, length: number): Promise<Span[]> {
  const out: Span[] = [];
  for (let lo = from; ; lo += SPANS_READ_SPAN) {
    const last = lo + SPANS_READ_SPAN >= length || !Number.isFinite(length);
    const hi = last ? Infinity : lo + SPANS_READ_SPAN;
    out.push(...withSharedStrings(await db.spans.where('[docId+annotator+start]').between([docId, annotator, lo], [docId, annotator, hi], true, last).toArray(), docId, annotator));
    if (last) return out;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** A batch of changes to one document, applied atomically. */
export interface AnnotationChange {
  putSpans?: Span[];
  deleteSpanIds?: string[];
  putRelations?: Relation[];
  deleteRelationIds?: string[];
  status?: DocStatus;
  /** The document's history after this change, stored in the same transaction. */
  history?: History;
  /**
   * The document's rejected suggestion keys after this change. Keys not yet stored are journaled as
   * rejections; a key missing here is NOT taken back (another profile may have added it): use `unrejected`.
   */
  rejected?: string[];
  /** Suggestion keys whose rejection is taken back. */
  unrejected?: string[];
  /** The document's comment and unsure flag, whole. */
  meta?: DocMeta;
  /** The span count and label counts after the change, when the caller holds the whole document (saves a scan). */
  counts?: { spanCount: number; labelCounts: Record<string, number> };
}

/** Spans per label of a list of spans. */
export function countLabels(spans: readonly Pick<Span, 'label'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of spans) counts[s.label] = (counts[s.label] ?? 0) + 1;
  return counts;
}

/** The tables a change writes (the outbox's included). */
function changeTables(db: MarginaliaDb) {
  return [db.spans, db.relations, db.docState, db.history, db.rejected, ...outboxTables(db)];
}

/**
 * Applies a change to one document and updates its state row: the span count,
 * and the status (a first span moves "todo" to "in-progress"); in the same transaction, puts the
 * change's journal entries in the outbox. Writes made while another commits are gathered into one
 * transaction (in call order). Resolves once IndexedDB has committed.
 */
export async function applyChange(db: MarginaliaDb, docId: string, annotator: string, change: AnnotationChange): Promise<DocState> {
  const at = new Date().toISOString();
  return enqueueWrite(db, () => changeTables(db), {
    // A burst's changes of one document commit together: only the last one's undo history is written.
    replaces: change.history ? `history\u0000${docId}\u0000${annotator}` : undefined,
    run: (superseded) => writeChange(db, docId, annotator, superseded ? { ...change, history: undefined } : change, at),
  });
}

async function writeChange(db: MarginaliaDb, docId: string, annotator: string, change: AnnotationChange, at: string): Promise<{ value: DocState; outboxRows: number }> {
  if (change.deleteSpanIds?.length) await db.spans.bulkDelete(change.deleteSpanIds);
  if (change.putSpans?.length) await db.spans.bulkPut(change.putSpans);
  if (change.deleteRelationIds?.length) await db.relations.bulkDelete(change.deleteRelationIds);
  if (change.putRelations?.length) await db.relations.bulkPut(change.putRelations);
  if (change.history) await db.history.put({ docId, annotator, history: change.history });
  let reject: string[] = [];
  let unreject: string[] = [];
  if (change.rejected || change.unrejected?.length) {
    const stored = new Set((await db.rejected.get([docId, annotator]))?.keys ?? []);
    reject = (change.rejected ?? []).filter((k) => !stored.has(k));
    unreject = (change.unrejected ?? []).filter((k) => stored.has(k));
    for (const k of reject) stored.add(k);
    for (const k of unreject) stored.delete(k);
    if (reject.length || unreject.length) await db.rejected.put({ docId, annotator, keys: [...stored] });
  }
  let counts = change.counts;
  if (!counts) {
    const spans = await db.spans.where('[docId+annotator]').equals([docId, annotator]).toArray();
    counts = { spanCount: spans.length, labelCounts: countLabels(spans) };
  }
  const { spanCount, labelCounts } = counts;
  const previous = await db.docState.get([docId, annotator]);
  let status: DocStatus = change.status ?? previous?.status ?? 'todo';
  if (!change.status && status === 'todo' && spanCount > 0) status = 'in-progress';
  const meta = change.meta ?? previous?.meta;
  const state: DocState = { docId, annotator, status, spanCount, labelCounts, ...(meta ? { meta } : {}), updatedAt: new Date().toISOString() };
  await db.docState.put(state);
  // The curation's adjudicated gold is the team lead's, not an annotator's work: it has no journal.
  if (annotator === ADJUDICATED) return { value: state, outboxRows: 0 };
  const entries = changeEntries(docId, { ...change, reject, unreject }, at);
  const rows = await stampEntries(db, annotator, entries);
  return { value: state, outboxRows: rows.length };
}

/** Every state row of one annotator, for the document list. */
export async function allDocStates(db: MarginaliaDb, annotator: string): Promise<DocState[]> {
  return db.docState.where('annotator').equals(annotator).toArray();
}

/** Reads a setting. */
export async function getSetting(db: MarginaliaDb, key: string): Promise<string | undefined> {
  return (await db.settings.get(key))?.value;
}

/** Writes a setting. */
export async function setSetting(db: MarginaliaDb, key: string, value: string): Promise<void> {
  await db.settings.put({ key, value });
}
