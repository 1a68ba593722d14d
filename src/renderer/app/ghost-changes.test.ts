import { describe, expect, it } from 'vitest';
import { prng } from '../../core/model/prng';
import { ghostChanges } from './ghost-changes';

const s = (key: string) => ({ key });
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The editor's side: remove the keys, then set the added by key. */
function applied<T extends { key: string }>(before: readonly T[], patch: { add: T[]; remove: string[] }): T[] {
  const held = new Map(before.map((x) => [x.key, x]));
  for (const k of patch.remove) held.delete(k);
  for (const x of patch.add) held.set(x.key, x);
  return [...held.values()].sort(byKey);
}

describe('ghostChanges', () => {
  const a = s('a');
  const b = s('b');
  const c = s('c');

  it('sends nothing when the list and the focus are the same', () => {
    expect(ghostChanges([a, b], [a, b], byKey, 'a', 'a')).toEqual({ add: [], remove: [] });
  });

  it('adds what came and removes what went', () => {
    expect(ghostChanges([a, b], [b, c], byKey, null, null)).toEqual({ add: [c], remove: ['a'] });
  });

  it('redraws both ghosts when the focus moves, and only those', () => {
    expect(ghostChanges([a, b, c], [a, b, c], byKey, 'a', 'c')).toEqual({ add: [a, c], remove: [] });
  });

  it('replaces a suggestion that came back as another object under the same key', () => {
    const a2 = s('a');
    expect(applied([a, b], ghostChanges([a, b], [a2, b], byKey, null, null))).toEqual([a2, b]);
  });

  it('gives the new list on random lists, ties in the order included', () => {
    const rand = prng(5);
    // An order that ties often (first letter only), as a position can be shared by several suggestions.
    const coarse = (x: { key: string }, y: { key: string }) => x.key.charCodeAt(0) - y.key.charCodeAt(0);
    for (let round = 0; round < 200; round++) {
      const pool = Array.from({ length: 30 }, (_, i) => s(`${'abcde'[i % 5]}${i}`));
      const before = pool.filter(() => rand() < 0.5).sort(coarse);
      const after = pool.filter(() => rand() < 0.5).map((x) => (rand() < 0.1 ? s(x.key) : x)).sort(coarse);
      expect(applied(before, ghostChanges(before, after, coarse, null, null))).toEqual([...after].sort(byKey));
    }
  });
});
