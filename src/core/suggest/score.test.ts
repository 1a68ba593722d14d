// The scorer: exact and overlap precision/recall/F1, one-to-one overlap matching, attribute agreement, micro-averaging.

import { describe, expect, it } from 'vitest';
import { scoreSpans, sumScores } from './score';

const F = (start: number, end: number, attrs = {}) => ({ start, end, label: 'FIGURE', attrs });

describe('scoreSpans', () => {
  it('counts exact and overlapping matches', () => {
    const gold = [F(0, 5), F(10, 20), F(30, 35)];
    const predicted = [F(0, 5), F(12, 20), F(40, 45)];
    const s = scoreSpans(gold, predicted);
    expect(s.exact).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    expect(s.exact.precision).toBeCloseTo(1 / 3);
    expect(s.overlap).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(s.overlap.recall).toBeCloseTo(2 / 3);
    expect(s.overlap.f1).toBeCloseTo(2 / 3);
  });

  it('matches overlaps one to one: a long prediction claims one gold span', () => {
    const s = scoreSpans([F(0, 5), F(6, 10)], [F(0, 10)]);
    expect(s.overlap).toMatchObject({ tp: 1, fp: 0, fn: 1 });
  });

  it('needs the same label', () => {
    const s = scoreSpans([F(0, 5)], [{ start: 0, end: 5, label: 'ORG' }]);
    expect(s.exact.tp).toBe(0);
    expect(s.overlap.tp).toBe(0);
  });

  it('reports attribute agreement on exact matches', () => {
    const s = scoreSpans([F(0, 5, { value: 0.3, unit: '%' })], [F(0, 5, { value: 0.1 + 0.2, unit: 'pp' })], ['value', 'unit']);
    expect(s.attrs).toEqual({ value: { agree: 1, of: 1 }, unit: { agree: 0, of: 1 } });
  });

  it('scores empty sets as perfect and sums micro-averaged', () => {
    expect(scoreSpans([], []).exact).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    const total = sumScores([scoreSpans([F(0, 1)], [F(0, 1)]), scoreSpans([F(0, 1), F(2, 3)], [F(5, 6)])]);
    expect(total.exact).toMatchObject({ tp: 1, fp: 1, fn: 2 });
    expect(total.exact.precision).toBe(0.5);
    expect(total.exact.recall).toBeCloseTo(1 / 3);
  });
});
