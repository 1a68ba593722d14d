// The open proposals kept from each change: the same answer as filtering every proposal, whatever the changes.

import { describe, expect, it } from 'vitest';
import { makeSuggestion, type Suggestion } from '../../core/suggest/suggestions';
import type { CodePoint } from '../../core/model/types';
import { prng } from '../../core/model/prng';
import { OpenTracker, type TrackedSpan } from './open-tracker';

const cp = (n: number) => n as CodePoint;

describe('OpenTracker', () => {
  it('closes a proposal a span covers, opens it again when the span goes or moves, and closes a rejected one', () => {
    const a = makeSuggestion('figure', 'FIGURE', cp(0), cp(3), {});
    const b = makeSuggestion('entity', 'ORG', cp(5), cp(9), {});
    const rejected = new Set<string>();
    const t = new OpenTracker([a, b], [], rejected);
    t.build();
    const first = t.open;
    expect(t.spansChanged([{ id: 's1', label: 'ORG', start: 5, end: 9 }], [])).toBe(true);
    expect(t.open.map((s) => s.key)).toEqual([a.key]);
    expect(first.map((s) => s.key)).toEqual([a.key, b.key]);
    // A span of another label or range changes nothing, and keeps the same list.
    const same = t.open;
    expect(t.spansChanged([{ id: 's2', label: 'LOC', start: 5, end: 9 }], [])).toBe(false);
    expect(t.open).toBe(same);
    // The span moves off the proposal: open again.
    expect(t.spansChanged([{ id: 's1', label: 'ORG', start: 5, end: 8 }], [])).toBe(true);
    expect(t.open.map((s) => s.key)).toEqual([a.key, b.key]);
    rejected.add(a.key);
    expect(t.rejectedChanged()).toBe(true);
    expect(t.open.map((s) => s.key)).toEqual([b.key]);
    expect(t.rejectedChanged()).toBe(false);
  });

  it('agrees with a full filter after a random run of puts, deletes and rejections', () => {
    const rng = prng(7);
    const int = (n: number) => Math.floor(rng() * n);
    const labels = ['ORG', 'LOC', 'FIGURE'];
    const proposals: Suggestion[] = [];
    for (let i = 0; i < 300; i++) {
      const start = int(200);
      proposals.push(makeSuggestion(i % 2 ? 'entity' : 'figure', labels[int(3)]!, cp(start), cp(start + 1 + int(4)), {}));
    }
    const unique = [...new Map(proposals.map((p) => [p.key, p])).values()].sort((x, y) => x.start - y.start || x.end - y.end || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0) || (x.kind < y.kind ? -1 : 1));
    const spans = new Map<string, TrackedSpan>();
    const rejected = new Set<string>();
    const t = new OpenTracker(unique, [], rejected);
    t.build();
    for (let step = 0; step < 500; step++) {
      const r = rng();
      if (r < 0.5) {
        const p = unique[int(unique.length)]!;
        const id = `s${int(60)}`;
        const s = { id, label: p.label, start: p.start, end: p.end };
        spans.set(id, s);
        t.spansChanged([s], []);
      } else if (r < 0.8 && spans.size) {
        const id = [...spans.keys()][int(spans.size)]!;
        spans.delete(id);
        t.spansChanged([], [id]);
      } else {
        rejected.add(unique[int(unique.length)]!.key);
        t.rejectedChanged();
      }
      const covered = new Set([...spans.values()].map((s) => `${s.label}:${s.start}:${s.end}`));
      const expected = unique.filter((p) => !rejected.has(p.key) && !covered.has(`${p.label}:${p.start}:${p.end}`));
      expect(t.open.map((p) => p.key)).toEqual(expected.map((p) => p.key));
    }
  });

  it('built in slices with changes in between, it ends where a build at once with the same changes ends', () => {
    const proposals = Array.from({ length: 3000 }, (_, i) => makeSuggestion('figure', 'FIGURE', cp(i * 2), cp(i * 2 + 1), {}));
    const spans = Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, label: 'FIGURE', start: i * 6, end: i * 6 + 1 }));
    const t = new OpenTracker(proposals, spans, new Set());
    let slices = 0;
    while (!t.build(performance.now() - 1)) {
      slices++;
      // A span deleted before the build read it, one put early, one moved.
      if (slices === 1) t.spansChanged([{ id: 'late', label: 'FIGURE', start: 5998, end: 5999 }], ['s999']);
      if (slices === 2) t.spansChanged([{ id: 's0', label: 'FIGURE', start: 2, end: 3 }], []);
    }
    expect(slices).toBeGreaterThan(2);
    const covered = new Set([...spans.slice(1, 999).map((s) => s.start), 2, 5998]);
    expect(t.open.map((p) => p.start)).toEqual(proposals.filter((p) => !covered.has(p.start)).map((p) => p.start));
  });
});
