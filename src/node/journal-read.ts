// Reads a journal file, never through a link: every whole line from a byte offset on, entries recognised, the first line
// of each eid kept and its repeats ignored (a batch re-sent after a lost acknowledgement, or re-appended after another
// process compacted), and the offset after the last whole line, so a reader can come back for only what was appended.

import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { JournalBadLine, JournalEntry } from '../core/ipc/contract';
import { openRegular } from './confined';
import { entryProblem } from './journal-entry';
import { splitJsonl } from './jsonl-lines';

/** A bad line, with its text when it had one (compaction keeps those aside). */
export type BadLine = JournalBadLine & { text?: string };

/** What a read of a journal found. */
export interface JournalLines {
  exists: boolean;
  entries: JournalEntry[];
  bad: BadLine[];
  /** The file's size when read. */
  bytes: number;
  /** The byte after the last LF-terminated line read: where the next incremental read starts. */
  endByte: number;
}

/** Opens a journal for reading (no link, regular file only); null when it does not exist. */
export async function openJournalForReading(file: string): Promise<FileHandle | null> {
  try {
    return await openRegular(file, constants.O_RDONLY);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * The lines of an open journal from `fromByte` up to `toByte` (default: its size now).
 * Line numbers count from `fromByte`. An unterminated last line that parses is an entry (a
 * journal written by hand may end without LF) but `endByte` stays before it.
 */
export async function readJournalLines(h: FileHandle, maxLineBytes: number, fromByte = 0, toByte?: number): Promise<JournalLines> {
  const size = (await h.stat()).size;
  const end = Math.min(toByte ?? size, size);
  const from = Math.max(0, Math.min(Math.floor(fromByte), end));
  const entries: JournalEntry[] = [];
  const bad: BadLine[] = [];
  const seen = new Set<string>();
  let endByte = from;
  if (end > from) {
    const stream = h.createReadStream({ start: from, end: end - 1, autoClose: false });
    for await (const l of splitJsonl(stream, maxLineBytes)) {
      if (!l.unterminated) endByte = from + l.offset + l.bytes + 1;
      if (l.text === undefined) {
        bad.push({ line: l.lineNo, reason: l.error ?? 'unreadable line', ...(l.unterminated ? { torn: true } : {}) });
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(l.text);
      } catch (e) {
        bad.push({
          line: l.lineNo,
          reason: l.unterminated
            ? 'the last line was cut short (a crash or a full disk while writing); its change was not acknowledged'
            : `not JSON (${(e as Error).message}); a write cut short by a full disk or a crash leaves such a line, and its entries were not acknowledged`,
          ...(l.unterminated ? { torn: true } : {}),
          text: l.text,
        });
        continue;
      }
      const problem = entryProblem(value);
      if (problem) {
        bad.push({ line: l.lineNo, reason: `not a journal entry: ${problem}`, text: l.text });
        continue;
      }
      const entry = value as JournalEntry;
      if (typeof entry.eid === 'string') {
        if (seen.has(entry.eid)) continue;
        seen.add(entry.eid);
      }
      entries.push(entry);
    }
  }
  // (A CRLF line, written by hand, ends endByte at its LF: the next read starts with an empty line, which is skipped.)
  return { exists: true, entries, bad, bytes: size, endByte };
}

/** Reads the journal at `file` (see {@link readJournalLines}); a missing file is an empty, non-existent journal. */
export async function readJournalFile(file: string, maxLineBytes: number, fromByte = 0): Promise<JournalLines> {
  const h = await openJournalForReading(file);
  if (!h) return { exists: false, entries: [], bad: [], bytes: 0, endByte: 0 };
  try {
    return await readJournalLines(h, maxLineBytes, fromByte);
  } finally {
    await h.close();
  }
}

/** The raw bytes of an open file from `from` to its end now (compaction's catch-up of what others appended meanwhile). */
export async function readTail(h: FileHandle, from: number): Promise<Buffer> {
  const size = (await h.stat()).size;
  if (size <= from) return Buffer.alloc(0);
  const buf = Buffer.alloc(size - from);
  let done = 0;
  while (done < buf.length) {
    const { bytesRead } = await h.read(buf, done, buf.length - done, from + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buf.subarray(0, done);
}
