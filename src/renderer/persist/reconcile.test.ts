import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../core/ipc/contract';
import { applyChange } from '../db/annotations';
import { MarginaliaDb } from '../db/db';
import { setOutboxRoot } from './outbox';
import { lastWrites, reconcile } from './reconcile';
import { saveState } from './save-state';
import { JournalSync } from './sync';
import { FakeHostError, FakeJournalHost, settle, testSpan } from './test-support';

const ROOT = '/corpus';
const DOCS = new Set(['d1', 'd2']);

/** One browser profile of alice: its own store and sync, against the shared host. */
function profile(host: FakeJournalHost) {
  const db = new MarginaliaDb(`profile-${Math.random()}`);
  const sync = new JournalSync({ db, api: host, root: ROOT, annotator: 'alice', docIds: DOCS, writer: { coalesceMs: 0 } });
  return { db, sync };
}

/** Waits until a profile's outbox is empty (its writer has sent everything). */
async function drained(db: MarginaliaDb): Promise<void> {
  for (let i = 0; i < 200 && (await db.outbox.count()); i++) await settle(5);
  expect(await db.outbox.count()).toBe(0);
}

/** What a profile shows: spans (id, label, bounds), rejections, statuses and comments. */
async function view(db: MarginaliaDb) {
  const spans = (await db.spans.toArray()).map((s) => `${s.docId}/${s.id}:${s.label}:${s.start}-${s.end}`).sort();
  const rejected = (await db.rejected.toArray()).map((r) => `${r.docId}:${[...r.keys].sort().join(',')}`).sort();
  const states = (await db.docState.toArray()).map((s) => `${s.docId}:${s.status}:${s.spanCount}:${s.meta?.comment ?? ''}`).sort();
  return { spans, rejected, states };
}

