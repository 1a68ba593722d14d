// The agreement report of a corpus: every figure per label and overall, for the whole set, per pair and per document.
//
// One pass over the documents. Each document's spans are grouped by label once; every pair
// of its annotators is matched (./pairwise), its position units are tallied (./label-units),
// its continuum is unitized per label (./unitizing) and its exactly matched spans give the
// attribute units. Document figures come from the document's own tallies, set figures from
// sums over documents, so nothing is quadratic in the number of spans of the set.
//
// Averages: f1_* of a label is the mean over annotator pairs of each pair's F1 on that label
// (pairs with no span of the label on their shared documents are undefined and left out);
// "overall" f1 pools all labels within a pair (micro), then averages over pairs.

import type { Corpus, CorpusDocument, SourceConflict } from './corpus';
import type { MaybeValue, MeasurementLevel } from './krippendorff';
import { kappaKindFor, LabelTally, type LabelFigures } from './label-units';
import { addCounts, comparePair, f1, groupByLabel, zeroCounts, type MatchCounts } from './pairwise';
import { alphaOf, attributeFigures, documentFigures, mean, record, tallyPositions, withKappa, type UnitizingSums } from './report-parts';
import { unitizingDisagreements, type UnitizingUnit } from './unitizing';

/** The figures of one label, or of all labels, in one scope. Exactly one kappa key: Cohen for two annotators, Fleiss for more. */
export interface AgreementFigures {
  f1_exact: number | null;
  f1_overlap: number | null;
  alpha_u: number | null;
  alpha_label: number | null;
  kappa_cohen?: number | null;
  kappa_fleiss?: number | null;
}

/** F1 of one pair on one label (or overall, or on relations). */
export interface PairF1 {
  f1_exact: number | null;
  f1_overlap: number | null;
}

/** One annotator pair over the documents both covered. */
export interface PairFigures extends PairF1 {
  a: string;
  b: string;
  /** Documents both covered. */
  documents: number;
  labels: Record<string, PairF1 & MatchCounts>;
  relations: PairF1 & MatchCounts;
}

/** The figures of one document. */
export interface DocumentAgreement {
  doc_id: string;
  source: string;
  annotators: string[];
  labels: Record<string, AgreementFigures>;
  overall: AgreementFigures;
}

/** Agreement on one attribute of one label, over exactly matched spans. */
export interface AttributeAgreement {
  /** Units (spans matched exactly by at least two annotators) where at least two gave the attribute a value. */
  units: number;
  alpha_nominal: number | null;
  /** Only for attributes whose values are all numbers, and only for the levels asked for. */
  alpha_ordinal?: number | null;
  alpha_interval?: number | null;
  alpha_ratio?: number | null;
}

/** Which documents each annotator covered. */
export interface CoverageEntry {
  documents: number;
  doc_ids: string[];
}

/** The whole report, shaped as `marginalia agreement --json` prints it. */
export interface AgreementReport {
  annotators: string[];
  documents: number;
  labels: Record<string, AgreementFigures>;
  overall: AgreementFigures;
  pairs: PairFigures[];
  relations: PairF1;
  attributes: Record<string, Record<string, AttributeAgreement>>;
  /** D_o and D_e of u-alpha per label, summed over documents. */
  alpha_u_detail: Record<string, { D_o: number; D_e: number }>;
  coverage: Record<string, CoverageEntry>;
  per_document: DocumentAgreement[];
  source_conflicts: { source: string; documents: { doc_id: string; annotators: string[] }[] }[];
  /** Documents without text: u-alpha cannot see their gaps and leaves them out. */
  documents_without_text: string[];
  /** How each figure is computed, for whoever reads the JSON later. */
  method: Record<string, string>;
}

/** Options of {@link computeAgreement}. */
export interface AgreementOptions {
  /**
   * Levels of alpha for attributes whose values are all numbers; nominal is always given.
   * Default: interval (ratio costs O(v^2) in distinct values, so it is only on request).
   */
  numericAttributeLevels?: readonly Exclude<MeasurementLevel, 'nominal'>[];
  /** Whether to compute the per-document figures (default true). */
  perDocument?: boolean;
}

