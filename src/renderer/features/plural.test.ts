import { describe, expect, it } from 'vitest';
import { counted } from './plural';

describe('counted', () => {
  it('says one in the singular and every other count in the plural', () => {
    expect(counted(1, 'span')).toBe('1 span');
    expect(counted(0, 'span')).toBe('0 spans');
    expect(counted(2, 'mention')).toBe('2 mentions');
    expect(counted(1.5, 'document')).toBe('1.5 documents');
  });
  it('takes an irregular plural', () => {
    expect(counted(1, 'match', 'matches')).toBe('1 match');
    expect(counted(7, 'match', 'matches')).toBe('7 matches');
  });
  it('groups thousands as English readers do', () => {
    expect(counted(12000, 'span')).toBe('12,000 spans');
  });
});
