// The records of a corpus's files: reading one file into its record (a text-like file's document, or a JSONL file's
// lines, or why it is skipped), carrying earlier document ids over, and turning a record into the list's entries.

import path from 'node:path';
import type { CorpusEntry, SkippedFile } from '../core/ipc/contract';
import { nextHistory } from './corpus-changes';
import type { IndexedFile } from './corpus-index';
import type { LineDescription } from './doc-description';
import { kindOf, loadTextFile, MAX_JSONL_FILE_BYTES, readErrorReason, type ReadFileFn } from './document-file';
import { readJsonlCorpus } from './jsonl-corpus';

/**
 * A file modified this close to the time it was read may have changed again within the same
 * timestamp tick unseen (git's "racy clean"); it is read again. 2 s covers FAT's granularity;
 * file systems with sub-second times need only the kernel's tick, 50 ms is ample.
 */
const RACY_COARSE_MS = 2000;
const RACY_FINE_MS = 50;


/** True when a record was read so soon after its file's last change that the file may have changed again unseen. */
export function isRacy(rec: IndexedFile): boolean {
  const window = rec.mtimeMs % 1000 === 0 ? RACY_COARSE_MS : RACY_FINE_MS;
  return rec.checkedAt - rec.mtimeMs < window;
}

/** True when a file's stat matches its record (size, mtime, encoding choice) and the record is not racy: nothing to read. */
export function isUnchanged(old: IndexedFile | undefined, st: { size: number; mtimeMs: number; isFile(): boolean } | null, choice: string | undefined): boolean {
  if (!st || !old || !st.isFile()) return false;
  return old.size === st.size && old.mtimeMs === st.mtimeMs && (old.doc?.chosen ? old.doc.encoding : undefined) === choice && !isRacy(old);
}

/** What {@link readRecord} needs to know of a file besides its bytes. */
export interface RecordSource {
  /** Corpus-relative path (forward slashes) and absolute path. */
  rel: string;
  abs: string;
  size: number;
  mtimeMs: number;
  /** The user's encoding for it, if any. */
  choice: string | undefined;
  /** Its record before this read, whose document ids become the history. */
  old: IndexedFile | undefined;
}

/** Reads one file into its record; never throws: an unreadable file is a record with its reason in `skipped`. */
export async function readRecord(src: RecordSource, readFile: ReadFileFn): Promise<IndexedFile> {
  const { rel, abs, size, mtimeMs, choice, old } = src;
  const kind = kindOf(rel)!;
  const rec: IndexedFile = { path: rel, size, mtimeMs, kind, checkedAt: Date.now() };
  if (kind === 'jsonl') {
    if (size > MAX_JSONL_FILE_BYTES) {
      rec.skipped = [{ reason: `too large (${size} bytes; the limit for a JSONL corpus is ${MAX_JSONL_FILE_BYTES}): split it` }];
      return rec;
    }
    let corpus;
    try {
      corpus = await readJsonlCorpus(abs, path.posix.basename(rel));
    } catch (e) {
      rec.skipped = [{ reason: readErrorReason(e) }];
      return rec;
    }
    if (corpus.refused) {
      rec.skipped = [{ reason: corpus.refused }];
      return rec;
    }
    if (corpus.docs.length === 0 && corpus.skipped.length === 0) rec.skipped = [{ reason: 'empty file' }];
    else if (corpus.skipped.length) rec.skipped = corpus.skipped;
    rec.lines = carryLineHistory(corpus.docs, old?.lines);
    return rec;
  }
  const loaded = await loadTextFile(abs, size, kind, choice, readFile);
  if ('reason' in loaded) {
    rec.skipped = [{ reason: loaded.reason }];
    return rec;
  }
  const history = nextHistory(old?.doc?.docId, old?.doc?.previousDocIds, loaded.doc.docId);
  rec.doc = history ? { ...loaded.doc, previousDocIds: history } : loaded.doc;
  return rec;
}

/**
 * Earlier ids of a JSONL file's lines: a line whose text is unchanged keeps its history
 * wherever it moved; a changed line inherits from the old line of the same `id` (or the
 * same number, when the file has no ids and that old text is gone).
 */
export function carryLineHistory(lines: LineDescription[], old: LineDescription[] | undefined): LineDescription[] {
  if (!old?.length) return lines;
  const byDoc = new Map(old.map((l) => [l.docId, l]));
  const keyOf = (l: LineDescription) => (l.id !== undefined ? `id:${l.id}` : `line:${l.line}`);
  const byKey = new Map(old.map((l) => [keyOf(l), l]));
  const present = new Set(lines.map((l) => l.docId));
  return lines.map((l) => {
    const same = byDoc.get(l.docId);
    if (same) return same.previousDocIds ? { ...l, previousDocIds: same.previousDocIds } : l;
    const prev = byKey.get(keyOf(l));
    if (!prev || present.has(prev.docId)) return l;
    const history = nextHistory(prev.docId, prev.previousDocIds, l.docId);
    return history ? { ...l, previousDocIds: history } : l;
  });
}

/** The list entries of one record: one for a text-like file, one per document line of a JSONL file. */
export function entriesOf(rec: IndexedFile): CorpusEntry[] {
  if (rec.doc) {
    const d = rec.doc;
    const e: CorpusEntry = { path: rec.path, title: d.title, size: rec.size, docId: d.docId, encoding: d.encoding, kind: rec.kind, mtimeMs: rec.mtimeMs };
    if (d.uncertain) {
      e.encodingUncertain = true;
      e.encodingCandidates = d.candidates ?? [];
    }
    if (d.chosen) e.encodingChosen = true;
    if (d.previousDocIds?.length) e.previousDocIds = d.previousDocIds;
    return [e];
  }
  return (rec.lines ?? []).map((l) => {
    const e: CorpusEntry = {
      path: `${rec.path}#${l.line}`,
      title: l.title,
      size: l.bytes,
      docId: l.docId,
      encoding: 'utf-8',
      kind: 'jsonl',
      mtimeMs: rec.mtimeMs,
      source: l.id !== undefined ? { file: rec.path, line: l.line, id: l.id } : { file: rec.path, line: l.line },
    };
    if (l.previousDocIds?.length) e.previousDocIds = l.previousDocIds;
    return e;
  });
}

/** Byte-order comparison (what the list has always used), not locale order. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The corpus list of a set of records: documents sorted by path (JSONL lines by number), skipped files and lines, then `folderSkips`. */
export function listOf(records: Iterable<IndexedFile>, folderSkips: readonly SkippedFile[]): { documents: CorpusEntry[]; skipped: SkippedFile[] } {
  const documents: CorpusEntry[] = [];
  const skipped: SkippedFile[] = [];
  for (const rec of [...records].sort((a, b) => cmp(a.path, b.path))) {
    documents.push(...entriesOf(rec));
    for (const s of rec.skipped ?? []) skipped.push(s.line === undefined ? { path: rec.path, reason: s.reason } : { path: rec.path, reason: s.reason, line: s.line });
  }
  skipped.push(...folderSkips);
  return { documents, skipped };
}