/** The description of the methods that goes into every report. */
export const METHOD: Record<string, string> = {
  f1_exact: 'pairwise F1, spans match on start, end and label (one to one); mean over annotator pairs',
  f1_overlap:
    'pairwise F1, maximum one-to-one matching of overlapping same-label spans (Hungarian algorithm; among maximum matchings the one with most overlap); mean over annotator pairs',
  alpha_u:
    "Krippendorff's unitizing alpha as DKPro KrippendorffAlphaUnitizingAgreement, each document's text a continuum of code points; an annotator's overlapping spans of one label merge into their union; documents pooled by summing D_o and D_e (as DKPro pools categories); overall = 1 - mean D_o / mean D_e over labels",
  alpha_label:
    "Krippendorff's nominal alpha over units = distinct (doc_id, start, end) any annotator marked; value = the label given there (two labels on one range: their combination), missing where none; per label: recoded label / other label",
  kappa_cohen: 'two annotators: Cohen\'s kappa over the units both coded',
  kappa_fleiss: "three or more annotators: Fleiss' kappa over the units every annotator coded (per label: Fleiss' kappa_j)",
  relations: 'pairwise F1 of relations matched by label and matched head and tail (exact or overlap span matching)',
  attributes: "Krippendorff's alpha of each attribute over spans matched exactly (doc, start, end, label) by two or more annotators; null values count as missing",
  null: 'a figure is null where it is undefined: fewer than two annotators, nothing to compare, or no variation',
};






/**
 * Computes the agreement report of a corpus. Figures are full-precision numbers or null
 * (never NaN); the CLI rounds them for print.
 */
