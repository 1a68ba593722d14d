// `marginalia suggest FILE...`: figure suggestions for plain text files, printed as native JSONL lines of the annotator "suggester".

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { compareLines, serializeNativeLine, toNativeLine, type NativeLine } from '../../core/format/native';
import type { CodePoint, Span } from '../../core/model/types';
import { quoteOf } from '../../core/model/quote';
import { docIdFromHex, normalizeText } from '../../core/model/text';
import { OffsetMap } from '../../core/model/offsets';
import { detectFigures } from '../../core/suggest';
import { UsageError, type Command } from '../command';

/** The annotator name of suggestion lines. */
export const SUGGESTER = 'suggester';

const USAGE = `Usage: marginalia suggest [--without-text] FILE...

Reads plain UTF-8 text files and prints one native JSONL line per file (annotator
"suggester", status "todo") with a FIGURE span for every figure the detector finds,
attrs {value, unit, approx}. Offsets are code points over the normalized text.

Options:
  --without-text   leave the document text out of each line (spans keep their text)
  -h, --help       show this help

Lines are sorted by doc_id. A file that cannot be read is reported on stderr as
"FILE: reason" and the others are still printed.
Set SOURCE_DATE_EPOCH (seconds) to fix the timestamps for reproducible output.

Exit status: 0 all files read, 1 some file unreadable, 2 usage error.`;

/** A NUL byte never occurs in UTF-8 text and always in binary formats (images, PDFs, archives). */
const NUL = 0;

/** Base32 digits of span ids, as in core/model/ids. */
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** 12 base32 digits (60 bits of SHA-256), the length of ids from newId(). */
const ID_DIGITS = 12;

/** Why a file's bytes are not a text document, or null when they are. */
function textProblem(bytes: Uint8Array): string | null {
  if (bytes.includes(NUL)) return 'binary file (contains NUL bytes)';
  return null;
}

/** The time stamped on suggestions: now, or SOURCE_DATE_EPOCH for reproducible output. */
function timestamp(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

/** A span id derived from the document and the range, so the same suggestion always gets the same id. */
function spanId(docId: string, start: number, end: number): string {
  const digest = createHash('sha256').update(`${docId}:${start}:${end}`).digest();
  let id = 's';
  for (let i = 0; i < ID_DIGITS; i++) id += ID_ALPHABET[digest[i]! & 31];
  return id;
}

/** The suggestion line of one document. */
export function suggestionLine(text: string, source: string, now: string, withoutText = false): NativeLine {
  const docId = docIdFromHex(createHash('sha256').update(text, 'utf8').digest('hex'));
  const map = new OffsetMap(text);
  const spans: Span[] = detectFigures(text, { map }).map((s) => ({
    id: spanId(docId, s.start, s.end),
    docId,
    annotator: SUGGESTER,
    label: s.label,
    start: s.start,
    end: s.end,
    attrs: { ...s.attrs },
    quote: quoteOf(text, s.start as CodePoint, s.end as CodePoint, map),
    createdAt: now,
    updatedAt: now,
  }));
  return toNativeLine(
    { docId, source, text, annotator: SUGGESTER, status: 'todo', updatedAt: now, spans, relations: [] },
    { withoutText },
  );
}

function parseArgs(args: string[]): { files: string[]; withoutText: boolean } {
  const files: string[] = [];
  let withoutText = false;
  let options = true;
  for (const a of args) {
    if (options && a === '--') options = false;
    else if (options && a === '--without-text') withoutText = true;
    else if (options && a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else files.push(a);
  }
  if (files.length === 0) throw new UsageError('no input files');
  return { files, withoutText };
}

async function run(args: string[]): Promise<number> {
  const { files, withoutText } = parseArgs(args);
  const now = timestamp();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines: NativeLine[] = [];
  const seen = new Map<string, string>();
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      const bytes = await readFile(file);
      const problem = textProblem(bytes);
      if (problem) throw new Error(problem);
      try {
        text = normalizeText(decoder.decode(bytes));
      } catch {
        throw new Error('not valid UTF-8 text');
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
      process.stderr.write(`${file}: ${reason}\n`);
      failed = true;
      continue;
    }
    const source = file.replace(/\\/g, '/');
    const line = suggestionLine(text, source, now, withoutText);
    const earlier = seen.get(line.doc_id);
    if (earlier !== undefined) {
      process.stderr.write(`${file}: same text as ${earlier}, skipped\n`);
      continue;
    }
    seen.set(line.doc_id, file);
    lines.push(line);
  }
  lines.sort(compareLines);
  for (const l of lines) process.stdout.write(serializeNativeLine(l) + '\n');
  return failed ? 1 : 0;
}

/** The `suggest` subcommand. */
export const command: Command = {
  summary: 'print figure suggestions for text files as native JSONL',
  usage: USAGE,
  run,
};
