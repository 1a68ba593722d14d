// The suggestion queue: grouping, filters, sources, focus target and the line of context, in code points and columns.
import { describe, expect, it } from 'vitest';
import { columnsOf, contextLine, facetsOf, filterQueue, focusAfter, formatScore, groupQueue, sourceOf, type QueueItem } from './suggestion-queue';

/** A suggestion over `text` at the `nth` occurrence of `needle`, in code points. */
function at(text: string, needle: string, label: string, extra: Partial<QueueItem> = {}, nth = 0): QueueItem {
  let u = -1;
  for (let i = 0; i <= nth; i++) u = text.indexOf(needle, u + 1);
  if (u < 0) throw new Error(`${needle} not in text`);
  const start = [...text.slice(0, u)].length;
  const end = start + [...needle].length;
  return { key: `${extra.kind ?? 'dictionary'}:${label}:${start}:${end}`, kind: 'dictionary', label, start, end, text: needle, ...extra };
}

describe('sourceOf', () => {
  it('takes the suggestion’s own source, else tells it from the kind', () => {
    expect(sourceOf({ key: 'k', kind: 'figure', label: 'FIGURE', start: 0, end: 1, text: '1' })).toBe('parser');
    expect(sourceOf({ key: 'k', kind: 'dictionary', label: 'LOC', start: 0, end: 1, text: 'x' })).toBe('lexicon');
    expect(sourceOf({ key: 'k', kind: 'dictionary', label: 'LOC', start: 0, end: 1, text: 'x', source: 'model' })).toBe('model');
    expect(sourceOf({ key: 'k', kind: 'entity', label: 'LOC', start: 0, end: 1, text: 'x' })).toBe('entity');
  });
});

describe('formatScore', () => {
  it('shows confidences with two decimals and nothing for a missing score', () => {
    expect(formatScore(0.9234)).toBe('0.92');
    expect(formatScore(1)).toBe('1.00');
    expect(formatScore(undefined)).toBe('');
    expect(formatScore(Number.NaN)).toBe('');
    expect(formatScore(12.345)).toBe('12.35');
  });
});