export function computeAgreement(corpus: Corpus, options: AgreementOptions = {}): AgreementReport {
  const acc = new AgreementAccumulator(options);
  for (const doc of corpus.documents) acc.addDocument(doc);
  return acc.report(corpus.sourceConflicts);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The agreement report built one document at a time, in doc_id order, so that a corpus of any
 * size is compared in memory bounded by its largest document (what `marginalia agreement`
 * streams). It keeps sums only: per annotator pair, per label, and per set of annotators
 * (the kappa of the set counts the documents every annotator of the set covered, which is
 * known only at the end).
 */
export class AgreementAccumulator {
  private readonly options: AgreementOptions;
  private readonly annotators = new Set<string>();
  private readonly pairCounts = new Map<string, { documents: number; labels: Map<string, MatchCounts>; relations: MatchCounts }>();
  private readonly unitizing = new Map<string, UnitizingSums>();
  private readonly attributeUnits = new Map<string, Map<string, MaybeValue[][]>>();
  /** Annotator set (joined names) -> the summed tallies of its documents. */
  private readonly tallies = new Map<string, LabelTally>();
  private readonly perDocument: DocumentAgreement[] = [];
  private readonly withoutText: string[] = [];
  private readonly allLabels = new Set<string>();
  private readonly covered = new Map<string, string[]>();
  private documents = 0;

  constructor(options: AgreementOptions = {}) {
    this.options = options;
  }

  /** Adds one document (documents must come in doc_id order for the coverage lists to be sorted). */
  addDocument(doc: CorpusDocument): void {
    this.documents++;
    const k = doc.annotators.length;
    for (const a of doc.annotators) {
      this.annotators.add(a);
      let ids = this.covered.get(a);
      if (!ids) this.covered.set(a, (ids = []));
      ids.push(doc.docId);
    }
    const grouped = doc.annotations.map((a) => groupByLabel(a.spans));
    for (const g of grouped) for (const l of g.keys()) this.allLabels.add(l);

    const docPairs: { labels: Map<string, MatchCounts>; relations: MatchCounts }[] = [];
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const counts = comparePair(grouped[i]!, grouped[j]!, doc.annotations[i]!.relations, doc.annotations[j]!.relations);
        docPairs.push(counts);
        const key = `${doc.annotators[i]!}\u0000${doc.annotators[j]!}`;
        let total = this.pairCounts.get(key);
        if (!total) this.pairCounts.set(key, (total = { documents: 0, labels: new Map(), relations: zeroCounts() }));
        total.documents++;
        for (const [label, c] of counts.labels) {
          let t = total.labels.get(label);
          if (!t) total.labels.set(label, (t = zeroCounts()));
          addCounts(t, c);
        }
        addCounts(total.relations, counts.relations);
      }
    }

    const docTally = new LabelTally(k);
    tallyPositions(doc, docTally, this.attributeUnits);
    const setKey = doc.annotators.join('\u0000');
    let setTally = this.tallies.get(setKey);
    if (!setTally) this.tallies.set(setKey, (setTally = new LabelTally(k)));
    setTally.mergeFrom(docTally, true);

    let docUnitizing = new Map<string, UnitizingSums>();
    const docLabels = [...new Set(grouped.flatMap((g) => [...g.keys()]))].sort();
    if (doc.length === null) this.withoutText.push(doc.docId);
    else if (k >= 2) {
      const units: UnitizingUnit[] = [];
      for (let r = 0; r < k; r++) for (const s of doc.annotations[r]!.spans) units.push({ rater: r, start: s.start, end: s.end, category: s.label });
      docUnitizing = unitizingDisagreements({ length: doc.length, raters: k, units });
      for (const [label, d] of docUnitizing) {
        let t = this.unitizing.get(label);
        if (!t) this.unitizing.set(label, (t = { observed: 0, expected: 0 }));
        t.observed += d.observed;
        t.expected += d.expected;
      }
    }
    if (this.options.perDocument !== false) this.perDocument.push(documentFigures(doc, docLabels, docPairs, docTally, docUnitizing));
  }

  /** The report of every document added. */
  report(sourceConflicts: readonly SourceConflict[] = []): AgreementReport {
    const annotators = [...this.annotators].sort(cmp);
    const A = annotators.length;
    const setKind = kappaKindFor(A);
    const fullKey = annotators.join('\u0000');
    // The set's tally: alpha over every unit, the kappa over the documents every annotator covered.
    const setTally = new LabelTally(A);
    for (const [key, t] of this.tallies) setTally.mergeFrom(t, key === fullKey && setKind !== null);

    const labels = [...this.allLabels].sort();
    const pairs: PairFigures[] = [];
    for (let i = 0; i < A; i++) {
      for (let j = i + 1; j < A; j++) {
        const total = this.pairCounts.get(`${annotators[i]!}\u0000${annotators[j]!}`);
        const byLabel = record<PairF1 & MatchCounts>();
        const all = zeroCounts();
        for (const label of labels) {
          const c = total?.labels.get(label) ?? zeroCounts();
          byLabel[label] = { f1_exact: f1(c.exact, c.a, c.b), f1_overlap: f1(c.overlap, c.a, c.b), ...c };
          addCounts(all, c);
        }
        const rel = total?.relations ?? zeroCounts();
        pairs.push({
          a: annotators[i]!,
          b: annotators[j]!,
          documents: total?.documents ?? 0,
          f1_exact: f1(all.exact, all.a, all.b),
          f1_overlap: f1(all.overlap, all.a, all.b),
          labels: byLabel,
          relations: { f1_exact: f1(rel.exact, rel.a, rel.b), f1_overlap: f1(rel.overlap, rel.a, rel.b), ...rel },
        });
      }
    }

    const labelFigures = record<AgreementFigures>();
    const detail = record<{ D_o: number; D_e: number }>();
    let observed = 0;
    let expected = 0;
    for (const label of labels) {
      const u = this.unitizing.get(label);
      if (u) {
        detail[label] = { D_o: u.observed, D_e: u.expected };
        observed += u.observed;
        expected += u.expected;
      }
      const lf: LabelFigures = setTally.forLabel(label);
      labelFigures[label] = withKappa(
        {
          f1_exact: mean(pairs.map((p) => p.labels[label]!.f1_exact)),
          f1_overlap: mean(pairs.map((p) => p.labels[label]!.f1_overlap)),
          alpha_u: alphaOf(u),
          alpha_label: lf.alpha_label,
        },
        setKind,
        lf.kappa,
      );
    }
    const overallLabel = setTally.overall();
    const overall = withKappa(
      {
        f1_exact: mean(pairs.map((p) => p.f1_exact)),
        f1_overlap: mean(pairs.map((p) => p.f1_overlap)),
        alpha_u: alphaOf({ observed, expected }),
        alpha_label: overallLabel.alpha_label,
      },
      setKind,
      overallLabel.kappa,
    );

    const cov = record<CoverageEntry>();
    for (const a of annotators) {
      const ids = this.covered.get(a) ?? [];
      cov[a] = { documents: ids.length, doc_ids: [...ids] };
    }

    return {
      annotators,
      documents: this.documents,
      labels: labelFigures,
      overall,
      pairs,
      relations: { f1_exact: mean(pairs.map((p) => p.relations.f1_exact)), f1_overlap: mean(pairs.map((p) => p.relations.f1_overlap)) },
      attributes: attributeFigures(this.attributeUnits, this.options.numericAttributeLevels ?? ['interval']),
      alpha_u_detail: detail,
      coverage: cov,
      per_document: [...this.perDocument],
      source_conflicts: sourceConflicts.map((c: SourceConflict) => ({
        source: c.source,
        documents: c.documents.map((d) => ({ doc_id: d.docId, annotators: [...d.annotators] })),
      })),
      documents_without_text: [...this.withoutText],
      method: { ...METHOD },
    };
  }
}
