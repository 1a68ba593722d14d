// The shared-strings table: one entry per value, a limit past which strings pass through, attributes shared in place.
// (Which copy comes back cannot be seen from JavaScript, where equal strings are equal: the heap figures of `npm run bench` show it.)

import { describe, expect, it } from 'vitest';
import { SharedStrings } from './shared-strings';

describe('SharedStrings', () => {
  it('keeps one entry for equal strings', () => {
    const t = new SharedStrings();
    expect(t.get(['fig', 'ure'].join(''))).toBe('figure');
    expect(t.get(['f', 'igure'].join(''))).toBe('figure');
    expect(t.size).toBe(1);
  });

  it('past its limit, new strings pass through without being kept', () => {
    const t = new SharedStrings(2);
    t.get('a');
    t.get('b');
    expect(t.get('c')).toBe('c');
    expect(t.size).toBe(2);
  });

  it('shares the string values of an attributes object in place, leaving the others as they were', () => {
    const t = new SharedStrings();
    const attrs = { unit: '%', value: 43.9, approx: 'none', flag: true };
    expect(t.attrs(attrs)).toBe(attrs);
    expect(attrs).toEqual({ unit: '%', value: 43.9, approx: 'none', flag: true });
    expect(t.size).toBe(2);
  });
});
