// Tests of the diff-based position map: exact where the text is unchanged, a hint elsewhere.

import { describe, expect, it } from 'vitest';
import { EditMap } from './edit-map';

/** Paragraphs joined as a document. */
const doc = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const P1 = 'Shanghai has built twenty large science facilities this year.';
const P2 = 'The output of strategic industries reached 43.9% of the total.';
const P3 = 'Exports of electric vehicles rose by 20% in the first quarter.';
const P4 = 'More than 1.2 million visitors came to the lantern festival.';

describe('EditMap', () => {
  it('maps every position to itself when nothing changed', () => {
    const t = doc(P1, P2, P3);
    const m = new EditMap(t, t);
    expect(m.identical).toBe(true);
    for (const p of [0, 10, t.length - 1, t.length]) expect(m.locate(p)).toEqual({ at: p, sure: true });
  });

  it('shifts positions after an insertion and keeps those before it', () => {
    const before = doc(P1, P2, P3);
    const after = doc(P1, 'A new paragraph of twenty-nine.', P2, P3);
    const m = new EditMap(before, after);
    const shift = after.length - before.length;
    expect(m.locate(5)).toEqual({ at: 5, sure: true });
    const inP3 = before.indexOf('electric');
    expect(m.locate(inP3)).toEqual({ at: inP3 + shift, sure: true });
    expect(m.unchanged(inP3, inP3 + 8)).toBe(true);
  });

  it('maps lines that survive in the changed middle exactly, and interpolates between them', () => {
    const before = doc(P1, P2, P3, P4);
    // The first and last paragraphs change, so neither prefix nor suffix trimming reaches P2 or P3.
    const after = doc('Shanghai has built 20 large facilities.', P2, P3, 'More than a million came.');
    const m = new EditMap(before, after);
    const inP2 = before.indexOf('strategic');
    expect(m.locate(inP2)).toEqual({ at: after.indexOf('strategic'), sure: true });
    const inP3 = before.indexOf('electric');
    expect(m.locate(inP3)).toEqual({ at: after.indexOf('electric'), sure: true });
    // Inside the shortened first paragraph: a hint, not sure.
    expect(m.locate(before.indexOf('twenty')).sure).toBe(false);
  });

  it('follows the lines that keep their order when a paragraph moves', () => {
    const before = doc(P1, P2, P3, P4);
    const after = doc(P1, P3, P4, P2);
    const m = new EditMap(before, after);
    const inP3 = before.indexOf('electric');
    expect(m.map(inP3)).toBe(after.indexOf('electric'));
    const inP4 = before.indexOf('lantern');
    expect(m.map(inP4)).toBe(after.indexOf('lantern'));
  });

  it('calls a same-length change sure (characters replaced in place)', () => {
    const before = doc(P1, P2);
    const after = before.replace('43.9%', '44.1%');
    const m = new EditMap(before, after);
    const at = before.indexOf('43.9%');
    expect(m.locate(at)).toEqual({ at, sure: true });
  });

  it('counts in code points and never splits a surrogate pair', () => {
    // The two texts differ only in the low surrogate of the astral character.
    const before = 'ab😀cd';
    const after = 'ab😁cd';
    const m = new EditMap(before, after);
    expect(m.oldLength).toBe(5);
    expect(m.locate(3)).toEqual({ at: 3, sure: true });
    expect(m.map(2)).toBe(2);
    // An astral character inserted before a position shifts it by one code point.
    const m2 = new EditMap('x village', 'x 𠀀 village');
    expect(m2.map(2)).toBe(4);
  });

  it('clamps to the new text', () => {
    const m = new EditMap('abcdefgh', 'ab');
    expect(m.map(8)).toBeLessThanOrEqual(2);
  });
});
