// Krippendorff's alpha for coded units (nominal, ordinal, interval, ratio): the coefficient behind alpha_label and attribute agreement.
//
// Definitions after Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
// units with fewer than two values are not pairable and drop out; within a unit of m_u
// values every ordered pair of values from different coders weighs 1/(m_u - 1);
// D_o = sum o_ck d2(c,k) / n, D_e = sum n_c n_k d2(c,k) / (n (n - 1)), alpha = 1 - D_o/D_e.
// The coincidence matrix is never built: every level has a form that needs only the
// values' marginals, so the cost is linear in the number of values (ratio: quadratic in
// the number of distinct values, for its expected disagreement only).

/** A value a coder gave a unit. Numbers for ordinal, interval and ratio data. */
export type CodeValue = string | number;

/** A value or its absence (the coder did not code the unit). */
export type MaybeValue = CodeValue | null | undefined;

/** The metric of the values: which distance d2(c, k) the disagreement uses. */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** Every level, in the order of their strength. */
export const MEASUREMENT_LEVELS: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** Alpha with the quantities it comes from. */
export interface AlphaResult {
  /** 1 - D_o/D_e; null when undefined (fewer than two pairable values, or no variation at all: D_e = 0). */
  alpha: number | null;
  /** Observed disagreement D_o; null without pairable values. */
  observed: number | null;
  /** Expected disagreement D_e; null without pairable values. */
  expected: number | null;
  /** Pairable values n (values in units that have at least two). */
  values: number;
  /** Units with at least two values. */
  units: number;
}

const UNDEFINED_ALPHA: AlphaResult = { alpha: null, observed: null, expected: null, values: 0, units: 0 };

/**
 * Krippendorff's alpha of units given one by one, each as the list of the values its
 * coders gave (missing values as null or undefined; which coder gave which value does
 * not matter to alpha).
 */
export function krippendorffAlpha(units: Iterable<readonly MaybeValue[]>, level: MeasurementLevel = 'nominal'): AlphaResult {
  const pairable: CodeValue[][] = [];
  for (const unit of units) {
    const values: CodeValue[] = [];
    for (const v of unit) if (v !== null && v !== undefined) values.push(v);
    if (values.length >= 2) pairable.push(values);
  }
  if (pairable.length === 0) return UNDEFINED_ALPHA;
  switch (level) {
    case 'nominal':
      return nominal(pairable);
    case 'interval':
      return interval(numeric(pairable, level));
    case 'ordinal':
      return interval(ordinalRanks(numeric(pairable, level)));
    case 'ratio':
      return ratio(numeric(pairable, level));
  }
}

/**
 * Krippendorff's alpha of a reliability data matrix as the literature prints it: one row
 * per coder, one column per unit, null where the coder gave no value.
 */
export function krippendorffAlphaOfMatrix(rows: readonly (readonly MaybeValue[])[], level: MeasurementLevel = 'nominal'): AlphaResult {
  const unitCount = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const units: MaybeValue[][] = [];
  for (let u = 0; u < unitCount; u++) units.push(rows.map((r) => r[u]));
  return krippendorffAlpha(units, level);
}

function result(observed: number, expected: number, values: number, units: number): AlphaResult {
  return { alpha: expected === 0 ? null : 1 - observed / expected, observed, expected, values, units };
}

/**
 * Nominal alpha from its sufficient statistics, for callers that tally units as they go:
 * `values` pairable values n, `agreeing` = sum over units of sum_c n_uc (n_uc - 1) / (m_u - 1)
 * (the diagonal of the coincidence matrix), `marginals` the count of each value.
 */
export function nominalAlphaOfTally(values: number, agreeing: number, marginals: Iterable<number>, units: number): AlphaResult {
  if (values < 2) return { ...UNDEFINED_ALPHA, values, units };
  let sumSquares = 0;
  for (const c of marginals) sumSquares += c * c;
  return result(1 - agreeing / values, (values * values - sumSquares) / (values * (values - 1)), values, units);
}

