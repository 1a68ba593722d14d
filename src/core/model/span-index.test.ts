// The span index against a brute-force scan: random inserts, replacements and deletes, every query compared.

import { describe, expect, it } from 'vitest';
import { SpanIndex, type IndexedInterval } from './span-index';
import { prng } from './prng';

const ids = (xs: readonly IndexedInterval[]) => xs.map((s) => s.id).sort();

function bruteRange(all: Iterable<IndexedInterval>, from: number, to: number): IndexedInterval[] {
  const out: IndexedInterval[] = [];
  for (const s of all) {
    const meets = from === to ? s.start <= from && from <= s.end : (s.start < to && s.end > from) || (s.start === s.end && s.start >= from && s.start < to);
    if (meets) out.push(s);
  }
  return out;
}

describe('SpanIndex', () => {
  it('answers range, position and neighbour queries like a full scan, through inserts, replacements and deletes', () => {
    const rand = prng(12);
    const truth = new Map<string, IndexedInterval>();
    const index = new SpanIndex<IndexedInterval>();
    for (let step = 0; step < 3000; step++) {
      const r = rand();
      if (r < 0.55 || truth.size < 5) {
        const start = Math.floor(rand() * 2000);
        // Mostly words, some sentences, a few empty spans and one very long one now and then.
        const len = rand() < 0.02 ? Math.floor(rand() * 1500) : rand() < 0.05 ? 0 : Math.floor(rand() * 40) + 1;
        const id = rand() < 0.2 && truth.size ? [...truth.keys()][Math.floor(rand() * truth.size)]! : `s${step}`;
        const s = { id, start, end: start + len };
        truth.set(id, s);
        index.set(s);
      } else {
        const id = [...truth.keys()][Math.floor(rand() * truth.size)]!;
        truth.delete(id);
        expect(index.delete(id)).toBe(true);
      }
      if (step % 10) continue;
      expect(index.size).toBe(truth.size);
      const a = Math.floor(rand() * 2100);
      const b = a + Math.floor(rand() * 80);
      expect(ids(index.inRange(a, b))).toEqual(ids(bruteRange(truth.values(), a, b)));
      expect(ids(index.inRange(a, a))).toEqual(ids(bruteRange(truth.values(), a, a)));
      const covering = [...truth.values()].filter((s) => s.start <= a && a < s.end);
      const at = index.at(a);
      expect(ids(at)).toEqual(ids(covering));
      for (let i = 1; i < at.length; i++) expect(at[i]!.end - at[i]!.start).toBeGreaterThanOrEqual(at[i - 1]!.end - at[i - 1]!.start);
      const after = [...truth.values()].filter((s) => s.start > a);
      const next = index.next(a);
      expect(next?.start).toBe(after.length ? Math.min(...after.map((s) => s.start)) : undefined);
      const before = [...truth.values()].filter((s) => s.start < a);
      expect(index.previous(a)?.start).toBe(before.length ? Math.max(...before.map((s) => s.start)) : undefined);
    }
    // In order: start, longer first.
    const all = index.all();
    for (let i = 1; i < all.length; i++) {
      const p = all[i - 1]!;
      const q = all[i]!;
      expect(p.start < q.start || (p.start === q.start && p.end >= q.end)).toBe(true);
    }
  });

  it('shrinks its search window when the longest span goes', () => {
    const index = new SpanIndex([
      { id: 'long', start: 0, end: 10_000 },
      { id: 'w', start: 9_000, end: 9_004 },
    ]);
    expect(ids(index.inRange(9_500, 9_501))).toEqual(['long']);
    index.delete('long');
    expect(ids(index.inRange(9_002, 9_003))).toEqual(['w']);
    expect(index.inRange(9_500, 9_501)).toEqual([]);
    expect(index.delete('long')).toBe(false);
  });

  it('orders what it is given, in order or not', () => {
    const spans = Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, start: (i * 37) % 500, end: ((i * 37) % 500) + (i % 9) }));
    const shuffled = new SpanIndex(spans).all().map((s) => s.id);
    const sorted = new SpanIndex([...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1))).all().map((s) => s.id);
    expect(shuffled).toEqual(sorted);
    for (let i = 1; i < 200; i++) expect(new SpanIndex(spans).all()[i]!.start).toBeGreaterThanOrEqual(new SpanIndex(spans).all()[i - 1]!.start);
  });

  it('keeps the last of two entries with one id given to the constructor', () => {
    const index = new SpanIndex([
      { id: 'a', start: 0, end: 100 },
      { id: 'a', start: 5, end: 6 },
    ]);
    expect(index.size).toBe(1);
    expect(index.get('a')).toEqual({ id: 'a', start: 5, end: 6 });
    // The dropped entry's length no longer widens searches: nothing covers 50.
    expect(index.at(50)).toEqual([]);
  });

  it('changes many spans at once (remove, then add or replace) exactly as one change at a time would', () => {
    const rand = prng(31);
    for (const size of [10, 200, 3000]) {
      const items = Array.from({ length: size }, (_, i) => {
        const start = Math.floor(rand() * 5000);
        return { id: `s${i}`, start, end: start + Math.floor(rand() * 40) };
      });
      for (const batch of [3, 70, 600]) {
        const bulk = new SpanIndex(items);
        const oneByOne = new SpanIndex(items);
        const remove = items.filter(() => rand() < batch / size).map((s) => s.id);
        remove.push('not-there');
        const add = Array.from({ length: Math.ceil(batch / 2) }, (_, i) => {
          const start = Math.floor(rand() * 5000);
          // Some replace a span that stays, some bring back one removed, some are new.
          const id = i % 3 === 0 ? `s${Math.floor(rand() * size)}` : i % 3 === 1 && remove[i] ? remove[i]! : `n${i}`;
          return { id, start, end: start + Math.floor(rand() * 60) };
        });
        bulk.change(remove, add);
        for (const id of remove) oneByOne.delete(id);
        for (const item of add) oneByOne.set(item);
        expect(bulk.all()).toEqual(oneByOne.all());
        expect(bulk.size).toBe(oneByOne.size);
        for (const s of oneByOne.all()) expect(bulk.get(s.id)).toBe(s);
        for (let q = 0; q < 50; q++) {
          const from = Math.floor(rand() * 5100);
          const to = from + Math.floor(rand() * 80);
          expect(ids(bulk.inRange(from, to))).toEqual(ids(bruteRange(oneByOne.all(), from, to)));
        }
      }
    }
  });
});

