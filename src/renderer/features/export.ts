// Runs an export of the open corpus: documents chosen by status, spans by label and annotator set, streamed in chunks to a sink.

import type { CorpusEntry, CorpusInfo, MarginaliaApi } from '../../core/ipc/contract';
import type { ConvertWarning, FormatName, OutputChunk } from '../../core/format/convert-types';
import { createExporter } from '../../core/format/formats';
import { toNativeLine } from '../../core/format/native';
import type { DocStatus } from '../../core/model/types';
import type { MarginaliaDb } from '../db/db';
import { allDocStates, loadAnnotations } from '../db/annotations';

/** What the export dialog chose. */
export interface ExportChoice {
  format: FormatName;
  /** Statuses of the documents to include; empty: every annotated document. */
  statuses: DocStatus[];
  /** Labels to keep; empty: all. */
  labels: string[];
  /** Whose annotations: the annotator's own, or the adjudicated gold. */
  annotatorSet: 'mine' | 'adjudicated';
  withText: boolean;
}

/** Where the chunks go: the host writes them to a file as they come. */
export interface ExportSink {
  write(chunks: OutputChunk[]): Promise<void>;
  /** Closes the output; resolves to where it went. */
  finish(): Promise<string>;
  abort(): Promise<void>;
}

/** What an export produced. */
export interface ExportSummary {
  documents: number;
  spans: number;
  warnings: ConvertWarning[];
  path: string;
}

/** Bytes buffered before a chunk batch goes to the host: large enough to keep calls few, small enough to keep memory flat. */
const BATCH_CHARS = 1_000_000;

/** Warnings kept for the summary; the rest are plural. */
const MAX_WARNINGS = 200;

/**
 * Exports the annotated documents of `corpus`, in `doc_id` order so that lines
 * come out in the format's stable order without being held in memory.
 */
export async function runExport(
  db: MarginaliaDb,
  api: MarginaliaApi,
  corpus: CorpusInfo,
  annotator: string,
  choice: ExportChoice,
  sink: ExportSink,
  onProgress: (done: number, total: number) => void,
): Promise<ExportSummary> {
  const who = choice.annotatorSet === 'adjudicated' ? 'adjudicated' : annotator;
  const states = new Map((await allDocStates(db, who)).map((s) => [s.docId, s]));
  const seen = new Set<string>();
  const entries: CorpusEntry[] = [];
  for (const e of [...corpus.documents].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0))) {
    const st = states.get(e.docId);
    if (!st || seen.has(e.docId)) continue;
    if (choice.statuses.length ? !choice.statuses.includes(st.status) : st.spanCount === 0 && st.status === 'todo') continue;
    seen.add(e.docId);
    entries.push(e);
  }
  const warnings: ConvertWarning[] = [];
  let warned = 0;
  const exporter = createExporter(choice.format, {
    labels: choice.labels,
    withText: choice.withText,
    warn: (w) => {
      warned++;
      if (warnings.length < MAX_WARNINGS) warnings.push(w);
    },
  });
  let batch: OutputChunk[] = [];
  let batchChars = 0;
  const flush = async () => {
    if (!batch.length) return;
    const out = batch;
    batch = [];
    batchChars = 0;
    await sink.write(out);
  };
  const push = async (chunks: OutputChunk[]) => {
    for (const c of chunks) {
      batch.push(c);
      batchChars += c.data.length;
    }
    if (batchChars >= BATCH_CHARS) await flush();
  };
  let spans = 0;
  let done = 0;
  try {
    for (const e of entries) {
      const [doc, ann] = await Promise.all([api.readDocument({ path: e.path }), loadAnnotations(db, e.docId, who)]);
      done++;
      onProgress(done, entries.length);
      if (doc.docId !== e.docId) continue; // the file changed since the scan: its spans wait for re-anchoring
      const line = toNativeLine({ docId: e.docId, source: e.path, text: doc.text, annotator: who, status: ann.state!.status, updatedAt: ann.state!.updatedAt, spans: ann.spans, relations: ann.relations });
      spans += line.spans.filter((s) => !choice.labels.length || choice.labels.includes(s.label)).length;
      await push(exporter.write(line));
    }
    await push(exporter.end());
    await flush();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  if (warned > warnings.length) warnings.push({ docId: '', message: `… and ${warned - warnings.length} more warnings` });
  return { documents: entries.length, spans, warnings, path: await sink.finish() };
}

/** Re-exported: App names exports through this module. */
export { exportFileName } from './export-name';
