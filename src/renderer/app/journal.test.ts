import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { MarginaliaApi } from '../../core/ipc/contract';
import { applyChange } from '../db/annotations';
import { MarginaliaDb } from '../db/db';
import { testSpan } from '../persist/test-support';
import { journalChange } from './journal';

const noApi = {} as MarginaliaApi;

describe('journalChange', () => {
  it('queues a change stored outside applyChange once, and nothing for a change applyChange already queued', async () => {
    const db = new MarginaliaDb(`journal-${Math.random()}`);
    const made = testSpan('s1', 0, 4);
    await applyChange(db, 'd1', 'alice', { putSpans: [made] });
    expect(await db.outbox.count()).toBe(1);
    // The same change passed again (a caller that also journals what it stored): no second entry.
    await journalChange(noApi, 'alice', 'd1', { putSpans: [made] }, db);
    expect(await db.outbox.count()).toBe(1);
    // Spans moved to the document's new id by re-anchoring: stored directly, then journaled here.
    const moved = { ...made, docId: 'd2' };
    await db.spans.put(moved);
    await journalChange(noApi, 'alice', 'd1', { deleteSpanIds: ['s1'] }, db);
    await journalChange(noApi, 'alice', 'd2', { putSpans: [moved] }, db);
    const ops = (await db.outbox.toArray()).map((r) => `${r.entry.op}@${r.entry.docId}`);
    expect(ops).toEqual(['put-span@d1', 'delete-span@d1', 'put-span@d2']);
    await journalChange(noApi, 'alice', 'd2', { putSpans: [moved] }, db);
    expect(await db.outbox.count()).toBe(3);
  });
});
