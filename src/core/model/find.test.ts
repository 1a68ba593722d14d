import { describe, expect, it } from 'vitest';
import { findAll } from './find';

describe('findAll', () => {
  it('finds case-insensitively in code points, past astral characters', () => {
    const text = '𠀀 Port port PORT 上海港';
    expect(findAll(text, 'port')).toEqual([
      { start: 2, end: 6 },
      { start: 7, end: 11 },
      { start: 12, end: 16 },
    ]);
    expect(findAll(text, 'port', { caseSensitive: true })).toEqual([{ start: 7, end: 11 }]);
    expect(findAll(text, '上海')).toEqual([{ start: 17, end: 19 }]);
    expect(findAll(text, '')).toEqual([]);
  });
  it('does not overlap matches and honours the limit', () => {
    expect(findAll('aaaa', 'aa')).toHaveLength(2);
    expect(findAll('a a a a', 'a', { limit: 3 })).toHaveLength(3);
  });
  it('keeps exact offsets where lower-casing would change the length', () => {
    const text = 'İstanbul istanbul';
    const m = findAll(text, 'istanbul');
    expect(m).toEqual([{ start: 9, end: 17 }]);
  });
});
