// `marginalia convert`: native JSONL to spacy, hf, doccano, label-studio, brat or conll (streamed, line by line),
// and those formats back into native JSONL.

import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError, type Command } from '../command';
import { ConvertError, type ConvertWarning, type ExportOptions, type ImportContext } from '../../core/format/convert-types';
import { createExporter } from '../../core/format/formats';
import { compareLines, serializeNativeLine, type NativeLine } from '../../core/format/native';
import { NativeValidator } from '../../core/format/validate';
import { type SplitLine } from '../../core/format/jsonl-splitter';
import { fromSpacyRecord } from '../../core/format/spacy';
import { fromDoccanoRecord } from '../../core/format/doccano';
import { HF_LABELS_FILE, TagSet, defaultLabelOrder, fromHfRecord, hfLabelsChunk, hfRecordText } from '../../core/format/hf';
import type { ReadLine } from '../../core/format/read';
import { fromLabelStudioTask } from '../../core/format/label-studio';
import { annotatorFromFolder, BRAT_MANIFEST, fromBrat, type BratManifestEntry } from '../../core/format/brat';
import { ConllReader } from '../../core/format/conll';
import { ChunkWriter, InvalidLineError, listFiles, readJsonlLines, sha256Hex } from '../../node/format-io';
import { NativeInputs, stoppedMessage } from '../native-input';
import { sortedNativeLines } from '../sorted-input';
import { plural } from '../../core/text/plural';
import { HF_JOB_LINES, HF_JOBS_IN_FLIGHT_PER_WORKER, HfWorkers } from '../hf-workers';
import type { HfLineResult } from '../hf-worker';
import { availableParallelism } from 'node:os';

import { parseCommandLine, USAGE, type ConvertArgs } from './convert-args';

/** A conversion warning as printed on stderr, named by input file, document and span. */
function warningText(file: string, w: ConvertWarning): string {
  const who = `doc ${w.docId}${w.annotator ? ` (${w.annotator})` : ''}${w.spanId ? ` span ${w.spanId}` : ''}`;
  return `${file}: warning: ${who}: ${w.message}\n`;
}

/** Prints a conversion warning on stderr. */
function printWarning(file: string, w: ConvertWarning): void {
  process.stderr.write(warningText(file, w));
}

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

/** Inputs from this size up are worth starting worker threads for (each costs a few hundred ms to load). */
const PARALLEL_FROM_BYTES = 8_000_000;

