// `marginalia merge`: merges several annotators' exports into a candidate gold file (and a report of its conflicts),
// one document at a time: the inputs are walked together in doc_id order, so memory stays flat whatever their size.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { copyFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCuration, conflictCounts, goldLine, MERGE_STRATEGIES, mergeReport, type MergeReport, type MergeStrategy } from '../../core/agreement';
import { chosenSource, InputOrderError, SourceConflictTracker } from '../../core/agreement/doc-stream';
import { serializeNativeLine } from '../../core/format/native';
import { plural } from '../../core/text/plural';
import { ChunkWriter, InvalidLineError } from '../../node/format-io';
import { UsageError, type Command } from '../command';
import { NATIVE_INPUT_OPTIONS, NATIVE_INPUT_USAGE, NativeInputs, stoppedMessage } from '../native-input';

const USAGE = `Usage: marginalia merge FILE... --strategy union|majority|unanimous [--min K] --out GOLD.jsonl [--report REPORT.json]

Merges annotators' native JSONL exports (matched by doc_id) into one line per document
with annotator "adjudicated"; each gold span lists its annotators in "sources", and a
relation is kept wherever both its spans are gold (with the annotators who drew it).

  union       every span any annotator marked
  majority    spans marked by at least K of the document's annotators
              (default K: more than half; capped at the number who covered it)
  unanimous   spans every annotator of the document marked

Every disagreement is a conflict: the same region with different labels, different
boundaries of one label, or a span not every annotator marked. The strategy proposes
which sides the gold keeps; documents with conflicts get status "in-progress", and
--report lists every conflict with its sides, for adjudication.

Every input line is checked as marginalia validate checks it. The files are read
together one document at a time, so they must be in doc_id order (as Marginalia
writes them).

Options:
  --strategy S      union, majority or unanimous (required)
  --min K           majority only: supporters needed (a positive integer)
  --out FILE        where to write the gold JSONL (required)
  --report FILE     also write the merge report as JSON
${NATIVE_INPUT_USAGE}
  -h, --help        show this help

The same inputs, in any order, always give the same bytes. Exit codes: 0 ok; 1 invalid
or unreadable input (FILE:LINE: message on stderr; nothing written unless
--skip-invalid); 2 usage.`;

function parsePositiveInteger(flag: string, value: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) throw new UsageError(`${flag} must be a positive integer, not "${value}"`);
  return Number(value);
}

/** The report's per-document entries go to a side file as they come, then into the report after its totals. */
class ReportWriter {
  private readonly docsFile: string;
  private readonly stream;
  private first = true;

  constructor(readonly path: string) {
    this.docsFile = `${path}.documents.partial`;
    this.stream = createWriteStream(this.docsFile);
  }

  async add(entry: MergeReport['per_document'][number]): Promise<void> {
    if (!this.stream.write((this.first ? '' : ',') + JSON.stringify(entry))) await once(this.stream, 'drain');
    this.first = false;
  }

