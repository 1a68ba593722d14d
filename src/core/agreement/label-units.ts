// alpha_label and the kappas: agreement on the label of every position, as sufficient statistics tallied unit by unit.
//
// A unit is a distinct (document, start, end) that any annotator marked. Each annotator of
// the scope gives the unit the label they put on exactly that range, or no value where they
// put none. An annotator who put two labels on one range gives the combination as one value
// ("LOC+ORG"): a coder has one value per unit.
// - alpha_label: Krippendorff's nominal alpha over these units (units with one value drop out).
// - Per label L: the same coefficients on the data recoded "gave L here" / "gave another label
//   here" (Krippendorff's category-specific alpha; for Fleiss, exactly Fleiss' kappa_j).
// - kappa_cohen: two annotators, over the units both coded. kappa_fleiss: three or more,
//   over the units every annotator of the scope coded.
// Everything is a sum over units, so a tally takes units one at a time and costs O(labels
// in the unit) per unit: labels absent from a unit are accounted for in bulk.

import { cohenKappa } from './kappa';
import { nominalAlphaOfTally } from './krippendorff';

/** Which kappa a scope reports: Cohen for two annotators, Fleiss for more, none for fewer. */
export type KappaKind = 'kappa_cohen' | 'kappa_fleiss';

/** The kappa of a scope with `raters` annotators, or null when there is no second annotator. */
export function kappaKindFor(raters: number): KappaKind | null {
  return raters === 2 ? 'kappa_cohen' : raters > 2 ? 'kappa_fleiss' : null;
}

/** The label-agreement figures of one label, or of all labels together. */
export interface LabelFigures {
  alpha_label: number | null;
  /** Cohen's or Fleiss' kappa, as {@link LabelTally.kappaKind} says; null when undefined or when no kappa applies. */
  kappa: number | null;
}

interface PerLabel {
  /** Adjustment to the binary alpha's diagonal for the units where this label occurs. */
  agreeingAdjust: number;
  /** Values "gave this label" among pairable values. */
  given: number;
  /** Cohen 2x2 cells: both gave it, only the first, only the second. */
  both: number;
  onlyFirst: number;
  onlySecond: number;
  /** Fleiss: adjustment to sum P_i, and assignments to this label. */
  agreementAdjust: number;
  assigned: number;
}

/** Separator of labels in a combined value: a control character no label contains. */
const JOIN = '\u001f';

/** Sufficient statistics of alpha_label and the kappa over the units of one scope (a document, or the whole set). */
export class LabelTally {
  /** Which kappa this scope reports. */
  readonly kappaKind: KappaKind | null;
  private readonly labels = new Map<string, PerLabel>();
  private values = 0;
  private units = 0;
  private agreeing = 0;
  private readonly marginals = new Map<string, number>();
  private cohenItems = 0;
  private cohenDiagonal = 0;
  private readonly cohenRows = new Map<string, number>();
  private readonly cohenCols = new Map<string, number>();
  private fleissSubjects = 0;
  private fleissAgreement = 0;
  private readonly fleissTotals = new Map<string, number>();

  /** @param raters annotators in the scope: the length of every array given to {@link addUnit}. */
  constructor(readonly raters: number) {
    this.kappaKind = kappaKindFor(raters);
  }

  private label(name: string): PerLabel {
    let l = this.labels.get(name);
    if (!l) this.labels.set(name, (l = { agreeingAdjust: 0, given: 0, both: 0, onlyFirst: 0, onlySecond: 0, agreementAdjust: 0, assigned: 0 }));
    return l;
  }

  /** Scratch arrays of addUnit, reused so that a unit allocates nothing. */
  private readonly values_: string[] = [];
  private readonly unitLabels: string[] = [];
  private readonly unitLabelCounts: number[] = [];

