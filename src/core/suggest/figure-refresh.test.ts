import { describe, expect, it } from 'vitest';
import type { CodePoint } from '../model/types';
import { editedAttrs, refreshFigureAttrs, setEditedAttr } from './figure-refresh';

const cp = (n: number) => n as CodePoint;

describe('refreshFigureAttrs', () => {
  const text = 'Exports reached more than 1.5 trillion yuan, up 20%.';
  const at = (s: string) => [...text].join('').indexOf(s);

  it('re-parses value, unit and approx when the end moves', () => {
    const start = at('1.5');
    // The span first covered "1.5 trillion", then its end moved to take in "yuan".
    const before = refreshFigureAttrs(text, cp(start), cp(start + '1.5 trillion'.length), {});
    expect(before).toEqual({ value: 1.5e12, unit: '', approx: 'more-than' });
    const after = refreshFigureAttrs(text, cp(start), cp(start + '1.5 trillion yuan'.length), before);
    expect(after).toEqual({ value: 1.5e12, unit: 'CNY', approx: 'more-than' });
  });

  it('keeps the attributes the annotator edited, marked so, and re-parses the others', () => {
    const start = at('1.5');
    const attrs = setEditedAttr({ value: 1.5e12, unit: 'CNY', approx: 'more-than' }, 'unit', 'RMB');
    expect(editedAttrs(attrs)).toEqual(new Set(['unit']));
    const moved = refreshFigureAttrs(text, cp(start), cp(start + '1.5'.length), attrs);
    expect(moved).toEqual({ value: 1.5, unit: 'RMB', approx: 'more-than', edited: 'unit' });
  });

  it('removes stale parsed attributes when the span no longer holds a number, but keeps others', () => {
    const moved = refreshFigureAttrs(text, cp(0), cp('Exports'.length), { value: 20, unit: '%', approx: 'none', checkworthy: true });
    expect(moved).toEqual({ checkworthy: true });
  });

  it('does not change its input', () => {
    const attrs = { value: 1, unit: 'x', approx: 'none' };
    refreshFigureAttrs(text, cp(at('20%')), cp(at('20%') + 3), attrs);
    expect(attrs).toEqual({ value: 1, unit: 'x', approx: 'none' });
  });
});
