// `marginalia suggest FILE...`: figure and entity suggestions for text files, decoded as the app decodes them, printed as native JSONL lines of the annotator "suggester".

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { compareLines, serializeNativeLine, toNativeLine, type NativeLine } from '../../core/format/native';
import type { CodePoint, Span } from '../../core/model/types';
import { quoteOf } from '../../core/model/quote';
import { docIdFromHex, normalizeText } from '../../core/model/text';
import { OffsetMap } from '../../core/model/offsets';
import { detectFigures, Dictionary, scoreOf, sourceOf, type DictionaryEntry, type Suggestion } from '../../core/suggest';
import { suggestEntities } from '../../core/suggest/entities';
import { decodeBytes } from '../../node/decode';
import { UsageError, type Command } from '../command';

/** The annotator name of suggestion lines. */
export const SUGGESTER = 'suggester';

const USAGE = `Usage: marginalia suggest [--labels LIST] [--lexicon EXPORT.jsonl] [--without-text] FILE...

Reads text files (UTF-8, UTF-16 with a BOM, GB18030, Big5: decoded as the app decodes
them) and prints one native JSONL line per file (annotator "suggester", status "todo")
with a span for every suggestion. FIGURE spans carry attrs {value, unit, approx} (value
null for a range); entity spans carry {canonical} when the lexicon knows it. Every span's
attrs also say where it came from: source (parser, lexicon, nlp) and score (0..1).
Offsets are code points over the normalized text.

Options:
  --labels LIST    comma-separated labels to suggest, of FIGURE, PERSON, ORG, LOC, PRODUCT
                   (default FIGURE)
  --lexicon FILE   a native JSONL export whose entity spans are the corpus lexicon:
                   their strings are found again, with their canonical ids
  --without-text   leave the document text out of each line (spans keep their text)
  -h, --help       show this help

Lines are sorted by doc_id. A file that cannot be read is reported on stderr as
"FILE: reason" and the others are still printed.
Set SOURCE_DATE_EPOCH (seconds) to fix the timestamps for reproducible output.

Exit status: 0 all files read, 1 some file unreadable, 2 usage error.`;

/** Base32 digits of span ids, as in core/model/ids. */
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** 12 base32 digits (60 bits of SHA-256), the length of ids from newId(). */
const ID_DIGITS = 12;

/** The labels `--labels` accepts. */
export const SUGGEST_LABELS = ['FIGURE', 'PERSON', 'ORG', 'LOC', 'PRODUCT'] as const;

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

/** What to suggest: labels and the corpus lexicon. */
export interface SuggestOptions {
  labels?: ReadonlySet<string>;
  dictionary?: Dictionary;
}

/** The suggestions of one text for the labels asked for: figures first, then entities. */
function suggestionsOf(text: string, map: OffsetMap, options: SuggestOptions): Suggestion[] {
  const labels = options.labels ?? new Set(['FIGURE']);
  const figures = labels.has('FIGURE') ? detectFigures(text, { map }) : [];
  const entityLabels = new Set([...labels].filter((l) => l !== 'FIGURE'));
  const entities = entityLabels.size ? suggestEntities(text, { map, labels: entityLabels, dictionary: options.dictionary }) : [];
  return [...figures, ...entities];
}

/** The suggestion line of one document. */
export function suggestionLine(text: string, source: string, now: string, withoutText = false, options: SuggestOptions = {}): NativeLine {
  const docId = docIdFromHex(createHash('sha256').update(text, 'utf8').digest('hex'));
  const map = new OffsetMap(text);
  const spans: Span[] = suggestionsOf(text, map, options).map((s) => ({
    id: spanId(docId, s.start, s.end),
    docId,
    annotator: SUGGESTER,
    label: s.label,
    start: s.start,
    end: s.end,
    attrs: { ...s.attrs, source: sourceOf(s), score: scoreOf(s) },
    quote: quoteOf(text, s.start as CodePoint, s.end as CodePoint, map),
    createdAt: now,
    updatedAt: now,
  }));
  return toNativeLine(
    { docId, source, text, annotator: SUGGESTER, status: 'todo', updatedAt: now, spans, relations: [] },
    { withoutText },
  );
}

interface Args {
  files: string[];
  withoutText: boolean;
  labels: Set<string>;
  lexicon: string | null;
}

function parseLabels(value: string | undefined): Set<string> {
  if (!value) throw new UsageError('--labels needs a list, e.g. --labels PERSON,ORG,LOC,PRODUCT');
  const labels = value.split(',').map((l) => l.trim().toUpperCase()).filter(Boolean);
  const unknown = labels.filter((l) => !(SUGGEST_LABELS as readonly string[]).includes(l));
  if (unknown.length || !labels.length) throw new UsageError(`--labels: unknown label ${unknown.join(', ') || '(none)'}; the labels are ${SUGGEST_LABELS.join(', ')}`);
  return new Set(labels);
}

function parseArgs(args: string[]): Args {
  const out: Args = { files: [], withoutText: false, labels: new Set(['FIGURE']), lexicon: null };
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (options && a === '--') options = false;
    else if (options && a === '--without-text') out.withoutText = true;
    else if (options && (a === '--labels' || a.startsWith('--labels='))) out.labels = parseLabels(a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    else if (options && (a === '--lexicon' || a.startsWith('--lexicon='))) {
      out.lexicon = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[++i] ?? null);
      if (!out.lexicon) throw new UsageError('--lexicon needs a file');
    } else if (options && a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else out.files.push(a);
  }
  if (out.files.length === 0) throw new UsageError('no input files');
  return out;
}

/** The entity spans of a native export, as dictionary entries; a bad line is named by file and line. */
async function readLexicon(file: string): Promise<DictionaryEntry[]> {
  const entries: DictionaryEntry[] = [];
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    let line: { spans?: { label?: unknown; text?: unknown; attrs?: Record<string, unknown> }[] };
    try {
      line = JSON.parse(raw) as typeof line;
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    for (const s of line.spans ?? []) {
      if (typeof s.label !== 'string' || typeof s.text !== 'string' || s.label === 'FIGURE' || s.label === 'CLAIM') continue;
      const canonical = s.attrs?.canonical;
      entries.push({ text: s.text, label: s.label, attrs: typeof canonical === 'string' && canonical ? { canonical } : {} });
    }
  });
  return entries;
}

async function run(args: string[]): Promise<number> {
  const { files, withoutText, labels, lexicon } = parseArgs(args);
  const now = timestamp();
  let dictionary: Dictionary | undefined;
  if (lexicon) {
    try {
      dictionary = new Dictionary(await readLexicon(lexicon));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      process.stderr.write(`${err.code === 'ENOENT' ? `${lexicon}: no such file` : err.message}\n`);
      return 2;
    }
  }
  const lines: NativeLine[] = [];
  const seen = new Map<string, string>();
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      const bytes = await readFile(file);
      const decoded = decodeBytes(bytes);
      if (!decoded.ok) throw new Error(decoded.reason);
      if (decoded.uncertain) process.stderr.write(`${file}: encoding uncertain, read as ${decoded.encoding}\n`);
      text = normalizeText(decoded.text);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
      process.stderr.write(`${file}: ${reason}\n`);
      failed = true;
      continue;
    }
    const source = file.replace(/\\/g, '/');
    const line = suggestionLine(text, source, now, withoutText, { labels, dictionary });
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
  summary: 'print figure and entity suggestions for text files as native JSONL',
  usage: USAGE,
  run,
};