  /**
   * Adds one unit: for each annotator of the scope (by index), the sorted distinct labels
   * they gave this range, or undefined (or empty) where they gave none. The arrays are only
   * read during the call.
   */
  addUnit(byRater: readonly (readonly string[] | undefined)[]): void {
    const vals = this.values_;
    const names = this.unitLabels;
    const counts = this.unitLabelCounts;
    vals.length = 0;
    names.length = 0;
    counts.length = 0;
    for (const set of byRater) {
      if (!set || set.length === 0) continue;
      vals.push(set.length === 1 ? set[0]! : set.join(JOIN));
      for (const l of set) {
        const i = names.indexOf(l);
        if (i < 0) {
          names.push(l);
          counts.push(1);
        } else counts[i]! += 1;
      }
    }
    const m = vals.length;
    for (const l of names) this.label(l);
    if (m >= 2) {
      this.units++;
      this.values += m;
      // Distinct values and their counts by a scan: units have a handful of values.
      for (let i = 0; i < m; i++) {
        const c = countFirst(vals, i);
        if (c === 0) continue;
        this.agreeing += (c * (c - 1)) / (m - 1);
        this.marginals.set(vals[i]!, (this.marginals.get(vals[i]!) ?? 0) + c);
      }
      // Binary recoding: by default every value is "another label" and all m agree (adds m to
      // the diagonal, done in bulk through this.values); correct that for the labels present.
      for (let i = 0; i < names.length; i++) {
        const c = counts[i]!;
        const per = this.label(names[i]!);
        per.agreeingAdjust += (c * (c - 1) + (m - c) * (m - c - 1)) / (m - 1) - m;
        per.given += c;
      }
    }
    if (this.kappaKind === 'kappa_cohen') {
      const a = byRater[0];
      const b = byRater[1];
      if (a && b && a.length > 0 && b.length > 0) {
        const va = vals[0]!;
        const vb = vals[1]!;
        this.cohenItems++;
        if (va === vb) this.cohenDiagonal++;
        this.cohenRows.set(va, (this.cohenRows.get(va) ?? 0) + 1);
        this.cohenCols.set(vb, (this.cohenCols.get(vb) ?? 0) + 1);
        for (const l of names) {
          const per = this.label(l);
          const inA = a.includes(l);
          const inB = b.includes(l);
          if (inA && inB) per.both++;
          else if (inA) per.onlyFirst++;
          else per.onlySecond++;
        }
      }
    } else if (this.kappaKind === 'kappa_fleiss' && m === this.raters) {
      const n = this.raters;
      this.fleissSubjects++;
      let squares = 0;
      for (let i = 0; i < m; i++) {
        const c = countFirst(vals, i);
        if (c === 0) continue;
        squares += c * c;
        this.fleissTotals.set(vals[i]!, (this.fleissTotals.get(vals[i]!) ?? 0) + c);
      }
      this.fleissAgreement += (squares - n) / (n * (n - 1));
      // Binary rows [c, n - c]: P_i is 1 where nobody gave the label (added in bulk via subjects).
      for (let i = 0; i < names.length; i++) {
        const c = counts[i]!;
        const per = this.label(names[i]!);
        per.agreementAdjust += (c * c + (n - c) * (n - c) - n) / (n * (n - 1)) - 1;
        per.assigned += c;
      }
    }
  }

