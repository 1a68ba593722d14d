// The corpus service's one-shot entry points, for the CLI and tests: scan a folder to the end, read one document.
// The live, watched corpus that the hosts serve is CorpusSession (corpus-session.ts).

import { realpath, stat } from 'node:fs/promises';
import type { CorpusInfo, DocumentText } from '../core/ipc/contract';
import { ApiError } from '../core/ipc/contract';
import { CorpusSession } from './corpus-session';
import { kindOf, loadTextFile } from './document-file';
import { resolveInCorpus, toCorpusPath } from './paths';

export { MARGINALIA_DIR } from './corpus-session';
export { DOCUMENT_EXTENSIONS, MAX_FILE_BYTES, docIdOf } from './document-file';

/** A decoded, normalized document. */
export interface LoadedDocument {
  text: string;
  docId: string;
  encoding: string;
}

/** Reads and decodes one text-like file (.txt, .md, .html); the reason when it is not a document. */
export async function loadDocument(abs: string): Promise<LoadedDocument | { reason: string }> {
  let size: number;
  try {
    size = (await stat(abs)).size;
  } catch (e) {
    return { reason: `unreadable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const kind = kindOf(abs);
  const loaded = await loadTextFile(abs, size, kind === 'html' || kind === 'markdown' ? kind : 'text');
  return 'reason' in loaded ? loaded : { text: loaded.text, docId: loaded.doc.docId, encoding: loaded.doc.encoding };
}

/**
 * Scans a corpus folder to the end, without watching it: every document below it, decoded
 * and identified, and the files skipped with reasons. Uses and updates the folder's
 * `.marginalia/index.json`, so scanning it again unchanged only stats its files.
 */
export async function scanCorpus(folder: string): Promise<CorpusInfo> {
  const session = await CorpusSession.open(folder, { watch: false });
  try {
    await session.whenScanned();
    return session.info();
  } finally {
    await session.close();
  }
}

/** Reads one document of the corpus by its corpus-relative path (`file.jsonl#LINE` for a JSONL line). */
export async function readCorpusDocument(root: string, relPath: string): Promise<DocumentText> {
  const abs = await resolveInCorpus(root, String(relPath).replace(/#\d+$/, ''));
  if (kindOf(abs) === null) throw new ApiError('forbidden', `"${relPath}" is not a document of the corpus`);
  const session = await CorpusSession.open(await realpath(root), { watch: false, persist: false, scan: false });
  try {
    return await session.readDocument(typeof relPath === 'string' ? relPath : toCorpusPath(root, abs));
  } finally {
    await session.close();
  }
}
