// The outbox: every change gets an eid and waits here, written in the change's own transaction, until the journal acknowledges it.

import type { JournalEntry } from '../../core/ipc/contract';
import type { MarginaliaDb, OutboxRow, VersionRow } from '../db/db';
import { journalObjectKey as objectKey } from '../../core/ipc/contract';
import { compareWrites } from './entries';
import { saveState } from './save-state';

/** The settings rows that make eids: this profile's random id and its last sequence number. */
const PROFILE_KEY = 'journal-profile';
const SEQ_KEY = 'journal-seq';

/** The tables {@link stampEntries} writes: a transaction that calls it must hold them. */
export function outboxTables(db: MarginaliaDb) {
  return [db.settings, db.outbox, db.versions];
}

let currentRoot = '';

/** The corpus the changes made from now on belong to (set when a corpus is opened). */
export function setOutboxRoot(root: string): void {
  currentRoot = root;
}

/** The corpus changes are stamped for now. */
export function outboxRoot(): string {
  return currentRoot;
}

function randomProfileId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return 'p' + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** One millisecond after `at` (ISO), so a local write always follows the write it replaces, whatever the clocks say. */
function after(at: string): string {
  const t = Date.parse(at);
  return Number.isFinite(t) ? new Date(t + 1).toISOString() : at;
}

/**
 * Gives each entry an eid (`<profileId>:<seq>`), puts it in the outbox and records it as the latest
 * write of its object. Must run inside a `rw` transaction over {@link outboxTables} (and the change's
 * own tables): the change and its outbox rows commit together or not at all. Answers the rows.
 */
export async function stampEntries(db: MarginaliaDb, annotator: string, entries: JournalEntry[]): Promise<OutboxRow[]> {
  if (!entries.length) return [];
  let profile = (await db.settings.get(PROFILE_KEY))?.value;
  if (!profile) {
    profile = randomProfileId();
    await db.settings.put({ key: PROFILE_KEY, value: profile });
  }
  let seq = Number((await db.settings.get(SEQ_KEY))?.value ?? 0);
  const keys = entries.map(objectKey);
  const before = await db.versions.bulkGet(keys.map((k) => [annotator, k] as [string, string]));
  const latest = new Map<string, VersionRow>();
  const rows: OutboxRow[] = [];
  entries.forEach((e, i) => {
    const key = keys[i]!;
    const previous = latest.get(key) ?? before[i];
    let at = e.at ?? new Date().toISOString();
    if (previous && compareWrites({ at }, { at: previous.at }) <= 0) at = after(previous.at);
    const entry = { ...e, at, eid: `${profile}:${++seq}` } as JournalEntry;
    rows.push({ eid: entry.eid!, seq, annotator, root: currentRoot, entry });
    latest.set(key, { annotator, key, docId: e.docId, at, eid: entry.eid!, entry });
  });
  await db.settings.put({ key: SEQ_KEY, value: String(seq) });
  await db.outbox.bulkAdd(rows);
  await db.versions.bulkPut([...latest.values()]);
  return rows;
}

type OutboxListener = (added: number) => void;
const listeners = new Set<OutboxListener>();

/** Called with the number of rows after every commit that added rows to the outbox (the writer wakes up). */
export function onOutboxGrew(listener: OutboxListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Counts rows a commit added in the save state and tells the listeners. */
export function outboxGrew(added: number): void {
  if (!added) return;
  saveState.update((s) => ({ pending: s.pending + added }));
  for (const l of listeners) l(added);
}

/** The outbox rows of a corpus, oldest first, at most `limit`. */
export async function pendingRows(db: MarginaliaDb, root: string, limit: number): Promise<OutboxRow[]> {
  return db.outbox.where('[root+seq]').between([root, -Infinity], [root, Infinity]).limit(limit).toArray();
}

/** How many rows wait for a corpus. */
export async function pendingCount(db: MarginaliaDb, root: string): Promise<number> {
  return db.outbox.where('[root+seq]').between([root, -Infinity], [root, Infinity]).count();
}

/** Moves rows stamped before any corpus was open ('') to `root`. */
export async function adoptUnrooted(db: MarginaliaDb, root: string): Promise<void> {
  if (!root) return;
  await db.transaction('rw', db.outbox, async () => {
    await db.outbox.where('[root+seq]').between(['', -Infinity], ['', Infinity]).modify({ root });
  });
}
