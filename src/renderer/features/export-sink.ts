// Where an export's chunks go: the host's streaming export calls, so the UI never holds the whole output.

import type { MarginaliaApi } from '../../core/ipc/contract';
import type { OutputChunk } from '../../core/format/convert-types';
import type { ExportSink } from './export';

/**
 * Starts a streamed export on the host (Electron shows its save dialog here);
 * null when the user canceled.
 */
export async function hostSink(api: MarginaliaApi, suggestedName: string, layout: 'file' | 'folder'): Promise<ExportSink | null> {
  const begun = await api.exportBegin({ suggestedName, layout });
  if ('canceled' in begun) return null;
  const { exportId } = begun;
  return {
    async write(chunks: OutputChunk[]) {
      await api.exportWrite({ exportId, chunks });
    },
    async finish() {
      return (await api.exportFinish({ exportId })).path;
    },
    async abort() {
      await api.exportAbort({ exportId });
    },
  };
}
