// Krippendorff's unitizing alpha (u-alpha), the coefficient INCEpTION reports through DKPro's KrippendorffAlphaUnitizingAgreement.
//
// Per category c each rater's continuum [0, L) is cut into its c-units and the gaps
// between them. delta^2 of two overlapping segments of two raters: both units ->
// (b_g - b_h)^2 + (e_g - e_h)^2; a unit lying inside the other rater's gap -> l^2; else 0.
//   D_o(c) = sum over ordered rater pairs of delta^2 / (m (m - 1) L^2)
//   D_e(c) = (2/L) sum_units [(N_c - 1)(2l^3 - 3l^2 + l)/3 + l^2 sum_{gaps g: l_g >= l} (l_g - l + 1)]
//            / (m L (m L - 1) - sum_units l (l - 1))
//   alpha(c) = 1 - D_o(c)/D_e(c);  overall alpha = 1 - mean_c D_o(c) / mean_c D_e(c)
// (Krippendorff 1995, 2004; DKPro Statistics' implementation, which this one follows term
// for term, including the overall figure over the categories).
//
// Two choices DKPro leaves to its caller:
// - Overlapping units of one rater and one category: DKPro requires there be none. A
//   rater's c-units here are the maximal runs of positions they covered with c: nested or
//   crossing spans of one label merge into their union (INCEpTION instead drops the later
//   of two overlapping spans). Spans that only touch stay two units.
// - Several continua (documents): D_o(c) and D_e(c) are summed over the continua, the
//   way DKPro pools categories for its overall figure, so alpha(c) = 1 - sum D_o / sum D_e.
//   Each document keeps its own raters (those who covered it) and its own length; the
//   result does not depend on the order of the documents. With one document it is DKPro's.
//
// Cost: the observed disagreement is one merge of two sorted segment lists per rater pair;
// the expected one sorts the gap lengths once and answers each unit by binary search over
// suffix sums: O(n log n) per category and document.

/** One unit: a rater marked [start, end) of the continuum with a category. */
export interface UnitizingUnit {
  /** Index of the rater, 0 ≤ rater < raters. */
  rater: number;
  start: number;
  /** Exclusive. */
  end: number;
  category: string;
}

/** One continuum (a document's text, in code points) and what its raters marked on it. */
export interface Continuum {
  /** Length L of the continuum; units lie within [0, L). */
  length: number;
  /** Number of raters m who unitized it (a rater without units counts: they marked nothing). */
  raters: number;
  units: readonly UnitizingUnit[];
}

/** The disagreements of one category and the alpha they give. */
export interface UnitizingFigure {
  /** D_o: summed over the continua that count (at least two raters, positive length). */
  observed: number;
  /** D_e: summed likewise. */
  expected: number;
  /** 1 - D_o/D_e; null when D_e = 0 (no unit of the category anywhere, or nothing to expect). */
  alpha: number | null;
}

/** u-alpha per category and over all of them. */
export interface UnitizingResult {
  categories: Map<string, UnitizingFigure>;
  /** 1 - mean D_o / mean D_e over the categories; null when undefined. */
  overall: UnitizingFigure;
}

/**
 * One rater's continuum for one category as a flat list of segments, three numbers each:
 * start, end, and 1 for a unit or 0 for a gap. Flat arrays of numbers keep the hundreds of
 * thousands of segments of a large study from becoming as many objects.
 */
type Segments = number[];

/**
 * The segments of one rater: the c-units are the maximal runs of covered positions (units
 * merge where they overlap, stay apart where they only touch), with the gaps between them,
 * covering [0, L). `flat` holds start, end pairs.
 */
function segmentsOf(flat: number[], length: number): Segments {
  const n = flat.length / 2;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) {
    const d = flat[2 * i]! - flat[2 * i - 2]! || flat[2 * i + 1]! - flat[2 * i - 1]!;
    if (d < 0) sorted = false;
  }
  let pairs = flat;
  if (!sorted) {
    const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => flat[2 * x]! - flat[2 * y]! || flat[2 * x + 1]! - flat[2 * y + 1]!);
    pairs = [];
    for (const i of order) pairs.push(flat[2 * i]!, flat[2 * i + 1]!);
  }
  const out: Segments = [];
  let pos = 0;
  let unitStart = -1;
  let unitEnd = -1;
  for (let i = 0; i < n; i++) {
    const s = Math.max(0, pairs[2 * i]!);
    const e = Math.min(length, pairs[2 * i + 1]!);
    if (e <= s) continue;
    if (unitStart >= 0 && s < unitEnd) {
      if (e > unitEnd) unitEnd = e;
      continue;
    }
    if (unitStart >= 0) {
      out.push(unitStart, unitEnd, 1);
      pos = unitEnd;
    }
    if (s > pos) out.push(pos, s, 0);
    unitStart = s;
    unitEnd = e;
  }
  if (unitStart >= 0) {
    out.push(unitStart, unitEnd, 1);
    pos = unitEnd;
  }
  if (pos < length) out.push(pos, length, 0);
  return out;
}

