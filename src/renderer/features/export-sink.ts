// Where an export's chunks go: the host's streaming export calls, file by file, so the UI never holds the whole output.

import type { MarginaliaApi } from '../../core/ipc/contract';
import type { OutputChunk } from '../../core/format/convert-types';
import type { ExportSink } from './export';

/**
 * A sink that buffers the output and hands it to the host in one `saveExport`
 * call; single-file formats only. Used where the host has no streaming export.
 */
export function bufferedSink(api: MarginaliaApi, suggestedName: string): ExportSink {
  const parts: string[] = [];
  return {
    async write(chunks: OutputChunk[]) {
      for (const c of chunks) {
        if (c.file !== '') throw new Error(`this host cannot write the side file ${c.file}`);
        parts.push(c.data);
      }
    },
    async finish() {
      const result = await api.saveExport({ suggestedName, content: parts.join('') });
      if ('canceled' in result) throw new Error('Export canceled');
      return result.path;
    },
    async abort() {
      parts.length = 0;
    },
  };
}
