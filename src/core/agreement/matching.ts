// One-to-one matching of two annotators' overlapping spans: a maximum matching, then the most overlap (Hungarian algorithm).
//
// f1_overlap counts a match for every pair in a maximum-cardinality matching of the
// bipartite graph "span of A overlaps span of B" (same label: the caller groups by label).
// Among the maximum matchings this one takes the one with the largest total overlap (an
// identical pair earns one extra point, so exact pairs win ties), because the matched
// pairs are also what relations and the curation view line up. The assignment is solved
// with the Hungarian algorithm (shortest augmenting paths, O(k^2 m)) on each connected
// component of the overlap graph separately: components are a handful of spans in real
// text, so the whole matching stays near linear.

/** A span's extent: [start, end) in code points. */
export interface Extent {
  start: number;
  end: number;
}

/** A matched pair: index into the first list, index into the second. */
export type MatchPair = readonly [number, number];

/** Code points two extents share. */
export function overlapLength(a: Extent, b: Extent): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The weight of an edge: shared code points, plus one for identical extents (so that empty identical spans still match). */
function edgeWeight(a: Extent, b: Extent): number {
  const same = a.start === b.start && a.end === b.end;
  return overlapLength(a, b) + (same ? 1 : 0);
}

/**
 * Maximum one-to-one matching of overlapping extents, maximizing total overlap among the
 * matchings of maximum size. Deterministic for a given input order. Returns pairs sorted
 * by their index in `a`.
 */
export function matchOverlapping(a: readonly Extent[], b: readonly Extent[]): MatchPair[] {
  if (a.length === 0 || b.length === 0) return [];
  const edges = overlapEdges(a, b);
  if (edges.length === 0) return [];
  // Most edges join two spans that overlap nothing else (the annotators agree there): they
  // are their own component and match directly. The rest go through union-find.
  const degreeA = new Int32Array(a.length);
  const degreeB = new Int32Array(b.length);
  for (const [i, j] of edges) {
    degreeA[i]!++;
    degreeB[j]!++;
  }
  const pairs: MatchPair[] = [];
  const rest: Edge[] = [];
  for (const e of edges) {
    if (degreeA[e[0]] === 1 && degreeB[e[1]] === 1) pairs.push([e[0], e[1]]);
    else rest.push(e);
  }
  if (rest.length > 0) {
    // Union-find over a's nodes 0..|a|-1 and b's nodes |a|..|a|+|b|-1.
    const parent = new Int32Array(a.length + b.length);
    for (let i = 0; i < parent.length; i++) parent[i] = i;
    for (const [i, j] of rest) {
      const ri = find(parent, i);
      const rj = find(parent, a.length + j);
      if (ri !== rj) parent[ri] = rj;
    }
    const components = new Map<number, Edge[]>();
    for (const e of rest) {
      const root = find(parent, e[0]);
      let list = components.get(root);
      if (!list) components.set(root, (list = []));
      list.push(e);
    }
    for (const list of components.values()) for (const p of assignComponent(list)) pairs.push(p);
  }
  return pairs.sort(byFirst);
}

/** An edge of the overlap graph: index in a, index in b, weight. */
type Edge = [number, number, number];

function byFirst(x: MatchPair, y: MatchPair): number {
  return x[0] - y[0];
}

/** Root of x in a union-find forest, halving paths on the way. */
function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/** Indices of extents sorted by start, end, index. */
function orderOf(xs: readonly Extent[]): number[] {
  const idx = new Array<number>(xs.length);
  for (let i = 0; i < xs.length; i++) idx[i] = i;
  return idx.sort((i, j) => xs[i]!.start - xs[j]!.start || xs[i]!.end - xs[j]!.end || i - j);
}

/** Every overlapping (or identical) pair with its weight, by a sweep over both lists sorted by start. */
function overlapEdges(a: readonly Extent[], b: readonly Extent[]): Edge[] {
  const oa = orderOf(a);
  const ob = orderOf(b);
  const edges: Edge[] = [];
  // a-spans in order of start; `active` holds the b-spans that started no later than the
  // current a-span ends and did not end before it starts (later a-spans start no earlier).
  const active: number[] = [];
  let next = 0;
  for (const i of oa) {
    const x = a[i]!;
    while (next < ob.length && b[ob[next]!]!.start <= x.end) active.push(ob[next++]!);
    let kept = 0;
    for (const j of active) if (b[j]!.end >= x.start) active[kept++] = j;
    active.length = kept;
    for (const j of active) {
      const weight = edgeWeight(x, b[j]!);
      if (weight > 0) edges.push([i, j, weight]);
    }
  }
  return edges;
}

/**
 * Maximum-weight assignment on one component, with weight BIG + w on its edges and 0
 * elsewhere; BIG exceeds any total of w, so the matching is first of maximum size.
 */
function assignComponent(edges: readonly Edge[]): MatchPair[] {
  const rows = [...new Set(edges.map((e) => e[0]))].sort((x, y) => x - y);
  const cols = [...new Set(edges.map((e) => e[1]))].sort((x, y) => x - y);
  const transpose = rows.length > cols.length;
  const r = transpose ? cols : rows;
  const c = transpose ? rows : cols;
  const ri = new Map(r.map((v, k) => [v, k]));
  const ci = new Map(c.map((v, k) => [v, k]));
  let total = 0;
  for (const e of edges) total += e[2];
  const big = total + 1;
  const weight = Array.from({ length: r.length }, () => new Float64Array(c.length));
  for (const [i, j, w] of edges) {
    const row = transpose ? ri.get(j)! : ri.get(i)!;
    const col = transpose ? ci.get(i)! : ci.get(j)!;
    weight[row]![col] = big + w;
  }
  const assigned = hungarianMax(weight, c.length);
  const pairs: MatchPair[] = [];
  for (let k = 0; k < r.length; k++) {
    const col = assigned[k]!;
    if (col < 0 || weight[k]![col] === 0) continue;
    pairs.push(transpose ? [c[col]!, r[k]!] : [r[k]!, c[col]!]);
  }
  return pairs;
}

/**
 * Hungarian algorithm (Kuhn-Munkres with potentials, shortest augmenting paths) for an
 * n x m matrix with n ≤ m, maximizing the total weight. Returns the column of each row.
 */
export function hungarianMax(weight: readonly ArrayLike<number>[], m: number): Int32Array {
  const n = weight.length;
  const INF = Number.POSITIVE_INFINITY;
  // 1-based arrays as in the classic formulation; cost = -weight.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: row matched to column j (0 = none)
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = INF;
      let j1 = 0;
      const row = weight[i0 - 1]!;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = -row[j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Int32Array(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]! > 0) out[p[j]! - 1] = j - 1;
  return out;
}
