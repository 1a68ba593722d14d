// Reading one document of an open corpus for the UI: the path checked (inside the corpus, a document type, no hidden
// segment, a regular file), the text decoded asynchronously (one slow file never holds up other requests), a JSONL
// line read back by its offsets, and the earlier document ids that let the UI re-anchor spans.

import { stat } from 'node:fs/promises';
import { ApiError, type DocumentKind, type DocumentText } from '../core/ipc/contract';
import { nextHistory } from './corpus-changes';
import type { IndexedFile } from './corpus-index';
import { canonicalEncoding } from './decode';
import { kindOf, loadTextFile, type ReadFileFn } from './document-file';
import { isHiddenName } from './hidden-path';
import { readJsonlLineAt } from './jsonl-corpus';
import { isInside, resolveInCorpus, toCorpusPath } from './paths';

/** What reading a document needs of the open corpus. */
export interface DocumentSource {
  root: string;
  record(rel: string): IndexedFile | undefined;
  choice(rel: string): string | undefined;
  /** Reads a file's record again now and pushes the change (the file changed since it was listed). */
  reread(rel: string): Promise<void>;
  /** Says a file's text no longer matches its record: the list catches up in the background. */
  stale(rel: string): void;
  /** An asynchronous reader. */
  readFile: ReadFileFn;
}

/** Splits a UI path into the file and, for a JSONL document, its line: `a/data.jsonl#3` → `a/data.jsonl`, 3. */
export function splitDocumentPath(p: string): { file: string; line?: number } {
  const m = /^(.*\.jsonl)#(\d+)$/i.exec(p);
  return m ? { file: m[1]!, line: Number(m[2]) } : { file: p };
}

/** Checks that a UI path names a document type outside hidden folders, and resolves it (links included) inside the corpus. */
export async function resolveDocumentFile(root: string, file: string): Promise<string> {
  if (typeof file !== 'string' || file === '') throw new ApiError('bad-request', 'path must be a non-empty string');
  const abs = await resolveInCorpus(root, file);
  const rel = toCorpusPath(root, abs);
  if (kindOf(rel) === null || rel.split('/').some(isHiddenName)) throw new ApiError('forbidden', `"${file}" is not a document of the corpus`);
  if (!isInside(root, abs)) throw new ApiError('forbidden', `path "${file}" is outside the corpus`);
  return abs;
}

/** The stat of a document file, refused unless it is a regular file (a FIFO, socket or device is never opened). */
export async function regularFileStat(abs: string, rel: string): Promise<{ size: number }> {
  const st = await stat(abs);
  if (!st.isFile()) throw new ApiError('forbidden', `${rel} is not a regular file (a FIFO, socket or device is never opened)`);
  return st;
}

/** Reads one document: a file by its path, a JSONL line by `file.jsonl#LINE` or by the file and an `id`. */
export async function readDocument(src: DocumentSource, reqPath: string, id?: string): Promise<DocumentText> {
  if (typeof reqPath !== 'string' || reqPath === '') throw new ApiError('bad-request', 'path must be a non-empty string');
  const { file, line } = splitDocumentPath(reqPath);
  const abs = await resolveDocumentFile(src.root, file);
  const rel = toCorpusPath(src.root, abs);
  const kind = kindOf(rel)!;
  if (kind === 'jsonl') {
    if (line === undefined && (typeof id !== 'string' || id === '')) throw new ApiError('bad-request', `"${reqPath}" is a JSONL corpus: name a line (${rel}#3) or an id`);
    return readJsonlDocument(src, rel, abs, line, id);
  }
  if (line !== undefined) throw new ApiError('bad-request', `"${reqPath}": only JSONL files have lines`);
  const st = await regularFileStat(abs, rel);
  const loaded = await loadTextFile(abs, st.size, kind, src.choice(rel), src.readFile);
  if ('reason' in loaded) throw new ApiError('bad-request', `${rel}: ${loaded.reason}`);
  const known = src.record(rel)?.doc;
  const d = loaded.doc;
  if (known?.docId !== d.docId) src.stale(rel);
  const history = known?.docId === d.docId ? known.previousDocIds : nextHistory(known?.docId, known?.previousDocIds, d.docId);
  const doc: DocumentText = { path: rel, docId: d.docId, text: loaded.text, encoding: d.encoding, kind, title: d.title };
  if (d.uncertain) {
    doc.encodingUncertain = true;
    doc.encodingCandidates = d.candidates ?? [];
  }
  if (d.chosen) doc.encodingChosen = true;
  if (history?.length) doc.previousDocIds = history;
  return doc;
}

async function readJsonlDocument(src: DocumentSource, rel: string, abs: string, line: number | undefined, id: string | undefined): Promise<DocumentText> {
  const find = () => src.record(rel)?.lines?.find((l) => (line !== undefined ? l.line === line : l.id === id));
  let entry = find();
  let parsed = entry ? await readJsonlLineAt(abs, entry.offset, entry.bytes, entry.docId) : null;
  if (!parsed) {
    // The file changed since it was listed: read it again, then look once more.
    await src.reread(rel);
    entry = find();
    parsed = entry ? await readJsonlLineAt(abs, entry.offset, entry.bytes, entry.docId) : null;
  }
  const where = line !== undefined ? `line ${line}` : `id "${id}"`;
  if (!entry || !parsed) {
    const skip = src.record(rel)?.skipped?.find((s) => s.line === line);
    throw new ApiError(skip ? 'bad-request' : 'not-found', skip ? `${rel}, line ${line}: ${skip.reason}` : `no document at ${where} of ${rel}`);
  }
  const doc: DocumentText = {
    path: `${rel}#${entry.line}`,
    docId: entry.docId,
    text: parsed.text,
    encoding: 'utf-8',
    kind: 'jsonl',
    title: entry.title,
    source: entry.id !== undefined ? { file: rel, line: entry.line, id: entry.id } : { file: rel, line: entry.line },
  };
  if (entry.previousDocIds?.length) doc.previousDocIds = entry.previousDocIds;
  if (parsed.meta) doc.meta = parsed.meta;
  return doc;
}

/**
 * Checks the user's encoding choice for a file before it is saved: the path a text-like
 * document, the name a known encoding, and the bytes valid in it (null: back to detection).
 */
export async function checkEncodingChoice(root: string, reqPath: unknown, encoding: unknown, readFile: ReadFileFn): Promise<{ rel: string; kind: DocumentKind; name: string | null }> {
  if (typeof reqPath !== 'string' || reqPath === '') throw new ApiError('bad-request', 'path must be a non-empty string');
  if (encoding !== null && typeof encoding !== 'string') throw new ApiError('bad-request', 'encoding must be a string or null');
  const abs = await resolveDocumentFile(root, splitDocumentPath(reqPath).file);
  const rel = toCorpusPath(root, abs);
  const kind = kindOf(rel)!;
  if (kind === 'jsonl') throw new ApiError('bad-request', `${rel} is JSONL, which is always UTF-8`);
  if (encoding === null) return { rel, kind, name: null };
  const name = canonicalEncoding(encoding);
  if (!name) throw new ApiError('bad-request', `unknown encoding "${encoding}"`);
  const st = await regularFileStat(abs, rel);
  const trial = await loadTextFile(abs, st.size, kind, name, readFile);
  if ('reason' in trial) throw new ApiError('bad-request', `${rel}: ${trial.reason.replace(/ \(the encoding chosen for it\); choose another$/, '')}; the choice was not saved`);
  return { rel, kind, name };
}
