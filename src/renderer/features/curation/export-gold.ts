// Writes the gold through the same streamed sink as every other export (the host's exportBegin/Write/Finish), a batch of lines at a time.

import { ADJUDICATED, goldLine, type CurationState } from '../../../core/agreement';
import { relationsLeftOut } from '../../../core/agreement/curation-relations';
import { walkSteps } from '../../../core/agreement/curation-walk';
import { compareLines, serializeNativeLine } from '../../../core/format/native';
import type { MarginaliaApi } from '../../../core/ipc/contract';
import { exportFileName } from '../export';
import { hostSink } from '../export-sink';

/** Lines per write: a few hundred kilobytes of JSONL, so a large gold never sits whole in one message. */
const LINES_PER_WRITE = 200;

/** The fields {@link compareLines} orders gold lines by. */
function goldKey(docId: string): { doc_id: string; annotator: string } {
  return { doc_id: docId, annotator: ADJUDICATED };
}

/** What a gold export did. */
export interface GoldExport {
  path: string;
  documents: number;
  relations: number;
  /** Documents whose open steps follow the strategy ("in-progress" in the file). */
  open: number;
  /** The annotators' relations the gold leaves out, and why. */
  leftOut: { endMissing: number; refused: number };
}

/** Streams the gold of `state` to a file the host picks; null when the user canceled. */
export async function exportGold(api: MarginaliaApi, state: CurationState): Promise<GoldExport | null> {
  const sink = await hostSink(api, exportFileName('gold', 'adjudicated'), 'file');
  if (!sink) return null;
  let relations = 0;
  try {
    // The format's line order is doc_id (one gold line per document): the curation keeps its documents in that order.
    const docs = [...state.documents].sort((a, b) => compareLines(goldKey(a.docId), goldKey(b.docId)));
    for (let i = 0; i < docs.length; i += LINES_PER_WRITE) {
      const batch = docs.slice(i, i + LINES_PER_WRITE).map(goldLine);
      for (const l of batch) relations += l.relations.length;
      await sink.write([{ file: '', data: batch.map((l) => serializeNativeLine(l) + '\n').join('') }]);
    }
    const path = await sink.finish();
    const open = state.documents.filter((d) => walkSteps(d).some((s) => !s.decided)).length;
    return { path, documents: docs.length, relations, open, leftOut: relationsLeftOut(state) };
  } catch (e) {
    await sink.abort().catch(() => undefined);
    throw e;
  }
}