describe('reconciliation with the journal', () => {
  beforeEach(() => {
    saveState.reset();
    setOutboxRoot(ROOT);
  });

  it('rebuilds a wiped profile: spans, relations, rejections, status and comment', async () => {
    const host = new FakeJournalHost();
    const a = profile(host);
    await a.sync.start();
    await applyChange(a.db, 'd1', 'alice', { putSpans: [testSpan('s1', 0, 4), testSpan('s2', 5, 11)] });
    await applyChange(a.db, 'd1', 'alice', { putRelations: [{ id: 'r1', docId: 'd1', annotator: 'alice', label: 'cites', head: 's1', tail: 's2' }] });
    await applyChange(a.db, 'd1', 'alice', { deleteSpanIds: ['s2'], deleteRelationIds: ['r1'] });
    await applyChange(a.db, 'd1', 'alice', { rejected: ['FIGURE:17:21'] });
    await applyChange(a.db, 'd2', 'alice', { status: 'done', meta: { comment: 'two sources disagree', unsure: true } });
    await drained(a.db);
    a.sync.stop();

    const b = profile(host);
    const r = await b.sync.start();
    expect(r).toMatchObject({ wasEmpty: true, spans: 1, relations: 0, sent: 0 });
    expect(await view(b.db)).toEqual(await view(a.db));
    expect((await b.db.rejected.get(['d1', 'alice']))!.keys).toEqual(['FIGURE:17:21']);
    expect((await b.db.docState.get(['d2', 'alice']))!.meta).toEqual({ comment: 'two sources disagree', unsure: true });
    b.sync.stop();
  });

  it('makes two profiles of one annotator converge, the later write of an object winning in both', async () => {
    const host = new FakeJournalHost();
    const a = profile(host);
    const b = profile(host);
    await a.sync.start();
    await b.sync.start();
    await applyChange(a.db, 'd1', 'alice', { putSpans: [testSpan('s1', 0, 4), testSpan('s2', 5, 11)] });
    await drained(a.db);
    await b.sync.start();
    // b relabels s1 after a made it; a, meanwhile, deletes s2 and b (still holding it) moves it: both later than a's put.
    await applyChange(b.db, 'd1', 'alice', { putSpans: [{ ...testSpan('s1', 0, 4), label: 'FIGURE' }, { ...testSpan('s2', 5, 12) }] });
    await applyChange(a.db, 'd1', 'alice', { deleteSpanIds: ['s2'], putSpans: [testSpan('s3', 12, 20)] });
    await applyChange(b.db, 'd2', 'alice', { putSpans: [testSpan('t1', 0, 4, 'alice', 'd2')], rejected: ['ORG:0:4'] });
    await drained(a.db);
    await drained(b.db);
    // Each learns of the other's writes (at start, on reconnect or on journalChanged).
    await a.sync.start();
    await b.sync.start();
    await drained(a.db);
    await drained(b.db);
    const va = await view(a.db);
    expect(va).toEqual(await view(b.db));
    expect(va.spans).toContain('d1/s1:FIGURE:0-4');
    expect(va.spans).toContain('d1/s3:CLAIM:12-20');
    expect(va.spans).toContain('d2/t1:CLAIM:0-4');
    expect(va.rejected).toEqual(['d2:ORG:0:4']);
    a.sync.stop();
    b.sync.stop();
  });

  it('sends again what a journal restored from an older backup lacks, keeping the eids', async () => {
    const host = new FakeJournalHost();
    const a = profile(host);
    await a.sync.start();
    for (let i = 0; i < 6; i++) await applyChange(a.db, 'd1', 'alice', { putSpans: [testSpan(`s${i}`, i, i + 3)] });
    await drained(a.db);
    const all = host.eids('alice');
    expect(all).toHaveLength(6);
    // The journal is put back to a copy of two days ago: its first two lines.
    host.lines.set('alice', host.lines.get('alice')!.slice(0, 2));
    const r = await a.sync.start();
    expect(r.sent).toBe(4);
    await drained(a.db);
    expect(host.eids('alice').sort()).toEqual([...all].sort());
    // Nothing more to send the next time.
    expect((await a.sync.start()).sent).toBe(0);
    a.sync.stop();
  });

  it('applies only what was appended since the last read, and a store that lags takes the newer write', async () => {
    const host = new FakeJournalHost();
    const a = profile(host);
    const b = profile(host);
    await a.sync.start();
    await applyChange(a.db, 'd1', 'alice', { putSpans: [testSpan('s1', 0, 4)] });
    await drained(a.db);
    const first = await reconcile(b.db, host, { annotator: 'alice', docIds: DOCS });
    expect(first.applied).toBe(1);
    await applyChange(a.db, 'd1', 'alice', { putSpans: [{ ...testSpan('s1', 0, 4), label: 'ORG' }] });
    await drained(a.db);
    const next = await reconcile(b.db, host, { annotator: 'alice', docIds: DOCS, fromByte: first.endByte });
    expect(next).toMatchObject({ applied: 1, sent: 0 });
    expect((await b.db.spans.get('s1'))!.label).toBe('ORG');
    // Read again from the same byte: nothing new is applied twice.
    expect((await reconcile(b.db, host, { annotator: 'alice', docIds: DOCS, fromByte: next.endByte })).applied).toBe(0);
    // a writes s1 and then b writes it (not yet sent): the journal's older write must not overwrite b's.
    await applyChange(a.db, 'd1', 'alice', { putSpans: [{ ...testSpan('s1', 0, 4), label: 'LOC' }] });
    await drained(a.db);
    await new Promise((r) => setTimeout(r, 5));
    await applyChange(b.db, 'd1', 'alice', { putSpans: [{ ...testSpan('s1', 0, 4), label: 'PERSON' }] });
    const later = await reconcile(b.db, host, { annotator: 'alice', docIds: DOCS, fromByte: next.endByte });
    expect(later.applied).toBe(0);
    expect((await b.db.spans.get('s1'))!.label).toBe('PERSON');
    a.sync.stop();
  });

  it('reconciles by itself once a host that was away at start answers', async () => {
    const host = new FakeJournalHost();
    const a = profile(host);
    await a.sync.start();
    await applyChange(a.db, 'd1', 'alice', { putSpans: [testSpan('s1', 0, 4)] });
    await drained(a.db);
    a.sync.stop();
    host.fail = new FakeHostError('io', 'the Marginalia host does not answer');
    const b = profile(host);
    await expect(b.sync.start()).rejects.toThrow('does not answer');
    host.fail = null;
    for (let i = 0; i < 100 && !(await b.db.spans.count()); i++) await new Promise((r) => setTimeout(r, 20));
    expect((await b.db.spans.get('s1'))?.label).toBe('CLAIM');
    b.sync.stop();
  });

  it('upgrades a store written before eids: sends what the journal lacks, keeps a local edit newer than the journal', async () => {
    const host = new FakeJournalHost();
    const db = new MarginaliaDb(`legacy-${Math.random()}`);
    // What the old app left: three spans in IndexedDB; the journal (lines without eids) got s1 and an older s2.
    const t = (m: number) => `2026-01-01T00:0${m}:00.000Z`;
    await db.spans.bulkPut([{ ...testSpan('s1', 0, 4), updatedAt: t(1) }, { ...testSpan('s2', 5, 11), label: 'ORG', updatedAt: t(3) }, { ...testSpan('s3', 12, 20), updatedAt: t(4) }]);
    host.lines.set('alice', [
      JSON.stringify({ op: 'put-span', docId: 'd1', at: t(1).replace('00.000', '00.001'), span: testSpan('s1', 0, 4) }) + '\n',
      JSON.stringify({ op: 'put-span', docId: 'd1', at: t(2), span: testSpan('s2', 5, 11) }) + '\n',
    ]);
    const r = await reconcile(db, host, { annotator: 'alice', docIds: DOCS });
    expect(r.sent).toBe(2);
    const queued = (await db.outbox.toArray()).map((row) => (row.entry.op === 'put-span' ? `${row.entry.span.id}:${row.entry.span.label}` : row.entry.op));
    expect(queued.sort()).toEqual(['s2:ORG', 's3:CLAIM']);
    expect((await db.spans.get('s2'))!.label).toBe('ORG');
  });

  it('a whole reconciliation of a long document reads the version rows of what differs only, not of every span', async () => {
    const host = new FakeJournalHost();
    const a = profile(host);
    await a.sync.start();
    await applyChange(a.db, 'd1', 'alice', { putSpans: Array.from({ length: 400 }, (_, i) => testSpan(`s${i}`, i * 10, i * 10 + 4)) });
    await drained(a.db);
    a.sync.stop();
    // A change the journal has not got yet (the page was reloaded before the writer sent it): the start is not in step.
    await applyChange(a.db, 'd1', 'alice', { putSpans: [testSpan('late', 5000, 5004)] });
    let rowsRead = 0;
    a.db.versions.hook('reading', (row) => {
      rowsRead++;
      return row;
    });
    const r = await reconcile(a.db, host, { annotator: 'alice', docIds: DOCS, root: ROOT });
    expect(r.applied).toBe(0);
    // The late change's version is read (to see whether the journal overrules it), the 400 others are not.
    expect(rowsRead).toBeLessThan(5);
    expect((await a.db.outbox.toArray()).map((o) => o.entry.op === 'put-span' && o.entry.span.id)).toEqual(['late']);
  });

  it('orders writes of one object by time, then writer, then sequence number as a number', () => {
    const put = (eid: string, at: string, label: string) => ({ op: 'put-span' as const, docId: 'd1', at, eid, span: { ...testSpan('s1', 0, 4), label } });
    const same = '2026-01-01T00:00:00.000Z';
    const label = (m: Map<string, JournalEntry>) => { const e = m.get('span\u0000d1\u0000s1'); return e?.op === 'put-span' ? e.span.label : null; };
    expect(label(lastWrites([put('p:10', same, 'B'), put('p:9', same, 'A')]))).toBe('B');
    expect(label(lastWrites([put('q:1', '2026-01-02T00:00:00.000Z', 'late'), put('p:99', same, 'early')]))).toBe('late');
    // A repeated eid (a batch sent again) counts once.
    expect(lastWrites([put('p:1', same, 'A'), put('p:1', same, 'A')]).size).toBe(1);
  });
});