  /** Writes the report: the totals, then every document entry, as one JSON line. */
  async finish(head: Omit<MergeReport, 'per_document'>): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
    const tmp = `${this.path}.partial`;
    const out = createWriteStream(tmp);
    const json = JSON.stringify({ ...head, per_document: [] });
    out.write(json.slice(0, -2));
    const { createReadStream } = await import('node:fs');
    for await (const chunk of createReadStream(this.docsFile)) if (!out.write(chunk)) await once(out, 'drain');
    out.end(']}\n');
    await once(out, 'finish');
    await rm(this.docsFile, { force: true });
    await copyFile(tmp, this.path);
    await rm(tmp, { force: true });
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.docsFile, { force: true });
  }
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
        options: { strategy: { type: 'string' }, min: { type: 'string' }, out: { type: 'string' }, report: { type: 'string' }, ...NATIVE_INPUT_OPTIONS },
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
    const inputSet = new Set(paths.map((p) => resolve(p)));
    if (inputSet.has(resolve(out))) throw new UsageError(`--out ${out} is one of the input files`);
    if (report !== undefined && (inputSet.has(resolve(report)) || resolve(report) === resolve(out))) throw new UsageError(`--report ${report} is an input file or the --out file`);
    const skipInvalid = parsed.values['skip-invalid'] ?? false;

    const inputs = await NativeInputs.open(paths, { skipInvalid, quiet: parsed.values.quiet ?? false }, 'merge');
    if (typeof inputs === 'string') {
      process.stderr.write(`${inputs}\nmarginalia merge: nothing written\n`);
      return 1;
    }
    const options = { strategy: strategy as MergeStrategy, ...(k === undefined ? {} : { min: k }) };
    const writer = new ChunkWriter(out, 'file');
    const reportWriter = report === undefined ? null : new ReportWriter(report);
    const sources = new SourceConflictTracker();
    const annotators = new Set<string>();
    const coverage = new Map<string, string[]>();
    const totals = { documents: 0, spans: 0, relations: 0, relationsBelow: 0, open: 0, single: [] as string[], belowMin: [] as string[], goldSpans: 0 };
    const conflicts = { total: 0, boundary: 0, label: 0, minority: 0, partial: 0 };
    try {
      for await (const { doc, corpus } of inputs.documents()) {
        const chosen = chosenSource(doc);
        if (chosen) {
          process.stderr.write(
            `warning: doc_id ${doc.docId}: its annotators name different sources (${Object.entries(chosen.named).map(([a, s]) => `${a}: ${JSON.stringify(s)}`).join(', ')}); the gold says ${JSON.stringify(chosen.source)} (named by most, then first in sort order)\n`,
          );
        }
        sources.add(doc);
        for (const a of doc.annotators) {
          annotators.add(a);
          let ids = coverage.get(a);
          if (!ids) coverage.set(a, (ids = []));
          ids.push(doc.docId);
        }
        const state = buildCuration(corpus, options);
        const curated = state.documents[0]!;
        const line = goldLine(curated);
        // Relations whose two ends are gold but which too few annotators drew for the strategy: said, never silent.
        const goldIds = new Set(line.spans.map((sp) => sp.id));
        const kept = new Set(line.relations.map((r) => `${r.label}\u0000${r.head}\u0000${r.tail}`));
        for (const r of curated.relations) {
          if (goldIds.has(r.head) && goldIds.has(r.tail) && !kept.has(`${r.label}\u0000${r.head}\u0000${r.tail}`)) totals.relationsBelow++;
        }
        await writer.write({ file: '', data: serializeNativeLine(line) + '\n' });
        totals.documents++;
        totals.spans += line.spans.length;
        totals.relations += line.relations.length;
        if (line.status !== 'done') totals.open++;
        if (curated.annotators.length === 1) totals.single.push(doc.docId);
        if (k !== undefined && curated.annotators.length < k) totals.belowMin.push(doc.docId);
        const counts = conflictCounts(state);
        for (const key of Object.keys(conflicts) as (keyof typeof conflicts)[]) conflicts[key] += counts[key];
        if (reportWriter) await reportWriter.add(mergeReport(state, corpus, []).per_document[0]!);
      }
      if (totals.documents === 0) throw new InvalidLineError(paths.join(', '), 0, ['no valid line to merge']);
      await writer.close();
    } catch (e) {
      await writer.abort();
      await reportWriter?.abort();
      inputs.progress.finish();
      if (e instanceof InvalidLineError) {
        process.stderr.write(stoppedMessage('merge', e));
        return 1;
      }
      if (e instanceof InputOrderError) {
        process.stderr.write(`${e.message}\nmarginalia merge: nothing written\n`);
        return 1;
      }
      throw e;
    }
    inputs.progress.finish();
    const sourceConflicts = sources.conflicts();
    for (const c of sourceConflicts) {
      process.stderr.write(`warning: source ${c.source} has ${c.documents.length} different texts (${c.documents.map((d) => `${d.docId} by ${d.annotators.join(', ')}`).join('; ')}); they are kept apart, not merged\n`);
    }
    const names = [...annotators].sort();
    const rule = strategy !== 'majority' ? strategy : k === undefined ? "majority: more than half of each document's annotators" : `majority: at least ${k} of each document's annotators`;
    const lines = [
      `merged ${plural(totals.documents, 'document')} from ${plural(names.length, 'annotator')} (${rule})`,
      `gold: ${plural(totals.spans, 'span')}, ${plural(totals.relations, 'relation')} -> ${out}`,
      `conflicts: ${conflicts.total} (boundary ${conflicts.boundary}, label ${conflicts.label}, minority ${conflicts.minority}, partial ${conflicts.partial}); ${plural(totals.open, 'document')} left "in-progress" for adjudication`,
    ];
    if (totals.relationsBelow > 0) lines.push(`${plural(totals.relationsBelow, 'relation')} between two gold spans left out: drawn by fewer annotators than the strategy asks (use --strategy union to keep them, or adjudicate in Curation)`);
    if (totals.single.length > 0) lines.push(`${plural(totals.single.length, 'document')} had one annotator only: their gold is that annotator's spans`);
    if (totals.belowMin.length > 0) lines.push(`${plural(totals.belowMin.length, 'document')} had fewer than ${k} annotators: all of them were required there`);
    const skipped = inputs.skippedSummary();
    if (skipped) lines.push(skipped);
    if (reportWriter) {
      const cov: MergeReport['coverage'] = Object.create(null);
      for (const a of names) cov[a] = { documents: coverage.get(a)!.length, doc_ids: coverage.get(a)! };
      await reportWriter.finish({
        strategy: strategy,
        min: k ?? null,
        annotators: names,
        documents: totals.documents,
        coverage: cov,
        gold_spans: totals.spans,
        conflicts,
        single_annotator_documents: totals.single,
        below_min_documents: totals.belowMin,
        source_conflicts: sourceConflicts.map((c) => ({ source: c.source, documents: c.documents.map((d) => ({ doc_id: d.docId, annotators: [...d.annotators] })) })),
        errors: inputs.skippedProblems,
      });
      lines.push(`report -> ${report}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  },
};
