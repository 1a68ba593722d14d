import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { quoteOf } from '../../core/model/quote';
import type { CodePoint, Span } from '../../core/model/types';
import { allDocStates, applyChange, loadAnnotations } from './annotations';
import { MarginaliaDb } from './db';

const text = 'Port volume rose 6.8%.';
const span = (id: string, start: number, end: number): Span => ({
  id, docId: 'd1', annotator: 'alice', label: 'FIGURE', start: start as CodePoint, end: end as CodePoint, attrs: {},
  quote: quoteOf(text, start as CodePoint, end as CodePoint), createdAt: 't', updatedAt: 't',
});

describe('the annotation store', () => {
  it('keeps spans per document and annotator, with the count and status in the state row', async () => {
    const db = new MarginaliaDb(`test-${Math.random()}`);
    let state = await applyChange(db, 'd1', 'alice', { putSpans: [span('s1', 17, 21), span('s2', 0, 4)] });
    expect(state).toMatchObject({ spanCount: 2, status: 'in-progress' });
    await applyChange(db, 'd1', 'bob', { putSpans: [{ ...span('s3', 0, 4), annotator: 'bob' }] });
    state = await applyChange(db, 'd1', 'alice', { deleteSpanIds: ['s2'], status: 'done' });
    expect(state).toMatchObject({ spanCount: 1, status: 'done' });
    const loaded = await loadAnnotations(db, 'd1', 'alice');
    expect(loaded.spans.map((s) => s.id)).toEqual(['s1']);
    expect((await allDocStates(db, 'bob')).map((s) => s.spanCount)).toEqual([1]);
    db.close();
  });
});
