// `marginalia convert`: native JSONL to spacy, hf, doccano, label-studio, brat or conll (streamed, line by line; hf
// on worker threads), and those formats back into native JSONL (convert-import.ts).

import { stat } from 'node:fs/promises';
import type { Command } from '../command';
import { ConvertError, type ExportOptions } from '../../core/format/convert-types';
import { createExporter } from '../../core/format/formats';
import { TagSet, defaultLabelOrder, hfLabelsChunk, hfRecordText } from '../../core/format/hf';
import type { ReadLine } from '../../core/format/read';
import { ChunkWriter, InvalidLineError } from '../../node/format-io';
import { NativeInputs, stoppedMessage } from '../native-input';
import { sortedNativeLines } from '../sorted-input';
import { plural } from '../../core/text/plural';
import { HF_JOB_LINES, HF_JOBS_IN_FLIGHT_PER_WORKER, HfWorkers } from '../hf-workers';
import type { HfLineResult } from '../hf-worker';
import { parseCommandLine, USAGE, type ConvertArgs } from './convert-args';
import { importFile, warningText } from './convert-import';
import { BatchedWriter } from '../batched-writer';

/** Warnings go out in batches: a large export can warn on every document, and one write per warning is slow. */
class WarningSink {
  private buffer = '';
  count = 0;
  add(text: string): void {
    this.count++;
    this.buffer += text;
    if (this.buffer.length > 64 * 1024) this.flush();
  }
  flush(): void {
    if (this.buffer) process.stderr.write(this.buffer);
    this.buffer = '';
  }
}

/**
 * Worker threads for an export: hf only, and only when `--jobs` asks. One thread is the default: cutting words is
 * now cheaper than handing a parsed line to a thread (structured cloning of the line and its spans cost the main
 * thread more than the cut, and each thread loads the CLI's modules again), so threads add CPU time and, on a
 * 50 MB export, gained no wall time (measured with W6).
 */
function exportJobs(a: ConvertArgs): number {
  return a.format === 'hf' ? (a.jobs ?? 1) : 1;
}

/**
 * `--to hf` on `jobs` worker threads: chunks of validated lines are converted in parallel and taken back in input
 * order, where tag ids are given and the output written, so the bytes, warnings and errors are one thread's.
 * Reading stays at most a few chunks ahead of writing. Returns the number of lines converted.
 */
async function exportHfInParallel(a: ConvertArgs, inputs: NativeInputs, source: AsyncIterable<ReadLine>, options: ExportOptions, writer: ChunkWriter, jobs: number): Promise<number> {
  const workers = new HfWorkers(jobs, options);
  const tags = new TagSet(defaultLabelOrder(options));
  const queue: Array<{ lines: ReadLine[]; results: Promise<HfLineResult[]> }> = [];
  let converted = 0;
  const take = async () => {
    const { lines, results } = queue.shift()!;
    const rs = await results;
    let data = '';
    for (let i = 0; i < rs.length; i++) {
      const r = rs[i]!;
      for (const w of r.warnings) options.warn?.(w);
      if (r.error !== undefined) {
        if (!a.skipInvalid) throw new InvalidLineError(a.input, lines[i]!.line, [r.error]);
        inputs.skip(a.input, lines[i]!.line, r.error);
        continue;
      }
      data += hfRecordText(r.part!, tags);
      converted++;
    }
    if (data) await writer.write({ file: '', data });
  };
  let chunk: ReadLine[] = [];
  const send = () => {
    const results = workers.run(chunk.map((l) => l.value));
    results.catch(() => {}); // awaited in order by take(); a failure must not surface before that as unhandled
    queue.push({ lines: chunk, results });
    chunk = [];
  };
  try {
    try {
      for await (const l of source) {
        chunk.push(l);
        if (chunk.length < HF_JOB_LINES) continue;
        send();
        while (queue.length > jobs * HF_JOBS_IN_FLIGHT_PER_WORKER) await take();
      }
      if (chunk.length > 0) send();
    } catch (e) {
      // A line the reader refused stops the export after the lines before it, whose warnings print first, as on one thread.
      if (e instanceof InvalidLineError) while (queue.length > 0) await take();
      throw e;
    }
    while (queue.length > 0) await take();
    await writer.write(hfLabelsChunk(tags));
  } finally {
    await workers.close();
  }
  return converted;
}

/** Native to FORMAT: every input line is validated (as `marginalia validate` does), converted and streamed out. */
async function exportFile(a: ConvertArgs): Promise<number> {
  const warnings = new WarningSink();
  const options: ExportOptions = {
    labels: a.labels,
    withText: a.withText,
    offsets: a.offsets,
    alignment: a.alignment,
    locale: a.locale,
    zhTokens: a.zhTokens,
    warn: (w) => warnings.add(warningText(a.input, w)),
  };
  const inputs = await NativeInputs.open([a.input], { skipInvalid: a.skipInvalid, quiet: a.quiet, maxLineBytes: a.maxLineBytes }, `convert --to ${a.format}`);
  if (typeof inputs === 'string') {
    process.stderr.write(inputs + '\n');
    return 1;
  }
  const exporter = createExporter(a.format, options);
  const writer = new ChunkWriter(a.out, exporter.layout);
  const jobs = exportJobs(a);
  let lines = 0;
  try {
    const source = a.sort ? sortedNativeLines(a.input, inputs) : inputs.lines(a.input);
    const batched = new BatchedWriter(writer);
    if (jobs > 1) lines = await exportHfInParallel(a, inputs, source, options, writer, jobs);
    else for await (const l of source) {
      try {
        for (const c of exporter.write(l.value)) await batched.write(c);
        lines++;
      } catch (e) {
        if (!(e instanceof ConvertError)) throw e;
        if (!a.skipInvalid) throw new InvalidLineError(a.input, l.line, [e.message]);
        inputs.skip(a.input, l.line, e.message);
      }
    }
    if (jobs === 1) for (const c of exporter.end()) await batched.write(c);
    await batched.flush();
    await writer.close();
  } catch (e) {
    await writer.abort();
    inputs.progress.finish();
    warnings.flush();
    if (e instanceof InvalidLineError) {
      process.stderr.write(stoppedMessage('convert', e));
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code) {
      process.stderr.write(`${a.input}:0: cannot convert: ${err.code} ${err.path ?? ''}\n`);
      return 1;
    }
    throw e;
  }
  inputs.progress.finish();
  warnings.flush();
  const skipped = inputs.skippedSummary();
  process.stderr.write(`${a.out}: ${plural(lines, 'line')} converted to ${a.format}${warnings.count ? `, ${plural(warnings.count, 'warning')}` : ''}${skipped ? `, ${skipped}` : ''}\n`);
  return 0;
}

export const command: Command = {
  summary: 'convert between native JSONL and spacy, hf, doccano, label-studio, brat, conll',
  usage: USAGE,
  async run(args) {
    const a = parseCommandLine(args);
    try {
      await stat(a.input);
    } catch {
      process.stderr.write(`${a.input}:0: cannot read the input\n`);
      return 1;
    }
    return a.direction === 'to' ? exportFile(a) : importFile(a);
  },
};
