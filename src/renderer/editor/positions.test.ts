import { describe, expect, it } from 'vitest';
import type { CodePoint } from '../../core/model/types';
import { PositionMap, type PmPos } from './positions';
import { linesToDoc } from './schema';

describe('PositionMap', () => {
  it('maps every code point to the ProseMirror position of the same character and back', () => {
    const text = 'ab\n\n𠀀c😀\n中文';
    const map = new PositionMap(text);
    const doc = linesToDoc(text.split('\n'));
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      if (chars[i] === '\n') continue;
      const pos = map.toPos(i as CodePoint);
      expect(doc.textBetween(pos, pos + chars[i]!.length)).toBe(chars[i]);
      expect(map.toCodePoint(pos)).toBe(i);
    }
    expect(map.toPos(chars.length as CodePoint)).toBe(doc.content.size - 1);
  });

  it('clamps positions between paragraphs to the end of the line before', () => {
    const map = new PositionMap('ab\ncd');
    // doc: <p>ab</p><p>cd</p>: position 4 is between the paragraphs.
    expect(map.toCodePoint(4 as PmPos)).toBe(2);
    expect(map.toCodePoint(5 as PmPos)).toBe(3);
  });
});
