import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MarginaliaDb } from './db';
import { readPaged } from './paged-read';

const span = (i: number, label: string) => ({ id: `s${String(i).padStart(5, '0')}`, docId: 'd', annotator: 'a', label, start: i, end: i + 1, attrs: {}, quote: { exact: 'x', prefix: '', suffix: '' }, createdAt: '', updatedAt: '' });

describe('paged reads', () => {
  it('reads every row of a collection across pages, in order, and only the rows of the index range', async () => {
    const db = new MarginaliaDb(`paged-${Math.random()}`);
    await db.spans.bulkPut([...Array.from({ length: 2500 }, (_, i) => span(i, 'PERSON')), ...Array.from({ length: 30 }, (_, i) => span(5000 + i, 'FIGURE'))] as never);
    const rows = await readPaged<{ id: string }>(() => db.spans.where('[annotator+label]').equals(['a', 'PERSON']));
    expect(rows).toHaveLength(2500);
    expect(rows!.map((r) => r.id)).toEqual([...rows!.map((r) => r.id)].sort());
    expect(new Set(rows!.map((r) => r.id)).size).toBe(2500);
  });

  it('stops with null when cancelled between pages', async () => {
    const db = new MarginaliaDb(`paged-${Math.random()}`);
    await db.spans.bulkPut(Array.from({ length: 1500 }, (_, i) => span(i, 'ORG')) as never);
    let pages = 0;
    expect(await readPaged(() => (pages++, db.spans.where('annotator').equals('a')), () => pages >= 1)).toBeNull();
    expect(pages).toBe(1);
  });
});

describe('the rest of a long document, by ranges of start offsets', () => {
  it('reads every span starting at or after the opening ones exactly once, orphans beyond the text included', async () => {
    const { loadSpansFrom } = await import('./annotations');
    const db = new MarginaliaDb(`rest-${Math.random()}`);
    const spans = Array.from({ length: 900 }, (_, i) => ({ ...span(i * 97, 'ORG'), docId: 'd', annotator: 'a' }));
    await db.spans.bulkPut([...spans, { ...span(99_999_999, 'LOC'), id: 'orphan' }, { ...span(5, 'ORG'), id: 'other', annotator: 'b' }] as never);
    const rest = await loadSpansFrom(db, 'd', 'a', 32_000, 90_000);
    const expected = spans.filter((s) => s.start >= 32_000).map((s) => s.id).concat('orphan');
    expect(rest.map((s) => s.id).sort()).toEqual(expected.sort());
  });
});

describe('the rest of a short document', () => {
  it('ends after one open-ended read when the text is shorter than a range, or its length is not known', async () => {
    const { loadSpansFrom } = await import('./annotations');
    const db = new MarginaliaDb(`rest-short-${Math.random()}`);
    await db.spans.bulkPut([{ ...span(40_000, 'ORG'), docId: 'd', annotator: 'a' }] as never);
    expect((await loadSpansFrom(db, 'd', 'a', 32_000, 20_000)).map((s) => s.id)).toEqual(['s40000']);
    expect((await loadSpansFrom(db, 'd', 'a', 32_000, Infinity)).map((s) => s.id)).toEqual(['s40000']);
  });
});
