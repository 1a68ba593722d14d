// Tells the UI when an annotator's journal changed on disk through someone else (another host, profile or machine): the
// corpus watcher leaves `.marginalia/` alone, so its journals get a watch of their own, debounced per file.

import { watch, type FSWatcher } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { HostEvents } from '../core/ipc/contract';
import { annotatorOfFile } from './journal-name';

/** Quiet time after a journal's last event before it is reported: a batch is one write, an fsync and a few events. */
const SETTLE_MS = 100;

/** A running journal watch. */
export interface JournalWatch {
  close(): void;
}

/**
 * Watches the `.marginalia` folder `dir`; calls `onChange` with `journalChanged`'s payload
 * when a journal file changed and its size is not the one this process left it at
 * (`ownSize(fileName)`): our own appends are not news to the UI that made them.
 */
export function watchJournals(dir: string, onChange: (change: HostEvents['journalChanged']) => void, ownSize: (fileName: string) => number = () => -1): JournalWatch {
  const timers = new Map<string, NodeJS.Timeout>();
  let watcher: FSWatcher | null = null;
  const report = async (name: string) => {
    timers.delete(name);
    const annotator = annotatorOfFile(name);
    if (annotator === null) return;
    const st = await lstat(path.join(dir, name)).catch(() => null);
    if (!st?.isFile()) return;
    if (st.size === ownSize(name)) return;
    onChange({ annotator, bytes: st.size });
  };
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (!name || annotatorOfFile(name.toString()) === null) return;
      const file = name.toString();
      clearTimeout(timers.get(file));
      timers.set(
        file,
        setTimeout(() => void report(file), SETTLE_MS),
      );
    });
    watcher.on('error', () => {});
  } catch {
    // No watch possible here (a network folder): the UI still reconciles at start and on reconnect.
  }
  return {
    close() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      watcher?.close();
    },
  };
}
