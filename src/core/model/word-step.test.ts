import { describe, expect, it } from 'vitest';
import { OffsetMap } from './offsets';
import type { CodePoint } from './types';
import { stepSpanEdge, wordEdge, STEP_WINDOW } from './word-step';

const cp = (n: number) => n as CodePoint;
/** The range [start, end) of the first occurrence of `s` in `text`, in code points. */
function rangeOf(text: string, s: string): { start: CodePoint; end: CodePoint } {
  const u = text.indexOf(s);
  const map = new OffsetMap(text);
  return { start: map.toCodePoint(u as never), end: map.toCodePoint((u + s.length) as never) };
}
/** The text of a code-point range. */
function textOf(text: string, r: { start: CodePoint; end: CodePoint } | null): string | null {
  return r ? Array.from(text).slice(r.start, r.end).join('') : null;
}

describe('stepSpanEdge in English', () => {
  const text = 'Exports rose by more than 9,000 textile enterprises, said Tang.';
  it('moves the end to the end of the next word, skipping spaces and commas', () => {
    const r = rangeOf(text, '9,000');
    expect(textOf(text, stepSpanEdge(text, r, 'end', 1))).toBe('9,000 textile');
    expect(textOf(text, stepSpanEdge(text, rangeOf(text, '9,000 textile enterprises'), 'end', 1))).toBe('9,000 textile enterprises, said');
  });
  it('moves the end back to the end of the previous word, never into the space', () => {
    expect(textOf(text, stepSpanEdge(text, rangeOf(text, '9,000 textile enterprises'), 'end', -1))).toBe('9,000 textile');
  });
  it('moves the start by whole words both ways', () => {
    expect(textOf(text, stepSpanEdge(text, rangeOf(text, 'more than 9,000'), 'start', 1))).toBe('than 9,000');
    expect(textOf(text, stepSpanEdge(text, rangeOf(text, '9,000'), 'start', -1))).toBe('than 9,000');
  });
  it('refuses to empty the span or to pass the text’s edge', () => {
    expect(stepSpanEdge(text, rangeOf(text, 'Tang'), 'end', -1)).toBeNull();
    expect(stepSpanEdge(text, rangeOf(text, 'Tang'), 'start', 1)).toBeNull();
    expect(stepSpanEdge(text, rangeOf(text, 'Tang.'), 'end', 1)).toBeNull();
    expect(stepSpanEdge(text, rangeOf(text, 'Exports'), 'start', -1)).toBeNull();
  });
  it('keeps a percent sign with its number', () => {
    const t = 'a rise of 43.9% in exports';
    expect(textOf(t, stepSpanEdge(t, rangeOf(t, 'of'), 'end', 1))).toBe('of 43.9%');
    expect(textOf(t, stepSpanEdge(t, rangeOf(t, 'of 43.9% in'), 'end', -1))).toBe('of 43.9%');
  });
});

describe('stepSpanEdge in Chinese', () => {
  const text = '上海市营业收入达到2623.9亿元，同比增长。';
  it('steps by dictionary words, not characters', () => {
    const r = rangeOf(text, '营业');
    const once = stepSpanEdge(text, r, 'end', 1);
    // ICU splits 营业收入 into words; one step takes at least the next whole word and never half of one.
    expect(textOf(text, once)).toMatch(/^营业收入/);
    expect(textOf(text, stepSpanEdge(text, rangeOf(text, '营业收入达到'), 'start', 1))!.length).toBeLessThan(6);
  });
  it('walks across a number and its units into the next word', () => {
    let r: { start: CodePoint; end: CodePoint } | null = rangeOf(text, '达到');
    const seen: string[] = [];
    for (let i = 0; i < 4 && r; i++) {
      r = stepSpanEdge(text, r, 'end', 1);
      if (r) seen.push(textOf(text, r)!);
    }
    expect(seen[0]!.startsWith('达到2623.9')).toBe(true);
    expect(seen.some((s) => s.endsWith('亿元'))).toBe(true);
    // Every stop is a strictly longer span: no step stands still.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.length).toBeGreaterThan(seen[i - 1]!.length);
  });
});

describe('wordEdge', () => {
  it('counts in code points across astral characters', () => {
    const text = '𠀀𠀀 data set';
    const end = wordEdge(text, cp(0), 'end', 1);
    expect(end).not.toBeNull();
    expect(textOf(text, { start: cp(0), end: wordEdge(text, cp(3), 'end', 1)! })).toBe('𠀀𠀀 data');
  });
  it('finds nothing where no word lies within the window', () => {
    const text = `word${' '.repeat(STEP_WINDOW * 2)}word`;
    expect(wordEdge(text, cp(10), 'end', 1)).toBeNull();
  });
  it('costs a window, not the document: a step in a 1,000,000-character text', () => {
    const text = 'one two three. '.repeat(70_000);
    const map = new OffsetMap(text);
    const mid = cp(500_000);
    const next = wordEdge(text, mid, 'end', 1, { map })!;
    expect(next).toBeGreaterThan(mid);
    expect(next - mid).toBeLessThan(10);
  });
});
