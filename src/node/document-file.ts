// Reads one document file (.txt, .md, .html) into the text the annotator sees: decoded (detected or chosen encoding),
// HTML reduced to its text, normalized, identified by hash, titled; or the reason it is not a document.

import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DocumentKind } from '../core/ipc/contract';
import { docIdFromHex, normalizeText, titleOf } from '../core/model/text';
import { isNotRegular, readCorpusFile, readCorpusFileSync } from './confined';
import { decodeBytes, decodeWith } from './decode';
import type { DocDescription } from './doc-description';
import { declaredCharset, htmlToText } from './html-text';

/** Files over this size are skipped: 50 MiB of text is far past any document an annotator reads. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A JSONL corpus may be larger (it is streamed, one line at a time): past 1 GiB it should be split. */
export const MAX_JSONL_FILE_BYTES = 1024 * 1024 * 1024;

/** File name endings offered as documents, and how each is read. */
const KINDS: Record<string, DocumentKind> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
};

/** Every file name ending offered as a document. */
export const DOCUMENT_EXTENSIONS = Object.keys(KINDS);

/** How a file is read, by its name; null when it is not a document type. */
export function kindOf(fileName: string): DocumentKind | null {
  return KINDS[path.extname(fileName).toLowerCase()] ?? null;
}

/** The document id of a normalized text: `sha256:` and the hex digest of its UTF-8 bytes. */
export function docIdOf(normalized: string): string {
  return docIdFromHex(createHash('sha256').update(normalized, 'utf8').digest('hex'));
}

/**
 * Reads a whole file of `size` bytes (from the caller's stat); injectable so tests can make a
 * file unreadable (tests run as root, where chmod does not).
 */
export type ReadFileFn = (abs: string, size?: number) => Promise<Uint8Array>;

/** The plain asynchronous {@link ReadFileFn}: regular files only (a FIFO, a socket or a device is refused before a byte is read). */
export const readWholeFile: ReadFileFn = (abs) => readCorpusFile(abs);

/** Files up to this size may be read synchronously: a news report is a few KiB, and 1 MiB reads in well under a millisecond from cache. */
const SYNC_READ_MAX = 1024 * 1024;

/** A synchronous read slower than this is a slow one (a network share, a sleeping disk)… */
const SLOW_READ_MS = 8;

/** …and this many more slow reads than fast ones in a row make the reader asynchronous for good (one is a hiccup of a busy machine). */
const SLOW_READS_TO_SWITCH = 4;

/**
 * A {@link ReadFileFn} for scanning (never for a read the UI waits on: those are always asynchronous,
 * so one slow file cannot hold up other requests): small files are read synchronously while the disk answers
 * fast (four to five times quicker than the thread pool's open/stat/read/close round trips on
 * 10,000 small files), and everything is read asynchronously once reads keep being slow, so a
 * slow disk never blocks the process for long.
 */
export function scanReader(): ReadFileFn {
  let slow = 0;
  return async (abs, size) => {
    if (slow >= SLOW_READS_TO_SWITCH || size === undefined || size > SYNC_READ_MAX) return readCorpusFile(abs);
    const t0 = performance.now();
    const bytes = readCorpusFileSync(abs);
    slow = performance.now() - t0 > SLOW_READ_MS ? slow + 1 : Math.max(0, slow - 1);
    return bytes;
  };
}

/** A decoded, normalized document: its kind and text, and its description as the index keeps it. */
export interface LoadedText {
  kind: DocumentKind;
  text: string;
  doc: DocDescription;
}

/** Why a file is not a document. */
export interface NotLoaded {
  reason: string;
}

/** The message for a read error: the code a user can look up, in words. */
export function readErrorReason(e: unknown): string {
  if (isNotRegular(e)) return `not a regular file (${e.kind}): never opened`;
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a folder',
    ENOENT: 'no longer exists',
    EIO: 'input/output error (damaged disk or unplugged drive?)',
    EBUSY: 'locked by another program',
  };
  return `unreadable: ${code && words[code] ? `${words[code]} (${code})` : (code ?? (e as Error).message)}`;
}

/**
 * Turns a text-like file's bytes into a document: decoded with `encoding` when the user
 * chose one, else detected (HTML: BOM, UTF-8, then its `<meta charset>`, then detection);
 * HTML reduced to text; normalized; empty ones refused.
 */
export function loadTextBytes(bytes: Uint8Array, kind: Exclude<DocumentKind, 'jsonl'>, fileName: string, encoding?: string): LoadedText | NotLoaded {
  const decoded = encoding ? decodeWith(bytes, encoding) : decodeBytes(bytes, kind === 'html' ? declaredCharset(bytes) : null);
  if (!decoded.ok) return { reason: encoding ? `${decoded.reason} (the encoding chosen for it); choose another` : decoded.reason };
  let text = normalizeText(decoded.text);
  let title: string | null = null;
  if (kind === 'html') {
    const page = htmlToText(text);
    text = page.text;
    title = page.title;
    if (text.trim() === '') return { reason: 'no text in the page' };
  } else if (text.trim() === '') return { reason: 'empty file' };
  const doc: DocDescription = { docId: docIdOf(text), title: title ?? titleOf(text, path.basename(fileName)), encoding: decoded.encoding };
  if (encoding) doc.chosen = true;
  if (decoded.uncertain) {
    doc.uncertain = true;
    doc.candidates = decoded.candidates;
  }
  return { kind, text, doc };
}

/** Reads and loads one text-like file of `size` bytes (from the caller's stat); the reason when it is not a document. */
export async function loadTextFile(
  abs: string,
  size: number,
  kind: Exclude<DocumentKind, 'jsonl'>,
  encoding?: string,
  read: ReadFileFn = readWholeFile,
): Promise<LoadedText | NotLoaded> {
  if (size > MAX_FILE_BYTES) return { reason: `too large (${size} bytes; the limit is ${MAX_FILE_BYTES})` };
  let bytes: Uint8Array;
  try {
    bytes = await read(abs, size);
  } catch (e) {
    return { reason: readErrorReason(e) };
  }
  if (bytes.length > MAX_FILE_BYTES) return { reason: `too large (${bytes.length} bytes; the limit is ${MAX_FILE_BYTES})` };
  return loadTextBytes(bytes, kind, abs, encoding);
}
