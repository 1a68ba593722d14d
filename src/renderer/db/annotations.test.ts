import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_HISTORY, type History } from '../../core/model/history';
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

  it('writes a burst of changes of one document in one transaction, with only the last undo history', async () => {
    const db = new MarginaliaDb(`test-${Math.random()}`);
    await applyChange(db, 'd1', 'alice', { putSpans: [span('s0', 0, 4)] });
    const history = (n: number): History => ({ ...EMPTY_HISTORY, done: Array.from({ length: n }, (_, i) => ({ label: `step ${i}`, redo: { putSpans: [], deleteSpanIds: [], putRelations: [], deleteRelationIds: [] }, undo: { putSpans: [], deleteSpanIds: [], putRelations: [], deleteRelationIds: [] } })) });
    const puts = vi.spyOn(db.history, 'put');
    const transactions = vi.spyOn(db, 'transaction');
    // The first starts at once; the four made while it commits go together in the next transaction.
    await Promise.all([1, 2, 3, 4, 5].map((n) => applyChange(db, 'd1', 'alice', { putSpans: [span(`s${n}`, 17, 21)], history: history(n) })));
    expect(transactions.mock.calls.length).toBe(2);
    // One history written per transaction: the four-change batch writes only its last.
    expect(puts.mock.calls.length).toBe(2);
    expect((await loadAnnotations(db, 'd1', 'alice')).history.done).toHaveLength(5);
    expect((await loadAnnotations(db, 'd1', 'alice')).spans).toHaveLength(6);
    db.close();
  });
});
