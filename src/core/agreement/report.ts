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

import type { NativeSpan } from '../format/native';
import type { Corpus, CorpusDocument, SourceConflict } from './corpus';
import { coverage } from './corpus';
import { krippendorffAlpha, type CodeValue, type MaybeValue, type MeasurementLevel } from './krippendorff';
import { kappaKindFor, LabelTally, type KappaKind, type LabelFigures } from './label-units';
import { addCounts, comparePair, f1, groupByLabel, zeroCounts, type MatchCounts } from './pairwise';
import { forEachPosition } from './positions';
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

/** A record without a prototype, so that a label called `__proto__` is data. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function mean(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    n++;
  }
  return n === 0 ? null : sum / n;
}

function withKappa(base: Omit<AgreementFigures, 'kappa_cohen' | 'kappa_fleiss'>, kind: KappaKind | null, kappa: number | null): AgreementFigures {
  return { ...base, [kind ?? 'kappa_cohen']: kind ? kappa : null };
}

interface UnitizingSums {
  observed: number;
  expected: number;
}

function alphaOf(sums: UnitizingSums | undefined): number | null {
  return !sums || sums.expected === 0 ? null : 1 - sums.observed / sums.expected;
}

/**
 * Computes the agreement report of a corpus. Figures are full-precision numbers or null
 * (never NaN); the CLI rounds them for print.
 */
