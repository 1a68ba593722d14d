// The "Saving… / Saved / Not saved!" indicator: follows the session's writes at once, apart from the rest of the UI.

import { useSyncExternalStore } from 'react';
import type { DocSession } from '../app/doc-session';

/** Shows whether every change of the open document is stored (in IndexedDB and the journal). */
export function SaveIndicator({ session }: { session: DocSession }) {
  useSyncExternalStore(session.subscribeSave, () => session.saveVersion);
  const { pending, error, savedAt } = session.save;
  const text = error ? 'Not saved!' : pending ? 'Saving…' : savedAt ? 'Saved' : '';
  return (
    <span className={`save-state${error ? ' error' : ''}`} data-testid="save-state" title={error ?? undefined}>
      {text}
    </span>
  );
}
