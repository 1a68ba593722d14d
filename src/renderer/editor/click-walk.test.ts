// The click walk: outwards through nested spans by place and selection, never by the time between clicks.

import { describe, expect, it } from 'vitest';
import { ClickWalk } from './click-walk';

describe('ClickWalk', () => {
  const nested = ['figure', 'org', 'claim'];

  it('walks outwards on each click at the same place, then back to the innermost', () => {
    const w = new ClickWalk();
    let selected: string | null = null;
    const seen: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      selected = w.choose(10, nested, selected);
      seen.push(selected);
    }
    expect(seen).toEqual(['figure', 'org', 'claim', 'figure']);
  });

  it('starts from the innermost at another place, or when the selection changed in between', () => {
    const w = new ClickWalk();
    expect(w.choose(10, nested, null)).toBe('figure');
    expect(w.choose(11, nested, 'figure')).toBe('figure');
    // Deselected (Escape) since the last click: start again.
    expect(w.choose(11, nested, null)).toBe('figure');
    w.reset();
    expect(w.choose(11, nested, 'figure')).toBe('figure');
  });

  it('selects nothing outside spans', () => {
    expect(new ClickWalk().choose(3, [], 'claim')).toBeNull();
  });
});
