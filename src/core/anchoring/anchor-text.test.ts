// Tests of the prepared text: code points, and windows that mark the document's edges.

import { describe, expect, it } from 'vitest';
import { AnchorText, NL } from './anchor-text';

describe('AnchorText', () => {
  const t = new AnchorText('a😀b𠀀c');

  it('holds the code points and their count', () => {
    expect(t.length).toBe(5);
    expect(Array.from(t.cps)).toEqual([0x61, 0x1f600, 0x62, 0x20000, 0x63]);
  });

  it('reads a window inside the text as it is', () => {
    expect(t.window(1, 3)).toEqual({ cps: [0x1f600, 0x62], offset: 0 });
  });

  it('marks each document edge a window reaches with a line feed', () => {
    expect(t.window(-3, 2)).toEqual({ cps: [NL, 0x61, 0x1f600], offset: 1 });
    expect(t.window(3, 9)).toEqual({ cps: [0x20000, 0x63, NL], offset: 0 });
    expect(t.window(0, 5)).toEqual({ cps: [NL, 0x61, 0x1f600, 0x62, 0x20000, 0x63, NL], offset: 1 });
  });
});
