// The writer: drains the outbox to the host's journal in batches, removes only what the host acknowledged,
// and retries by itself with backoff, saying why changes are not on disk meanwhile.

import type { AppendJournalResult, JournalEntry, MarginaliaApi } from '../../core/ipc/contract';
import type { MarginaliaDb, OutboxRow } from '../db/db';
import { onOutboxGrew, pendingCount, pendingRows } from './outbox';
import { saveState, type SaveState, type UnsavedReason } from './save-state';

/** Entries per `appendJournal` call at most: a day's burst in a few calls, each well under the host's body limit. */
export const BATCH_MAX = 500;

/** How long a burst is gathered before it is sent: keys come every few tens of ms, one call takes their lot. */
export const COALESCE_MS = 40;

/** Waits between failed attempts: quick at first (a host restart takes seconds), then every 15 s. */
export const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];

/** The settings row where entries the host refused as invalid are kept (never dropped silently). */
export const REFUSED_KEY = 'journal-refused';

/** Timers, injectable so tests drive time. */
export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** Why a call failed, in the indicator's terms. */
export function classifyFailure(e: unknown): { reason: UnsavedReason; message: string } {
  const code = (e as { code?: string })?.code;
  const message = (e as Error)?.message ?? String(e);
  if (code === 'disk-full' || code === 'read-only' || code === 'unauthorized' || code === 'unreachable') return { reason: code, message };
  if (code === 'forbidden' && /token/i.test(message)) return { reason: 'unauthorized', message };
  if (code === 'bad-request') return { reason: 'refused', message };
  if (/ENOSPC|EDQUOT|disk full|quota/i.test(message)) return { reason: 'disk-full', message };
  if (/EROFS|EACCES|EPERM|read-only|permission denied/i.test(message)) return { reason: 'read-only', message };
  if ((code === 'io' && /does not answer/.test(message)) || e instanceof TypeError) return { reason: 'unreachable', message };
  return { reason: 'failed', message };
}

/** What the writer needs of its surroundings. */
export interface WriterOptions {
  clock?: Clock;
  state?: SaveState;
  batchMax?: number;
  coalesceMs?: number;
  /** Called when a call succeeds after failures: the host is back (reconcile with it). */
  onReconnect?: () => void;
}

/** Drains one corpus's outbox to the host, one `appendJournal` call per batch and annotator. */
export class OutboxWriter {
  private timer: unknown = null;
  private waitingForRetry = false;
  private inFlight = false;
  private again = false;
  private stopped = false;
  private failures = 0;
  private limit: number;
  private unsubscribe: (() => void) | null = null;
  private readonly clock: Clock;
  private readonly state: SaveState;
  /** Settles when the current drain ends (tests and shutdown wait on it). */
  private drained: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: MarginaliaDb,
    private readonly api: Pick<MarginaliaApi, 'appendJournal'>,
    readonly root: string,
    private readonly options: WriterOptions = {},
  ) {
    this.clock = options.clock ?? realClock;
    this.state = options.state ?? saveState;
    this.limit = options.batchMax ?? BATCH_MAX;
  }

  /** Counts what waits, listens for new rows and sends what waits. */
  async start(): Promise<void> {
    this.unsubscribe = onOutboxGrew(() => this.kick());
    const pending = await pendingCount(this.db, this.root);
    this.state.update({ pending });
    this.kick(0);
  }

  /** Stops sending (rows stay in the outbox for the next writer). */
  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Sends soon: after `delay` (gathering a burst), unless a send or a retry is already on its way. */
  kick(delay = this.options.coalesceMs ?? COALESCE_MS): void {
    if (this.stopped) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (this.timer !== null) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.waitingForRetry = false;
      this.drained = this.drain();
    }, delay);
  }

  /** Tries at once, also while waiting out a backoff (the host said it is back). */
  retryNow(): void {
    if (this.timer !== null && this.waitingForRetry) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
      this.waitingForRetry = false;
    }
    this.kick(0);
  }

  /** Resolves when the drain under way (if any) has ended. */
  idle(): Promise<void> {
    return this.drained;
  }

  private async drain(): Promise<void> {
    if (this.stopped || this.inFlight) return;
    this.inFlight = true;
    try {
      for (;;) {
        const rows = await pendingRows(this.db, this.root, this.limit);
        if (!rows.length || this.stopped) return;
        // One call per annotator (nearly always one); the oldest annotator's rows first, in order.
        const annotator = rows[0]!.annotator;
        const batch = rows.filter((r) => r.annotator === annotator);
        if (!(await this.send(annotator, batch))) return;
      }
    } finally {
      this.inFlight = false;
      if (this.again && !this.stopped) {
        this.again = false;
        if (!this.waitingForRetry) this.kick(0);
      }
    }
  }

  /** Sends one batch; false when the writer must wait (a retry is scheduled). */
  private async send(annotator: string, batch: OutboxRow[]): Promise<boolean> {
    let result: AppendJournalResult;
    try {
      result = await this.api.appendJournal({ annotator, entries: batch.map((r) => r.entry) });
    } catch (e) {
      const failure = classifyFailure(e);
      if (failure.reason === 'refused') return this.refused(batch, failure.message);
      const wait = this.retryLater();
      this.state.update({ reason: failure.reason, message: failure.message, retryAt: this.clock.now() + wait });
      return false;
    }
    // Only what the host acknowledged leaves the outbox (a host without acknowledgements wrote the whole call).
    const sent = new Set(batch.map((r) => r.eid));
    const acknowledged = (Array.isArray(result.acknowledged) ? result.acknowledged : [...sent]).filter((eid) => sent.has(eid));
    await this.db.outbox.bulkDelete(acknowledged);
    const reconnected = this.failures > 0;
    this.failures = 0;
    this.limit = this.options.batchMax ?? BATCH_MAX;
    this.state.update((s) => ({ pending: Math.max(0, s.pending - acknowledged.length), reason: null, message: null, retryAt: null }));
    if (reconnected) this.options.onReconnect?.();
    // A host that acknowledged nothing of a whole batch would be asked again at once forever: wait instead.
    if (!acknowledged.length) return this.failedQuietly();
    return true;
  }

  private failedQuietly(): boolean {
    this.retryLater();
    return false;
  }

  /** Counts a failure and drains again after its backoff; returns the wait in ms. */
  private retryLater(): number {
    this.failures++;
    const wait = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length) - 1]!;
    this.waitingForRetry = true;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.waitingForRetry = false;
      this.drained = this.drain();
    }, wait);
    return wait;
  }

  /**
   * The host refused the call as invalid: halve the batch until the bad entry is alone, then set it
   * aside (kept in settings, counted in the indicator) so the entries after it are not held up forever.
   */
  private async refused(batch: OutboxRow[], message: string): Promise<boolean> {
    if (batch.length > 1) {
      this.limit = Math.ceil(batch.length / 2);
      return true;
    }
    const row = batch[0]!;
    await this.db.transaction('rw', this.db.outbox, this.db.settings, async () => {
      const kept = JSON.parse((await this.db.settings.get(REFUSED_KEY))?.value ?? '[]') as { entry: JournalEntry; message: string }[];
      kept.push({ entry: row.entry, message });
      await this.db.settings.put({ key: REFUSED_KEY, value: JSON.stringify(kept) });
      await this.db.outbox.delete(row.eid);
    });
    this.state.update((s) => ({ pending: Math.max(0, s.pending - 1), refused: s.refused + 1, message }));
    return true;
  }
}
