// The journal's file seam and its failures: appends go through an O_APPEND, O_NOFOLLOW handle (tests inject one that
// fails like a full disk), and a failed write becomes the error the UI branches on: disk-full, read-only or io.

import { constants } from 'node:fs';
import { rename } from 'node:fs/promises';
import { ApiError, type ApiErrorShape } from '../core/ipc/contract';
import { openRegular } from './confined';

/** An open journal file, as the store uses it (injectable: tests make writes fail like a full disk). */
export interface JournalHandle {
  /** One write at the end of the file (O_APPEND); returns how many bytes went in (possibly fewer than asked). */
  append(data: Uint8Array): Promise<number>;
  sync(): Promise<void>;
  /** Size and inode of the open file. */
  stat(): Promise<{ size: number; ino: number }>;
  close(): Promise<void>;
}

/** The file operations of the store. */
export interface JournalIo {
  /** Opens a regular file for appending, creating it; refuses a symbolic link. */
  open(file: string): Promise<JournalHandle>;
  rename(from: string, to: string): Promise<void>;
}

/** The real file system: every open is O_APPEND (so writes of several processes never overwrite each other) and O_NOFOLLOW. */
export const nodeJournalIo: JournalIo = {
  async open(file) {
    const h = await openRegular(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT);
    return {
      async append(data) {
        const { bytesWritten } = await h.write(data, 0, data.length);
        return bytesWritten;
      },
      sync: () => h.sync(),
      async stat() {
        const st = await h.stat();
        return { size: st.size, ino: st.ino };
      },
      close: () => h.close(),
    };
  },
  rename: (from, to) => rename(from, to),
};

/** Each error code a write can end with: the contract's code for it and words for the user. */
const WRITE_ERRORS: Record<string, { code: ApiErrorShape['code']; words: string }> = {
  ENOSPC: { code: 'disk-full', words: 'disk full' },
  EDQUOT: { code: 'disk-full', words: 'disk quota exceeded' },
  EFBIG: { code: 'disk-full', words: 'file too large' },
  EROFS: { code: 'read-only', words: 'the disk is read-only' },
  EACCES: { code: 'read-only', words: 'permission denied' },
  EPERM: { code: 'read-only', words: 'permission denied' },
  EIO: { code: 'io', words: 'input/output error' },
};

/** Words for an error code, or the code itself. */
export function writeErrorWords(code: string | undefined): string | undefined {
  return code ? (WRITE_ERRORS[code]?.words ?? code) : undefined;
}

/**
 * The error of a failed write: `disk-full`, `read-only` or `io`, saying what happened, how many
 * entries were not acknowledged, where, and what is safe. An {@link ApiError} (a refused link) passes through.
 */
export function writeFailure(e: unknown, count: number, file: string): ApiError {
  if (e instanceof ApiError) return e;
  const errno = (e as NodeJS.ErrnoException).code;
  const known = errno ? WRITE_ERRORS[errno] : undefined;
  const n = `${count} ${count === 1 ? 'entry' : 'entries'}`;
  return new ApiError(known?.code ?? 'io', `${known ? `${known.words} (${errno})` : (e as Error).message}: ${n} not written to ${file}; the entries written before are safe`);
}
