// Where saving stands, for the toolbar: changes not yet in IndexedDB, changes not yet on disk, and why not.

import { plural } from '../../core/text/plural';

/** Why changes are not on disk yet. */
export type UnsavedReason = 'unreachable' | 'disk-full' | 'read-only' | 'unauthorized' | 'refused' | 'failed';

/** What the indicator shows. A persistent value: every update replaces it. */
export interface SaveSnapshot {
  /** Changes handed to IndexedDB and not yet committed there. */
  storing: number;
  /** Entries in the outbox (committed in IndexedDB, not yet acknowledged by the journal on disk). */
  pending: number;
  /** Why the last attempt to send them failed; null while nothing failed since the last success. */
  reason: UnsavedReason | null;
  /** The host's words for the failure. */
  message: string | null;
  /** When the writer tries again (ms since the epoch), while it waits. */
  retryAt: number | null;
  /** Entries the host refused as invalid, set aside (never retried). */
  refused: number;
  /** IndexedDB itself refused a write (e.g. the browser's storage is full). */
  storeError: string | null;
}

const INITIAL: SaveSnapshot = { storing: 0, pending: 0, reason: null, message: null, retryAt: null, refused: 0, storeError: null };

/** A small external store (for `useSyncExternalStore`) of the app's one save state. */
export class SaveState {
  private snapshot: SaveSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();

  /** Subscribes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current snapshot (the same object until something changes). */
  get = (): SaveSnapshot => this.snapshot;

  /** Replaces some fields and tells every listener at once. */
  update(patch: Partial<SaveSnapshot> | ((s: SaveSnapshot) => Partial<SaveSnapshot>)): void {
    const p = typeof patch === 'function' ? patch(this.snapshot) : patch;
    this.snapshot = { ...this.snapshot, ...p };
    for (const l of this.listeners) l();
  }

  /** Back to the start (tests, another corpus). */
  reset(): void {
    this.update(INITIAL);
  }
}

/** The app's save state. */
export const saveState = new SaveState();

const REASONS: Record<UnsavedReason, string> = {
  unreachable: 'the host does not answer (is `marginalia serve` running?)',
  'disk-full': 'the disk is full: free some space',
  'read-only': 'the journal cannot be written (read-only disk or no permission)',
  unauthorized: 'the host was restarted with a new token: reload from the URL it printed',
  refused: 'the host refused them',
  failed: 'the host could not write them',
};

/** The indicator's words: "Saved", "Saving…", or how many changes are not on disk and why. */
export function describeSave(s: SaveSnapshot, now = Date.now()): { text: string; state: 'saved' | 'saving' | 'unsaved' } {
  if (s.storeError) return { text: `Not saved in this browser: ${s.storeError}`, state: 'unsaved' };
  if (s.refused) return { text: `${plural(s.refused, 'change')} refused by the host and not saved: ${s.message ?? ''}`, state: 'unsaved' };
  const n = s.pending + s.storing;
  if (!n) return { text: 'Saved', state: 'saved' };
  if (!s.reason) return { text: 'Saving…', state: 'saving' };
  const wait = s.retryAt ? Math.max(0, Math.ceil((s.retryAt - now) / 1000)) : 0;
  const retry = wait ? ` · retrying in ${wait} s` : ' · retrying';
  return { text: `${plural(n, 'change')} not saved to disk: ${REASONS[s.reason]}${retry}`, state: 'unsaved' };
}
