// Edit distances over code points, for re-anchoring: how well a stored quote and its context
// agree with a place in a changed text, and where the quote's boundaries fall inside a region.

/** A sequence of code points: a plain array or a view of a text's precomputed code points. */
export type CodePoints = ArrayLike<number>;

/** The code points of a string (astral characters are one element, as in Python). */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** The elements of `a` in reverse order, as a new array. */
export function reversed(a: CodePoints): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[a.length - 1 - i]!;
  return out;
}

/**
 * Levenshtein distance between `a` and `b`: the fewest insertions, deletions and
 * substitutions that turn one into the other. O(|a|·|b|) time, O(|b|) memory.
 */
export function editDistance(a: CodePoints, b: CodePoints): number {
  const n = b.length;
  let prev = new Uint32Array(n + 1);
  let cur = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/**
 * The fewest edits that turn `pattern` into some prefix of `text`: the pattern must start
 * where the text starts, but the text may run on past it for free. Plain Levenshtein edits.
 * This is how the few characters next to a boundary are compared (reverse both arrays to
 * compare the characters before a boundary).
 */
export function prefixDistance(pattern: CodePoints, text: CodePoints): number {
  const n = text.length;
  let prev = new Uint32Array(n + 1);
  let cur = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    cur[0] = i;
    const pi = pattern[i - 1];
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (pi === text[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  let best = prev[0]!;
  for (let j = 1; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/**
 * Costs of the run-aware edit model, in eighths of an edit. Text is edited in runs (a phrase
 * inserted, a clause rewritten), so a run of inserted characters costs one edit to open and
 * an eighth per further character: a 40-character insertion costs about 6 edits, not 40. A
 * stored character that is missing or substituted costs a whole edit, so that an alignment
 * cannot skip the stored text cheaply.
 */
const SUB = 8;
const DEL = 8;
const OPEN = 8;
const EXTEND = 1;
/** Eighths per edit. */
const PER_EDIT = 8;

/**
 * How far `b` (a placed text) is from `a` (the stored quote), in the run-aware model: a run
 * inserted into the quote costs one edit and an eighth per further character, a lost or
 * substituted character a whole edit. Both ends fixed. O(|a|·|b|).
 */
export function quoteDistance(a: CodePoints, b: CodePoints): number {
  const n = b.length;
  const INF = 1e9;
  let dPrev = new Float64Array(n + 1);
  let hPrev = new Float64Array(n + 1);
  let dCur = new Float64Array(n + 1);
  let hCur = new Float64Array(n + 1);
  dPrev[0] = 0;
  hPrev[0] = INF;
  for (let j = 1; j <= n; j++) {
    dPrev[j] = INF;
    hPrev[j] = Math.min(dPrev[j - 1]! + OPEN, hPrev[j - 1]! + EXTEND);
  }
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    dCur[0] = i * DEL;
    hCur[0] = INF;
    for (let j = 1; j <= n; j++) {
      const diag = Math.min(dPrev[j - 1]!, hPrev[j - 1]!) + (ai === b[j - 1] ? 0 : SUB);
      const del = Math.min(dPrev[j]!, hPrev[j]!) + DEL;
      dCur[j] = diag < del ? diag : del;
      hCur[j] = Math.min(dCur[j - 1]! + OPEN, hCur[j - 1]! + EXTEND);
    }
    [dPrev, dCur] = [dCur, dPrev];
    [hPrev, hCur] = [hCur, hPrev];
  }
  return Math.min(dPrev[n]!, hPrev[n]!) / PER_EDIT;
}

/** Where a quote's boundaries fall in a window, after {@link alignQuote}. */
export interface QuoteAlignment {
  /** Window index of the quote's first character. */
  start: number;
  /** Window index just past the quote's last character. */
  end: number;
  /** Edits of the whole alignment (context and quote), in the run-aware model. */
  cost: number;
}

/** One row of {@link alignQuote}'s programme: cost and boundary carries per state. */
interface Row {
  cost: Float64Array;
  start: Int32Array;
  end: Int32Array;
}

function row(n: number, fill: number): Row {
  return { cost: new Float64Array(n + 1).fill(fill), start: new Int32Array(n + 1).fill(-1), end: new Int32Array(n + 1).fill(-1) };
}

/**
 * Aligns `pattern` (prefix context, quote, suffix context, the quote being
 * `pattern[a..b)`) with the best-matching stretch of `window` (semi-global: the window's
 * ends are free) in the run-aware edit model (see {@link quoteDistance}), and reports where
 * the quote's boundaries fall in the window.
 *
 * Among equally good alignments it prefers substitutions to insertions and deletions ("for
 * 43" edited to "fo y43" is two substitutions inside "fo ", not "r" lost and "y" added), then
 * puts the start as late and the end as early as possible: characters inserted right at a
 * boundary go outside the quote, characters inserted inside it go in. That is the rule a span
 * follows when its text is edited.
 *
 * O(|pattern|·|window|) time, O(|window|) memory: the boundaries are carried forward in
 * the dynamic programme instead of being found by a traceback.
 */
export function alignQuote(pattern: CodePoints, a: number, b: number, window: CodePoints): QuoteAlignment | null {
  const m = pattern.length;
  const n = window.length;
  if (!(a >= 0 && a < b && b <= m) || n === 0) return null;
  // Costs are integers scaled by `unit`, plus one per insertion or deletion as the tie-break
  // towards substitutions; Float64 holds them exactly, so ties are real ties.
  const unit = 2 * (m + n + 1);
  const sub = SUB * unit;
  const del = DEL * unit + 1;
  const open = OPEN * unit + 1;
  const extend = EXTEND * unit + 1;
  const INF = Number.MAX_SAFE_INTEGER;
  // Three states per cell: d (last step a match or substitution), h (last step an inserted
  // window character), v (last step a lost pattern character; lost characters cost a whole
  // edit each, but the state keeps a lost run from opening an inserted one for free).
  let pd = row(n, 0); // row 0: the alignment may start anywhere in the window, for free
  let ph = row(n, INF);
  let pv = row(n, INF);
  let cd = row(n, 0);
  let ch = row(n, 0);
  let cv = row(n, 0);
  // Lower cost, then later start, then earlier end.
  const better = (c1: number, s1: number, e1: number, c0: number, s0: number, e0: number): boolean =>
    c1 < c0 || (c1 === c0 && (s1 > s0 || (s1 === s0 && e1 < e0)));
  for (let i = 1; i <= m; i++) {
    const leavingA = i - 1 === a; // this row consumes the quote's first character
    const enteringB = i === b; // this row consumes the quote's last character
    const pi = pattern[i - 1];
    for (let j = 0; j <= n; j++) {
      // Vertical (pattern[i-1] lost), from any state at (i-1, j); extending a lost run costs
      // less only inside the quote. Boundary carries are set when this row crosses one.
      let v = pd.cost[j]! + del;
      let vs = leavingA ? j : pd.start[j]!;
      let ve = enteringB ? j : pd.end[j]!;
      let c = ph.cost[j]! + del;
      let cs = leavingA ? j : ph.start[j]!;
      let ce = enteringB ? j : ph.end[j]!;
      if (better(c, cs, ce, v, vs, ve)) { v = c; vs = cs; ve = ce; }
      c = pv.cost[j]! + del;
      cs = leavingA ? j : pv.start[j]!;
      ce = enteringB ? j : pv.end[j]!;
      if (better(c, cs, ce, v, vs, ve)) { v = c; vs = cs; ve = ce; }
      cv.cost[j] = v;
      cv.start[j] = vs;
      cv.end[j] = ve;
      if (j === 0) {
        cd.cost[0] = INF;
        cd.start[0] = -1;
        cd.end[0] = -1;
        ch.cost[0] = INF;
        ch.start[0] = -1;
        ch.end[0] = -1;
        continue;
      }
      // Diagonal: pattern[i-1] against window[j-1], from any state at (i-1, j-1).
      const step = pi === window[j - 1] ? 0 : sub;
      const ds0 = leavingA ? j - 1 : -2;
      const de0 = enteringB ? j : -2;
      let d = pd.cost[j - 1]! + step;
      let ds = ds0 === -2 ? pd.start[j - 1]! : ds0;
      let de = de0 === -2 ? pd.end[j - 1]! : de0;
      c = ph.cost[j - 1]! + step;
      cs = ds0 === -2 ? ph.start[j - 1]! : ds0;
      ce = de0 === -2 ? ph.end[j - 1]! : de0;
      if (better(c, cs, ce, d, ds, de)) { d = c; ds = cs; de = ce; }
      c = pv.cost[j - 1]! + step;
      cs = ds0 === -2 ? pv.start[j - 1]! : ds0;
      ce = de0 === -2 ? pv.end[j - 1]! : de0;
      if (better(c, cs, ce, d, ds, de)) { d = c; ds = cs; de = ce; }
      cd.cost[j] = d;
      cd.start[j] = ds;
      cd.end[j] = de;
      // Horizontal: window[j-1] inserted after pattern[i-1], opening a run or extending one.
      let h = cd.cost[j - 1]! + open;
      let hs = cd.start[j - 1]!;
      let he = cd.end[j - 1]!;
      c = cv.cost[j - 1]! + open;
      if (better(c, cv.start[j - 1]!, cv.end[j - 1]!, h, hs, he)) { h = c; hs = cv.start[j - 1]!; he = cv.end[j - 1]!; }
      c = ch.cost[j - 1]! + extend;
      if (better(c, ch.start[j - 1]!, ch.end[j - 1]!, h, hs, he)) { h = c; hs = ch.start[j - 1]!; he = ch.end[j - 1]!; }
      ch.cost[j] = h;
      ch.start[j] = hs;
      ch.end[j] = he;
    }
    [pd, cd] = [cd, pd];
    [ph, ch] = [ch, ph];
    [pv, cv] = [cv, pv];
  }
  let bc = INF;
  let bs = -1;
  let be = -1;
  for (let j = 0; j <= n; j++) {
    for (const src of [pd, ph, pv]) {
      if (better(src.cost[j]!, src.start[j]!, src.end[j]!, bc, bs, be)) { bc = src.cost[j]!; bs = src.start[j]!; be = src.end[j]!; }
    }
  }
  if (bs < 0 || be < bs) return null;
  return { start: bs, end: be, cost: Math.floor(bc / unit) / PER_EDIT };
}
