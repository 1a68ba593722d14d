// Counts with their noun in the right number.
import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('says one in the singular and every other count in the plural', () => {
    expect(plural(1, 'span')).toBe('1 span');
    expect(plural(0, 'span')).toBe('0 spans');
    expect(plural(2, 'mention')).toBe('2 mentions');
    expect(plural(1.5, 'document')).toBe('1.5 documents');
  });
  it('takes an irregular plural', () => {
    expect(plural(1, 'match', 'matches')).toBe('1 match');
    expect(plural(7, 'match', 'matches')).toBe('7 matches');
  });
  it('groups thousands as English readers do', () => {
    expect(plural(12000, 'span')).toBe('12,000 spans');
  });
});
