import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../core/ipc/contract';
import { MarginaliaDb } from '../db/db';
import { inStep } from './in-step';
import { lastWrites } from './reconcile';
import { testSpan } from './test-support';

const put = (id: string, eid: string, docId = 'd1'): JournalEntry => ({ op: 'put-span', docId, at: '2026-01-01T00:00:00.000Z', eid, span: { ...testSpan(id, 0, 4), docId } });

async function storeWith(entries: JournalEntry[]): Promise<MarginaliaDb> {
  const db = new MarginaliaDb(`in-step-${Math.random()}`);
  const winners = lastWrites(entries);
  await db.versions.bulkPut([...winners].map(([key, e]) => ({ annotator: 'alice', key, docId: e.docId, at: e.at ?? '', eid: e.eid!, entry: e })));
  return db;
}

const check = (db: MarginaliaDb, journal: JournalEntry[], docs = ['d1', 'd2']) =>
  inStep(db, 'alice', new Set(docs), lastWrites(journal), new Set(journal.map((e) => e.eid!)));

describe('the start-up agreement check', () => {
  it('agrees when every last write of the journal is the stored version and every stored version is in the journal', async () => {
    const journal = [put('s1', 'p:1'), put('s1', 'p:2'), put('s2', 'p:3', 'd2')];
    expect(await check(await storeWith(journal), journal)).toBe(true);
  });

  it('disagrees when the journal has a later write (another profile) or lacks a stored one (a restored backup)', async () => {
    const stored = [put('s1', 'p:1'), put('s2', 'p:2')];
    const db = await storeWith(stored);
    expect(await check(db, [...stored, put('s1', 'q:1')])).toBe(false);
    expect(await check(db, stored.slice(0, 1))).toBe(false);
  });

  it('looks only at the corpus documents and this annotator', async () => {
    const journal = [put('s1', 'p:1')];
    const db = await storeWith([...journal, put('s9', 'p:9', 'elsewhere')]);
    await db.versions.put({ annotator: 'bob', key: 'x', docId: 'd1', at: '', eid: 'b:1', entry: put('s5', 'b:1') });
    expect(await check(db, journal)).toBe(true);
    expect(await check(db, journal, ['d1', 'elsewhere'])).toBe(false);
  });
});
