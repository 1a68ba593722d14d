// Coalesces a burst of writes into few IndexedDB transactions: while one commits, the next ones gather and commit together.
// A key burst then costs a transaction per commit time, not per key, and a killed browser loses only what was gathering.

import type { Table } from 'dexie';
import { outboxGrew } from '../persist/outbox';
import { saveState } from '../persist/save-state';
import type { MarginaliaDb } from './db';

/** One write: its work inside the shared transaction, and what it added to the outbox. */
export interface QueuedWrite<T> {
  /** `supersededLater`: a later write of the same batch has the same `replaces` key (its whole-value rows may be skipped). */
  run(supersededLater: boolean): Promise<{ value: T; outboxRows: number }>;
  /** Writes with the same key replace the same whole-value rows (a document's undo history): only the last of a batch need write them. */
  replaces?: string;
}

interface Waiting {
  run: (supersededLater: boolean) => Promise<{ value: unknown; outboxRows: number }>;
  replaces?: string;
  resolve: (value: unknown) => void;
  reject: (e: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  running: boolean;
}

const queues = new WeakMap<MarginaliaDb, Queue>();

/** Why IndexedDB refused a write, in the user's words. */
function storeErrorText(e: unknown): string {
  const err = e as Error;
  const why = err?.name === 'QuotaExceededError' ? "the browser's storage is full" : (err?.message ?? String(e));
  return `${why}; the change is still on screen: free some space, then undo and redo it`;
}

/** The save state and the writer learn of every settled batch. */
function settled(count: number, outboxRows: number, error: unknown): void {
  // Counted in the outbox before leaving "storing": the indicator never passes through an empty moment.
  outboxGrew(outboxRows);
  saveState.update((s) => ({ storing: Math.max(0, s.storing - count), ...(error ? { storeError: storeErrorText(error) } : {}) }));
}

/**
 * Runs `write` in the next transaction over `tables` of `db`, together with every other write queued
 * meanwhile, in call order. Resolves once that transaction has committed. A batch that fails is run
 * again one write per transaction, so one bad write never takes the others down with it.
 */
export function enqueueWrite<T>(db: MarginaliaDb, tables: () => Table[], write: QueuedWrite<T>): Promise<T> {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { waiting: [], running: false }));
  const queue = q;
  const done = new Promise<T>((resolve, reject) => queue.waiting.push({ run: (later) => write.run(later), replaces: write.replaces, resolve: resolve as (v: unknown) => void, reject }));
  saveState.update((s) => ({ storing: s.storing + 1 }));
  if (!queue.running) void pump(db, queue, tables);
  return done;
}

async function commit(db: MarginaliaDb, tables: () => Table[], batch: Waiting[]) {
  return db.transaction('rw', tables(), async () => {
    const out: { value: unknown; outboxRows: number }[] = [];
    for (const [i, w] of batch.entries()) out.push(await w.run(w.replaces !== undefined && batch.some((x, j) => j > i && x.replaces === w.replaces)));
    return out;
  });
}

async function pump(db: MarginaliaDb, queue: Queue, tables: () => Table[]): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length) {
      const batch = queue.waiting.splice(0);
      try {
        const results = await commit(db, tables, batch);
        settled(batch.length, results.reduce((n, r) => n + r.outboxRows, 0), null);
        batch.forEach((w, i) => w.resolve(results[i]!.value));
      } catch (e) {
        if (batch.length === 1) {
          settled(1, 0, e);
          batch[0]!.reject(e);
          continue;
        }
        for (const w of batch) {
          try {
            const [r] = await commit(db, tables, [w]);
            settled(1, r!.outboxRows, null);
            w.resolve(r!.value);
          } catch (err) {
            settled(1, 0, err);
            w.reject(err);
          }
        }
      }
    }
  } finally {
    queue.running = false;
  }
}
