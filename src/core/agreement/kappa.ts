// Cohen's kappa (two raters) and Fleiss' kappa (a fixed number of raters): the kappas of alpha_label's units.

/** Cohen's kappa with its observed and chance agreement. */
export interface CohenResult {
  /** (p_o - p_e) / (1 - p_e); null without items or when chance agreement is total (p_e = 1). */
  kappa: number | null;
  p_o: number | null;
  p_e: number | null;
  /** Items counted. */
  items: number;
}

/**
 * Cohen's kappa of a square agreement table: `table[a][b]` items that rater 1 put in
 * category a and rater 2 in category b. p_o = trace / N, p_e = sum_c row_c col_c / N^2.
 */
export function cohenKappa(table: readonly (readonly number[])[]): CohenResult {
  const k = table.length;
  let n = 0;
  let diagonal = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let a = 0; a < k; a++) {
    const row = table[a]!;
    if (row.length !== k) throw new RangeError(`Cohen's kappa needs a square table; row ${a} has ${row.length} cells, not ${k}`);
    for (let b = 0; b < k; b++) {
      const c = row[b]!;
      n += c;
      rows[a]! += c;
      cols[b]! += c;
      if (a === b) diagonal += c;
    }
  }
  if (n === 0) return { kappa: null, p_o: null, p_e: null, items: 0 };
  const pO = diagonal / n;
  let pE = 0;
  for (let c = 0; c < k; c++) pE += (rows[c]! * cols[c]!) / (n * n);
  return { kappa: pE === 1 ? null : (pO - pE) / (1 - pE), p_o: pO, p_e: pE, items: n };
}

/** Cohen's kappa of paired values: each pair is (rater 1's value, rater 2's value) on one item. */
export function cohenKappaOfPairs<V>(pairs: Iterable<readonly [V, V]>): CohenResult {
  const index = new Map<V, number>();
  const list: [number, number][] = [];
  const at = (v: V): number => {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = index.size));
    return i;
  };
  for (const [a, b] of pairs) list.push([at(a), at(b)]);
  const table = Array.from({ length: index.size }, () => new Array<number>(index.size).fill(0));
  for (const [a, b] of list) table[a]![b]! += 1;
  return cohenKappa(table);
}

/** Fleiss' kappa with its parts (the names of Fleiss 1971 and of the Wikipedia worked example). */
export interface FleissResult {
  /** (P_bar - P_e) / (1 - P_e); null without subjects, with fewer than two raters, or when P_e = 1. */
  kappa: number | null;
  P_bar: number | null;
  P_e: number | null;
  /** Agreement within each subject. */
  P_i: number[];
  /** Share of all assignments that went to each category. */
  p_j: number[];
  /** Fleiss' per-category kappa (null for a category nobody or everybody used). */
  kappa_j: (number | null)[];
  subjects: number;
  raters: number;
}

/**
 * Fleiss' kappa of a count table: `counts[i][j]` raters who put subject i in category j,
 * the same number of raters n for every subject.
 * P_i = (sum_j n_ij^2 - n) / (n (n - 1)); p_j = sum_i n_ij / (N n); P_e = sum_j p_j^2;
 * kappa_j = 1 - sum_i n_ij (n - n_ij) / (N n (n - 1) p_j (1 - p_j)).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissResult {
  const subjects = counts.length;
  const k = counts.reduce((m, r) => Math.max(m, r.length), 0);
  const first = counts[0];
  const n = first ? first.reduce((s, c) => s + c, 0) : 0;
  const empty: FleissResult = { kappa: null, P_bar: null, P_e: null, P_i: [], p_j: [], kappa_j: [], subjects, raters: n };
  if (subjects === 0 || n < 2) return empty;
  const totals = new Array<number>(k).fill(0);
  const spread = new Array<number>(k).fill(0);
  const pI: number[] = [];
  for (let i = 0; i < subjects; i++) {
    const row = counts[i]!;
    let sum = 0;
    let squares = 0;
    for (let j = 0; j < k; j++) {
      const c = row[j] ?? 0;
      sum += c;
      squares += c * c;
      totals[j]! += c;
      spread[j]! += c * (n - c);
    }
    if (sum !== n) throw new RangeError(`Fleiss' kappa needs the same number of raters per subject; subject ${i} has ${sum}, subject 0 has ${n}`);
    pI.push((squares - n) / (n * (n - 1)));
  }
  const pJ = totals.map((t) => t / (subjects * n));
  const pBar = pI.reduce((s, p) => s + p, 0) / subjects;
  const pE = pJ.reduce((s, p) => s + p * p, 0);
  const kappaJ = pJ.map((p, j) => (p === 0 || p === 1 ? null : 1 - spread[j]! / (subjects * n * (n - 1) * p * (1 - p))));
  return { kappa: pE === 1 ? null : (pBar - pE) / (1 - pE), P_bar: pBar, P_e: pE, P_i: pI, p_j: pJ, kappa_j: kappaJ, subjects, raters: n };
}
