import { describe, expect, it } from 'vitest';
import type { CodePoint, Span } from '../../core/model/types';
import { compareSpans, SpanIndex } from './span-index';

let n = 0;
function span(start: number, end: number, label = 'ORG', extra: Partial<Span> = {}): Span {
  n++;
  return {
    id: `s${String(n).padStart(4, '0')}`, docId: 'd', annotator: 'a', label, start: start as CodePoint, end: end as CodePoint, attrs: {},
    quote: { exact: '', prefix: '', suffix: '' }, createdAt: '', updatedAt: '', ...extra,
  };
}

describe('SpanIndex', () => {
  it('keeps reading order through puts, moves and deletes, like a sort of the same spans', () => {
    // A seeded walk: any slip in the binary search shows as a difference from the sorted copy.
    let seed = 7;
    const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % k);
    const index = new SpanIndex();
    const truth = new Map<string, Span>();
    for (let i = 0; i < 2000; i++) {
      const op = rand(3);
      const ids = [...truth.keys()];
      if (op === 0 || !ids.length) {
        const s = span(rand(50), 0, ['ORG', 'LOC', 'FIGURE'][rand(3)]);
        s.end = (s.start + 1 + rand(5)) as CodePoint;
        index.put(s);
        truth.set(s.id, s);
      } else if (op === 1) {
        const id = ids[rand(ids.length)]!;
        const moved = { ...truth.get(id)!, start: rand(50) as CodePoint };
        moved.end = (moved.start + 1 + rand(4)) as CodePoint;
        index.put(moved);
        truth.set(id, moved);
      } else {
        const id = ids[rand(ids.length)]!;
        expect(index.delete(id)?.id).toBe(id);
        truth.delete(id);
      }
      expect(index.size).toBe(truth.size);
    }
    expect(index.all.map((s) => s.id)).toEqual([...truth.values()].sort(compareSpans).map((s) => s.id));
    for (const s of truth.values()) expect(index.get(s.id)).toBe(s);
  });

  it('counts labels and knows which label covers which range', () => {
    const a = span(0, 4, 'ORG');
    const b = span(0, 4, 'ORG');
    const index = new SpanIndex([a, b, span(5, 9, 'LOC')]);
    expect(index.labelCounts()).toEqual({ ORG: 2, LOC: 1 });
    expect(index.covers('ORG', 0, 4)).toBe(true);
    index.delete(a.id);
    expect(index.covers('ORG', 0, 4)).toBe(true);
    index.delete(b.id);
    expect(index.covers('ORG', 0, 4)).toBe(false);
    expect(index.labelCounts()).toEqual({ LOC: 1 });
    expect(index.delete('nope')).toBeUndefined();
    // Several spans from one start: only the same label and end count.
    const more = new SpanIndex([span(2, 9, 'CLAIM'), span(2, 5, 'ORG'), span(2, 5, 'LOC'), span(1, 5, 'ORG'), span(3, 5, 'ORG')]);
    expect(more.covers('ORG', 2, 5)).toBe(true);
    expect(more.covers('CLAIM', 2, 5)).toBe(false);
    expect(more.covers('CLAIM', 2, 9)).toBe(true);
    expect(more.covers('ORG', 2, 9)).toBe(false);
    expect(more.covers('ORG', 2, 4)).toBe(false);
  });

  it('steps through placed spans in reading order, wrapping, skipping orphans', () => {
    const x = span(0, 2);
    const lost = span(3, 4, 'ORG', { orphaned: true });
    const y = span(5, 6);
    const index = new SpanIndex([y, lost, x]);
    expect(index.step(null, 1)?.id).toBe(x.id);
    expect(index.step(null, -1)?.id).toBe(y.id);
    expect(index.step(x.id, 1)?.id).toBe(y.id);
    expect(index.step(y.id, 1)?.id).toBe(x.id);
    expect(index.orphanCount).toBe(1);
    expect(index.firstAtOrAfter(4)).toBe(2);
  });
});
