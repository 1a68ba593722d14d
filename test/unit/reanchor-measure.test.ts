// The re-anchoring measurement in small: synthetic edits of the sample corpus (English,
// Chinese, emoji), with known truth, must place most spans right and misplace none.
// The full run is bench/reanchor.ts.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/model/text';
import { EDIT_KINDS, TrackedText, measureReanchoring, prng } from '../../bench/reanchor-measure';

const SAMPLE = join(import.meta.dirname, '..', '..', 'resources', 'sample-corpus');
const docs = readdirSync(SAMPLE)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .map((f) => normalizeText(readFileSync(join(SAMPLE, f), 'utf8')));

describe('measureReanchoring (small)', () => {
  const results = measureReanchoring({ docs, trials: 2, seed: 11 });

  it('runs every edit kind over spans of every kind', () => {
    expect(results.map((r) => r.kind)).toEqual(EDIT_KINDS.map((k) => k.name));
    for (const r of results) {
      expect(r.spans).toBeGreaterThan(100);
      expect(r.bySpanKind.word[0] * r.bySpanKind.figure[0] * r.bySpanKind.sentence[0]).toBeGreaterThan(0);
    }
  });

  it('misplaces no span', () => {
    for (const r of results) expect({ kind: r.kind, misplaced: r.misplaced, examples: r.examples }).toEqual({ kind: r.kind, misplaced: 0, examples: [] });
  });

  // The sample documents are short (about 600 characters), so five inserted runs of up to 80
  // characters leave many spans with no context on either side: those are orphaned.
  it('places most spans right, so that "no misplaced" is not bought by orphaning everything', () => {
    const share = (kind: string): number => {
      const r = results.find((x) => x.kind === kind)!;
      return r.correct / r.spans;
    };
    expect(share('sub-1%')).toBeGreaterThan(0.95);
    expect(share('sub-10%')).toBeGreaterThan(0.85);
    expect(share('insert')).toBeGreaterThan(0.75);
    expect(share('move-paragraph')).toBeGreaterThan(0.95);
  });

  it('is reproducible: the same seed gives the same counts', () => {
    const again = measureReanchoring({ docs, trials: 2, seed: 11, kinds: EDIT_KINDS.slice(0, 1) });
    expect(again[0]!.correct).toBe(results[0]!.correct);
    expect(again[0]!.orphaned).toBe(results[0]!.orphaned);
  });
});

describe('TrackedText', () => {
  it('remembers where every character went through insertions, deletions and moves', () => {
    const t = new TrackedText('ab😀cd');
    t.chars.splice(1, 0, 'X');
    t.origin.splice(1, 0, -1);
    t.chars.splice(3, 1);
    t.origin.splice(3, 1);
    expect(t.text).toBe('aXbcd');
    expect(Array.from(t.newPositions(5))).toEqual([0, 2, -1, 3, 4]);
  });

  it('edit kinds keep the truth unambiguous: a seeded run is reproducible', () => {
    const kind = EDIT_KINDS.find((k) => k.name === 'delete')!;
    const run = (): string => {
      const t = new TrackedText(docs[0]!);
      kind.apply(t, prng(5), docs.slice(1));
      return t.text;
    };
    expect(run()).toBe(run());
    expect(run()).not.toBe(docs[0]);
  });
});
