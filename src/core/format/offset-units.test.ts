// Offset units of other tools: UTF-16 (JavaScript, doccano, old Label Studio) and grapheme clusters.

import { describe, expect, it } from 'vitest';
import { UnitMap } from './offset-units';
import { normalizeImported } from './import-line';

const text = 'a😀b👨🏻‍🚒c𠀀d';

describe('UnitMap', () => {
  it('maps code points to UTF-16 indices and back, refusing the middle of a surrogate pair', () => {
    const m = new UnitMap(text, 'utf16');
    expect([0, 1, 2, 3].map((cp) => m.fromCodePoint(cp))).toEqual([0, 1, 3, 4]);
    expect(m.toCodePoint(3)).toBe(2);
    expect(m.toCodePoint(2)).toBeNull();
  });

  it('maps code points to grapheme clusters and refuses offsets inside a cluster', () => {
    const m = new UnitMap(text, 'grapheme');
    // a, 😀, b, firefighter (4 code points: man, skin tone, ZWJ, fire engine), c, 𠀀, d
    expect(m.fromCodePoint(3)).toBe(3);
    expect(m.fromCodePoint(4)).toBeNull();
    expect(m.fromCodePoint(7)).toBe(4);
    expect(m.toCodePoint(5)).toBe(8);
  });
});

describe('normalizeImported', () => {
  it('removes a BOM and CR of CRLF, turns a lone CR into LF, and moves offsets with them', () => {
    const n = normalizeImported('\ufeffab\r\ncd\ref😀\r\ng');
    expect(n.text).toBe('ab\ncd\nef😀\ng');
    const orig = Array.from('\ufeffab\r\ncd\ref😀\r\ng');
    const norm = Array.from(n.text);
    for (const ch of ['a', 'c', 'e', '😀', 'g']) expect(norm[n.map(orig.indexOf(ch))]).toBe(ch);
  });
});

describe('grapheme offsets count as doccano counts (grapheme-splitter 1.0.4), not as this Node ICU does', () => {
  it('places labels after Devanagari conjuncts and a newer emoji sequence where doccano places them', async () => {
    const { default: GraphemeSplitter } = await import('grapheme-splitter');
    const gs = new GraphemeSplitter();
    // "क्षि" is one cluster to ICU, two to grapheme-splitter 1.0.4; the handshake with two skin tones one against four.
    const text = 'क्षि नमस्ते 🫱🏽‍🫲🏿 Berlin';
    const m = new UnitMap(text, 'grapheme');
    const berlin = Array.from(text).indexOf('B');
    const expected = gs.countGraphemes(text.slice(0, text.indexOf('Berlin')));
    expect(m.fromCodePoint(berlin)).toBe(expected);
    expect(m.toCodePoint(expected)).toBe(berlin);
    const icu = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.slice(0, text.indexOf('Berlin')))].length;
    expect(expected).not.toBe(icu); // the case where counting with ICU put labels on other characters
  });
});
