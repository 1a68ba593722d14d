// `marginalia agreement`: inter-annotator agreement of several native JSONL exports, as a table or as JSON,
// computed one document at a time (the inputs walked together in doc_id order) so memory stays flat.

import { parseArgs } from 'node:util';
import { AgreementAccumulator, formatAgreementTable } from '../../core/agreement';
import { InputOrderError, SourceConflictTracker } from '../../core/agreement/doc-stream';
import type { LineError } from '../../core/format/read';
import { InvalidLineError } from '../../node/format-io';
import { UsageError, type Command } from '../command';
import { NATIVE_INPUT_OPTIONS, NATIVE_INPUT_USAGE, NativeInputs, stoppedMessage } from '../native-input';

const USAGE = `Usage: marginalia agreement FILE... [--json]

Inter-annotator agreement of annotators' native JSONL exports (marginalia/1).
Documents are matched by doc_id; every figure is given per label and overall, for the
whole set, per annotator pair and per document.

  f1_exact     pairwise F1, spans equal in start, end and label
  f1_overlap   pairwise F1, maximum one-to-one matching of overlapping same-label spans
  alpha_u      Krippendorff's unitizing alpha over code points (as DKPro / INCEpTION)
  alpha_label  Krippendorff's nominal alpha of the label at each marked position
  kappa_cohen  two annotators; kappa_fleiss for three or more

Every input line is checked as marginalia validate checks it. The files are read
together one document at a time, so they must be in doc_id order (as Marginalia
writes them).

Options:
  --json            print the full report as JSON, figures in full precision (annotators,
                    documents, labels, overall, pairs, and per-document figures, coverage,
                    attributes, relations); the table rounds them
${NATIVE_INPUT_USAGE}
  -h, --help        show this help

Exit codes: 0 ok; 1 invalid or unreadable input (FILE:LINE: message on stderr; no
figures unless --skip-invalid); 2 usage.`;

/** One error as the CLI prints it: FILE:LINE: message (FILE: message for a whole file). */
export function formatLineError(e: LineError): string {
  return e.line > 0 ? `${e.file}:${e.line}: ${e.message}` : `${e.file}: ${e.message}`;
}

export const command: Command = {
  summary: "inter-annotator agreement of several annotators' exports",
  usage: USAGE,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, ...NATIVE_INPUT_OPTIONS } });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const paths = parsed.positionals;
    if (paths.length === 0) throw new UsageError('give at least one FILE');
    const skipInvalid = parsed.values['skip-invalid'] ?? false;
    const inputs = await NativeInputs.open(paths, { skipInvalid, quiet: parsed.values.quiet ?? false }, 'agreement');
    if (typeof inputs === 'string') {
      process.stderr.write(inputs + '\n');
      return 1;
    }
    const acc = new AgreementAccumulator();
    const sources = new SourceConflictTracker();
    let documents = 0;
    try {
      for await (const { doc } of inputs.documents()) {
        sources.add(doc);
        acc.addDocument(doc);
        documents++;
      }
    } catch (e) {
      inputs.progress.finish();
      if (e instanceof InvalidLineError) {
        process.stderr.write(stoppedMessage('agreement', e).replace('nothing written', 'no figures'));
        return 1;
      }
      if (e instanceof InputOrderError) {
        process.stderr.write(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
    inputs.progress.finish();
    if (documents === 0) {
      process.stderr.write('marginalia agreement: no valid line to compare\n');
      return 1;
    }
    const report = acc.report(sources.conflicts());
    const skipped = inputs.skippedSummary();
    if (skipped) process.stderr.write(skipped + '\n');
    if (parsed.values.json) {
      for (const c of report.source_conflicts) {
        process.stderr.write(`warning: source ${c.source} has ${c.documents.length} different texts; they are kept apart, not merged\n`);
      }
      // Full precision: JSON numbers are for programs; the table rounds for people.
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    } else {
      process.stdout.write(formatAgreementTable(report));
    }
    return 0;
  },
};
