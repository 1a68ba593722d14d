// `marginalia agreement`: inter-annotator agreement of several native JSONL exports, as a table or as JSON.

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { computeAgreement, CorpusBuilder, formatAgreementTable, type Corpus } from '../../core/agreement';
import type { LineError } from '../../core/format/read';
import { UsageError, type Command } from '../command';

const USAGE = `Usage: marginalia agreement FILE... [--json]

Inter-annotator agreement of annotators' native JSONL exports (marginalia/1).
Documents are matched by doc_id; every figure is given per label and overall, for the
whole set, per annotator pair and per document.

  f1_exact     pairwise F1, spans equal in start, end and label
  f1_overlap   pairwise F1, maximum one-to-one matching of overlapping same-label spans
  alpha_u      Krippendorff's unitizing alpha over code points (as DKPro / INCEpTION)
  alpha_label  Krippendorff's nominal alpha of the label at each marked position
  kappa_cohen  two annotators; kappa_fleiss for three or more

Options:
  --json       print the full report as JSON (annotators, documents, labels, overall,
               pairs, and per-document figures, coverage, attributes, relations)
  -h, --help   show this help

Exit codes: 0 ok; 1 invalid input (each problem on stderr as FILE:LINE: message; the
figures of the valid rest are still printed); 2 usage.`;

/** Decimal places kept in --json output: finer than any agreement figure means, and free of float noise. */
const JSON_DECIMALS = 6;

/** Rounds non-integer numbers for print; keeps the structure as is. */
export function roundNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) {
    const f = 10 ** JSON_DECIMALS;
    return Math.round(value * f) / f;
  }
  return value;
}

/** One error as the CLI prints it: FILE:LINE: message (FILE: message for a whole file). */
export function formatLineError(e: LineError): string {
  return e.line > 0 ? `${e.file}:${e.line}: ${e.message}` : `${e.file}: ${e.message}`;
}

/**
 * Reads the files named on the command line into a corpus, one at a time so that a file's
 * content can go before the next is read; unreadable files become errors.
 */
export async function loadCorpus(paths: readonly string[]): Promise<Corpus> {
  const builder = new CorpusBuilder();
  for (const path of paths) {
    let content: string;
    try {
      content = await readFile(path, 'utf8');
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      builder.addErrors([{ file: path, line: 0, message: `cannot read: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.message}` }]);
      continue;
    }
    builder.addFile(path, content);
  }
  return builder.build();
}

/** Errors in command-line file order, then by line. */
export function sortedErrors(errors: readonly LineError[], paths: readonly string[]): LineError[] {
  const order = new Map(paths.map((p, i) => [p, i]));
  return [...errors].sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
}

export const command: Command = {
  summary: "inter-annotator agreement of several annotators' exports",
  usage: USAGE,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' } } });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const paths = parsed.positionals;
    if (paths.length === 0) throw new UsageError('give at least one FILE');
    const corpus = await loadCorpus(paths);
    for (const e of sortedErrors(corpus.errors, paths)) process.stderr.write(formatLineError(e) + '\n');
    if (corpus.documents.length === 0) {
      process.stderr.write('marginalia agreement: no valid line to compare\n');
      return 1;
    }
    const report = computeAgreement(corpus);
    if (parsed.values.json) {
      for (const c of report.source_conflicts) {
        process.stderr.write(`warning: source ${c.source} has ${c.documents.length} different texts; they are kept apart, not merged\n`);
      }
      process.stdout.write(JSON.stringify(report, roundNumbers, 2) + '\n');
    } else {
      process.stdout.write(formatAgreementTable(report));
    }
    return corpus.errors.length > 0 ? 1 : 0;
  },
};
