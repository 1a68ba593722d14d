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
 * where the text starts, but the text may run on past it for free. This is how a suffix
 * context is compared with the text after a candidate end (reverse both arrays to compare
 * a prefix context with the text before a candidate start).
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

/** Where a quote's boundaries fall in a window, after {@link alignQuote}. */
export interface QuoteAlignment {
  /** Window index of the quote's first character. */
  start: number;
  /** Window index just past the quote's last character. */
  end: number;
  /** Weighted edits of the whole alignment (context and quote), in the units of the costs given. */
  cost: number;
}

/**
 * Aligns `pattern` (prefix context, quote, suffix context, the quote being
 * `pattern[a..b)`) with the best-matching stretch of `window` (semi-global: the window's
 * ends are free) and reports where the quote's boundaries fall in the window.
 *
 * An edit costs `contextCost` in the contexts (and at the boundaries) and `quoteCost`
 * inside the quote, so the alignment can follow the scoring that judges it: an edit inside
 * a long quote weighs less than one in its context.
 *
 * Among equally good alignments it puts the start as late and the end as early as
 * possible: characters inserted right at a boundary go outside the quote, characters
 * inserted inside it go in. This is the same rule a span follows when its text is edited.
 *
 * O(|pattern|·|window|) time, O(|window|) memory: the boundaries are carried forward in
 * the dynamic programme instead of being found by a traceback.
 */
export function alignQuote(
  pattern: CodePoints, a: number, b: number, window: CodePoints, quoteCost = 1, contextCost = 1,
): QuoteAlignment | null {
  const m = pattern.length;
  const n = window.length;
  if (!(a >= 0 && a < b && b <= m) || n === 0) return null;
  // Costs stay integers (the callers pass integers), so Float64 sums are exact and ties are real ties.
  // Among alignments with as many edits, the one with fewer insertions and deletions wins
  // (an indel costs a hair more than a substitution): "for 43" edited to "fo y43" is two
  // substitutions inside "fo ", not "r" deleted and "y" inserted.
  const unit = m + n + 1;
  const subCost = (c: number): number => c * unit;
  const indelCost = (c: number): number => c * unit + 1;
  let prevD = new Float64Array(n + 1);
  let curD = new Float64Array(n + 1);
  // -1: boundary not yet crossed on this path.
  let prevS = new Int32Array(n + 1).fill(-1);
  let curS = new Int32Array(n + 1);
  let prevE = new Int32Array(n + 1).fill(-1);
  let curE = new Int32Array(n + 1);
  // Row 0 is all zeros: the alignment may start anywhere in the window.
  for (let i = 1; i <= m; i++) {
    const leavingA = i - 1 === a; // this row consumes the quote's first character
    const enteringB = i === b; // this row consumes the quote's last character
    const charCost = i - 1 >= a && i - 1 < b ? quoteCost : contextCost;
    // Text inserted after pattern[i-1]: inside the quote only strictly between its characters.
    const insCost = i > a && i < b ? quoteCost : contextCost;
    curD[0] = prevD[0]! + indelCost(charCost);
    curS[0] = leavingA ? 0 : prevS[0]!;
    curE[0] = enteringB ? 0 : prevE[0]!;
    const pi = pattern[i - 1];
    for (let j = 1; j <= n; j++) {
      // Diagonal: pattern[i-1] against window[j-1].
      let d = prevD[j - 1]! + (pi === window[j - 1] ? 0 : subCost(charCost));
      let s = leavingA ? j - 1 : prevS[j - 1]!;
      let e = enteringB ? j : prevE[j - 1]!;
      // Vertical: pattern[i-1] deleted from the window.
      const dv = prevD[j]! + indelCost(charCost);
      const sv = leavingA ? j : prevS[j]!;
      const ev = enteringB ? j : prevE[j]!;
      if (dv < d || (dv === d && (sv > s || (sv === s && ev < e)))) {
        d = dv; s = sv; e = ev;
      }
      // Horizontal: window[j-1] inserted.
      const dh = curD[j - 1]! + indelCost(insCost);
      const sh = curS[j - 1]!;
      const eh = curE[j - 1]!;
      if (dh < d || (dh === d && (sh > s || (sh === s && eh < e)))) {
        d = dh; s = sh; e = eh;
      }
      curD[j] = d;
      curS[j] = s;
      curE[j] = e;
    }
    [prevD, curD] = [curD, prevD];
    [prevS, curS] = [curS, prevS];
    [prevE, curE] = [curE, prevE];
  }
  let bestJ = 0;
  for (let j = 1; j <= n; j++) {
    const d = prevD[j]!;
    const bd = prevD[bestJ]!;
    if (d < bd || (d === bd && (prevS[j]! > prevS[bestJ]! || (prevS[j] === prevS[bestJ] && prevE[j]! < prevE[bestJ]!)))) bestJ = j;
  }
  const start = prevS[bestJ]!;
  const end = prevE[bestJ]!;
  if (start < 0 || end < start) return null;
  return { start, end, cost: Math.round(prevD[bestJ]! / unit) };
}
