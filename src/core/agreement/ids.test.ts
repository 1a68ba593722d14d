// Deterministic ids: the same parts give the same id, different parts different ids, in the shape of the app's random ids.

import { describe, expect, it } from 'vitest';
import { goldRelationId, goldSpanId, stableId } from './ids';

describe('stable ids', () => {
  it('derive the same id from the same parts', () => {
    expect(goldSpanId('sha256:ab', 0, 5, 'ORG')).toBe(goldSpanId('sha256:ab', 0, 5, 'ORG'));
    expect(goldSpanId('sha256:ab', 0, 5, 'ORG')).toMatch(/^s[a-z2-7]{12}$/);
    expect(goldRelationId('sha256:ab', 'cites', 's1', 's2')).toMatch(/^r[a-z2-7]{12}$/);
    expect(stableId('c', ['x'])).toMatch(/^c[a-z2-7]{12}$/);
  });

  it('differ when any part differs, and do not collide on a grid of spans', () => {
    const seen = new Set<string>();
    for (const doc of ['sha256:aa', 'sha256:ab'])
      for (let start = 0; start < 60; start++)
        for (let end = start; end < start + 30; end++) for (const label of ['ORG', 'LOC', 'CLAIM']) seen.add(goldSpanId(doc, start, end, label));
    expect(seen.size).toBe(2 * 60 * 30 * 3);
    // Parts are separated: (1, 23) and (12, 3) are different spans.
    expect(goldSpanId('d', 1, 23, 'X')).not.toBe(goldSpanId('d', 12, 3, 'X'));
  });
});
