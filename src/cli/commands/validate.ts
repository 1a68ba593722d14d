// `marginalia validate FILE...`: checks native JSONL files line by line and prints every problem as FILE:LINE: message.

import { parseArgs } from 'node:util';
import { UsageError, type Command } from '../command';
import { plural } from '../../core/text/plural';
import { MAX_LINE_BYTES } from '../../core/format/jsonl-splitter';
import { NativeValidator, type Problem } from '../../core/format/validate';
import { readJsonlLines, sha256Hex } from '../../node/format-io';

const USAGE = `Usage: marginalia validate FILE... [--max-line-bytes N]

Checks native Marginalia JSONL files (format "marginalia/1"): the JSON Schema
(src/core/format/native.schema.json), the version, text[start:end] == span.text
in code points, start < end, offsets in range, unique span and relation ids,
relation endpoints, doc_id against the text, and duplicate (doc_id, annotator)
lines. Every problem is printed as FILE:LINE: message (LINE 0: the whole file);
warnings (order, blank lines) do not make a file invalid.

Options:
  --max-line-bytes N   refuse lines longer than N bytes (default ${MAX_LINE_BYTES})

Exit status: 0 all files valid, 1 a file is invalid or unreadable, 2 usage.`;

/** Parsed command line of `validate`. */
interface ValidateArgs {
  files: string[];
  maxLineBytes: number;
}

function parseCommandLine(args: string[]): ValidateArgs {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { 'max-line-bytes': { type: 'string' } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  let maxLineBytes = MAX_LINE_BYTES;
  const given = parsed.values['max-line-bytes'];
  if (given !== undefined) {
    if (!/^[0-9]+$/.test(given) || Number(given) < 1) throw new UsageError('--max-line-bytes needs a positive whole number');
    maxLineBytes = Number(given);
  }
  if (parsed.positionals.length === 0) throw new UsageError('name at least one file');
  return { files: parsed.positionals, maxLineBytes };
}

/** What one file's check found. */
export interface FileReport {
  file: string;
  problems: Problem[];
}

/** Validates one file, streaming it; unreadable files are one problem at line 0. */
export async function validateFile(file: string, options: { maxLineBytes?: number } = {}): Promise<FileReport> {
  const validator = new NativeValidator({ sha256Hex });
  const problems: Problem[] = [];
  try {
    for await (const line of readJsonlLines(file, options)) problems.push(...validator.checkSplitLine(line));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    problems.push({ line: 0, severity: 'error', message: `cannot read the file: ${err.code ?? err.message}` });
    return { file, problems };
  }
  problems.push(...validator.end());
  return { file, problems };
}

/** One problem as printed: `FILE:LINE: message`, warnings marked. */
export function formatProblem(file: string, p: Problem): string {
  return `${file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

export const command: Command = {
  summary: 'check native JSONL files: schema, offsets, ids, relations',
  usage: USAGE,
  async run(args) {
    const { files, maxLineBytes } = parseCommandLine(args);
    let invalid = 0;
    for (const file of files) {
      const { problems } = await validateFile(file, { maxLineBytes });
      const errors = problems.filter((p) => p.severity === 'error').length;
      const warnings = problems.length - errors;
      for (const p of problems) process.stdout.write(formatProblem(file, p) + '\n');
      if (errors > 0) invalid++;
      process.stderr.write(
        `${file}: ${errors === 0 ? 'valid' : `invalid, ${plural(errors, 'error')}`}${warnings ? `, ${plural(warnings, 'warning')}` : ''}\n`,
      );
    }
    return invalid > 0 ? 1 : 0;
  },
};
