// Watches a corpus folder with chokidar for added, removed, renamed and changed documents, and hands the touched
// paths over in batches (an editor's save is several events; a folder moved in is hundreds).
//
// chokidar watches the folders only, not each file: a file watch each is 10,000 handles and seconds before the
// watcher is live on a 10,000-file corpus, where a watch per folder is live in milliseconds. A folder's watch
// reports every change of the files in it (inotify, FSEvents and ReadDirectoryChangesW all do), and chokidar
// passes those on as `raw` events with the file's name; each batch is re-checked on disk, so what the event
// says (change, rename) never matters, only which name it was about.

import { watch, type FSWatcher } from 'chokidar';
import path from 'node:path';
import { kindOf } from './document-file';
import { isIgnoredPath } from './hidden-path';


/** Quiet time after the last event before a batch is handed over: an editor's save (write, rename, chmod) fits in it. */
const SETTLE_MS = 75;

/** Longest a batch waits under a steady stream of events (a large copy), so the list still moves. */
const MAX_WAIT_MS = 500;

/** A running watch. */
export interface CorpusWatch {
  /** Resolves once every folder is watched and events are live. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches `root`; calls `onBatch` with the corpus-relative paths (forward slashes) that
 * something happened to: document files, and folders (added, removed, or a folder whose
 * watch could not name the file). The callback re-checks each path on disk.
 */
export function watchCorpus(root: string, onBatch: (paths: Set<string>) => void, onError: (e: Error) => void = () => {}): CorpusWatch {
  let pending = new Set<string>();
  let settle: NodeJS.Timeout | null = null;
  let firstAt = 0;

  const flush = () => {
    if (settle) clearTimeout(settle);
    settle = null;
    const batch = pending;
    pending = new Set();
    if (batch.size) onBatch(batch);
  };
  /** Notes a path; names that are neither documents nor possibly folders (other file types) are dropped. */
  const touch = (abs: string, maybeFolder: boolean) => {
    if (isIgnoredPath(root, abs)) return;
    const rel = path.relative(root, abs).split(path.sep).join('/');
    // '' is the corpus folder itself (a watch that could not name the file): the session checks it all.
    if (rel.startsWith('..') || (rel === '' && !maybeFolder)) return;
    if (kindOf(rel) === null && !maybeFolder) return;
    if (pending.size === 0) firstAt = Date.now();
    pending.add(rel);
    if (settle) clearTimeout(settle);
    const wait = Math.max(0, Math.min(SETTLE_MS, firstAt + MAX_WAIT_MS - Date.now()));
    settle = setTimeout(flush, wait);
  };

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    // The hosts keep the process alive themselves; a watcher alone should not (tests, CLI).
    persistent: false,
    followSymlinks: false,
    // Folders only (see the top of this file); hidden ones and .marginalia not at all.
    ignored: (p: string, stats) => isIgnoredPath(root, p) || (stats !== undefined && !stats.isDirectory()),
  });
  watcher.on('raw', (_event, name, details) => {
    const folder = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (!folder) return;
    // A name without an extension may be a folder created, moved or removed inside this one.
    if (name) touch(path.join(folder, name), kindOf(name) === null);
    else touch(folder, true);
  });
  watcher.on('addDir', (p) => touch(p, true));
  watcher.on('unlinkDir', (p) => touch(p, true));
  watcher.on('add', (p) => touch(p, false));
  watcher.on('change', (p) => touch(p, false));
  watcher.on('unlink', (p) => touch(p, false));
  watcher.on('error', (e) => onError(e as Error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (settle) clearTimeout(settle);
      settle = null;
      pending = new Set();
      await watcher.close();
    },
  };
}
