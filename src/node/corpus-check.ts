// Scanning's inner loop: brings the records of many files up to date quickly without starving the event loop. Files
// are stat'ed synchronously in chunks while the disk answers fast (several times quicker than the thread pool on a
// local disk) and in the thread pool once it is slow; changed files are read a few at a time, with a turn of the
// event loop every few milliseconds, so calls from the UI are answered mid-scan.

import { statSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { kindOf } from './document-file';
import { isInside } from './paths';
import { walkCorpus } from './walk';

/** Files checked at once: enough to keep the disk and both cores busy, few enough not to run out of file handles. */
const CONCURRENCY = 16;

/** Files stat'ed per synchronous chunk before the event loop gets a turn: about a millisecond on a local disk. */
const STAT_CHUNK = 256;

/** A synchronous chunk slower than this (one frame at 60 Hz) means a slow disk: stat asynchronously from then on. */
const SYNC_STAT_BUDGET_MS = 16;

/** Longest stretch of scanning work between two turns of the event loop: calls from the UI wait at most about this long. */
const YIELD_MS = 10;

/** A file's stat, or null when it is gone or unreadable. */
export function statOrNull(abs: string): Stats | null {
  try {
    return statSync(abs);
  } catch {
    return null;
  }
}

/** Runs `fn` over `items`, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** What checking needs of the session. */
export interface CheckOps {
  absOf(rel: string): string;
  /** True when the stat matches the file's record: nothing to read. */
  unchanged(rel: string, st: Stats | null): boolean;
  /** Brings one record up to date from this stat; true when the file was read. */
  refresh(rel: string, full: boolean, st: Stats | null): Promise<boolean>;
  /** True once the session is closed: stop. */
  closed(): boolean;
}

/**
 * Brings the records of `files` up to date: stats them all, then reads those that changed
 * (all of them with `full`), {@link CONCURRENCY} at a time. `onDone(read)` once per file.
 */
export async function checkFiles(files: readonly string[], full: boolean, ops: CheckOps, onDone: (read: boolean) => void): Promise<void> {
  const changed: { rel: string; st: Stats | null }[] = [];
  let sync = true;
  let slowChunks = 0;
  for (let i = 0; i < files.length && !ops.closed(); i += STAT_CHUNK) {
    const chunk = files.slice(i, i + STAT_CHUNK);
    const t0 = performance.now();
    const stats = sync ? chunk.map((rel) => statOrNull(ops.absOf(rel))) : await Promise.all(chunk.map((rel) => stat(ops.absOf(rel)).catch(() => null)));
    // A slow disk (network share) would block the process: after two slow chunks in a row, stat in the thread pool.
    slowChunks = performance.now() - t0 > SYNC_STAT_BUDGET_MS ? slowChunks + 1 : 0;
    if (slowChunks >= 2) sync = false;
    chunk.forEach((rel, k) => {
      const st = stats[k] ?? null;
      if (!full && ops.unchanged(rel, st)) onDone(false);
      else changed.push({ rel, st });
    });
    await new Promise<void>((r) => setImmediate(r));
  }
  // Reads from a fast disk complete without a turn of the event loop, so every worker stops at a shared gate
  // now and then: the loop turns and IPC or HTTP calls are answered mid-scan.
  let lastYield = performance.now();
  let gate: Promise<void> | null = null;
  const breathe = async () => {
    if (!gate && performance.now() - lastYield > YIELD_MS) {
      gate = new Promise<void>((r) => setImmediate(r)).then(() => {
        gate = null;
        lastYield = performance.now();
      });
    }
    if (gate) await gate;
  };
  await pool(changed, CONCURRENCY, async ({ rel, st }) => {
    if (ops.closed()) return;
    onDone(await ops.refresh(rel, full, st));
    await breathe();
  });
}

/**
 * The files a watch batch is about: its document paths, and for its folders (`''` is the
 * corpus folder) the known files below them (gone, if the folder went away) and the files
 * on disk below them (a folder made or moved in), so a folder is seen whole.
 */
export async function expandBatch(root: string, paths: Set<string>, known: Iterable<string>, absOf: (rel: string) => string, isKnown: (rel: string) => boolean): Promise<string[]> {
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const p of paths) {
    if (kindOf(p) === null) folders.add(p);
    else {
      files.add(p);
      // A new name with a document ending may still be a folder (`2024.txt/`).
      if (!isKnown(p) && statOrNull(absOf(p))?.isDirectory()) folders.add(p);
    }
  }
  if (folders.size) {
    // One pass over the known files, by ancestors.
    for (const rec of known) {
      if (folders.has('')) files.add(rec);
      else for (let i = rec.indexOf('/'); i > 0; i = rec.indexOf('/', i + 1)) if (folders.has(rec.slice(0, i))) files.add(rec);
    }
    for (const folder of folders) {
      const abs = folder === '' ? root : absOf(folder);
      if (!isInside(root, abs) || !statOrNull(abs)?.isDirectory()) continue;
      await walkCorpus(root, (rel) => void (kindOf(rel) !== null && files.add(rel)), () => {}, abs);
    }
  }
  return [...files];
}
