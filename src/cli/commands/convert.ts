// `marginalia convert`: native JSONL to spacy, hf, doccano, label-studio, brat or conll (streamed, line by line),
// and those formats back into native JSONL.

import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError, type Command } from '../command';
import { FORMAT_NAMES, ConvertError, type Alignment, type ConvertWarning, type ExportOptions, type FormatName, type ImportContext, type OffsetUnit } from '../../core/format/convert-types';
import { createExporter } from '../../core/format/formats';
import { parseLabelList } from '../../core/format/export-options';
import { compareLines, serializeNativeLine, type NativeLine } from '../../core/format/native';
import { NativeValidator } from '../../core/format/validate';
import { MAX_LINE_BYTES, type SplitLine } from '../../core/format/jsonl-splitter';
import { fromSpacyRecord } from '../../core/format/spacy';
import { fromDoccanoRecord } from '../../core/format/doccano';
import { HF_LABELS_FILE, fromHfRecord } from '../../core/format/hf';
import { fromLabelStudioTask } from '../../core/format/label-studio';
import { BRAT_MANIFEST, fromBrat, type BratManifestEntry } from '../../core/format/brat';
import { ConllReader } from '../../core/format/conll';
import { ChunkWriter, listFiles, readJsonlLines, sha256Hex } from '../../node/format-io';

const TARGETS = FORMAT_NAMES.join(', ');

const USAGE = `Usage:
  marginalia convert FILE --to FORMAT --out PATH [options]    native JSONL to FORMAT
  marginalia convert INPUT --from FORMAT --out FILE [options]  FORMAT to native JSONL

Formats: ${TARGETS}. See FORMAT.md for each one and what it cannot carry.
  brat writes (and reads) a folder; hf writes labels.json beside its output and
  reads it from beside its input.

Export options:
  --labels A,B          keep only spans with these labels (relations to others go too)
  --without-text        leave the document text out (native only)
  --offsets UNIT        codepoint, utf16 or grapheme (doccano: default utf16;
                        label-studio: default codepoint, utf16 for old versions)
  --alignment MODE      hf, conll: strict (default), contract or expand, for spans
                        whose boundary falls inside a token
  --locale TAG          hf, conll: locale of the word and sentence segmenter

Import options:
  --annotator NAME      annotator for records that do not name one (default "imported")
  --offsets UNIT        unit of the input's offsets (doccano, label-studio)
  --tags FILE           hf: the tag names (default: labels.json beside the input)

Common:
  --max-line-bytes N    refuse input lines longer than N bytes (default ${MAX_LINE_BYTES})

Warnings (spans a format cannot carry, moved or left out) go to stderr as
FILE: doc DOC_ID (ANNOTATOR) span ID: message. Exit status: 0 done, 1 some
input could not be converted (named as FILE:LINE: message), 2 usage.`;

/** Parsed command line of `convert`. */
interface ConvertArgs {
  input: string;
  direction: 'to' | 'from';
  format: FormatName;
  out: string;
  labels?: string[];
  withText: boolean;
  offsets?: OffsetUnit;
  alignment?: Alignment;
  locale?: string;
  annotator?: string;
  tags?: string;
  maxLineBytes: number;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T {
  if (value === undefined || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function parseArgs(args: string[]): ConvertArgs {
  const positional: string[] = [];
  const opts: Partial<ConvertArgs> & { withText: boolean; maxLineBytes: number } = { withText: true, maxLineBytes: MAX_LINE_BYTES };
  let to: string | undefined;
  let from: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--to': to = value(); break;
      case '--from': from = value(); break;
      case '--out': opts.out = value(); break;
      case '--labels': opts.labels = parseLabelList(value()); break;
      case '--without-text': opts.withText = false; break;
      case '--offsets': opts.offsets = oneOf(value(), ['codepoint', 'utf16', 'grapheme'] as const, '--offsets'); break;
      case '--alignment': opts.alignment = oneOf(value(), ['strict', 'contract', 'expand'] as const, '--alignment'); break;
      case '--locale': opts.locale = value(); break;
      case '--annotator': opts.annotator = value(); break;
      case '--tags': opts.tags = value(); break;
      case '--max-line-bytes': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new UsageError('--max-line-bytes needs a positive whole number');
        opts.maxLineBytes = n;
        break;
      }
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        positional.push(a);
    }
  }
  if (positional.length !== 1) throw new UsageError('name exactly one input');
  if ((to === undefined) === (from === undefined)) throw new UsageError('give exactly one of --to FORMAT and --from FORMAT');
  if (!opts.out) throw new UsageError('--out PATH is required');
  const direction = to !== undefined ? 'to' : 'from';
  const format = oneOf(to ?? from, FORMAT_NAMES, direction === 'to' ? '--to' : '--from');
  if (direction === 'from' && format === 'native') throw new UsageError('--from native: the input is already native; use --to native to filter it');
  if (!opts.withText && !(direction === 'to' && format === 'native')) {
    throw new UsageError(`--without-text applies to --to native only: ${format} needs the document text`);
  }
  if (opts.offsets === 'grapheme' && format === 'label-studio') throw new UsageError('--offsets grapheme: Label Studio counts code points (or UTF-16 in old versions)');
  return { ...(opts as ConvertArgs), input: positional[0]!, direction, format };
}

