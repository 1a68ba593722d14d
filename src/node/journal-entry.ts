// The journal's entries: checked on the way in (a bad entry is refused with its index and field, before anything is
// written), recognised on the way out, and compacted to the latest state of each span, relation and status.

import { ApiError, JOURNAL_OPS, journalObjectKey, type JournalEntry } from '../core/ipc/contract';
import { DOC_STATUSES } from '../core/model/types';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Own properties only: an entry's `constructor` or `toString` from the prototype is never a field. */
function own(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** What is wrong with a value as a journal entry, or null when it is one. */
export function entryProblem(v: unknown): string | null {
  if (!isObj(v)) return 'not an object';
  const op = own(v, 'op');
  if (!(JOURNAL_OPS as readonly unknown[]).includes(op)) return `"op" must be one of ${JOURNAL_OPS.join(', ')}`;
  const docId = own(v, 'docId');
  if (!isId(docId)) return '"docId" must be a non-empty string';
  const at = own(v, 'at');
  if (at !== undefined && typeof at !== 'string') return '"at" must be an ISO time string';
  switch (op) {
    case 'put-span': {
      const s = own(v, 'span');
      if (!isObj(s)) return '"span" must be an object';
      if (!isId(own(s, 'id'))) return '"span.id" must be a non-empty string';
      if (own(s, 'docId') !== docId) return '"span.docId" must equal "docId"';
      if (typeof own(s, 'label') !== 'string') return '"span.label" must be a string';
      const start = own(s, 'start');
      const end = own(s, 'end');
      if (!isOffset(start) || !isOffset(end) || end < start) return '"span.start" and "span.end" must be code-point offsets with start <= end';
      return null;
    }
    case 'put-relation': {
      const r = own(v, 'relation');
      if (!isObj(r)) return '"relation" must be an object';
      if (!isId(own(r, 'id')) || !isId(own(r, 'head')) || !isId(own(r, 'tail'))) return '"relation.id", "relation.head" and "relation.tail" must be non-empty strings';
      if (own(r, 'docId') !== docId) return '"relation.docId" must equal "docId"';
      return null;
    }
    case 'delete-span':
    case 'delete-relation':
      return isId(own(v, 'id')) ? null : '"id" must be a non-empty string';
    case 'status':
      return (DOC_STATUSES as readonly unknown[]).includes(own(v, 'status')) ? null : `"status" must be one of ${DOC_STATUSES.join(', ')}`;
    case 'reject':
    case 'unreject':
      return typeof own(v, 'key') === 'string' && own(v, 'key') !== '' ? null : '"key" must be a non-empty string';
    case 'doc-meta':
      return isObj(own(v, 'meta')) ? null : '"meta" must be an object';
  }
  return 'unknown op';
}

/**
 * Checks the entries of an `appendJournal` call and fills a missing `at` with `now`.
 * Refuses the whole call, naming the first bad entry and field, so a call is written whole or not at all.
 */
export function checkEntries(entries: unknown, now: string): JournalEntry[] {
  if (!Array.isArray(entries)) throw new ApiError('bad-request', '"entries" must be a list');
  return entries.map((e, i) => {
    const problem = entryProblem(e);
    if (problem) throw new ApiError('bad-request', `entry ${i}: ${problem}; nothing of this call was written`);
    const entry = e as JournalEntry;
    return entry.at === undefined ? { ...entry, at: now } : entry;
  });
}

/**
 * The latest entry of each span, relation and document status, in journal order (by each
 * key's last write, so replaying the result gives the same state as replaying everything).
 * Deletions stay as tombstones: a store that still holds the span learns to drop it.
 */
export function compactEntries(entries: readonly JournalEntry[]): JournalEntry[] {
  const last = new Map<string, number>();
  entries.forEach((e, i) => last.set(journalObjectKey(e), i));
  return entries.filter((e, i) => last.get(journalObjectKey(e)) === i);
}
