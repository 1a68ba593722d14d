// Builds the native JSONL export of the open corpus for one annotator, from IndexedDB and the host's texts.

import type { CorpusInfo, MarginaliaApi } from '../../core/ipc/contract';
import { serializeNativeExport, type ExportDocument } from '../../core/format/native';
import type { MarginaliaDb } from '../db/db';
import { allDocStates, loadAnnotations } from '../db/annotations';

/** What an export produced. */
export interface BuiltExport {
  content: string;
  documents: number;
  spans: number;
}

/**
 * One line per annotated document of the corpus (a span, or a status other than
 * todo), in the format's stable order.
 */
export async function buildNativeExport(db: MarginaliaDb, api: MarginaliaApi, corpus: CorpusInfo, annotator: string): Promise<BuiltExport> {
  const states = new Map((await allDocStates(db, annotator)).map((s) => [s.docId, s]));
  const docs: ExportDocument[] = [];
  const seen = new Set<string>();
  let spans = 0;
  for (const entry of corpus.documents) {
    const state = states.get(entry.docId);
    if (!state || seen.has(entry.docId) || (state.spanCount === 0 && state.status === 'todo')) continue;
    seen.add(entry.docId);
    const [doc, ann] = await Promise.all([api.readDocument({ path: entry.path }), loadAnnotations(db, entry.docId, annotator)]);
    if (doc.docId !== entry.docId) continue; // the file changed since the scan; its spans wait for re-anchoring
    spans += ann.spans.length;
    docs.push({ docId: entry.docId, source: entry.path, text: doc.text, annotator, status: state.status, updatedAt: state.updatedAt, spans: ann.spans, relations: ann.relations });
  }
  return { content: serializeNativeExport(docs), documents: docs.length, spans };
}

/** The suggested file name of an export: corpus, annotator and date. */
export function exportFileName(corpusName: string, annotator: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return `${corpusName}-${annotator}-${stamp}.jsonl`;
}
