import { describe, expect, it } from 'vitest';
import type { CodePoint } from '../../core/model/types';
import { PositionMap, type PmPos } from './positions';
import { EditorState } from 'prosemirror-state';
import { appendLines, linesToDoc, SECTION_LINES } from './schema';

describe('PositionMap', () => {
  it('maps across section boundaries: every line of a long text, its first and last characters', () => {
    const lines = Array.from({ length: SECTION_LINES * 3 + 5 }, (_, i) => (i % 7 === 3 ? '' : `line ${i} 中文𠀀`));
    const text = lines.join('\n');
    const map = new PositionMap(text);
    const doc = linesToDoc(lines);
    expect(doc.childCount).toBe(4);
    let cp = 0;
    for (const line of lines) {
      const chars = Array.from(line);
      for (const [k, c] of chars.entries()) {
        const pos = map.toPos((cp + k) as CodePoint);
        expect(doc.textBetween(pos, pos + c.length)).toBe(c);
        expect(map.toCodePoint(pos)).toBe(cp + k);
      }
      cp += chars.length + 1;
    }
    expect(map.toPos((cp - 1) as CodePoint)).toBe(doc.content.size - 2);
  });

  it('appends lines into the last section, then into new ones, as linesToDoc would build them', () => {
    const lines = Array.from({ length: SECTION_LINES * 2 + 3 }, (_, i) => `l${i}`);
    const start = EditorState.create({ doc: linesToDoc(lines.slice(0, 10)) });
    const grown = start.apply(appendLines(start, lines.slice(10)));
    expect(grown.doc.eq(linesToDoc(lines))).toBe(true);
  });

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
    // The end of the text: before the last paragraph's and the last section's closing tokens.
    expect(map.toPos(chars.length as CodePoint)).toBe(doc.content.size - 2);
  });

  it('clamps positions between paragraphs to the end of the line before', () => {
    const map = new PositionMap('ab\ncd');
    // doc: <section><p>ab</p><p>cd</p></section>: position 5 is between the paragraphs.
    expect(map.toCodePoint(5 as PmPos)).toBe(2);
    expect(map.toCodePoint(6 as PmPos)).toBe(3);
  });
});
