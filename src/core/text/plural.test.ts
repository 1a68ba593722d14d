// plural(): the word agrees with the count, irregular plurals included.
import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('keeps the singular for exactly one only', () => {
    expect(plural(1, 'span')).toBe('1 span');
    expect(plural(0, 'span')).toBe('0 spans');
    expect(plural(2, 'span')).toBe('2 spans');
    expect(plural(1.5, 'line')).toBe('1.5 lines');
  });
  it('takes an irregular plural', () => {
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
  });
});
