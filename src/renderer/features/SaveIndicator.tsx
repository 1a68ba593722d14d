// The save indicator of the toolbar: "Saved" only when every change is on disk; otherwise how many are not, why, and
// that it retries by itself. It follows the outbox and the open session's writes at once, apart from the rest of the UI.

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocSession } from '../app/doc-session';
import { describeSave, saveState } from '../persist/save-state';

/** Shows whether every change is stored in IndexedDB and acknowledged by the journal on disk. */
export function SaveIndicator({ session }: { session?: DocSession | null }) {
  const snapshot = useSyncExternalStore(saveState.subscribe, saveState.get);
  useSyncExternalStore(session?.subscribeSave ?? noSubscribe, () => session?.saveVersion ?? 0);
  // The retry countdown ticks while changes wait.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!snapshot.retryAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [snapshot.retryAt]);
  const sessionError = session?.save.error ?? null;
  // The session counts a change from the key, the store from its hand-over after the paint: the same changes, counted once.
  const { text, state } = sessionError
    ? { text: 'Not saved in this browser!', state: 'unsaved' as const }
    : describeSave({ ...snapshot, storing: Math.max(snapshot.storing, session?.save.pending ?? 0) }, now);
  return (
    <span className={`save-state${state === 'unsaved' ? ' error' : ''}`} data-testid="save-state" data-state={state} role="status" style={state === 'unsaved' ? UNSAVED_STYLE : undefined} title={sessionError ?? snapshot.message ?? undefined}>
      {text}
    </span>
  );
}

const noSubscribe = () => () => {};

/** The toolbar's slot fits "Saved"; the reason a change is not on disk must be read whole. */
const UNSAVED_STYLE = { width: 'auto', maxWidth: '34em', whiteSpace: 'normal' } as const;
