// The report of a merge (`marginalia merge --report`): coverage, the strategy's threshold, and every conflict with its sides.

import type { LineError } from '../format/read';
import type { Corpus } from './corpus';
import { coverage } from './corpus';
import { acceptedSides, goldSpans, isDecided } from './curation';
import type { Candidate, ConflictKind, CurationState } from './merge';

/** One side of a conflict as reported. */
export interface ReportedSide {
  id: string;
  start: number;
  end: number;
  label: string;
  text: string;
  sources: string[];
  attrs: Record<string, unknown>;
  attr_disagreements: string[];
}

/** One conflict as reported. */
export interface ReportedConflict {
  id: string;
  start: number;
  end: number;
  kinds: ConflictKind[];
  sides: ReportedSide[];
  /** Annotators of the document who marked none of the sides (who marked which side is in the sides' `sources`). */
  absent: string[];
  proposed: string[];
  /** What the gold holds: the decision if any, else the proposal. */
  accepted: string[];
  decided: boolean;
}

/** The whole merge report. */
export interface MergeReport {
  strategy: string;
  min: number | null;
  annotators: string[];
  documents: number;
  coverage: Record<string, { documents: number; doc_ids: string[] }>;
  gold_spans: number;
  conflicts: { total: number } & Record<ConflictKind, number>;
  /** Documents only one annotator covered: their gold is that annotator's spans. */
  single_annotator_documents: string[];
  /** Documents fewer annotators covered than --min asks: their threshold is all of them. */
  below_min_documents: string[];
  source_conflicts: { source: string; documents: { doc_id: string; annotators: string[] }[] }[];
  errors: { file: string; line: number; message: string }[];
  per_document: {
    doc_id: string;
    source: string;
    annotators: string[];
    threshold: number;
    gold_spans: number;
    settled: number;
    conflicts: ReportedConflict[];
  }[];
}

function side(c: Candidate): ReportedSide {
  return { id: c.id, start: c.start, end: c.end, label: c.label, text: c.text, sources: [...c.sources], attrs: { ...c.attrs }, attr_disagreements: [...c.attrDisagreements] };
}

/** Conflicts of a state in total and by kind (a conflict of two kinds counts under both). */
export function conflictCounts(state: CurationState): { total: number } & Record<ConflictKind, number> {
  const out = { total: 0, boundary: 0, label: 0, minority: 0, partial: 0 };
  for (const d of state.documents) {
    out.total += d.conflicts.length;
    for (const c of d.conflicts) for (const k of c.kinds) out[k]++;
  }
  return out;
}

/** Builds the report of a curation state and the corpus it came from. */
export function mergeReport(state: CurationState, corpus: Corpus, errors: readonly LineError[] = corpus.errors): MergeReport {
  let gold = 0;
  const cov: MergeReport['coverage'] = Object.create(null);
  for (const [a, ids] of coverage(corpus)) cov[a] = { documents: ids.length, doc_ids: ids };
  const perDocument: MergeReport['per_document'] = state.documents.map((d) => {
    const spans = goldSpans(d).length;
    gold += spans;
    return {
      doc_id: d.docId,
      source: d.source,
      annotators: [...d.annotators],
      threshold: d.threshold,
      gold_spans: spans,
      settled: d.settled.length,
      conflicts: d.conflicts.map((c) => ({
        id: c.id,
        start: c.start,
        end: c.end,
        kinds: [...c.kinds],
        sides: c.sides.map(side),
        absent: Object.keys(c.byAnnotator).filter((a) => c.byAnnotator[a]!.length === 0),
        proposed: [...c.proposed],
        accepted: [...acceptedSides(d, c)],
        decided: isDecided(d, c.id),
      })),
    };
  });
  return {
    strategy: state.strategy,
    min: state.min,
    annotators: [...state.annotators],
    documents: state.documents.length,
    coverage: cov,
    gold_spans: gold,
    conflicts: conflictCounts(state),
    single_annotator_documents: state.documents.filter((d) => d.annotators.length === 1).map((d) => d.docId),
    below_min_documents: state.min === null ? [] : state.documents.filter((d) => d.annotators.length < state.min!).map((d) => d.docId),
    source_conflicts: corpus.sourceConflicts.map((c) => ({ source: c.source, documents: c.documents.map((d) => ({ doc_id: d.docId, annotators: [...d.annotators] })) })),
    errors: errors.map((e) => ({ file: e.file, line: e.line, message: e.message })),
    per_document: perDocument,
  };
}
