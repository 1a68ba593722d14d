// Pairwise span and relation matching of two annotators on one document: the counts behind f1_exact, f1_overlap and relation F1.
//
// f1_exact: spans match when start, end and label are equal (one-to-one: a span marked
// twice by one annotator matches at most as many times as the other marked it).
// f1_overlap: a maximum one-to-one matching of overlapping spans of the same label
// (./matching: Hungarian algorithm, ties to the most overlap).
// Relations match when their labels are equal and their heads and tails are matched
// spans (exact or overlap matching respectively).
// F1 = 2 * matches / (spans of A + spans of B); it is symmetric, so no side is "gold".

import type { NativeRelation, NativeSpan } from '../format/native';
import { matchOverlapping } from './matching';

/** Matching counts of one label (or of relations). */
export interface MatchCounts {
  /** Items of the first annotator. */
  a: number;
  /** Items of the second annotator. */
  b: number;
  exact: number;
  overlap: number;
}

/** Both annotators' counts on one document, per label, plus relations. */
export interface PairDocumentCounts {
  labels: Map<string, MatchCounts>;
  relations: MatchCounts;
}

/** One annotator's spans on one document grouped by label, each group sorted by start, end. */
export type SpansByLabel = ReadonlyMap<string, readonly NativeSpan[]>;

/** Groups spans by label, keeping the order of the input (the format's order: start, end, label, id). */
export function groupByLabel(spans: readonly NativeSpan[]): Map<string, NativeSpan[]> {
  const out = new Map<string, NativeSpan[]>();
  for (const s of spans) {
    let list = out.get(s.label);
    if (!list) out.set(s.label, (list = []));
    list.push(s);
  }
  return out;
}

/** The F1 of match counts: 2m / (a + b), null when neither side has anything. */
export function f1(matches: number, a: number, b: number): number | null {
  return a + b === 0 ? null : (2 * matches) / (a + b);
}

/** Empty counts. */
export function zeroCounts(): MatchCounts {
  return { a: 0, b: 0, exact: 0, overlap: 0 };
}

/** Adds `from` into `into`. */
export function addCounts(into: MatchCounts, from: MatchCounts): void {
  into.a += from.a;
  into.b += from.b;
  into.exact += from.exact;
  into.overlap += from.overlap;
}

/**
 * Compares two annotators on one document. `a` and `b` are their spans by label (from
 * {@link groupByLabel}); the relations are theirs on the same document.
 */
export function comparePair(a: SpansByLabel, b: SpansByLabel, relationsA: readonly NativeRelation[], relationsB: readonly NativeRelation[]): PairDocumentCounts {
  const labels = new Map<string, MatchCounts>();
  const exactMap = new Map<string, string>();
  const overlapMap = new Map<string, string>();
  // The span maps only serve relation matching: skip them when either side has no relation.
  const maps = relationsA.length > 0 && relationsB.length > 0;
  const names = new Set([...a.keys(), ...b.keys()]);
  for (const label of names) {
    const sa = a.get(label) ?? [];
    const sb = b.get(label) ?? [];
    let exact = 0;
    const exactPairs: [string, string][] = [];
    // Both lists are sorted by (start, end): a merge pairs identical extents one to one.
    let i = 0;
    let j = 0;
    while (i < sa.length && j < sb.length) {
      const x = sa[i]!;
      const y = sb[j]!;
      const d = x.start - y.start || x.end - y.end;
      if (d === 0) {
        exact++;
        if (maps) exactPairs.push([x.id, y.id]);
        i++;
        j++;
      } else if (d < 0) i++;
      else j++;
    }
    let overlap: number;
    if (exact === Math.min(sa.length, sb.length)) {
      // Every span of the smaller side has its identical twin: no matching is larger, and none
      // has more overlap (an identical pair has the most a span can have), so it is the matching.
      overlap = exact;
      for (const [x, y] of exactPairs) overlapMap.set(x, y);
    } else {
      const pairs = matchOverlapping(sa, sb);
      if (maps) for (const [pi, pj] of pairs) overlapMap.set(sa[pi]!.id, sb[pj]!.id);
      overlap = pairs.length;
    }
    for (const [x, y] of exactPairs) exactMap.set(x, y);
    labels.set(label, { a: sa.length, b: sb.length, exact, overlap });
  }
  const relations: MatchCounts = { a: relationsA.length, b: relationsB.length, exact: 0, overlap: 0 };
  if (maps) {
    relations.exact = matchRelations(relationsA, relationsB, exactMap);
    relations.overlap = matchRelations(relationsA, relationsB, overlapMap);
  }
  return { labels, relations };
}

/** One-to-one count of A's relations that, through the span map, equal one of B's (label, head, tail). */
function matchRelations(ra: readonly NativeRelation[], rb: readonly NativeRelation[], spanMap: ReadonlyMap<string, string>): number {
  const key = (label: string, head: string, tail: string) => `${label}\u0000${head}\u0000${tail}`;
  const available = new Map<string, number>();
  for (const r of rb) {
    const k = key(r.label, r.head, r.tail);
    available.set(k, (available.get(k) ?? 0) + 1);
  }
  let matches = 0;
  for (const r of ra) {
    const head = spanMap.get(r.head);
    const tail = spanMap.get(r.tail);
    if (head === undefined || tail === undefined) continue;
    const k = key(r.label, head, tail);
    const left = available.get(k) ?? 0;
    if (left > 0) {
      available.set(k, left - 1);
      matches++;
    }
  }
  return matches;
}
