// The curation view's one save effect: whenever the curation, the strategy or the place changes, the session and the gold of the changed documents are queued for the store.

import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { CurationState } from '../../../core/agreement';
import { changedDocuments, type CurationModel } from '../../../core/agreement/curation-reducer';
import { storedDocuments } from '../../../core/agreement/curation-session';
import { db } from '../../db/db';
import { SESSION_FORMAT, type StoredSession } from './session';
import { CurationSaver, type SaveStatus } from './store';

/** The stored form of the curator's work and place. */
export function sessionOf(curation: CurationState, { choice, place, view }: Pick<CurationModel, 'choice' | 'place' | 'view'>): StoredSession {
  return {
    format: SESSION_FORMAT,
    choice,
    documents: storedDocuments(curation),
    position: { docId: place?.docId ?? null, conflictId: place?.conflictId ?? null, view },
  };
}

/**
 * Saves what the reducer produced. Documents are written when their value changed (unchanged
 * documents are shared between states, so identity says it); a curation read from the store
 * as it is writes no gold.
 */
export function useCurationSave(model: CurationModel): { saver: CurationSaver; status: SaveStatus } {
  const saver = useMemo(() => new CurationSaver(db), []);
  const status = useSyncExternalStore(
    useCallback((l: () => void) => saver.subscribe(l), [saver]),
    () => saver.status,
  );
  const previous = useRef<CurationState | null>(null);
  const { curation, choice, place, view, fromStore } = model;
  useEffect(() => {
    if (!curation) {
      previous.current = null;
      return;
    }
    const docs = fromStore && previous.current === null ? [] : changedDocuments(previous.current, curation);
    previous.current = curation;
    saver.save(curation, sessionOf(curation, { choice, place, view }), docs);
  }, [curation, choice, place, view, fromStore, saver]);
  return { saver, status };
}
