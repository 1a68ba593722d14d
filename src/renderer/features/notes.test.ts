// Notes on spans and documents: stored trimmed, cleared without leaving empty fields.
import { describe, expect, it } from 'vitest';
import { hasNotes, normalizeComment, notesSummary, withNotes, type Notes } from './notes';

describe('normalizeComment', () => {
  it('trims, turns CRLF into LF and stores nothing for blank text', () => {
    expect(normalizeComment('  check the unit\r\nagainst the table  ')).toBe('check the unit\nagainst the table');
    expect(normalizeComment(' \n\t ')).toBeUndefined();
    expect(normalizeComment('')).toBeUndefined();
  });
  it('keeps Chinese and astral characters as typed', () => {
    expect(normalizeComment('单位待核实 𠀀')).toBe('单位待核实 𠀀');
  });
});

describe('withNotes', () => {
  const span: { id: string; label: string; attrs: { value: number } } & Notes = { id: 's1', label: 'FIGURE', attrs: { value: 1 } };

  it('sets a comment and a flag on a copy', () => {
    const out = withNotes(span, { comment: ' recheck ', unsure: true });
    expect(out).toEqual({ ...span, comment: 'recheck', unsure: true });
    expect(span).toEqual({ id: 's1', label: 'FIGURE', attrs: { value: 1 } });
  });

  it('removes the fields when cleared, so the object is as it was (no undefined or false left to serialize)', () => {
    const noted = withNotes(span, { comment: 'x', unsure: true });
    const cleared = withNotes(noted, { comment: '  ', unsure: false });
    expect(cleared).toEqual(span);
    expect(Object.keys(cleared)).toEqual(['id', 'label', 'attrs']);
    expect(JSON.stringify(cleared)).toBe(JSON.stringify(span));
    expect(Object.keys(withNotes(noted, { comment: undefined }))).not.toContain('comment');
  });

  it('leaves the field a patch does not name', () => {
    const noted = withNotes(span, { comment: 'keep me', unsure: true });
    expect(withNotes(noted, { unsure: false })).toEqual({ ...span, comment: 'keep me' });
    expect(withNotes(noted, { comment: 'new' })).toEqual({ ...span, comment: 'new', unsure: true });
  });
});

describe('hasNotes and notesSummary', () => {
  it('says nothing of an empty note', () => {
    expect(hasNotes(undefined)).toBe(false);
    expect(hasNotes({ unsure: false })).toBe(false);
    expect(notesSummary({})).toBe('');
  });
  it('puts the flag first and cuts a long comment on a code point', () => {
    expect(hasNotes({ comment: 'x' })).toBe(true);
    expect(notesSummary({ unsure: true, comment: 'two\nlines' })).toBe('unsure · two lines');
    const long = '𠀀'.repeat(100);
    const summary = notesSummary({ comment: long });
    expect([...summary]).toHaveLength(60);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
