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

interface Segment {
  start: number;
  end: number;
  unit: boolean;
}

/** Sorted, merged c-units of one rater: the maximal runs of covered positions. */
function mergedUnits(spans: readonly UnitizingUnit[], length: number): [number, number][] {
  const sorted = spans
    .map((u) => [Math.max(0, u.start), Math.min(length, u.end)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The rater's continuum as alternating units and gaps covering [0, L). */
function segmentsOf(units: readonly [number, number][], length: number): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of units) {
    if (s > pos) out.push({ start: pos, end: s, unit: false });
    out.push({ start: s, end: e, unit: true });
    pos = e;
  }
  if (pos < length) out.push({ start: pos, end: length, unit: false });
  return out;
}

/** delta^2 of two overlapping segments of two raters. */
function distance(g: Segment, h: Segment): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.unit && !h.unit && g.start >= h.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (!g.unit && h.unit && h.start >= g.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

/** Sum of delta^2 over every overlapping pair of segments of two raters (one merge of two sorted lists). */
function pairDisagreement(a: readonly Segment[], b: readonly Segment[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const g = a[i]!;
    const h = b[j]!;
    if (g.start < h.end && h.start < g.end) sum += distance(g, h);
    if (g.end < h.end) i++;
    else if (h.end < g.end) j++;
    else {
      i++;
      j++;
    }
  }
  return sum;
}

/**
 * D_o and D_e of one category on one continuum. Both are 0 where the continuum cannot
 * count (fewer than two raters, no length).
 */
export function unitizingDisagreement(continuum: Continuum, category: string): { observed: number; expected: number } {
  const m = continuum.raters;
  const L = continuum.length;
  if (m < 2 || L <= 0) return { observed: 0, expected: 0 };
  const byRater: UnitizingUnit[][] = Array.from({ length: m }, () => []);
  for (const u of continuum.units) {
    if (u.category !== category) continue;
    if (u.rater < 0 || u.rater >= m) throw new RangeError(`unit of rater ${u.rater} on a continuum of ${m} raters`);
    byRater[u.rater]!.push(u);
  }
  const units = byRater.map((us) => mergedUnits(us, L));
  const segments = units.map((us) => segmentsOf(us, L));

  let observed = 0;
  for (let r1 = 0; r1 < m; r1++) for (let r2 = r1 + 1; r2 < m; r2++) observed += pairDisagreement(segments[r1]!, segments[r2]!);
  observed = (2 * observed) / (m * (m - 1) * L * L);

  const lengths: number[] = [];
  const gaps: number[] = [];
  for (const segs of segments) for (const s of segs) (s.unit ? lengths : gaps).push(s.end - s.start);
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
