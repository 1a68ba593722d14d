// `marginalia convert --from FORMAT`: records of another format read as a stream (line by line for the JSONL formats
// and CoNLL, file by file for brat), made into native lines, spooled to disk and written sorted, each one validated.

import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../command';
import { ConvertError, type ConvertWarning, type ImportContext } from '../../core/format/convert-types';
import type { NativeLine } from '../../core/format/native';
import { NativeValidator } from '../../core/format/validate';
import { type SplitLine } from '../../core/format/jsonl-splitter';
import { fromSpacyRecord } from '../../core/format/spacy';
import { fromDoccanoRecord } from '../../core/format/doccano';
import { HF_LABELS_FILE, fromHfRecord } from '../../core/format/hf';
import { fromLabelStudioTask } from '../../core/format/label-studio';
import { annotatorFromFolder, BRAT_MANIFEST, fromBrat, type BratManifestEntry } from '../../core/format/brat';
import { ConllReader } from '../../core/format/conll';
import { ChunkWriter, listFiles, readJsonlLines, sha256Hex } from '../../node/format-io';
import { plural } from '../../core/text/plural';
import { NativeSpool } from '../native-spool';
import type { ConvertArgs } from './convert-args';

/** A conversion warning as printed on stderr, named by input file, document and span. */
export function warningText(file: string, w: ConvertWarning): string {
  const who = `doc ${w.docId}${w.annotator ? ` (${w.annotator})` : ''}${w.spanId ? ` span ${w.spanId}` : ''}`;
  return `${file}: warning: ${who}: ${w.message}\n`;
}

/** Prints a conversion warning on stderr. */
function printWarning(file: string, w: ConvertWarning): void {
  process.stderr.write(warningText(file, w));
}

/** FORMAT to native: records read, converted, sorted into the format's order and written. */
export async function importFile(a: ConvertArgs): Promise<number> {
  const spool = new NativeSpool(`${a.out}.unsorted.partial`);
  try {
    return await importThrough(a, spool);
  } finally {
    await spool.dispose();
  }
}

async function importThrough(a: ConvertArgs, spool: NativeSpool): Promise<number> {
  let bad = 0;
  const ctx: ImportContext = {
    sha256Hex,
    annotator: a.annotator,
    offsets: a.offsets,
    warn: (w) => printWarning(a.input, w),
  };
  // Lines go to a spool file as they are made; only their keys stay in memory until they are written sorted.
  const lines = { push: (...ls: NativeLine[]) => ls.forEach((l) => spool.add(l)) };
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
      await spool.flush();
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
        await spool.flush();
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
        await spool.flush();
      }
      break;
    }
    case 'native':
      throw new UsageError('--from native is not a conversion');
  }
  const writer = new ChunkWriter(a.out, 'file');
  // What is written must pass `marginalia validate`: each line is checked as validate checks it.
  const check = new NativeValidator({ sha256Hex });
  let written = 0;
  let previous: { doc_id: string; annotator: string } | null = null;
  try {
    for await (const l of spool.sorted()) {
      // Sorted, so a second line for one (doc_id, annotator) comes right after the first.
      if (previous && previous.doc_id === l.doc_id && previous.annotator === l.annotator) {
        process.stderr.write(`${a.input}: warning: doc ${l.doc_id} (${l.annotator}) appears twice: the later one is left out\n`);
        continue;
      }
      previous = l;
      const problems = check.checkText(l.data, written + 1).filter((p) => p.severity === 'error');
      if (problems.length > 0) {
        bad++;
        process.stderr.write(`${a.input}: doc ${l.doc_id} (${l.annotator}): left out, it would not be valid native JSONL: ${problems.map((p) => p.message).join('; ')}\n`);
        continue;
      }
      written++;
      await writer.write({ file: '', data: l.data + '\n' });
    }
    await writer.close();
  } catch (e) {
    await writer.abort();
    throw e;
  }
  process.stderr.write(`${a.out}: ${plural(written, 'native line')} from ${a.format}${bad ? `, ${plural(bad, 'record')} skipped` : ''}\n`);
  return bad > 0 ? 1 : 0;
}
