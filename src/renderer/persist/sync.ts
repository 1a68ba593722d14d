// One corpus's journal kept in step with the store: the writer drains the outbox, reconciliation runs at start,
// when the host comes back and when the journal changes on disk.

import type { HostEvents, MarginaliaApi } from '../../core/ipc/contract';
import type { MarginaliaDb } from '../db/db';
import { adoptUnrooted, setOutboxRoot } from './outbox';
import { reconcile, type ReconcileResult } from './reconcile';
import { BACKOFF_MS, OutboxWriter, type WriterOptions } from './writer';

/** Subscribes to the host's events; returns the unsubscribe function. */
export type EventSubscriber = (listener: <K extends keyof HostEvents>(event: K, payload: HostEvents[K]) => void) => () => void;

/** What a sync is for. */
export interface SyncTarget {
  db: MarginaliaDb;
  api: Pick<MarginaliaApi, 'appendJournal' | 'readJournal'>;
  root: string;
  annotator: string;
  /** The corpus's document ids (earlier ids included). */
  docIds: ReadonlySet<string>;
  subscribe?: EventSubscriber;
  /** Told after a reconciliation that changed the store (not the first one: `start` answers that). */
  onReconciled?: (r: ReconcileResult) => void;
  writer?: WriterOptions;
}

/** A running sync of one annotator's work on one corpus. */
export class JournalSync {
  readonly writer: OutboxWriter;
  private endByte = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly target: SyncTarget) {
    this.writer = new OutboxWriter(target.db, target.api, target.root, { ...target.writer, onReconnect: () => void this.queue(() => this.full(true)) });
  }

  /** Starts the writer and the watch, and reconciles once: answers what that did. */
  async start(): Promise<ReconcileResult> {
    setOutboxRoot(this.target.root);
    await adoptUnrooted(this.target.db, this.target.root);
    await this.writer.start();
    this.unsubscribe =
      this.target.subscribe?.((event, payload) => {
        if (event === 'journalChanged' && (payload as HostEvents['journalChanged']).annotator === this.target.annotator) void this.queue(() => this.incremental());
      }) ?? null;
    try {
      return await this.queue(() => this.full(false));
    } catch (e) {
      // The host may be away at start: reconcile as soon as it answers again, the user is told of this failure now.
      this.retryFull(0);
      throw e;
    }
  }

  /** Tries the whole reconciliation again after a backoff, until it succeeds (or the sync stops). */
  private retryFull(attempt: number): void {
    const wait = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!;
    setTimeout(() => {
      if (this.stopped) return;
      this.queue(() => this.full(true)).catch(() => this.retryFull(attempt + 1));
    }, wait);
  }

  /** Stops the writer and the watch (a corpus or annotator change). */
  stop(): void {
    this.stopped = true;
    this.writer.stop();
    this.unsubscribe?.();
  }

  /** Reconciliations run one at a time, in order; one that fails does not stop the next. */
  private queue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.chain.then(job);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async full(tell: boolean): Promise<ReconcileResult> {
    const r = await reconcile(this.target.db, this.target.api, { annotator: this.target.annotator, docIds: this.target.docIds, root: this.target.root });
    if (this.stopped) return r;
    this.endByte = r.endByte;
    if (r.sent) this.writer.retryNow();
    if (tell && r.applied) this.target.onReconciled?.(r);
    return r;
  }

  private async incremental(): Promise<ReconcileResult> {
    if (!this.endByte) return this.full(true);
    const r = await reconcile(this.target.db, this.target.api, { annotator: this.target.annotator, docIds: this.target.docIds, fromByte: this.endByte });
    if (this.stopped) return r;
    if (r.rewound) return this.full(true);
    this.endByte = r.endByte;
    // The host is answering again: what waits is sent now, not at the end of a backoff.
    this.writer.retryNow();
    if (r.applied) this.target.onReconciled?.(r);
    return r;
  }
}

let current: JournalSync | null = null;

/** Starts the app's one sync (stopping the previous one) and answers its first reconciliation. */
export function startSync(target: SyncTarget): Promise<ReconcileResult> {
  current?.stop();
  current = new JournalSync(target);
  return current.start();
}
