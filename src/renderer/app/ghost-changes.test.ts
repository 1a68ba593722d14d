import { describe, expect, it } from 'vitest';
import { ghostChanges } from './ghost-changes';

const s = (key: string) => ({ key });

describe('ghostChanges', () => {
  const a = s('a');
  const b = s('b');
  const c = s('c');

  it('sends nothing when the list and the focus are the same', () => {
    expect(ghostChanges([a, b], [a, b], 'a', 'a')).toEqual({ add: [], remove: [] });
  });

  it('adds what came and removes what went', () => {
    expect(ghostChanges([a, b], [b, c], null, null)).toEqual({ add: [c], remove: ['a'] });
  });

  it('redraws both ghosts when the focus moves, and only those', () => {
    expect(ghostChanges([a, b, c], [a, b, c], 'a', 'c')).toEqual({ add: [a, c], remove: [] });
  });

  it('replaces a suggestion that came back as another object under the same key', () => {
    const a2 = s('a');
    expect(ghostChanges([a, b], [a2, b], null, null)).toEqual({ add: [a2], remove: ['a'] });
  });

  it('applied in order (remove, then add by key), gives the new list', () => {
    const before = [a, b, c];
    const after = [s('d'), b, s('a')];
    const { add, remove } = ghostChanges(before, after, null, null);
    const held = new Map(before.map((x) => [x.key, x]));
    for (const k of remove) held.delete(k);
    for (const x of add) held.set(x.key, x);
    expect([...held.values()].sort((x, y) => x.key.localeCompare(y.key))).toEqual([...after].sort((x, y) => x.key.localeCompare(y.key)));
  });
});
