// The one rule for what a corpus never lists: hidden files and folders (a name starting with `.`, `.marginalia`
// included) and node_modules. The walk, the watcher, the index loader and document reads all ask it.

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from './paths';

/** True for a file or folder name the corpus never lists. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** True for a corpus-relative path the walk could produce: forward slashes, no empty, `.`, `..`, hidden or node_modules segment. */
export function isListablePath(rel: string): boolean {
  // A backslash is a separator on Windows only (elsewhere a file name may hold one).
  if (rel === '' || rel.startsWith('/') || /^[a-zA-Z]:/.test(rel) || (path.sep === '\\' && rel.includes('\\')) || rel.includes('\0')) return false;
  return rel.split('/').every((seg) => seg !== '' && !isHiddenName(seg));
}

/** True when the absolute path `abs` is below `root` through a hidden segment (or outside it). `root` itself is not. */
export function isIgnoredPath(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  if (rel === '') return false;
  return rel.split(path.sep).some(isHiddenName);
}

/** True when the corpus-relative `rel` could be listed: a listable path whose real path (links followed) is inside `root`, or a file gone. */
export async function isListableFile(root: string, rel: string): Promise<boolean> {
  if (!isListablePath(rel)) return false;
  try {
    return isInside(root, await realpath(path.join(root, ...rel.split('/'))));
  } catch {
    return true; // gone: the check will remove it
  }
}
