// Tests of the edit distances and the quote alignment that re-anchoring is built on.

import { describe, expect, it } from 'vitest';
import { alignQuote, codePoints, editDistance, prefixDistance, quoteDistance, reversed } from './align';

const cp = codePoints;

describe('codePoints and reversed', () => {
  it('count an astral character as one element', () => {
    expect(cp('a😀𠀀b')).toEqual([0x61, 0x1f600, 0x20000, 0x62]);
    expect(reversed(cp('ab😀'))).toEqual([0x1f600, 0x62, 0x61]);
  });
});

describe('editDistance', () => {
  it('is Levenshtein over code points', () => {
    expect(editDistance(cp('kitten'), cp('sitting'))).toBe(3);
    expect(editDistance(cp(''), cp('abc'))).toBe(3);
    expect(editDistance(cp('上海市'), cp('上海'))).toBe(1);
    // One astral character replaced by another is one edit, not two.
    expect(editDistance(cp('x😀y'), cp('x🎉y'))).toBe(1);
  });
});

describe('prefixDistance', () => {
  it('lets the text run on past the pattern for free', () => {
    expect(prefixDistance(cp('abc'), cp('abcdef'))).toBe(0);
    expect(prefixDistance(cp('abc'), cp('abXdef'))).toBe(1);
    expect(prefixDistance(cp('abc'), cp('ab'))).toBe(1);
    expect(prefixDistance(cp('abc'), cp('Xabc'))).toBe(1);
  });
});

describe('quoteDistance', () => {
  it('charges an inserted run one edit and an eighth per further character', () => {
    expect(quoteDistance(cp('hello'), cp('hello'))).toBe(0);
    expect(quoteDistance(cp('hello'), cp('heQQQQllo'))).toBe(1 + 3 / 8);
    expect(quoteDistance(cp('hello'), cp('hXllo'))).toBe(1);
  });

  it('charges every lost character a whole edit', () => {
    expect(quoteDistance(cp('hello world'), cp('hello'))).toBe(6);
  });
});

/** Aligns prefix|quote|suffix in `text` and returns the quote's place as text with brackets. */
function placed(prefix: string, quote: string, suffix: string, text: string): string {
  const pattern = cp(prefix + quote + suffix);
  const a = cp(prefix).length;
  const b = a + cp(quote).length;
  const t = cp(text);
  const al = alignQuote(pattern, a, b, t);
  if (!al) return 'null';
  const s = String.fromCodePoint;
  return s(...t.slice(0, al.start)) + '[' + s(...t.slice(al.start, al.end)) + ']' + s(...t.slice(al.end));
}

describe('alignQuote', () => {
  it('finds the quote between its contexts, the window ends free', () => {
    expect(placed('rate of ', '43.9%', ' in 2023', 'xx the rate of 43.9% in 2023 yy')).toBe('xx the rate of [43.9%] in 2023 yy');
  });

  it('keeps a substituted character inside the quote', () => {
    expect(placed('rate of ', '43.9%', ' in 2023', 'the rate of 43.8% in 2023')).toBe('the rate of [43.8%] in 2023');
    expect(placed('rate of ', '43.9%', ' in 2023', 'the rate of X3.9% in 2023')).toBe('the rate of [X3.9%] in 2023');
  });

  it('puts text inserted at a boundary outside the quote, and inside it when inserted within', () => {
    expect(placed('rate of ', '43.9%', ' in 2023', 'the rate of about 43.9% in 2023')).toBe('the rate of about [43.9%] in 2023');
    expect(placed('rate of ', '43.9%', ' in 2023', 'the rate of 43.9% now in 2023')).toBe('the rate of [43.9%] now in 2023');
    expect(placed('rate of ', '43.9%', ' in 2023', 'the rate of 43.9 per cent% in 2023')).toBe('the rate of [43.9 per cent%] in 2023');
  });

  it('takes a long run inserted inside a long quote as one edit, not as many', () => {
    const quote = 'High-end medical equipment produced by United Imaging has entered overseas markets.';
    const run = 'trace of home stay near Siguniang Mountain in Sichua';
    const text = 'etc. ' + quote.replace('United Im', 'United Im' + run) + '\n\nBy 2025';
    expect(placed('Hospital, etc. ', quote, '\n\nBy 2025', text)).toBe('etc. [' + quote.replace('United Im', 'United Im' + run) + ']\n\nBy 2025');
  });

  it('leaves nothing between the boundaries when the quote was deleted', () => {
    expect(placed('rate of ', '43.9%', ' in 2023', 'the rate of  in 2023')).toBe('the rate of [] in 2023');
  });

  it('prefers substitutions to a deletion and an insertion of the same cost', () => {
    // "for 43" edited into "fo y43": "r" and " " replaced, not "r" lost and "y" inserted.
    expect(placed('will account ', 'for', ' 43.9% of', 'will account fo y43.9% of')).toBe('will account [fo ]y43.9% of');
  });

  it('works in code points: astral characters are single positions', () => {
    expect(placed('村庄 ', '𠀀𠀁', ' 🏮 village', '村庄 𠀀𠀂 🏮 village')).toBe('村庄 [𠀀𠀂] 🏮 village');
  });

  it('refuses bad quote bounds and an empty window', () => {
    expect(alignQuote(cp('abc'), 2, 2, cp('abc'))).toBeNull();
    expect(alignQuote(cp('abc'), 0, 4, cp('abc'))).toBeNull();
    expect(alignQuote(cp('abc'), 0, 1, [])).toBeNull();
  });
});
