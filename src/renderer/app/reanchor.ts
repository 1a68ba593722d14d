// Moves an annotator's spans from a document's earlier versions onto its current text: re-anchored where sure, orphaned where not.

import type { CorpusEntry } from '../../core/ipc/contract';
import { anchorSpan, reanchorSpans } from '../../core/anchoring/anchor';
import type { CodePoint, Relation, Span } from '../../core/model/types';
import { loadAnnotations, countLabels } from '../db/annotations';
import type { MarginaliaDb } from '../db/db';

/** What a migration did. */
export interface Migration {
  placed: number;
  orphaned: number;
  /** The spans and relations written under the new id, and the old ids' spans and relations deleted: for the journal. */
  put: { spans: Span[]; relations: Relation[] };
  deleted: { docId: string; spanIds: string[]; relationIds: string[] }[];
}

/** Keeps the text a document is annotated on, once: the old text makes re-anchoring exact where a quote alone could mislead. */
export async function rememberText(db: MarginaliaDb, docId: string, text: string): Promise<void> {
  // Asked of the key alone: reading the kept text back (1 MB for a long document) only to see that it is there cost a long task.
  if (!(await db.texts.where(':id').equals(docId).count())) await db.texts.put({ docId, text });
}

/**
 * Re-anchors the spans stored under `entry.previousDocIds` onto `text` (the document's
 * current text) and stores them under the current id: against the old text when it was
 * kept (a diff, then searches checked by a round trip), else by each span's quote. A span
 * that cannot be placed with confidence keeps its old offsets with `orphaned: true`: it is never dropped.
 */
export async function migrateEarlierVersions(db: MarginaliaDb, entry: CorpusEntry, docId: string, text: string, annotator: string): Promise<Migration | null> {
  const earlier = (entry.previousDocIds ?? []).filter((id) => id !== docId);
  if (!earlier.length) return null;
  const put: Span[] = [];
  const relations: Relation[] = [];
  const deleted: Migration['deleted'] = [];
  let placed = 0;
  let orphaned = 0;
  let status: string | undefined;
  for (const old of earlier) {
    const ann = await loadAnnotations(db, old, annotator);
    if (!ann.spans.length && !ann.relations.length && !ann.state) continue;
    status ??= ann.state?.status;
    const now = new Date().toISOString();
    const oldText = (await db.texts.get(old))?.text;
    const moved: Span[] = oldText !== undefined
      ? reanchorSpans(oldText, text, ann.spans)
      : ann.spans.map((s) => {
          const r = anchorSpan(text, s, { position: s.orphaned ? null : s.start });
          if (r.status === 'orphaned') return { ...s, orphaned: true };
          const { orphaned: _, ...rest } = s;
          void _;
          return { ...rest, start: r.start as CodePoint, end: r.end as CodePoint, quote: r.quote };
        });
    for (const s of moved) {
      if (s.orphaned) orphaned++;
      else placed++;
      put.push({ ...s, docId, updatedAt: now });
    }
    for (const r of ann.relations) relations.push({ ...r, docId });
    deleted.push({ docId: old, spanIds: ann.spans.map((s) => s.id), relationIds: ann.relations.map((r) => r.id) });
  }
  if (!deleted.length) return null;
  await db.transaction('rw', [db.spans, db.relations, db.docState, db.history, db.texts], async () => {
    await db.texts.put({ docId, text });
    for (const d of deleted) {
      await db.spans.bulkDelete(d.spanIds);
      await db.relations.bulkDelete(d.relationIds);
      await db.docState.delete([d.docId, annotator]);
      await db.history.delete([d.docId, annotator]);
    }
    await db.spans.bulkPut(put);
    await db.relations.bulkPut(relations);
    const current = await db.spans.where('[docId+annotator]').equals([docId, annotator]).toArray();
    const prev = await db.docState.get([docId, annotator]);
    await db.docState.put({
      docId, annotator, status: prev?.status ?? (status as never) ?? 'in-progress',
      spanCount: current.length, labelCounts: countLabels(current), updatedAt: new Date().toISOString(),
    });
  });
  return { placed, orphaned, put: { spans: put, relations }, deleted };
}
