// `marginalia merge`: merges several annotators' exports into a candidate gold file (and a report of its conflicts).

import { resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildCuration, conflictCounts, goldLines, MERGE_STRATEGIES, mergeReport, serializeGoldLines, type MergeStrategy } from '../../core/agreement';
import { UsageError, type Command } from '../command';
import { formatLineError, loadCorpus, sortedErrors } from './agreement';

const USAGE = `Usage: marginalia merge FILE... --strategy union|majority|unanimous [--min K] --out GOLD.jsonl [--report REPORT.json]

Merges annotators' native JSONL exports (matched by doc_id) into one line per document
with annotator "adjudicated"; each gold span lists its annotators in "sources".

  union       every span any annotator marked
  majority    spans marked by at least K of the document's annotators
              (default K: more than half; capped at the number who covered it)
  unanimous   spans every annotator of the document marked

Every disagreement is a conflict: the same region with different labels, different
boundaries of one label, or a span not every annotator marked. The strategy proposes
which sides the gold keeps; documents with conflicts get status "in-progress", and
--report lists every conflict with its sides, for adjudication.

Options:
  --strategy S      union, majority or unanimous (required)
  --min K           majority only: supporters needed (a positive integer)
  --out FILE        where to write the gold JSONL (required)
  --report FILE     also write the merge report as JSON
  -h, --help        show this help

The same inputs always give the same bytes. Exit codes: 0 ok; 1 invalid input (each
problem on stderr as FILE:LINE: message; the valid rest is still merged); 2 usage.`;

function parsePositiveInteger(flag: string, value: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) throw new UsageError(`${flag} must be a positive integer, not "${value}"`);
  return Number(value);
}

export const command: Command = {
  summary: 'merge several exports into one adjudicated gold file',
  usage: USAGE,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: { strategy: { type: 'string' }, min: { type: 'string' }, out: { type: 'string' }, report: { type: 'string' } },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { strategy, min, out, report } = parsed.values;
    const paths = parsed.positionals;
    if (paths.length === 0) throw new UsageError('give at least one FILE');
    if (strategy === undefined) throw new UsageError('--strategy is required');
    if (!(MERGE_STRATEGIES as readonly string[]).includes(strategy)) throw new UsageError(`--strategy must be one of ${MERGE_STRATEGIES.join(', ')}, not "${strategy}"`);
    if (min !== undefined && strategy !== 'majority') throw new UsageError('--min applies to --strategy majority only');
    const k = min === undefined ? undefined : parsePositiveInteger('--min', min);
    if (out === undefined) throw new UsageError('--out is required');
    const inputs = new Set(paths.map((p) => resolve(p)));
    if (inputs.has(resolve(out))) throw new UsageError(`--out ${out} is one of the input files`);
    if (report !== undefined && (inputs.has(resolve(report)) || resolve(report) === resolve(out))) throw new UsageError(`--report ${report} is an input file or the --out file`);

    const corpus = await loadCorpus(paths);
    for (const e of sortedErrors(corpus.errors, paths)) process.stderr.write(formatLineError(e) + '\n');
    if (corpus.documents.length === 0) {
      process.stderr.write('marginalia merge: no valid line to merge; nothing written\n');
      return 1;
    }
    for (const c of corpus.sourceConflicts) {
      process.stderr.write(`warning: source ${c.source} has ${c.documents.length} different texts (${c.documents.map((d) => `${d.docId} by ${d.annotators.join(', ')}`).join('; ')}); they are kept apart, not merged\n`);
    }
    const state = buildCuration(corpus, { strategy: strategy as MergeStrategy, ...(k === undefined ? {} : { min: k }) });
    const gold = goldLines(state);
    await writeFile(out, serializeGoldLines(gold), 'utf8');

    let spans = 0;
    let relations = 0;
    let open = 0;
    for (const line of gold) {
      spans += line.spans.length;
      relations += line.relations.length;
      if (line.status !== 'done') open++;
    }
    const counts = conflictCounts(state);
    const single = state.documents.filter((d) => d.annotators.length === 1).length;
    const belowMin = k === undefined ? 0 : state.documents.filter((d) => d.annotators.length < k).length;
    const rule = strategy !== 'majority' ? strategy : k === undefined ? "majority: more than half of each document's annotators" : `majority: at least ${k} of each document's annotators`;
    const lines = [
      `merged ${state.documents.length} document${state.documents.length === 1 ? '' : 's'} from ${state.annotators.length} annotator${state.annotators.length === 1 ? '' : 's'} (${rule})`,
      `gold: ${spans} span${spans === 1 ? '' : 's'}, ${relations} relation${relations === 1 ? '' : 's'} -> ${out}`,
      `conflicts: ${counts.total} (boundary ${counts.boundary}, label ${counts.label}, minority ${counts.minority}, partial ${counts.partial}); ${open} document${open === 1 ? '' : 's'} left "in-progress" for adjudication`,
    ];
    if (single > 0) lines.push(`${single} document(s) had one annotator only: their gold is that annotator's spans`);
    if (belowMin > 0) lines.push(`${belowMin} document(s) had fewer than ${k} annotators: all of them were required there`);
    if (report !== undefined) {
      // One line: the report of a large merge runs to tens of megabytes; `jq .` indents it for reading.
      await writeFile(report, JSON.stringify(mergeReport(state, corpus, sortedErrors(corpus.errors, paths))) + '\n', 'utf8');
      lines.push(`report -> ${report}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
    return corpus.errors.length > 0 ? 1 : 0;
  },
};
