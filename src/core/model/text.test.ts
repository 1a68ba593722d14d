import { describe, expect, it } from 'vitest';
import { normalizeText, titleOf } from './text';

describe('normalizeText', () => {
  it('drops a BOM and turns CRLF and CR into LF', () => {
    expect(normalizeText('\ufeffa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
  it('never changes the characters: no NFC', () => {
    const decomposed = 'e\u0301';
    expect(normalizeText(decomposed)).toBe(decomposed);
  });
});

describe('titleOf', () => {
  it('takes the first non-blank line, Markdown heading marks removed', () => {
    expect(titleOf('\n\n# Solar farms\nbody', 'f.md')).toBe('Solar farms');
    expect(titleOf('   \n', 'f.txt')).toBe('f.txt');
  });
});
