// The corpus service on node:fs that both hosts and the CLI share: scan a folder, read and identify documents.

import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusEntry, CorpusInfo, DocumentText, SkippedFile } from '../core/ipc/contract';
import { ApiError } from '../core/ipc/contract';
import { docIdFromHex, normalizeText, titleOf } from '../core/model/text';
import { decodeBytes } from './decode';
import { isInside, resolveInCorpus, toCorpusPath } from './paths';

/** File name endings offered as documents. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md'];

/** The folder inside a corpus where Marginalia keeps its own files (exports, journal, schema). */
export const MARGINALIA_DIR = '.marginalia';

/** Files over this size are skipped: 50 MiB of text is far past any document an annotator reads. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The document id of a normalized text: `sha256:` and the hex digest of its UTF-8 bytes. */
export function docIdOf(normalized: string): string {
  return docIdFromHex(createHash('sha256').update(normalized, 'utf8').digest('hex'));
}

/** A decoded, normalized document. */
export interface LoadedDocument {
  text: string;
  docId: string;
  encoding: string;
}

/** Reads and decodes one file; the reason when it is not a document. */
export async function loadDocument(abs: string): Promise<LoadedDocument | { reason: string }> {
  let bytes: Buffer;
  try {
    const st = await stat(abs);
    if (st.size > MAX_FILE_BYTES) return { reason: `too large (${st.size} bytes; the limit is ${MAX_FILE_BYTES})` };
    bytes = await readFile(abs);
  } catch (e) {
    return { reason: `unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { reason: decoded.reason };
  const text = normalizeText(decoded.text);
  if (text.trim() === '') return { reason: 'empty file' };
  return { text, docId: docIdOf(text), encoding: decoded.encoding };
}

/** Lists every candidate file below `root`: hidden folders and `.marginalia/` skipped, symlinks kept only inside. */
async function* walk(root: string, dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const abs = path.join(dir, e.name);
    if (e.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(abs);
      } catch {
        continue;
      }
      if (!isInside(root, target)) continue;
      const st = await stat(target);
      if (st.isDirectory()) continue; // a linked folder could loop; its files are reached by their real path
      yield abs;
    } else if (e.isDirectory()) {
      yield* walk(root, abs);
    } else if (e.isFile()) {
      yield abs;
    }
  }
}

/** Scans a corpus folder: every .txt and .md below it, decoded and identified, and the files skipped with reasons. */
export async function scanCorpus(folder: string): Promise<CorpusInfo> {
  let root: string;
  try {
    root = await realpath(folder);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new ApiError('not-found', `corpus folder "${folder}" does not exist or is not a folder`);
  }
  const documents: CorpusEntry[] = [];
  const skipped: SkippedFile[] = [];
  for await (const abs of walk(root, root)) {
    const rel = toCorpusPath(root, abs);
    if (!DOCUMENT_EXTENSIONS.includes(path.extname(abs).toLowerCase())) continue;
    const doc = await loadDocument(abs);
    if ('reason' in doc) {
      skipped.push({ path: rel, reason: doc.reason });
      continue;
    }
    const size = (await stat(abs)).size;
    documents.push({ path: rel, title: titleOf(doc.text, path.basename(rel)), size, docId: doc.docId, encoding: doc.encoding });
  }
  return { root, name: path.basename(root), documents, skipped };
}

/** Reads one document of the corpus by its corpus-relative path. */
export async function readCorpusDocument(root: string, relPath: string): Promise<DocumentText> {
  const abs = await resolveInCorpus(root, relPath);
  const doc = await loadDocument(abs);
  if ('reason' in doc) throw new ApiError('bad-request', `${relPath}: ${doc.reason}`);
  return { path: toCorpusPath(await realpath(root), abs), docId: doc.docId, text: doc.text, encoding: doc.encoding };
}