/** delta^2 of two overlapping segments of two raters. */
function distance(gs: number, ge: number, gu: number, hs: number, he: number, hu: number): number {
  if (gu && hu) return (gs - hs) ** 2 + (ge - he) ** 2;
  if (gu && !hu && gs >= hs && ge <= he) return (ge - gs) ** 2;
  if (!gu && hu && hs >= gs && he <= ge) return (he - hs) ** 2;
  return 0;
}

/** Sum of delta^2 over every overlapping pair of segments of two raters (one merge of two sorted lists). */
function pairDisagreement(a: Segments, b: Segments): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const gs = a[i]!;
    const ge = a[i + 1]!;
    const hs = b[j]!;
    const he = b[j + 1]!;
    if (gs < he && hs < ge) sum += distance(gs, ge, a[i + 2]!, hs, he, b[j + 2]!);
    if (ge < he) i += 3;
    else if (he < ge) j += 3;
    else {
      i += 3;
      j += 3;
    }
  }
  return sum;
}

/**
 * D_o and D_e of one category on one continuum. Both are 0 where the continuum cannot
 * count (fewer than two raters, no length).
 */
export function unitizingDisagreement(continuum: Continuum, category: string): { observed: number; expected: number } {
  return disagreementOf(
    continuum.units.filter((u) => u.category === category),
    continuum.raters,
    continuum.length,
  );
}

/** D_o and D_e of every category that occurs on one continuum, grouping its units once. */
export function unitizingDisagreements(continuum: Continuum): Map<string, { observed: number; expected: number }> {
  const byCategory = new Map<string, UnitizingUnit[]>();
  for (const u of continuum.units) {
    let list = byCategory.get(u.category);
    if (!list) byCategory.set(u.category, (list = []));
    list.push(u);
  }
  const out = new Map<string, { observed: number; expected: number }>();
  for (const [category, units] of byCategory) out.set(category, disagreementOf(units, continuum.raters, continuum.length));
  return out;
}

/** D_o and D_e of the units of one category. */
function disagreementOf(categoryUnits: readonly UnitizingUnit[], m: number, L: number): { observed: number; expected: number } {
  if (m < 2 || L <= 0) return { observed: 0, expected: 0 };
  const byRater: number[][] = Array.from({ length: m }, () => []);
  for (const u of categoryUnits) {
    if (u.rater < 0 || u.rater >= m) throw new RangeError(`unit of rater ${u.rater} on a continuum of ${m} raters`);
    byRater[u.rater]!.push(u.start, u.end);
  }
  const segments = byRater.map((flat) => segmentsOf(flat, L));

  let observed = 0;
  for (let r1 = 0; r1 < m; r1++) for (let r2 = r1 + 1; r2 < m; r2++) observed += pairDisagreement(segments[r1]!, segments[r2]!);
  observed = (2 * observed) / (m * (m - 1) * L * L);

  const lengths: number[] = [];
  const gaps: number[] = [];
  for (const segs of segments) for (let i = 0; i < segs.length; i += 3) (segs[i + 2] ? lengths : gaps).push(segs[i + 1]! - segs[i]!);
  const nC = lengths.length;
  if (nC === 0) return { observed, expected: 0 };
  gaps.sort((x, y) => x - y);
  // suffix[i] = sum over gaps[i..] of (l_g + 1), so sum_{l_g >= l} (l_g - l + 1) = suffix[i] - l * (G - i).
  const suffix = new Float64Array(gaps.length + 1);
  for (let i = gaps.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + gaps[i]! + 1;
  let sum = 0;
  let squaredLengths = 0;
  for (const l of lengths) {
    const first = lowerBound(gaps, l);
    const gapSum = suffix[first]! - l * (gaps.length - first);
    sum += ((nC - 1) * (2 * l * l * l - 3 * l * l + l)) / 3 + l * l * gapSum;
    squaredLengths += l * (l - 1);
  }
  const expected = ((2 / L) * sum) / (m * L * (m * L - 1) - squaredLengths);
  return { observed, expected };
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function figure(observed: number, expected: number): UnitizingFigure {
  return { observed, expected, alpha: expected === 0 ? null : 1 - observed / expected };
}

/**
 * u-alpha of one or more continua, per category and overall. `categories` defaults to
 * every category that occurs in a unit; a category listed but never used gets alpha null.
 */
export function unitizingAlpha(continua: readonly Continuum[], categories?: readonly string[]): UnitizingResult {
  const cats = categories ?? [...new Set(continua.flatMap((c) => c.units.map((u) => u.category)))].sort();
  const out = new Map<string, UnitizingFigure>();
  let observed = 0;
  let expected = 0;
  for (const cat of cats) {
    let o = 0;
    let e = 0;
    for (const c of continua) {
      const d = unitizingDisagreement(c, cat);
      o += d.observed;
      e += d.expected;
    }
    out.set(cat, figure(o, e));
    observed += o;
    expected += e;
  }
  // The overall figure averages D_o and D_e over the categories (DKPro); the mean's 1/|C| cancels in the ratio.
  const k = Math.max(1, cats.length);
  return { categories: out, overall: figure(observed / k, expected / k) };
}