/** Prints a conversion warning on stderr, named by input file, document and span. */
function printWarning(file: string, w: ConvertWarning): void {
  const who = `doc ${w.docId}${w.annotator ? ` (${w.annotator})` : ''}${w.spanId ? ` span ${w.spanId}` : ''}`;
  process.stderr.write(`${file}: warning: ${who}: ${w.message}\n`);
}

/** Native to FORMAT: every input line is validated, converted and streamed out. */
async function exportFile(a: ConvertArgs): Promise<number> {
  let warnings = 0;
  const options: ExportOptions = {
    labels: a.labels,
    withText: a.withText,
    offsets: a.offsets,
    alignment: a.alignment,
    locale: a.locale,
    warn: (w) => {
      warnings++;
      printWarning(a.input, w);
    },
  };
  const exporter = createExporter(a.format, options);
  const writer = new ChunkWriter(a.out, exporter.layout);
  const validator = new NativeValidator({ sha256Hex });
  let bad = 0;
  let lines = 0;
  try {
    for await (const l of readJsonlLines(a.input, { maxLineBytes: a.maxLineBytes })) {
      const problems = validator.checkSplitLine(l).filter((p) => p.severity === 'error');
      if (l.text !== undefined && l.text.trim() === '') continue;
      if (problems.length > 0) {
        bad++;
        for (const p of problems) process.stderr.write(`${a.input}:${p.line}: ${p.message}\n`);
        continue;
      }
      try {
        for (const c of exporter.write(JSON.parse(l.text!) as NativeLine)) await writer.write(c);
        lines++;
      } catch (e) {
        if (!(e instanceof ConvertError)) throw e;
        bad++;
        process.stderr.write(`${a.input}:${l.lineNo}: ${e.message}\n`);
      }
    }
    for (const p of validator.end()) {
      bad++;
      process.stderr.write(`${a.input}:${p.line}: ${p.message}\n`);
    }
    for (const c of exporter.end()) await writer.write(c);
    await writer.close();
  } catch (e) {
    await writer.abort();
    const err = e as NodeJS.ErrnoException;
    if (err.code) {
      process.stderr.write(`${a.input}:0: cannot convert: ${err.code} ${err.path ?? ''}\n`);
      return 1;
    }
    throw e;
  }
  process.stderr.write(`${a.out}: ${lines} line${lines === 1 ? '' : 's'} converted to ${a.format}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}${bad ? `, ${bad} input line${bad === 1 ? '' : 's'} skipped` : ''}\n`);
  return bad > 0 ? 1 : 0;
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
              annotator: parts.length > 1 ? parts[0] : undefined,
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
  try {
    for (const l of lines) {
      const key = JSON.stringify([l.doc_id, l.annotator]);
      if (seen.has(key)) {
        process.stderr.write(`${a.input}: warning: doc ${l.doc_id} (${l.annotator}) appears twice: the later one is left out\n`);
        continue;
      }
      seen.add(key);
      await writer.write({ file: '', data: serializeNativeLine(l) + '\n' });
    }
    await writer.close();
  } catch (e) {
    await writer.abort();
    throw e;
  }
  process.stderr.write(`${a.out}: ${seen.size} native line${seen.size === 1 ? '' : 's'} from ${a.format}${bad ? `, ${bad} record${bad === 1 ? '' : 's'} skipped` : ''}\n`);
  return bad > 0 ? 1 : 0;
}

export const command: Command = {
  summary: 'convert between native JSONL and spacy, hf, doccano, label-studio, brat, conll',
  usage: USAGE,
  async run(args) {
    const a = parseArgs(args);
    try {
      await stat(a.input);
    } catch {
      process.stderr.write(`${a.input}:0: cannot read the input\n`);
      return 1;
    }
    return a.direction === 'to' ? exportFile(a) : importFile(a);
  },
};
