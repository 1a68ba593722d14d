// Lists the files of a corpus folder: hidden folders, `.marginalia` and node_modules skipped, symlinks followed only
// to regular files inside the corpus that could be listed themselves (a link out of it, to a hidden file or into
// `.marginalia`, or to a folder that could loop, is never listed). FIFOs, sockets and devices are never listed.

import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isHiddenName, isListablePath } from './hidden-path';
import { isInside, toCorpusPath } from './paths';

/** Byte-order comparison of names, so the walk order (and the list) is the same on every platform. */
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Walks `root` depth-first in name order and calls `onFile` with each file's corpus-relative
 * path (forward slashes) and absolute path. An unreadable folder is passed over and told to
 * `onFolderError` with its path and error code. `from` walks one folder below `root` only.
 */
export async function walkCorpus(
  root: string,
  onFile: (rel: string, abs: string) => void,
  onFolderError: (rel: string, code: string) => void = () => {},
  from: string = root,
): Promise<void> {
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      onFolderError(toCorpusPath(root, dir) || '.', (e as NodeJS.ErrnoException).code ?? (e as Error).message);
      return;
    }
    entries.sort(byName);
    for (const e of entries) {
      if (isHiddenName(e.name)) continue;
      const abs = path.join(dir, e.name);
      if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(abs);
          // A linked folder could loop (its files are reached by their real path); a link to a hidden file would list what is not a document.
          if (!isInside(root, target) || !isListablePath(toCorpusPath(root, target)) || !(await stat(target)).isFile()) continue;
        } catch {
          continue;
        }
        onFile(toCorpusPath(root, abs), abs);
      } else if (e.isDirectory()) {
        await walk(abs);
      } else if (e.isFile()) {
        onFile(toCorpusPath(root, abs), abs);
      }
    }
  }
  await walk(from);
}
