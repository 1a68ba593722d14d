import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../core/model/boundaries';
import { OffsetMap, sliceCodePoints } from '../../core/model/offsets';
import type { CodePoint } from '../../core/model/types';
import { Dictionary } from '../../core/suggest/dictionary';
import { editedAttrs, namesOf, resizedAttrs } from './assist-extras';

const cp = (n: number) => n as CodePoint;

describe('assist extras', () => {
  it('snapping keeps the lexicon names whole, with one word list per lexicon', () => {
    const text = '他在小红书上发布了视频。';
    const dictionary = new Dictionary([{ text: '小红书', label: 'PRODUCT' }]);
    expect(namesOf(dictionary)).toBe(namesOf(dictionary));
    const r = snapToWords(text, cp(2), cp(3), { extraWords: namesOf(dictionary) });
    expect(sliceCodePoints(text, r.start, r.end)).toBe('小红书');
  });

  it('a resize re-parses a figure, keeps a hand-edited unit, and leaves other spans alone', () => {
    const text = 'It takes two to four weeks.';
    const map = new OffsetMap(text);
    const start = cp(text.indexOf('two'));
    const end = cp(text.indexOf('.'));
    expect(resizedAttrs('figure', text, start, end, { value: 2, unit: '', approx: 'none' }, map)).toEqual({ value: null, unit: 'week', approx: 'none' });
    const edited = editedAttrs('figure', { value: 2, unit: '', approx: 'none' }, 'unit', 'weeks of work');
    expect(resizedAttrs('figure', text, start, end, edited, map)).toEqual({ value: null, unit: 'weeks of work', approx: 'none', edited: 'unit' });
    expect(resizedAttrs('entity', text, start, end, { canonical: 'x' }, map)).toEqual({ canonical: 'x' });
    expect(editedAttrs('entity', {}, 'canonical', 'fudan')).toEqual({ canonical: 'fudan' });
    expect(editedAttrs('figure', edited, 'unit', undefined)).toEqual({ value: 2, approx: 'none' });
  });
});
