// The command line of `marginalia convert`: its usage text and its options, read with node:util parseArgs and checked.

import { parseArgs } from 'node:util';
import { UsageError } from '../command';
import { FORMAT_NAMES, type Alignment, type FormatName, type OffsetUnit } from '../../core/format/convert-types';
import { parseLabelList } from '../../core/format/export-options';
import { ZH_TOKENS, type ZhTokens } from '../../core/format/tokens';
import { MAX_LINE_BYTES } from '../../core/format/jsonl-splitter';
import { NATIVE_INPUT_OPTIONS, NATIVE_INPUT_USAGE } from '../native-input';

const TARGETS = FORMAT_NAMES.join(', ');

export const USAGE = `Usage:
  marginalia convert FILE --to FORMAT --out PATH [options]    native JSONL to FORMAT
  marginalia convert INPUT --from FORMAT --out FILE [options]  FORMAT to native JSONL

Formats: ${TARGETS}. See FORMAT.md for each one and what it cannot carry.
  brat writes (and reads) a folder; hf writes labels.json beside its output and
  reads it from beside its input.

Export options (every input line is checked as marginalia validate checks it):
  --labels A,B          keep only spans with these labels (relations to others go too)
  --without-text        leave the document text out (native only)
  --sort                native only: write the lines in doc_id, annotator order (what
                        merge and agreement read), whatever the input's order
  --offsets UNIT        codepoint, utf16 or grapheme (doccano: default utf16;
                        label-studio: default codepoint, utf16 for old versions)
  --alignment MODE      hf, conll: strict (default), contract or expand, for spans
                        whose boundary falls inside a token
  --locale TAG          hf, conll: locale of the word and sentence segmenter
  --zh-tokens MODE      hf: chars (default), one token per Han character as Hugging
                        Face's Chinese NER sets and bert-base-chinese have it, or
                        words, ICU's dictionary words (what hf wrote before)
  --jobs N              hf: threads that cut words (default 1: threads cost more CPU
                        than they save on most inputs); the output is the same bytes

Import options:
  --annotator NAME      annotator for records that do not name one (default "imported")
  --offsets UNIT        unit of the input's offsets (doccano, label-studio)
  --tags FILE           hf: the tag names (default: labels.json beside the input)

Common:
  --max-line-bytes N    refuse input lines longer than N bytes (default ${MAX_LINE_BYTES})
${NATIVE_INPUT_USAGE}

Warnings (spans a format cannot carry, moved or left out) go to stderr as
FILE: doc DOC_ID (ANNOTATOR) span ID: message. Exit status: 0 done, 1 an input
line could not be converted (named as FILE:LINE: message; nothing written unless
--skip-invalid), 2 usage.`;

/** Parsed command line of `convert`. */
export interface ConvertArgs {
  input: string;
  direction: 'to' | 'from';
  format: FormatName;
  out: string;
  labels?: string[];
  withText: boolean;
  offsets?: OffsetUnit;
  alignment?: Alignment;
  locale?: string;
  /** `--zh-tokens`; undefined: chars. */
  zhTokens?: ZhTokens;
  annotator?: string;
  tags?: string;
  maxLineBytes: number;
  sort: boolean;
  skipInvalid: boolean;
  quiet: boolean;
  /** Worker threads for `--to hf`; undefined: chosen from the input's size and the cores. */
  jobs?: number;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T {
  if (value === undefined || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function parseCommandLine(args: string[]): ConvertArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        to: { type: 'string' },
        from: { type: 'string' },
        out: { type: 'string' },
        labels: { type: 'string' },
        'without-text': { type: 'boolean' },
        offsets: { type: 'string' },
        alignment: { type: 'string' },
        locale: { type: 'string' },
        'zh-tokens': { type: 'string' },
        annotator: { type: 'string' },
        tags: { type: 'string' },
        sort: { type: 'boolean' },
        'max-line-bytes': { type: 'string' },
        jobs: { type: 'string' },
        ...NATIVE_INPUT_OPTIONS,
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (parsed.positionals.length !== 1) throw new UsageError('name exactly one input');
  if ((v.to === undefined) === (v.from === undefined)) throw new UsageError('give exactly one of --to FORMAT and --from FORMAT');
  if (!v.out) throw new UsageError('--out PATH is required');
  const direction = v.to !== undefined ? 'to' : 'from';
  const format = oneOf(v.to ?? v.from, FORMAT_NAMES, direction === 'to' ? '--to' : '--from');
  if (direction === 'from' && format === 'native') throw new UsageError('--from native: the input is already native; use --to native to filter it');
  const withText = !v['without-text'];
  if (!withText && !(direction === 'to' && format === 'native')) {
    throw new UsageError(`--without-text applies to --to native only: ${format} needs the document text`);
  }
  if (v.sort && !(direction === 'to' && format === 'native')) throw new UsageError('--sort applies to --to native only');
  if (v['zh-tokens'] !== undefined && !(direction === 'to' && format === 'hf')) throw new UsageError('--zh-tokens applies to --to hf only');
  const offsets = v.offsets === undefined ? undefined : oneOf(v.offsets, ['codepoint', 'utf16', 'grapheme'] as const, '--offsets');
  if (offsets === 'grapheme' && format === 'label-studio') throw new UsageError('--offsets grapheme: Label Studio counts code points (or UTF-16 in old versions)');
  let maxLineBytes = MAX_LINE_BYTES;
  if (v['max-line-bytes'] !== undefined) {
    const n = Number(v['max-line-bytes']);
    if (!/^[0-9]+$/.test(v['max-line-bytes']) || n < 1) throw new UsageError('--max-line-bytes needs a positive whole number');
    maxLineBytes = n;
  }
  let jobs: number | undefined;
  if (v.jobs !== undefined) {
    if (!/^[0-9]+$/.test(v.jobs) || Number(v.jobs) < 1 || Number(v.jobs) > 64) throw new UsageError('--jobs needs a whole number from 1 to 64');
    jobs = Number(v.jobs);
  }
  return {
    input: parsed.positionals[0]!,
    direction,
    format,
    out: v.out,
    labels: v.labels === undefined ? undefined : parseLabelList(v.labels),
    withText,
    offsets,
    alignment: v.alignment === undefined ? undefined : oneOf(v.alignment, ['strict', 'contract', 'expand'] as const, '--alignment'),
    locale: v.locale,
    zhTokens: v['zh-tokens'] === undefined ? undefined : oneOf(v['zh-tokens'], ZH_TOKENS, '--zh-tokens'),
    annotator: v.annotator,
    tags: v.tags,
    maxLineBytes,
    sort: v.sort ?? false,
    skipInvalid: v['skip-invalid'] ?? false,
    quiet: v.quiet ?? false,
    jobs,
  };
}
