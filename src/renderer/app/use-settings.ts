// The annotator's own settings, kept in IndexedDB: their name (on every span and export) and the text font.

import { useCallback, useEffect, useState } from 'react';
import { getSetting, setSetting } from '../db/annotations';
import { db } from '../db/db';
import { DEFAULT_FONT } from './fonts';

/** The settings and their setters. */
export interface Settings {
  /** undefined while loading; null when no name was given yet. */
  annotator: string | null | undefined;
  setAnnotator(name: string): Promise<void>;
  font: string;
  setFont(font: string): void;
}

/** Reads the settings once at start-up; `onError` hears a store that cannot be opened. */
export function useSettings(onError: (what: string, e: unknown) => void): Settings {
  const [annotator, setAnnotatorState] = useState<string | null | undefined>(undefined);
  const [font, setFontState] = useState(DEFAULT_FONT);
  useEffect(() => {
    void (async () => {
      try {
        setAnnotatorState((await getSetting(db, 'annotator')) ?? null);
        setFontState((await getSetting(db, 'font')) ?? DEFAULT_FONT);
        if (navigator.storage?.persist) void navigator.storage.persist();
      } catch (e) {
        onError('The annotation store (IndexedDB) cannot be opened', e);
        setAnnotatorState(null);
      }
    })();
  }, [onError]);
  const setAnnotator = useCallback(async (name: string) => {
    await setSetting(db, 'annotator', name);
    setAnnotatorState(name);
  }, []);
  const setFont = useCallback((next: string) => {
    setFontState(next);
    void setSetting(db, 'font', next);
  }, []);
  return { annotator, setAnnotator, font, setFont };
}
