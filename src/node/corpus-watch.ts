// Watches a corpus folder with chokidar for added, removed, renamed and changed documents, and hands the touched
// paths over in batches (an editor's save is several events; a folder moved in is hundreds).

import { watch, type FSWatcher } from 'chokidar';
import path from 'node:path';
import { kindOf } from './document-file';

/** Quiet time after the last event before a batch is handed over: an editor's save (write, rename, chmod) fits in it. */
const SETTLE_MS = 75;

/** Longest a batch waits under a steady stream of events (a large copy), so the list still moves. */
const MAX_WAIT_MS = 500;

/** True for a path the corpus never lists: `.marginalia`, hidden files and folders, node_modules. */
export function isIgnoredPath(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  if (rel === '') return false;
  return rel.split(path.sep).some((seg) => seg.startsWith('.') || seg === 'node_modules');
}

/** A running watch. */
export interface CorpusWatch {
  /** Resolves once the initial walk of the watcher is done and events are live. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches `root`; calls `onBatch` with the corpus-relative paths (forward slashes) of
 * document files that were added, changed or removed, and of folders removed (their files
 * are gone too). The callback re-checks each path on disk, so a batch may hold paths that
 * did not really change.
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
  const touch = (abs: string, isDir: boolean) => {
    if (isIgnoredPath(root, abs)) return;
    const rel = path.relative(root, abs).split(path.sep).join('/');
    if (!isDir && kindOf(rel) === null) return;
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
    // A file re-added within 100 ms of its removal (an editor's atomic save) is a change, not unlink + add.
    atomic: true,
    ignored: (p: string, stats) => isIgnoredPath(root, p) || (stats?.isFile() === true && kindOf(p) === null),
  });
  watcher.on('add', (p) => touch(p, false));
  watcher.on('change', (p) => touch(p, false));
  watcher.on('unlink', (p) => touch(p, false));
  watcher.on('unlinkDir', (p) => touch(p, true));
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
