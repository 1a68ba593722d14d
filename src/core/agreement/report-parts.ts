// The parts of the agreement report computed per document: its own figures, its position units and attribute units,
// and the attribute figures of the set; kept apart from report.ts so that each file stays one concern.

import type { NativeSpan } from '../format/native';
import type { CorpusDocument } from './corpus';
import { krippendorffAlpha, type CodeValue, type MaybeValue, type MeasurementLevel } from './krippendorff';
import type { LabelTally, KappaKind } from './label-units';
import { addCounts, f1, zeroCounts, type MatchCounts } from './pairwise';
import { forEachPosition } from './positions';
import type { AgreementFigures, AttributeAgreement, DocumentAgreement } from './report';

/** A record without a prototype, so that a label called `__proto__` is data. */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The mean of the defined values; null when none is. */
export function mean(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    sum += v;
    n++;
  }
  return n === 0 ? null : sum / n;
}

/** Figures with the one kappa key of their kind. */
export function withKappa(base: Omit<AgreementFigures, 'kappa_cohen' | 'kappa_fleiss'>, kind: KappaKind | null, kappa: number | null): AgreementFigures {
  return { ...base, [kind ?? 'kappa_cohen']: kind ? kappa : null };
}

/** D_o and D_e of unitizing alpha, summed. */
export interface UnitizingSums {
  observed: number;
  expected: number;
}

/** Unitizing alpha of summed disagreements; null when nothing is expected to differ. */
export function alphaOf(sums: UnitizingSums | undefined): number | null {
  return !sums || sums.expected === 0 ? null : 1 - sums.observed / sums.expected;
}

/** The figures of one document. */
export function documentFigures(
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
export function tallyPositions(doc: CorpusDocument, tally: LabelTally, attributeUnits: Map<string, Map<string, MaybeValue[][]>>): void {
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

export function attributeFigures(units: Map<string, Map<string, MaybeValue[][]>>, levels: readonly Exclude<MeasurementLevel, 'nominal'>[]): Record<string, Record<string, AttributeAgreement>> {
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