describe('groupQueue', () => {
  const text = 'Beijing and Shanghai. Beijing again, 5% up; Beijing (LOC) and Beijing (ORG).';
  const items = [
    at(text, 'Beijing', 'LOC', {}, 2),
    at(text, 'Shanghai', 'LOC'),
    at(text, 'Beijing', 'LOC', { source: 'model', score: 0.7 }, 1),
    at(text, 'Beijing', 'LOC', { score: 0.4 }),
    at(text, '5%', 'FIGURE', { kind: 'figure', score: 0.95 }),
    at(text, 'Beijing', 'ORG', {}, 3),
  ];

  it('puts identical strings of one label in one row with every member, in document order', () => {
    const rows = groupQueue(items);
    expect(rows.map((r) => [r.label, r.text, r.items.length])).toEqual([
      ['LOC', 'Beijing', 3],
      ['LOC', 'Shanghai', 1],
      ['FIGURE', '5%', 1],
      ['ORG', 'Beijing', 1],
    ]);
    const beijing = rows[0]!;
    expect(beijing.items.map((s) => s.start)).toEqual([0, 22, 44]);
    expect(beijing.sources).toEqual(['lexicon', 'model']);
    expect(beijing.score).toBe(0.7);
    expect(rows[1]!.score).toBeUndefined();
  });

  it('orders by best score or by count when asked, document order breaking ties', () => {
    expect(groupQueue(items, 'score').map((r) => r.text + r.label)).toEqual(['5%FIGURE', 'BeijingLOC', 'ShanghaiLOC', 'BeijingORG']);
    expect(groupQueue(items, 'count').map((r) => r.text + r.label)).toEqual(['BeijingLOC', 'ShanghaiLOC', '5%FIGURE', 'BeijingORG']);
  });

  it('keeps a row key stable as members leave, and distinct for the same text under another label', () => {
    const before = groupQueue(items)[0]!.key;
    const after = groupQueue(items.slice(1))[0]!.key;
    expect(after).toBe(before);
    const keys = groupQueue(items).map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('groups 37 mentions into one row of 37', () => {
    const long = Array.from({ length: 37 }, () => 'Beijing').join(' ');
    const many = Array.from({ length: 37 }, (_, i) => at(long, 'Beijing', 'LOC', {}, i));
    const rows = groupQueue(many);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.items).toHaveLength(37);
  });
});

describe('filterQueue and facetsOf', () => {
  const text = 'Beijing 5% Tang';
  const items = [at(text, 'Beijing', 'LOC'), at(text, '5%', 'FIGURE', { kind: 'figure' }), at(text, 'Tang', 'PERSON', { source: 'nlp' })];
  it('filters by label, by source, by both', () => {
    expect(filterQueue(items, {}).length).toBe(3);
    expect(filterQueue(items, { label: 'LOC' }).map((s) => s.text)).toEqual(['Beijing']);
    expect(filterQueue(items, { source: 'parser' }).map((s) => s.text)).toEqual(['5%']);
    expect(filterQueue(items, { source: 'nlp', label: 'LOC' })).toEqual([]);
  });
  it('lists the labels and sources present with their counts', () => {
    expect(facetsOf(items)).toEqual({ labels: [['LOC', 1], ['FIGURE', 1], ['PERSON', 1]], sources: [['lexicon', 1], ['parser', 1], ['nlp', 1]] });
  });
});

describe('columnsOf', () => {
  it('counts Chinese, kana, Hangul, full-width forms and astral ideographs as two columns, the rest as one', () => {
    for (const ch of ['中', '。', 'カ', '한', '％', '𠀀']) expect(columnsOf(ch.codePointAt(0)!)).toBe(2);
    for (const ch of ['a', 'é', ' ', '%', '😀', 'я']) expect(columnsOf(ch.codePointAt(0)!)).toBe(1);
  });
});

describe('focusAfter', () => {
  it('goes to the next row, else the previous, else nowhere', () => {
    expect(focusAfter(['a', 'b', 'c'], 0)).toBe('b');
    expect(focusAfter(['a', 'b', 'c'], 2)).toBe('b');
    expect(focusAfter(['a'], 0)).toBeNull();
  });
});

describe('contextLine', () => {
  it('stays on the suggestion’s own line', () => {
    const text = 'First paragraph ends here.\nThe budget rose 5% this year.\nNext one.';
    const s = at(text, '5%', 'FIGURE');
    expect(contextLine(text, s.start, s.end)).toEqual({ before: 'The budget rose ', match: '5%', after: ' this year.', clippedBefore: false, clippedAfter: false });
  });

  it('counts code points, so astral characters before the suggestion do not shift it', () => {
    const text = '𠀀𠀁 village got 45.6 million yuan 😀 in 2023';
    const s = at(text, '45.6 million yuan', 'FIGURE');
    const c = contextLine(text, s.start, s.end);
    expect(c.match).toBe('45.6 million yuan');
    expect(c.before).toBe('𠀀𠀁 village got ');
    expect(c.after).toBe(' 😀 in 2023');
  });

  it('clips a long line to whole words and says so; the text shown is in the document, in order', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const text = `${words} Beijing ${words}`;
    const s = at(text, 'Beijing', 'LOC');
    const c = contextLine(text, s.start, s.end, undefined, 30, 30);
    expect(c.clippedBefore).toBe(true);
    expect(c.clippedAfter).toBe(true);
    expect(c.before).toMatch(/^word\d+ /);
    expect(c.after).toMatch(/ word\d+$/);
    expect(text).toContain(`${c.before}${c.match}${c.after}`);
    expect([...c.before].length).toBeLessThanOrEqual(30);
  });

  it('clips Chinese (no spaces) by width, a Chinese character taking two columns, without dropping anything else', () => {
    const text = '据介绍，'.repeat(20) + '上海' + '，其中约3000家'.repeat(10);
    const s = at(text, '上海', 'LOC');
    const c = contextLine(text, s.start, s.end, undefined, 10, 10);
    expect(c.before).toBe('，据介绍，');
    expect(c.after).toBe('，其中约30');
    expect(text).toContain(c.before + c.match + c.after);
    expect(contextLine('甲乙丙丁戊己庚辛X', 8, 9, undefined, 6, 6)).toMatchObject({ before: '己庚辛', clippedBefore: true, after: '', clippedAfter: false });
  });

  it('never splits an astral character at a cut', () => {
    const text = '😀'.repeat(30) + ' X ' + '𠀀'.repeat(30);
    const c = contextLine(text, 31, 32, undefined, 7, 7);
    expect(c.before).toBe('😀'.repeat(6) + ' ');
    expect(c.after).toBe(' 𠀀𠀀𠀀');
    expect(c.before + c.after).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('takes different widths before and after', () => {
    const text = 'one two three four X five six seven eight nine';
    const c = contextLine(text, 19, 20, undefined, 8, 16);
    expect(c).toMatchObject({ before: 'four ', match: 'X', after: ' five six seven', clippedBefore: true, clippedAfter: true });
    // A cut inside the only word near the match keeps the part rather than show nothing.
    expect(contextLine('abcdefghij X abcdefghij', 11, 12, undefined, 3, 6)).toMatchObject({ before: 'ij ', after: ' abcde' });
  });

  it('shows runs of white space as one space', () => {
    const text = 'a\t\tb   5%  c';
    const s = at(text, '5%', 'FIGURE');
    expect(contextLine(text, s.start, s.end)).toMatchObject({ before: 'a b ', after: ' c' });
  });

  it('works at the very start and end of the text', () => {
    const text = '5%';
    expect(contextLine(text, 0, 2)).toEqual({ before: '', match: '5%', after: '', clippedBefore: false, clippedAfter: false });
  });
});