/** Nominal: d2 = 0 for equal values, 1 otherwise; D_o = 1 - sum o_cc / n, D_e = (n^2 - sum n_c^2) / (n (n - 1)). */
function nominal(units: CodeValue[][]): AlphaResult {
  const marginals = new Map<CodeValue, number>();
  let n = 0;
  let agreeing = 0;
  const counts = new Map<CodeValue, number>();
  for (const values of units) {
    counts.clear();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const m = values.length;
    for (const [v, c] of counts) {
      agreeing += (c * (c - 1)) / (m - 1);
      marginals.set(v, (marginals.get(v) ?? 0) + c);
    }
    n += m;
  }
  return nominalAlphaOfTally(n, agreeing, marginals.values(), units.length);
}

function numeric(units: CodeValue[][], level: MeasurementLevel): number[][] {
  return units.map((values) =>
    values.map((v) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`${level} alpha needs finite numbers, got ${JSON.stringify(v)}`);
      return v;
    }),
  );
}

/**
 * Interval: d2 = (c - k)^2. Within a unit, sum over ordered pairs of (v_i - v_j)^2 is
 * 2 m sum (v_i - mean)^2; over all values, sum n_c n_k (c - k)^2 is 2 n sum (v - mean)^2.
 * Deviations from the mean keep large values (1.5e12 yuan) from cancelling out.
 */
function interval(units: number[][]): AlphaResult {
  let n = 0;
  let total = 0;
  let observedSum = 0;
  for (const values of units) {
    const m = values.length;
    let s = 0;
    for (const v of values) s += v;
    const mean = s / m;
    let ss = 0;
    for (const v of values) ss += (v - mean) * (v - mean);
    observedSum += (2 * m * ss) / (m - 1);
    n += m;
    total += s;
  }
  const mean = total / n;
  let ss = 0;
  for (const values of units) for (const v of values) ss += (v - mean) * (v - mean);
  return result(observedSum / n, (2 * n * ss) / (n * (n - 1)), n, units.length);
}

/**
 * Ordinal: d2(c, k) = (sum_{g=c..k} n_g - (n_c + n_k)/2)^2 over the sorted values. With
 * G_c = (n_1 + ... + n_c) - n_c/2 that is (G_k - G_c)^2, so ordinal alpha is interval
 * alpha of the values replaced by their G (their mid-rank among the pairable values).
 * Values of the domain that nobody used have n_g = 0 and change nothing.
 */
function ordinalRanks(units: number[][]): number[][] {
  const marginals = new Map<number, number>();
  for (const values of units) for (const v of values) marginals.set(v, (marginals.get(v) ?? 0) + 1);
  const rank = new Map<number, number>();
  let cumulative = 0;
  for (const v of [...marginals.keys()].sort((a, b) => a - b)) {
    const c = marginals.get(v)!;
    cumulative += c;
    rank.set(v, cumulative - c / 2);
  }
  return units.map((values) => values.map((v) => rank.get(v)!));
}

function ratioDistance(c: number, k: number): number {
  const s = c + k;
  return s === 0 ? 0 : ((c - k) / s) ** 2;
}

/** Ratio: d2 = ((c - k)/(c + k))^2, pairwise within units and over the distinct values for D_e. */
function ratio(units: number[][]): AlphaResult {
  let n = 0;
  let observedSum = 0;
  const marginals = new Map<number, number>();
  for (const values of units) {
    const m = values.length;
    let pairs = 0;
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) pairs += ratioDistance(values[i]!, values[j]!);
    observedSum += (2 * pairs) / (m - 1);
    n += m;
    for (const v of values) marginals.set(v, (marginals.get(v) ?? 0) + 1);
  }
  const distinct = [...marginals.entries()];
  let expectedSum = 0;
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      const [c, nc] = distinct[i]!;
      const [k, nk] = distinct[j]!;
      expectedSum += 2 * nc * nk * ratioDistance(c, k);
    }
  }
  return result(observedSum / n, expectedSum / (n * (n - 1)), n, units.length);
}
