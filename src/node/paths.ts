// Keeps every path that comes from the UI inside the opened corpus: resolved, realpath-checked, symlinks included.

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../core/ipc/contract';

/** True when `child` is `parent` or below it (both absolute, normalized). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Resolves a corpus-relative path from the UI to an absolute path inside `root`,
 * refusing absolute paths, `..` escapes and symlinks that lead outside.
 */
export async function resolveInCorpus(root: string, relPath: string): Promise<string> {
  if (typeof relPath !== 'string' || relPath === '' || relPath.includes('\0')) {
    throw new ApiError('bad-request', 'path must be a non-empty string');
  }
  if (path.isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) {
    throw new ApiError('forbidden', `path "${relPath}" must be relative to the corpus`);
  }
  const realRoot = await realpath(root);
  const joined = path.resolve(realRoot, relPath);
  if (!isInside(realRoot, joined)) throw new ApiError('forbidden', `path "${relPath}" is outside the corpus`);
  let real: string;
  try {
    real = await realpath(joined);
  } catch {
    throw new ApiError('not-found', `no file "${relPath}" in the corpus`);
  }
  if (!isInside(realRoot, real)) throw new ApiError('forbidden', `path "${relPath}" leads outside the corpus`);
  return real;
}

/** A path relative to `root` with forward slashes, as the UI and exports show it. */
export function toCorpusPath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
