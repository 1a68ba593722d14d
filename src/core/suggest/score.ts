// Scores predicted spans against gold spans: precision, recall and F1, by exact offsets and by overlap, plus attribute agreement.

import type { AttrValue } from '../model/types';

/** What the scorer needs of a span. */
export interface ScoredSpan {
  start: number;
  end: number;
  label: string;
  attrs?: Record<string, AttrValue>;
}

/** Counts and ratios of one matching criterion. */
export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The scores of one document or a whole set. */
export interface Score {
  /** A prediction counts when a gold span has the same start, end and label. */
  exact: PRF;
  /** A prediction counts when it overlaps a gold span of the same label; each gold span matches at most one prediction. */
  overlap: PRF;
  /** For each attribute asked for: how many exact matches agree on it, of how many exact matches. */
  attrs: Record<string, { agree: number; of: number }>;
}

function prf(tp: number, predicted: number, gold: number): PRF {
  const fp = predicted - tp;
  const fn = gold - tp;
  // Empty sets score 1: nothing predicted and nothing to find is a perfect result, not a division by zero.
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** An approximate comparison of attribute values: numbers equal to 1e-9 relative, others strictly. */
function sameValue(a: AttrValue | undefined, b: AttrValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}

/**
 * Scores `predicted` against `gold` (one document). Overlap matching is one-to-one and
 * greedy by overlap length, so one long prediction cannot claim two gold spans.
 */
export function scoreSpans(gold: readonly ScoredSpan[], predicted: readonly ScoredSpan[], attrNames: readonly string[] = []): Score {
  const goldKeys = new Map<string, ScoredSpan>();
  for (const g of gold) goldKeys.set(`${g.label}:${g.start}:${g.end}`, g);
  let exactTp = 0;
  const attrs: Record<string, { agree: number; of: number }> = {};
  for (const name of attrNames) attrs[name] = { agree: 0, of: 0 };
  const seen = new Set<string>();
  for (const p of predicted) {
    const key = `${p.label}:${p.start}:${p.end}`;
    const g = goldKeys.get(key);
    if (!g || seen.has(key)) continue;
    seen.add(key);
    exactTp++;
    for (const name of attrNames) {
      attrs[name]!.of++;
      if (sameValue(g.attrs?.[name], p.attrs?.[name])) attrs[name]!.agree++;
    }
  }

  const pairs: [number, number, number][] = [];
  for (let gi = 0; gi < gold.length; gi++) {
    const g = gold[gi]!;
    for (let pi = 0; pi < predicted.length; pi++) {
      const p = predicted[pi]!;
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (p.label === g.label && overlap > 0) pairs.push([overlap, gi, pi]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const goldUsed = new Set<number>();
  const predUsed = new Set<number>();
  for (const [, gi, pi] of pairs) {
    if (goldUsed.has(gi) || predUsed.has(pi)) continue;
    goldUsed.add(gi);
    predUsed.add(pi);
  }
  return {
    exact: prf(exactTp, predicted.length, gold.length),
    overlap: prf(goldUsed.size, predicted.length, gold.length),
    attrs,
  };
}

/** Adds up per-document scores into one (micro-averaged: counts are summed, then divided). */
export function sumScores(scores: readonly Score[]): Score {
  const total = (pick: (s: Score) => PRF): PRF => {
    let tp = 0;
    let predicted = 0;
    let gold = 0;
    for (const s of scores) {
      const x = pick(s);
      tp += x.tp;
      predicted += x.tp + x.fp;
      gold += x.tp + x.fn;
    }
    return prf(tp, predicted, gold);
  };
  const attrs: Record<string, { agree: number; of: number }> = {};
  for (const s of scores) {
    for (const [name, a] of Object.entries(s.attrs)) {
      const t = (attrs[name] ??= { agree: 0, of: 0 });
      t.agree += a.agree;
      t.of += a.of;
    }
  }
  return { exact: total((s) => s.exact), overlap: total((s) => s.overlap), attrs };
}
