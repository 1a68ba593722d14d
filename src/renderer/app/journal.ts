// Mirrors every stored change to the host's journal on disk, and rebuilds IndexedDB from it when the browser lost its data.

import type { CorpusInfo, JournalEntry, MarginaliaApi } from '../../core/ipc/contract';
import type { ChangeSet } from '../../core/model/history';
import type { DocStatus, Relation, Span } from '../../core/model/types';
import { countLabels } from '../db/annotations';
import type { DocState, MarginaliaDb } from '../db/db';

/** The journal entries of one change of one document, in the order they apply. */
export function journalEntries(docId: string, change: Partial<ChangeSet> & { status?: DocStatus }): JournalEntry[] {
  const at = new Date().toISOString();
  const out: JournalEntry[] = [];
  for (const id of change.deleteRelationIds ?? []) out.push({ op: 'delete-relation', docId, at, id });
  for (const id of change.deleteSpanIds ?? []) out.push({ op: 'delete-span', docId, at, id });
  for (const span of change.putSpans ?? []) out.push({ op: 'put-span', docId, at, span });
  for (const relation of change.putRelations ?? []) out.push({ op: 'put-relation', docId, at, relation });
  if (change.status) out.push({ op: 'status', docId, at, status: change.status });
  return out;
}

/** Appends one change to the annotator's journal; resolves once it is on disk. */
export async function journalChange(api: MarginaliaApi, annotator: string, docId: string, change: Partial<ChangeSet> & { status?: DocStatus }): Promise<void> {
  const entries = journalEntries(docId, change);
  if (entries.length) await api.appendJournal({ annotator, entries });
}

/** What a rebuild restored. */
export interface RebuildResult {
  documents: number;
  spans: number;
  relations: number;
  badLines: number;
}

/**
 * Rebuilds the annotator's annotations of this corpus from its journal, when IndexedDB
 * holds none of them (a new or wiped browser profile). Null when there was nothing to do.
 */
export async function rebuildIfEmpty(db: MarginaliaDb, api: MarginaliaApi, corpus: CorpusInfo, annotator: string): Promise<RebuildResult | null> {
  const ids = new Set(corpus.documents.flatMap((d) => [d.docId, ...(d.previousDocIds ?? [])]));
  const states = await db.docState.where('annotator').equals(annotator).toArray();
  if (states.some((s) => ids.has(s.docId))) return null;
  const journals = await api.listJournals();
  if (!journals.some((j) => j.annotator === annotator)) return null;
  const journal = await api.readJournal({ annotator });
  if (!journal.exists || !journal.entries.length) return null;

  const spans = new Map<string, Span>();
  const relations = new Map<string, Relation>();
  const statuses = new Map<string, DocStatus>();
  const docs = new Set<string>();
  for (const e of journal.entries) {
    docs.add(e.docId);
    if (e.op === 'put-span') spans.set(e.span.id, { ...e.span, annotator });
    else if (e.op === 'delete-span') spans.delete(e.id);
    else if (e.op === 'put-relation') relations.set(e.relation.id, { ...e.relation, annotator });
    else if (e.op === 'delete-relation') relations.delete(e.id);
    else if (e.op === 'status') statuses.set(e.docId, e.status);
  }
  const now = new Date().toISOString();
  const rows: DocState[] = [...docs].map((docId) => {
    const own = [...spans.values()].filter((s) => s.docId === docId);
    const status = statuses.get(docId) ?? (own.length ? 'in-progress' : 'todo');
    return { docId, annotator, status, spanCount: own.length, labelCounts: countLabels(own), updatedAt: now };
  });
  await db.transaction('rw', db.spans, db.relations, db.docState, async () => {
    await db.spans.bulkPut([...spans.values()]);
    await db.relations.bulkPut([...relations.values()]);
    await db.docState.bulkPut(rows);
  });
  return { documents: rows.filter((r) => r.spanCount || r.status !== 'todo').length, spans: spans.size, relations: relations.size, badLines: journal.bad.length };
}