/** Worker threads for an export: hf only (the others cost little per line), `--jobs` or one per core for a large input. */
async function exportJobs(a: ConvertArgs): Promise<number> {
  if (a.format !== 'hf') return 1;
  if (a.jobs !== undefined) return a.jobs;
  return (await stat(a.input)).size >= PARALLEL_FROM_BYTES ? Math.min(availableParallelism(), 8) : 1;
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
    warn: (w) => warnings.add(warningText(a.input, w)),
  };
  const inputs = await NativeInputs.open([a.input], { skipInvalid: a.skipInvalid, quiet: a.quiet, maxLineBytes: a.maxLineBytes }, `convert --to ${a.format}`);
  if (typeof inputs === 'string') {
    process.stderr.write(inputs + '\n');
    return 1;
  }
  const exporter = createExporter(a.format, options);
  const writer = new ChunkWriter(a.out, exporter.layout);
  const jobs = await exportJobs(a);
  let lines = 0;
  try {
    const source = a.sort ? sortedNativeLines(a.input, inputs) : inputs.lines(a.input);
    if (jobs > 1) lines = await exportHfInParallel(a, inputs, source, options, writer, jobs);
    else for await (const l of source) {
      try {
        for (const c of exporter.write(l.value)) await writer.write(c);
        lines++;
      } catch (e) {
        if (!(e instanceof ConvertError)) throw e;
        if (!a.skipInvalid) throw new InvalidLineError(a.input, l.line, [e.message]);
        inputs.skip(a.input, l.line, e.message);
      }
    }
    if (jobs === 1) for (const c of exporter.end()) await writer.write(c);
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

/** FORMAT to native: records read, converted, sorted into the format's order and written. */
async function importFile(a: ConvertArgs): Promise<number> {
  let bad = 0;
  const ctx: ImportContext = {
    sha256Hex,
    annotator: a.annotator,
    offsets: a.offsets,
    warn: (w) => printWarning(a.input, w),
  };
  const lines: NativeLine[] = [];
  const fail = (where: string, e: unknown) => {
    if (!(e instanceof ConvertError)) throw e;
    bad++;
    process.stderr.write(`${where}: ${e.message}\n`);
  };
  /** Streams a JSONL input, one record per line. */
  const eachJsonl = async (convert: (record: unknown, where: string) => void) => {
    for await (const l of readJsonlLines(a.input, { maxLineBytes: a.maxLineBytes }) as AsyncGenerator<SplitLine>) {
      const where = `${a.input}:${l.lineNo}`;
      if (l.error !== undefined) {
        bad++;
        process.stderr.write(`${where}: ${l.error}\n`);
        continue;
      }
      if (l.text.trim() === '') continue;
      try {
        let record: unknown;
        try {
          record = JSON.parse(l.text);
        } catch (e) {
          throw new ConvertError(`not valid JSON: ${(e as Error).message}`);
        }
        convert(record, where);
      } catch (e) {
        fail(where, e);
      }
    }
  };
  switch (a.format) {
    case 'spacy':
      await eachJsonl((r, where) => lines.push(fromSpacyRecord(r, ctx, where)));
      break;
    case 'doccano':
      await eachJsonl((r, where) => lines.push(fromDoccanoRecord(r, ctx, where)));
      break;
    case 'hf': {
      const tagsFile = a.tags ?? join(dirname(a.input), HF_LABELS_FILE);
      let names: string[] | null = null;
      try {
        names = JSON.parse(await readFile(tagsFile, 'utf8')) as string[];
      } catch {
        if (a.tags) throw new UsageError(`--tags ${a.tags}: cannot read a JSON list of tag names`);
      }
      await eachJsonl((r, where) => lines.push(fromHfRecord(r, names, ctx, where)));
      break;
    }
    case 'conll': {
      const reader = new ConllReader(ctx, basename(a.input));
      for await (const l of readJsonlLines(a.input, { maxLineBytes: a.maxLineBytes })) {
        if (l.error !== undefined) {
          bad++;
          process.stderr.write(`${a.input}:${l.lineNo}: ${l.error}\n`);
          continue;
        }
        try {
          const doc = reader.line(l.text, l.lineNo);
          if (doc) lines.push(doc);
        } catch (e) {
          fail(`${a.input}:${l.lineNo}`, e);
        }
      }
      const last = reader.end();
      if (last) lines.push(last);
      break;
    }
    case 'label-studio': {
      // A JSON array is not line-delimited: it is parsed whole (a JSONL file of tasks is read too).
      const body = (await readFile(a.input, 'utf8')).replace(/^\ufeff/, '');
      let tasks: unknown[];
      try {
        const parsed = JSON.parse(body) as unknown;
        tasks = Array.isArray(parsed) ? parsed : [parsed];
      } catch {
        tasks = body.split('\n').filter((s) => s.trim()).map((s) => JSON.parse(s) as unknown);
      }
      tasks.forEach((t, i) => {
        const where = `${a.input}: task ${i + 1}`;
        try {
          lines.push(...fromLabelStudioTask(t, ctx, where));
        } catch (e) {
          fail(where, e);
        }
      });
      break;
    }
    case 'brat': {
      if (!(await stat(a.input)).isDirectory()) throw new UsageError('--from brat reads a folder of .txt and .ann files');
      const files = await listFiles(a.input);
      const manifest = new Map<string, BratManifestEntry>();
      if (files.includes(BRAT_MANIFEST)) {
        for (const row of (await readFile(join(a.input, BRAT_MANIFEST), 'utf8')).split('\n')) {
          if (!row.trim()) continue;
          const e = JSON.parse(row) as BratManifestEntry;
          manifest.set(e.file, e);
        }
      }
      const set = new Set(files);
      for (const f of files) {
        if (!f.endsWith('.txt')) continue;
        const annFile = f.replace(/\.txt$/, '.ann');
        if (!set.has(annFile)) continue;
        const parts = f.split('/');
        try {
          lines.push(
            fromBrat(await readFile(join(a.input, f), 'utf8'), await readFile(join(a.input, annFile), 'utf8'), {
              file: f,
              annotator: parts.length > 1 ? annotatorFromFolder(parts[0]!) : undefined,
              manifest: manifest.get(f),
            }, ctx),
          );
        } catch (e) {
          fail(`${join(a.input, f)}`, e);
        }
      }
      break;
    }
    case 'native':
      throw new UsageError('--from native is not a conversion');
  }
  lines.sort(compareLines);
  const seen = new Set<string>();
  const writer = new ChunkWriter(a.out, 'file');
  // What is written must pass `marginalia validate`: each line is checked as validate checks it.
  const check = new NativeValidator({ sha256Hex });
  let written = 0;
  try {
    for (const l of lines) {
      const key = JSON.stringify([l.doc_id, l.annotator]);
      if (seen.has(key)) {
        process.stderr.write(`${a.input}: warning: doc ${l.doc_id} (${l.annotator}) appears twice: the later one is left out\n`);
        continue;
      }
      seen.add(key);
      const data = serializeNativeLine(l);
      const problems = check.checkText(data, written + 1).filter((p) => p.severity === 'error');
      if (problems.length > 0) {
        bad++;
        process.stderr.write(`${a.input}: doc ${l.doc_id} (${l.annotator}): left out, it would not be valid native JSONL: ${problems.map((p) => p.message).join('; ')}\n`);
        continue;
      }
      written++;
      await writer.write({ file: '', data: data + '\n' });
    }
    await writer.close();
  } catch (e) {
    await writer.abort();
    throw e;
  }
  process.stderr.write(`${a.out}: ${plural(written, 'native line')} from ${a.format}${bad ? `, ${plural(bad, 'record')} skipped` : ''}\n`);
  return bad > 0 ? 1 : 0;
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