  /**
   * Adds another scope's tally into this one: always its alpha statistics (they are sums over
   * units, whoever coded them), and its kappa statistics when `withKappa` (the caller's
   * promise that the other scope's units are this scope's: same annotators, same kappa).
   */
  mergeFrom(other: LabelTally, withKappa: boolean): void {
    if (withKappa && (other.kappaKind !== this.kappaKind || other.raters !== this.raters)) {
      throw new RangeError(`cannot merge the kappa of ${other.raters} annotators into a tally of ${this.raters}`);
    }
    this.values += other.values;
    this.units += other.units;
    this.agreeing += other.agreeing;
    for (const [v, c] of other.marginals) this.marginals.set(v, (this.marginals.get(v) ?? 0) + c);
    for (const [name, o] of other.labels) {
      const per = this.label(name);
      per.agreeingAdjust += o.agreeingAdjust;
      per.given += o.given;
      if (!withKappa) continue;
      per.both += o.both;
      per.onlyFirst += o.onlyFirst;
      per.onlySecond += o.onlySecond;
      per.agreementAdjust += o.agreementAdjust;
      per.assigned += o.assigned;
    }
    if (!withKappa) return;
    this.cohenItems += other.cohenItems;
    this.cohenDiagonal += other.cohenDiagonal;
    for (const [v, c] of other.cohenRows) this.cohenRows.set(v, (this.cohenRows.get(v) ?? 0) + c);
    for (const [v, c] of other.cohenCols) this.cohenCols.set(v, (this.cohenCols.get(v) ?? 0) + c);
    this.fleissSubjects += other.fleissSubjects;
    this.fleissAgreement += other.fleissAgreement;
    for (const [v, c] of other.fleissTotals) this.fleissTotals.set(v, (this.fleissTotals.get(v) ?? 0) + c);
  }

  /** Every label seen in the scope, sorted. */
  labelNames(): string[] {
    return [...this.labels.keys()].sort();
  }

  /** Figures of all labels together (the combined values). */
  overall(): LabelFigures {
    const alpha = nominalAlphaOfTally(this.values, this.agreeing, this.marginals.values(), this.units).alpha;
    return { alpha_label: alpha, kappa: this.overallKappa() };
  }

  private overallKappa(): number | null {
    if (this.kappaKind === 'kappa_cohen') {
      const n = this.cohenItems;
      if (n === 0) return null;
      let pE = 0;
      for (const [v, r] of this.cohenRows) pE += (r * (this.cohenCols.get(v) ?? 0)) / (n * n);
      return pE === 1 ? null : (this.cohenDiagonal / n - pE) / (1 - pE);
    }
    if (this.kappaKind === 'kappa_fleiss') {
      const subjects = this.fleissSubjects;
      if (subjects === 0) return null;
      const pBar = this.fleissAgreement / subjects;
      let pE = 0;
      for (const t of this.fleissTotals.values()) pE += (t / (subjects * this.raters)) ** 2;
      return pE === 1 ? null : (pBar - pE) / (1 - pE);
    }
    return null;
  }

  /** Figures of one label (binary recoding); a label never seen has nothing to agree on (nulls). */
  forLabel(name: string): LabelFigures {
    const per = this.labels.get(name);
    if (!per) return { alpha_label: null, kappa: null };
    const agreeing = this.values + per.agreeingAdjust;
    const alpha = nominalAlphaOfTally(this.values, agreeing, [per.given, this.values - per.given], this.units).alpha;
    let kappa: number | null = null;
    if (this.kappaKind === 'kappa_cohen') {
      const neither = this.cohenItems - per.both - per.onlyFirst - per.onlySecond;
      kappa = cohenKappa([
        [per.both, per.onlyFirst],
        [per.onlySecond, neither],
      ]).kappa;
    } else if (this.kappaKind === 'kappa_fleiss' && this.fleissSubjects > 0) {
      const subjects = this.fleissSubjects;
      const pBar = (subjects + per.agreementAdjust) / subjects;
      const p = per.assigned / (subjects * this.raters);
      const pE = p * p + (1 - p) * (1 - p);
      kappa = pE === 1 ? null : (pBar - pE) / (1 - pE);
    }
    return { alpha_label: alpha, kappa };
  }
}

/** How often vals[i] occurs in vals, or 0 when it occurred before index i (so each value is counted once). */
function countFirst(vals: readonly string[], i: number): number {
  const v = vals[i]!;
  for (let j = 0; j < i; j++) if (vals[j] === v) return 0;
  let c = 1;
  for (let j = i + 1; j < vals.length; j++) if (vals[j] === v) c++;
  return c;
}
