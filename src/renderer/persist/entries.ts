// Journal entries as the store sees them: which object each one writes, which of two writes wins, and a change as entries.

import type { DocMeta, JournalEntry } from '../../core/ipc/contract';
import type { ChangeSet } from '../../core/model/history';
import type { DocStatus } from '../../core/model/types';

/** The writer and sequence number of an eid (`<writer>:<seq>`); a line written before eids existed has neither. */
function parseEid(eid: string | undefined): { writer: string; seq: number } {
  if (!eid) return { writer: '', seq: -1 };
  const colon = eid.lastIndexOf(':');
  const seq = Number(eid.slice(colon + 1));
  return colon < 0 || !Number.isFinite(seq) ? { writer: eid, seq: -1 } : { writer: eid.slice(0, colon), seq };
}

/**
 * Orders two writes of one object: by `at`, then by writer, then by sequence number (numerically:
 * `p:10` is after `p:9`). Every profile orders them alike, so last-writer-wins converges.
 */
export function compareWrites(a: { at?: string; eid?: string }, b: { at?: string; eid?: string }): number {
  const x0 = a.at ?? '';
  const y0 = b.at ?? '';
  if (x0 !== y0) return x0 < y0 ? -1 : 1;
  const x = parseEid(a.eid);
  const y = parseEid(b.eid);
  if (x.writer !== y.writer) return x.writer < y.writer ? -1 : 1;
  return Math.sign(x.seq - y.seq);
}

/** A change of one document, as the store applies it (see `AnnotationChange`). */
export interface EntryChange extends Partial<ChangeSet> {
  status?: DocStatus;
  /** Suggestion keys rejected by this change. */
  reject?: string[];
  /** Suggestion keys whose rejection this change takes back. */
  unreject?: string[];
  meta?: DocMeta;
}

/** The journal entries of one change of one document, in the order they apply, all stamped `at` (eids come later). */
export function changeEntries(docId: string, change: EntryChange, at: string): JournalEntry[] {
  const out: JournalEntry[] = [];
  for (const id of change.deleteRelationIds ?? []) out.push({ op: 'delete-relation', docId, at, id });
  for (const id of change.deleteSpanIds ?? []) out.push({ op: 'delete-span', docId, at, id });
  for (const span of change.putSpans ?? []) out.push({ op: 'put-span', docId, at, span });
  for (const relation of change.putRelations ?? []) out.push({ op: 'put-relation', docId, at, relation });
  if (change.status) out.push({ op: 'status', docId, at, status: change.status });
  for (const key of change.reject ?? []) out.push({ op: 'reject', docId, at, key });
  for (const key of change.unreject ?? []) out.push({ op: 'unreject', docId, at, key });
  if (change.meta) out.push({ op: 'doc-meta', docId, at, meta: change.meta });
  return out;
}
