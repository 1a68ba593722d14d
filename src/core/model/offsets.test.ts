import { describe, expect, it } from 'vitest';
import { codePointLength, OffsetMap, sliceCodePoints } from './offsets';
import type { CodePoint, Utf16 } from './types';

const cp = (n: number) => n as CodePoint;
const u16 = (n: number) => n as Utf16;

describe('OffsetMap', () => {
  it('is the identity on text without astral characters', () => {
    const m = new OffsetMap('上海 port 43.9%');
    for (let i = 0; i <= 13; i++) {
      expect(m.toUtf16(cp(i))).toBe(i);
      expect(m.toCodePoint(u16(i))).toBe(i);
    }
  });

  it('counts an emoji and a CJK Extension B character as one code point each', () => {
    const text = 'a😀b𠀀c';
    const m = new OffsetMap(text);
    expect(m.codePointLength).toBe(5);
    expect(m.utf16Length).toBe(7);
    expect([0, 1, 2, 3, 4, 5].map((i) => m.toUtf16(cp(i)))).toEqual([0, 1, 3, 4, 6, 7]);
    expect([0, 1, 3, 4, 6, 7].map((i) => m.toCodePoint(u16(i)))).toEqual([0, 1, 2, 3, 4, 5]);
    // Inside a surrogate pair rounds down to the character's start.
    expect(m.toCodePoint(u16(2))).toBe(1);
    expect(m.toCodePoint(u16(5))).toBe(3);
  });

  it('agrees with Array.from on every offset of a mixed text', () => {
    const text = '🎉x\n𠀁𠀂 y😊中文\r\n🪔';
    const m = new OffsetMap(text);
    const chars = Array.from(text);
    let u = 0;
    for (let i = 0; i <= chars.length; i++) {
      expect(m.toUtf16(cp(i))).toBe(u);
      expect(m.toCodePoint(u16(u))).toBe(i);
      u += chars[i]?.length ?? 0;
    }
  });

  it('slices like Python does', () => {
    expect(sliceCodePoints('x𠀀𠀁 village', 1, 3)).toBe('𠀀𠀁');
    expect(codePointLength('𠀀𠀁 village')).toBe(10);
  });

  it('treats a lone surrogate as one code point, as Python does', () => {
    const text = 'a\ud800b';
    const m = new OffsetMap(text);
    expect(m.codePointLength).toBe(3);
    expect(m.toUtf16(cp(2))).toBe(2);
  });
});
