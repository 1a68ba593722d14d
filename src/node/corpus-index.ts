// The corpus index in `.marginalia/index.json`: per file its size, mtime, kind, encoding, docId and title (per line
// for JSONL), skipped reasons, and earlier docIds; so reopening an unchanged corpus only stats its files.
// It is a cache: a missing or damaged index costs one full read, never data. Encoding choices live apart.

import path from 'node:path';
import type { DocumentKind } from '../core/ipc/contract';
import type { DocDescription, LineDescription } from './doc-description';
import { readDataFile, writeDataFile } from './files';

/** Bumped when the record shape changes; an index of another version is ignored (one full read). */
export const INDEX_VERSION = 1;

/** The index file inside a corpus's `.marginalia` folder. */
export const INDEX_FILE = 'index.json';

/** What the index knows about one file of the corpus. */
export interface IndexedFile {
  /** Corpus-relative, forward slashes. */
  path: string;
  size: number;
  mtimeMs: number;
  kind: DocumentKind;
  /** When the file was read (ms since the epoch): a file modified within the timestamp granularity of that is read again. */
  checkedAt: number;
  /** The text-like file's document, when it is one. */
  doc?: DocDescription;
  /** The JSONL file's document lines. */
  lines?: LineDescription[];
  /** Why the file (or some of its lines) is not offered. */
  skipped?: { reason: string; line?: number }[];
}

const KINDS: readonly DocumentKind[] = ['text', 'markdown', 'html', 'jsonl'];

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

/** Keeps a record only when every field has its type: the index may be damaged or hand-edited. */
function validRecord(v: unknown): IndexedFile | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  if (!isStr(r.path) || !isNum(r.size) || !isNum(r.mtimeMs) || !isNum(r.checkedAt) || !KINDS.includes(r.kind as DocumentKind)) return null;
  const out: IndexedFile = { path: r.path, size: r.size, mtimeMs: r.mtimeMs, kind: r.kind as DocumentKind, checkedAt: r.checkedAt };
  if (r.doc !== undefined) {
    const d = r.doc as Record<string, unknown>;
    if (typeof d !== 'object' || d === null || !isStr(d.docId) || !isStr(d.title) || !isStr(d.encoding)) return null;
    if (d.previousDocIds !== undefined && !isStrList(d.previousDocIds)) return null;
    out.doc = d as unknown as DocDescription;
  }
  if (r.lines !== undefined) {
    if (!Array.isArray(r.lines)) return null;
    for (const l of r.lines as Record<string, unknown>[]) {
      if (typeof l !== 'object' || l === null || !isNum(l.line) || !isNum(l.offset) || !isNum(l.bytes) || !isStr(l.docId) || !isStr(l.title)) return null;
      if ((l.id !== undefined && !isStr(l.id)) || (l.previousDocIds !== undefined && !isStrList(l.previousDocIds))) return null;
    }
    out.lines = r.lines as LineDescription[];
  }
  if (r.skipped !== undefined) {
    if (!Array.isArray(r.skipped) || !(r.skipped as Record<string, unknown>[]).every((s) => typeof s === 'object' && s !== null && isStr(s.reason))) return null;
    out.skipped = r.skipped as IndexedFile['skipped'];
  }
  return out;
}

/** The loaded index: its records by path, and a warning when it could not be used. */
export interface LoadedIndex {
  files: Map<string, IndexedFile>;
  warning?: string;
}

/** Loads `.marginalia/index.json`; a missing, damaged or other-version index is an empty one. */
export async function loadIndex(marginaliaDir: string): Promise<LoadedIndex> {
  const files = new Map<string, IndexedFile>();
  let raw: string;
  try {
    raw = await readDataFile(path.join(marginaliaDir, INDEX_FILE));
  } catch {
    return { files };
  }
  try {
    const v = JSON.parse(raw) as { version?: unknown; files?: unknown };
    if (v.version !== INDEX_VERSION || !Array.isArray(v.files)) return { files };
    for (const r of v.files) {
      const rec = validRecord(r);
      if (rec) files.set(rec.path, rec);
    }
    return { files };
  } catch {
    return { files, warning: `${path.join(marginaliaDir, INDEX_FILE)} is damaged; every file is read again and the index rewritten` };
  }
}

/** Writes the index atomically (temporary file, fsync, rename). */
export async function saveIndex(marginaliaDir: string, files: Iterable<IndexedFile>): Promise<void> {
  const body = JSON.stringify({ version: INDEX_VERSION, savedAt: new Date().toISOString(), files: [...files] });
  await writeDataFile(path.join(marginaliaDir, INDEX_FILE), body);
}

/** Saves the index; answers the warning to show when it cannot be written (everything still works), or null. */
export async function trySaveIndex(marginaliaDir: string, files: Iterable<IndexedFile>): Promise<string | null> {
  try {
    await saveIndex(marginaliaDir, files);
    return null;
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return `cannot write ${path.join(marginaliaDir, INDEX_FILE)} (${why}): everything works, but reopening will read every file again`;
  }
}
