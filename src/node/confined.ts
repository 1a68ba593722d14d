// Keeps what the host writes and serves inside the corpus: `.marginalia/` must be a real folder of the corpus, and
// every file in it is opened without following a symbolic link (O_NOFOLLOW), so a link planted in a shared corpus (a
// git repository, a network folder) can never make the host write, append or serve a file elsewhere. Files that are
// not regular (FIFOs, sockets, devices) are never read: opening a FIFO alone would block until a writer came.

import { constants, fstatSync, openSync, closeSync, readSync } from 'node:fs';
import { lstat, mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../core/ipc/contract';

/** The corpus's own folder of host data (journals, index, schema, encodings, exports). */
export const MARGINALIA_DIR = '.marginalia';

/** O_NOFOLLOW where the platform has it (Windows has no symlink-following opens of this kind and no flag). */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/** O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer. */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** What a non-regular file is, in words, from its stat. */
function kindInWords(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSymbolicLink(): boolean }): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** The refusal of a link where the host only uses real files and folders. */
function linkRefused(file: string): ApiError {
  return new ApiError('forbidden', `${file} is a symbolic link: Marginalia never follows links inside .marginalia (a link there could make it write outside the corpus); remove the link`);
}

/**
 * Checks that `dir` (a corpus's `.marginalia`) is a real folder, not a link nor a file, and
 * creates it when missing and `create`. Refused (`forbidden`) with a clear message otherwise.
 */
export async function realDataDir(dir: string, create = true): Promise<string> {
  const st = await lstat(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (st === null) {
    if (!create) return dir;
    await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
    return realDataDir(dir, false);
  }
  if (st.isSymbolicLink()) throw new ApiError('forbidden', `${dir} is a symbolic link: Marginalia keeps its data only in a real .marginalia folder of the corpus; remove the link`);
  if (!st.isDirectory()) throw new ApiError('forbidden', `${dir} is ${kindInWords(st)}, not a folder: Marginalia keeps its data there; move it away`);
  return dir;
}

/** `<root>/.marginalia`, checked by {@link realDataDir}. */
export function marginaliaDir(root: string, create = true): Promise<string> {
  return realDataDir(path.join(root, MARGINALIA_DIR), create);
}

/** Translates the error of a no-follow open: ELOOP (and EMLINK on BSD) means the last component is a link. */
function openError(e: unknown, file: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ELOOP' || code === 'EMLINK' ? linkRefused(file) : e;
}

/**
 * Opens `file` without following a link in its last component, and checks that it is a
 * regular file. `flags` are the usual `O_*` constants (O_NOFOLLOW and O_NONBLOCK are added).
 */
export async function openRegular(file: string, flags: number, mode = 0o644): Promise<FileHandle> {
  let h: FileHandle;
  try {
    h = await open(file, flags | NOFOLLOW | NONBLOCK, mode);
  } catch (e) {
    throw openError(e, file);
  }
  try {
    const st = await h.stat();
    if (!st.isFile()) throw new ApiError('forbidden', `${file} is ${kindInWords(st)}: only regular files are read or written`);
  } catch (e) {
    await h.close().catch(() => {});
    throw e;
  }
  return h;
}

/** Reads a whole regular file, never through a link in its last component; null when it does not exist. */
export async function readRegularNoFollow(file: string): Promise<Buffer | null> {
  let h: FileHandle;
  try {
    h = await openRegular(file, constants.O_RDONLY);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    return await h.readFile();
  } finally {
    await h.close();
  }
}

/**
 * Reads a whole corpus file asynchronously, refusing what is not a regular file (a FIFO, a
 * socket, a device) with an `ENOTREG`-coded error before a byte is read. Links are followed
 * here: the walk already checked that a listed link leads to a file inside the corpus.
 */
export async function readCorpusFile(abs: string): Promise<Uint8Array> {
  const h = await open(abs, constants.O_RDONLY | NONBLOCK);
  try {
    const st = await h.stat();
    if (!st.isFile()) throw notRegular(abs, st);
    return await h.readFile();
  } finally {
    await h.close();
  }
}

/** The same as {@link readCorpusFile}, synchronously (for the scan's fast path on small files). */
export function readCorpusFileSync(abs: string): Uint8Array {
  const fd = openSync(abs, constants.O_RDONLY | NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(abs, st);
    const buf = Buffer.alloc(st.size);
    let done = 0;
    while (done < st.size) {
      const n = readSync(fd, buf, done, st.size - done, done);
      if (n === 0) break;
      done += n;
    }
    return buf.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

function notRegular(abs: string, st: Parameters<typeof kindInWords>[0]): Error {
  return Object.assign(new Error(`${abs} is ${kindInWords(st)}, not a regular file`), { code: 'ENOTREG', kind: kindInWords(st) });
}

/** True when an error is the refusal of a non-regular file by {@link readCorpusFile}. */
export function isNotRegular(e: unknown): e is Error & { kind: string } {
  return (e as NodeJS.ErrnoException).code === 'ENOTREG';
}
