// Runs an export chosen in the dialog: waits for the open document's writes, names the file,
// streams it through the host's sink, and says where it went.

import type { CorpusInfo } from '../../core/ipc/contract';
import { host } from '../api/client';
import { db } from '../db/db';
import { exportFileName, runExport, type ExportChoice } from '../features/export';
import { hostSink } from '../features/export-sink';
import type { DocSession } from './doc-session';
import { plural } from '../../core/text/plural';

/** The dialog's `run` for the current corpus, annotator and open document. */
export function exportRunner(ctx: { corpus: CorpusInfo | null; annotator: string | null; session: DocSession | null; say: (text: string) => void }) {
  return async (choice: ExportChoice, onProgress: (done: number, total: number) => void) => {
    const { corpus, annotator, session, say } = ctx;
    if (!corpus || !annotator) throw new Error('No corpus is open');
    await session?.flushed();
    const info = (await import('../../core/format/formats')).FORMATS.find((f) => f.name === choice.format)!;
    // Every format named like the native file: corpus, annotator, time, then the format's ending.
    const name = exportFileName(corpus.name, choice.annotatorSet === 'adjudicated' ? 'adjudicated' : annotator, new Date(), choice.format);
    const sink = await hostSink(host.api, name, info.layout);
    if (!sink) throw new Error('Export canceled');
    const summary = await runExport(db, host.api, corpus, annotator, choice, sink, onProgress);
    say(`Exported ${plural(summary.documents, 'document')} (${summary.spans} spans) to ${summary.path}`);
    return summary;
  };
}
