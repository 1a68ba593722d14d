// The span matching: maximum size where greedy-by-overlap fails, most overlap among maximum matchings, and the Hungarian step against brute force.

import { describe, expect, it } from 'vitest';
import { below, seeded } from '../../../test/fixtures/agreement/random';
import { hungarianMax, matchOverlapping, overlapLength, type Extent } from './matching';

const e = (start: number, end: number): Extent => ({ start, end });

/** Brute force: the best (size, then total weight) of all one-to-one matchings. */
function bestMatching(a: readonly Extent[], b: readonly Extent[]): { size: number; weight: number } {
  let best = { size: 0, weight: 0 };
  const used = new Array<boolean>(b.length).fill(false);
  const walk = (i: number, size: number, weight: number) => {
    if (i === a.length) {
      if (size > best.size || (size === best.size && weight > best.weight)) best = { size, weight };
      return;
    }
    walk(i + 1, size, weight);
    for (let j = 0; j < b.length; j++) {
      const w = overlapLength(a[i]!, b[j]!) + (a[i]!.start === b[j]!.start && a[i]!.end === b[j]!.end ? 1 : 0);
      if (used[j] || w === 0) continue;
      used[j] = true;
      walk(i + 1, size + 1, weight + w);
      used[j] = false;
    }
  };
  walk(0, 0, 0);
  return best;
}

describe('matchOverlapping', () => {
  it('finds the maximum matching where taking the largest overlap first would not', () => {
    // a1 [0,10) overlaps b1 [0,9) by 9 and b2 [8,10) by 2; a2 [0,3) overlaps only b1, by 3.
    // Greedy by overlap takes a1-b1 (9) and leaves a2 unmatched: 1 pair. The maximum is a1-b2, a2-b1: 2 pairs.
    const pairs = matchOverlapping([e(0, 10), e(0, 3)], [e(0, 9), e(8, 10)]);
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('prefers the most overlap among maximum matchings, and identical spans in a tie', () => {
    // Both of a's spans could match either b span; the identical pairs overlap most.
    expect(matchOverlapping([e(0, 10), e(2, 12)], [e(2, 12), e(0, 10)])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    // [0,4) and [4,8) each overlap [2,6) by 2: a tie, broken the same way every time.
    const once = matchOverlapping([e(2, 6)], [e(0, 4), e(4, 8)]);
    expect(once).toHaveLength(1);
    expect(matchOverlapping([e(2, 6)], [e(0, 4), e(4, 8)])).toEqual(once);
  });

  it('matches nothing that does not overlap; touching is not overlapping', () => {
    expect(matchOverlapping([e(0, 5)], [e(5, 9)])).toEqual([]);
    expect(matchOverlapping([], [e(0, 1)])).toEqual([]);
  });

  it('matches identical empty spans', () => {
    expect(matchOverlapping([e(3, 3)], [e(3, 3)])).toEqual([[0, 0]]);
    expect(matchOverlapping([e(3, 3)], [e(2, 5)])).toEqual([]);
  });

  it('handles nested spans of one label one to one', () => {
    // a: a claim and a claim inside it; b: the same two. Both pair with their twins.
    expect(matchOverlapping([e(0, 40), e(5, 15)], [e(5, 15), e(0, 40)])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('reaches the brute-force optimum (size, then overlap) on random spans', () => {
    const random = seeded(42);
    for (let trial = 0; trial < 200; trial++) {
      const make = () =>
        Array.from({ length: below(random, 6) }, () => {
          const s = below(random, 30);
          return e(s, s + below(random, 12));
        });
      const a = make();
      const b = make();
      const pairs = matchOverlapping(a, b);
      const weight = pairs.reduce((w, [i, j]) => w + overlapLength(a[i]!, b[j]!) + (a[i]!.start === b[j]!.start && a[i]!.end === b[j]!.end ? 1 : 0), 0);
      const best = bestMatching(a, b);
      expect(pairs.length).toBe(best.size);
      expect(weight).toBe(best.weight);
      expect(new Set(pairs.map((p) => p[0])).size).toBe(pairs.length);
      expect(new Set(pairs.map((p) => p[1])).size).toBe(pairs.length);
    }
  });
});

describe('hungarianMax', () => {
  it('solves a rectangular assignment', () => {
    // Distinct columns: row 0 -> 0 (9) and row 1 -> 2 (8) make 17; every other choice makes less (9+3, 7+8, 7+3...).
    const cols = hungarianMax([Float64Array.from([9, 7, 0]), Float64Array.from([8, 3, 8])], 3);
    expect(cols[0]! !== cols[1]!).toBe(true);
    expect([9, 7, 0][cols[0]!]! + [8, 3, 8][cols[1]!]!).toBe(17);
  });
});