export function computeAgreement(corpus: Corpus, options: AgreementOptions = {}): AgreementReport {
  const annotators = [...corpus.annotators];
  const A = annotators.length;
  const index = new Map(annotators.map((a, i) => [a, i]));
  const setKind = kappaKindFor(A);
  const setTally = new LabelTally(A);
  const pairCounts = new Map<number, { documents: number; labels: Map<string, MatchCounts>; relations: MatchCounts }>();
  const pairKey = (i: number, j: number) => i * A + j;
  const unitizing = new Map<string, UnitizingSums>();
  const attributeUnits = new Map<string, Map<string, MaybeValue[][]>>();
  const perDocument: DocumentAgreement[] = [];
  const withoutText: string[] = [];
  const allLabels = new Set<string>();

  for (const doc of corpus.documents) {
    const k = doc.annotators.length;
    const global = doc.annotators.map((a) => index.get(a)!);
    const grouped = doc.annotations.map((a) => groupByLabel(a.spans));
    for (const g of grouped) for (const l of g.keys()) allLabels.add(l);

    // Pairs.
    const docPairs: { labels: Map<string, MatchCounts>; relations: MatchCounts }[] = [];
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const counts = comparePair(grouped[i]!, grouped[j]!, doc.annotations[i]!.relations, doc.annotations[j]!.relations);
        docPairs.push(counts);
        const key = pairKey(global[i]!, global[j]!);
        let total = pairCounts.get(key);
        if (!total) pairCounts.set(key, (total = { documents: 0, labels: new Map(), relations: zeroCounts() }));
        total.documents++;
        for (const [label, c] of counts.labels) {
          let t = total.labels.get(label);
          if (!t) total.labels.set(label, (t = zeroCounts()));
          addCounts(t, c);
        }
        addCounts(total.relations, counts.relations);
      }
    }

    // Position units for alpha_label and the kappas, and the attribute units, in one walk.
    const docTally = new LabelTally(k);
    tallyPositions(doc, docTally, attributeUnits);
    // The set's tally is the sum of the documents': alpha always, the kappa where the document
    // has every annotator of the set (the units the set's kappa counts, with the same kind).
    setTally.mergeFrom(docTally, k === A && setKind !== null);

    // Unitizing, per label.
    let docUnitizing = new Map<string, UnitizingSums>();
    const docLabels = [...new Set(grouped.flatMap((g) => [...g.keys()]))].sort();
    if (doc.length === null) withoutText.push(doc.docId);
    else if (k >= 2) {
      const units: UnitizingUnit[] = [];
      for (let r = 0; r < k; r++) for (const s of doc.annotations[r]!.spans) units.push({ rater: r, start: s.start, end: s.end, category: s.label });
      docUnitizing = unitizingDisagreements({ length: doc.length, raters: k, units });
      for (const [label, d] of docUnitizing) {
        let t = unitizing.get(label);
        if (!t) unitizing.set(label, (t = { observed: 0, expected: 0 }));
        t.observed += d.observed;
        t.expected += d.expected;
      }
    }

    if (options.perDocument !== false) perDocument.push(documentFigures(doc, docLabels, docPairs, docTally, docUnitizing));
  }

  // Set-level figures.
  const labels = [...allLabels].sort();
  const pairs: PairFigures[] = [];
  for (let i = 0; i < A; i++) {
    for (let j = i + 1; j < A; j++) {
      const total = pairCounts.get(pairKey(i, j));
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
    const u = unitizing.get(label);
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
  for (const [a, ids] of coverage(corpus)) cov[a] = { documents: ids.length, doc_ids: ids };

  return {
    annotators,
    documents: corpus.documents.length,
    labels: labelFigures,
    overall,
    pairs,
    relations: { f1_exact: mean(pairs.map((p) => p.relations.f1_exact)), f1_overlap: mean(pairs.map((p) => p.relations.f1_overlap)) },
    attributes: attributeFigures(attributeUnits, options.numericAttributeLevels ?? ['interval']),
    alpha_u_detail: detail,
    coverage: cov,
    per_document: perDocument,
    source_conflicts: corpus.sourceConflicts.map((c: SourceConflict) => ({
      source: c.source,
      documents: c.documents.map((d) => ({ doc_id: d.docId, annotators: [...d.annotators] })),
    })),
    documents_without_text: withoutText,
    method: { ...METHOD },
  };
}

function documentFigures(
  doc: CorpusDocument,
  labels: readonly string[],
  pairs: readonly { labels: Map<string, MatchCounts> }[],
  tally: LabelTally,
  unitizing: ReadonlyMap<string, UnitizingSums>,
): DocumentAgreement {
  const kind = tally.kappaKind;
  const figures = record<AgreementFigures>();
  let observed = 0;
  let expected = 0;
  for (const label of labels) {
    const u = unitizing.get(label);
    if (u) {
      observed += u.observed;
      expected += u.expected;
    }
    const lf = tally.forLabel(label);
    figures[label] = withKappa(
      {
        f1_exact: mean(pairs.map((p) => pairF1(p.labels.get(label), 'exact'))),
        f1_overlap: mean(pairs.map((p) => pairF1(p.labels.get(label), 'overlap'))),
        alpha_u: alphaOf(u),
        alpha_label: lf.alpha_label,
      },
      kind,
      lf.kappa,
    );
  }
  const pooled = pairs.map((p) => {
    const all = zeroCounts();
    for (const c of p.labels.values()) addCounts(all, c);
    return all;
  });
  const o = tally.overall();
  return {
    doc_id: doc.docId,
    source: doc.source,
    annotators: [...doc.annotators],
    labels: figures,
    overall: withKappa(
      {
        f1_exact: mean(pooled.map((c) => f1(c.exact, c.a, c.b))),
        f1_overlap: mean(pooled.map((c) => f1(c.overlap, c.a, c.b))),
        alpha_u: unitizing.size === 0 ? null : alphaOf({ observed, expected }),
        alpha_label: o.alpha_label,
      },
      kind,
      o.kappa,
    ),
  };
}

function pairF1(c: MatchCounts | undefined, kind: 'exact' | 'overlap'): number | null {
  return c ? f1(c[kind], c.a, c.b) : null;
}

/**
 * Walks the document's positions once: each (start, end) is a unit of alpha_label for
 * `tally`; each (start, end, label) that two or more annotators marked and one of them gave
 * attributes is an attribute unit (spans matched exactly).
 */
function tallyPositions(doc: CorpusDocument, tally: LabelTally, attributeUnits: Map<string, Map<string, MaybeValue[][]>>): void {
  const k = doc.annotators.length;
  const lists = doc.annotations.map((a) => a.spans);
  // Reused between positions: the labels each annotator gave the current position.
  const sets: string[][] = Array.from({ length: k }, () => []);
  forEachPosition(lists, (_start, _end, from, to) => {
    let withAttrs = false;
    for (let r = 0; r < k; r++) {
      const set = sets[r]!;
      set.length = 0;
      const list = lists[r]!;
      for (let p = from[r]!; p < to[r]!; p++) {
        const s = list[p]!;
        if (set[set.length - 1] !== s.label) set.push(s.label);
        if (!withAttrs && hasKeys(s.attrs)) withAttrs = true;
      }
    }
    tally.addUnit(sets);
    if (withAttrs && k >= 2) addAttributeUnits(lists, from, to, attributeUnits);
  });
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/** The attribute units of one position: per label, each annotator's first span of that label. */
function addAttributeUnits(lists: readonly (readonly NativeSpan[])[], from: Int32Array, to: Int32Array, into: Map<string, Map<string, MaybeValue[][]>>): void {
  const k = lists.length;
  const byLabel = new Map<string, (NativeSpan | undefined)[]>();
  for (let r = 0; r < k; r++) {
    for (let p = from[r]!; p < to[r]!; p++) {
      const s = lists[r]![p]!;
      let row = byLabel.get(s.label);
      if (!row) byLabel.set(s.label, (row = new Array<NativeSpan | undefined>(k)));
      row[r] ??= s;
    }
  }
  for (const [label, row] of byLabel) {
    let present = 0;
    const keys = new Set<string>();
    for (const s of row) {
      if (!s) continue;
      present++;
      for (const key of Object.keys(s.attrs)) keys.add(key);
    }
    if (present < 2 || keys.size === 0) continue;
    let byKey = into.get(label);
    if (!byKey) into.set(label, (byKey = new Map()));
    for (const key of keys) {
      let units = byKey.get(key);
      if (!units) byKey.set(key, (units = []));
      units.push(Array.from(row, (s) => (s ? attrValue(s.attrs[key]) : undefined)));
    }
  }
}

/** An attribute value as a code value: numbers stay numbers, other values compare by their JSON; null and absent are missing. */
function attrValue(v: unknown): CodeValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return v;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function attributeFigures(units: Map<string, Map<string, MaybeValue[][]>>, levels: readonly Exclude<MeasurementLevel, 'nominal'>[]): Record<string, Record<string, AttributeAgreement>> {
  const out = record<Record<string, AttributeAgreement>>();
  for (const label of [...units.keys()].sort()) {
    const byKey = units.get(label)!;
    const figures = record<AttributeAgreement>();
    for (const key of [...byKey.keys()].sort()) {
      const list = byKey.get(key)!;
      // Nominal compares values by identity: the number 5 and the string "5" differ.
      const nominal = krippendorffAlpha(
        list.map((u) => u.map((v) => (v === undefined || v === null ? undefined : `${typeof v}:${v}`))),
        'nominal',
      );
      const figure: AttributeAgreement = { units: nominal.units, alpha_nominal: nominal.alpha };
      const numeric = list.every((u) => u.every((v) => v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v))));
      if (numeric && nominal.units > 0) for (const level of levels) figure[`alpha_${level}`] = krippendorffAlpha(list, level).alpha;
      figures[key] = figure;
    }
    out[label] = figures;
  }
  return out;
}
