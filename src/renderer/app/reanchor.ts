// Moves an annotator's spans from a document's earlier versions onto its current text: re-anchored where sure, orphaned where not.

import type { CorpusEntry } from '../../core/ipc/contract';
import { anchorSpan } from '../../core/model/anchor';
import { OffsetMap } from '../../core/model/offsets';
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

/**
 * Re-anchors the spans stored under `entry.previousDocIds` onto `text` (the document's
 * current text) and stores them under the current id. A span that cannot be placed with
 * confidence keeps its old offsets (clamped to the text) with `orphaned: true`: it is never dropped.
 */
export async function migrateEarlierVersions(db: MarginaliaDb, entry: CorpusEntry, docId: string, text: string, annotator: string): Promise<Migration | null> {
  const earlier = (entry.previousDocIds ?? []).filter((id) => id !== docId);
  if (!earlier.length) return null;
  const map = new OffsetMap(text);
  const length = map.codePointLength;
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
    for (const s of ann.spans) {
      const r = anchorSpan(text, s, { position: s.orphaned ? null : s.start });
      const now = new Date().toISOString();
      if (r.status === 'orphaned') {
        orphaned++;
        const start = Math.min(s.start, length) as CodePoint;
        put.push({ ...s, docId, start, end: Math.max(start, Math.min(s.end, length)) as CodePoint, orphaned: true, updatedAt: now });
      } else {
        placed++;
        const { orphaned: _, ...rest } = s;
        void _;
        put.push({ ...rest, docId, start: r.start, end: r.end, quote: r.quote, updatedAt: now });
      }
    }
    for (const r of ann.relations) relations.push({ ...r, docId });
    deleted.push({ docId: old, spanIds: ann.spans.map((s) => s.id), relationIds: ann.relations.map((r) => r.id) });
  }
  if (!deleted.length) return null;
  await db.transaction('rw', [db.spans, db.relations, db.docState, db.history], async () => {
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
