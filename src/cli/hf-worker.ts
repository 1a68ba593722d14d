// A worker thread of `convert --to hf`: cuts the words and BIO tags of chunks of already validated native lines
// (the costly part: ICU's word segmentation), so that every core works; tag ids are given in line order by the main thread.

import { parentPort, workerData } from 'node:worker_threads';
import { ConvertError, type ConvertWarning, type ExportOptions } from '../core/format/convert-types';
import { hfLinePart, type HfLinePart } from '../core/format/hf';
import type { NativeLine } from '../core/format/native';

/** A chunk of lines to convert, numbered so results are matched to it. */
export interface HfJob {
  seq: number;
  lines: NativeLine[];
}

/** What became of one line: its part, or the message of the ConvertError it raised; its warnings in order. */
export interface HfLineResult {
  part?: HfLinePart;
  error?: string;
  warnings: ConvertWarning[];
}

/** The results of one job, line by line. */
export interface HfJobResult {
  seq: number;
  results: HfLineResult[];
}

/** Runs one job: the same hfLinePart() the single-threaded exporter calls, warnings collected instead of printed. */
function runJob(job: HfJob, options: ExportOptions): HfJobResult {
  const results = job.lines.map((line): HfLineResult => {
    const warnings: ConvertWarning[] = [];
    try {
      return { part: hfLinePart(line, { ...options, warn: (w) => warnings.push(w) }), warnings };
    } catch (e) {
      if (e instanceof ConvertError) return { error: e.message, warnings };
      throw e;
    }
  });
  return { seq: job.seq, results };
}

if (parentPort) {
  const port = parentPort;
  const options = workerData as ExportOptions;
  port.on('message', (job: HfJob) => {
    const result = runJob(job, options);
    port.postMessage(
      result,
      result.results.flatMap((r) => (r.part ? [r.part.codes.buffer as ArrayBuffer] : [])),
    );
  });
}
