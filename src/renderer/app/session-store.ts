// Where a session's changes go after the paint: one queue, in order, first IndexedDB then the
// journal on disk, with the save state the "Saved" indicator shows.

import type { DocStatus } from '../../core/model/types';
import type { AnnotationChange } from '../db/annotations';
import { afterPaint } from './after-paint';

/** What a session reports about saving, for the "saved" indicator. */
export interface SaveState {
  pending: number;
  error: string | null;
  /** When the last write committed. */
  savedAt: string | null;
}

/** The two writes of one change: to the browser's store, then to the journal on disk. */
export interface PersistFn {
  /** Stores the change in IndexedDB; resolves with the document's status after it. */
  local(change: AnnotationChange): Promise<{ status: DocStatus }>;
  /** Appends the change to the journal; resolves once it is on disk. */
  journal(change: AnnotationChange): Promise<void>;
}

/**
 * Queues a session's writes. A change is counted as pending at once (the indicator never
 * says "Saved" while one waits) and written after the frame that shows it, in order.
 */
export class SessionStore {
  save: SaveState = { pending: 0, error: null, savedAt: null };
  version = 0;
  private writes: Promise<unknown> = Promise.resolve();
  /** Status changes queued so far: a write queued before the latest one must not bring back an older status. */
  private statusChanges = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly target: PersistFn,
    /** Told when the store decided the status (a first span moves "todo" to "in-progress"). */
    private readonly onStatus: (status: DocStatus) => void,
  ) {}

  /** Subscribes to the save state, told synchronously; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: SaveState): void {
    this.save = next;
    this.version++;
    for (const l of this.listeners) l();
  }

  /** Queues one change; it is written after the next paint, after every change queued before it. */
  persist(change: AnnotationChange): void {
    this.set({ ...this.save, pending: this.save.pending + 1 });
    if (change.status) this.statusChanges++;
    const statusChanges = this.statusChanges;
    const painted = new Promise<void>((resolve) => afterPaint(resolve));
    // Handed to the store right after its paint, not after the previous write: the store keeps the order
    // and commits the changes that gather meanwhile in one transaction.
    const stored = painted.then(() => this.target.local(change));
    stored.catch(() => undefined);
    this.writes = this.writes.then(() => this.write(stored, change, statusChanges));
  }

  private async write(stored: Promise<{ status: DocStatus }>, change: AnnotationChange, statusChanges: number): Promise<void> {
    try {
      const state = await stored;
      if (!change.status && statusChanges === this.statusChanges) this.onStatus(state.status);
    } catch (e) {
      const err = e as Error;
      const why = err.name === 'QuotaExceededError' ? "the browser's storage is full" : err.message;
      this.set({ ...this.save, pending: this.save.pending - 1, error: `Not saved in this browser (${why}); the change is still on screen — free some space, then undo and redo it.` });
      return;
    }
    try {
      await this.target.journal(change);
      this.set({ pending: this.save.pending - 1, error: null, savedAt: new Date().toISOString() });
    } catch (e) {
      this.set({ ...this.save, pending: this.save.pending - 1, error: `Saved in this browser, but not in the journal on disk: ${(e as Error).message}` });
    }
  }

  /** Resolves when every write queued so far has committed (or failed). */
  flushed(): Promise<unknown> {
    return this.writes;
  }
}
