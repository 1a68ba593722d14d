import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyChange } from '../db/annotations';
import { MarginaliaDb } from '../db/db';
import { setOutboxRoot } from './outbox';
import { describeSave, saveState, type SaveSnapshot } from './save-state';

const isAllSaved = (s: SaveSnapshot) => describeSave(s).state === 'saved';
import { FakeHostError, FakeJournalHost, ManualClock, settle, testSpan } from './test-support';
import { BACKOFF_MS, classifyFailure, OutboxWriter, REFUSED_KEY } from './writer';

const ROOT = '/corpus';

function setup() {
  saveState.reset();
  setOutboxRoot(ROOT);
  const db = new MarginaliaDb(`writer-${Math.random()}`);
  const host = new FakeJournalHost();
  const clock = new ManualClock();
  let reconnects = 0;
  const writer = new OutboxWriter(db, host, ROOT, { clock, onReconnect: () => reconnects++ });
  return { db, host, clock, writer, reconnects: () => reconnects };
}

/** A burst of `n` span creations, each its own applyChange call, none awaited before the next (as the key handler does). */
async function burst(db: MarginaliaDb, n: number, from = 0): Promise<void> {
  await Promise.all(Array.from({ length: n }, (_, i) => applyChange(db, 'd1', 'alice', { putSpans: [testSpan(`s${from + i}`, 0, 4)] })));
}

/** Runs the timers due and lets the writer finish its calls. */
async function tick(clock: ManualClock, writer: OutboxWriter, ms: number): Promise<void> {
  clock.advance(ms);
  await settle();
  await writer.idle();
  await settle();
}

describe('the outbox and its writer', () => {
  beforeEach(() => saveState.reset());

  it('stores a burst in few transactions and sends it in one call, removing only what was acknowledged', async () => {
    const { db, host, clock, writer } = setup();
    await writer.start();
    await tick(clock, writer, 0);
    const transactions = vi.spyOn(db, 'transaction');
    await burst(db, 60);
    // 60 changes made while the first commits: that one, then all the rest together.
    expect(transactions.mock.calls.length).toBeLessThanOrEqual(2);
    transactions.mockRestore();
    expect(await db.outbox.count()).toBe(60);
    expect(saveState.get().pending).toBe(60);
    expect(isAllSaved(saveState.get())).toBe(false);
    await tick(clock, writer, 40);
    expect(host.calls).toHaveLength(1);
    expect(host.calls[0]!.entries).toHaveLength(60);
    // Sent in the order the changes were made, each with a distinct eid of this profile.
    const seqs = host.eids('alice').map((eid) => Number(eid.split(':')[1]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(host.eids('alice')).size).toBe(60);
    expect(await db.outbox.count()).toBe(0);
    expect(isAllSaved(saveState.get())).toBe(true);
    writer.stop();
  });

  it('keeps what the host did not acknowledge and sends it again', async () => {
    const { db, host, clock, writer } = setup();
    // The first call acknowledges 3 of 5, the next one none (a host answering without writing).
    let call = 0;
    host.acknowledge = (eids) => (call++ === 0 ? eids.slice(0, 3) : []);
    await writer.start();
    await burst(db, 5);
    await tick(clock, writer, 40);
    expect(await db.outbox.count()).toBe(2);
    expect(saveState.get().pending).toBe(2);
    host.acknowledge = null;
    await tick(clock, writer, BACKOFF_MS[0]!);
    expect(await db.outbox.count()).toBe(0);
    // The two unacknowledged entries went twice (a reader keeps the first line of an eid); none was lost.
    expect(new Set(host.eids('alice')).size).toBe(5);
    writer.stop();
  });

  it('says why while the host is away, backs off, and sends everything in order once it is back', async () => {
    const { db, host, clock, writer, reconnects } = setup();
    await writer.start();
    await burst(db, 10);
    await tick(clock, writer, 40);
    expect(host.eids('alice')).toHaveLength(10);

    host.fail = new FakeHostError('io', 'the Marginalia host does not answer: is `marginalia serve` still running?');
    await burst(db, 5, 10);
    await tick(clock, writer, 40);
    expect(saveState.get()).toMatchObject({ pending: 5, reason: 'unreachable' });
    expect(clock.pending()).toEqual([BACKOFF_MS[0]]);
    await tick(clock, writer, BACKOFF_MS[0]!);
    expect(clock.pending()).toEqual([BACKOFF_MS[1]]);
    // Changes made meanwhile do not hammer the host: they wait for the retry.
    const callsBefore = host.calls.length;
    await burst(db, 5, 15);
    await tick(clock, writer, 40);
    expect(host.calls.length).toBe(callsBefore);
    expect(saveState.get().pending).toBe(10);

    host.fail = null;
    await tick(clock, writer, BACKOFF_MS[1]!);
    expect(await db.outbox.count()).toBe(0);
    expect(saveState.get()).toMatchObject({ pending: 0, reason: null });
    expect(reconnects()).toBe(1);
    const spans = (host.lines.get('alice') ?? []).map((l) => JSON.parse(l).span.id);
    expect(spans).toEqual(Array.from({ length: 20 }, (_, i) => `s${i}`));
    writer.stop();
  });

  it('sets aside an entry the host refuses as invalid, and the others still reach the journal', async () => {
    const { db, host, clock, writer } = setup();
    await writer.start();
    await burst(db, 4);
    await applyChange(db, 'd1', 'alice', { putSpans: [{ ...testSpan('bad', 0, 4), label: '' }] });
    await burst(db, 4, 4);
    for (let i = 0; i < 10; i++) await tick(clock, writer, 40);
    expect(await db.outbox.count()).toBe(0);
    expect(new Set((host.lines.get('alice') ?? []).map((l) => JSON.parse(l).span.id)).size).toBe(8);
    const refused = JSON.parse((await db.settings.get(REFUSED_KEY))!.value);
    expect(refused.map((r: { entry: { span: { id: string } } }) => r.entry.span.id)).toEqual(['bad']);
    expect(saveState.get().refused).toBe(1);
    expect(isAllSaved(saveState.get())).toBe(false);
    writer.stop();
  });

  it('tells disk full, read-only, a new token and an unreachable host apart', () => {
    expect(classifyFailure(new FakeHostError('disk-full', 'disk full (ENOSPC): 3 entries not written')).reason).toBe('disk-full');
    expect(classifyFailure(new FakeHostError('io', 'disk full (ENOSPC): 3 entries not written')).reason).toBe('disk-full');
    expect(classifyFailure(new FakeHostError('read-only', 'read-only')).reason).toBe('read-only');
    expect(classifyFailure(new FakeHostError('unauthorized', 'the token is not this host\'s')).reason).toBe('unauthorized');
    expect(classifyFailure(new FakeHostError('forbidden', 'missing or wrong token: open the URL')).reason).toBe('unauthorized');
    expect(classifyFailure(new FakeHostError('io', 'the Marginalia host does not answer')).reason).toBe('unreachable');
    expect(classifyFailure(new TypeError('Failed to fetch')).reason).toBe('unreachable');
  });

  it('journals rejections and document comments with the change that stores them', async () => {
    const { db, host, clock, writer } = setup();
    await writer.start();
    await applyChange(db, 'd1', 'alice', { rejected: ['FIGURE:0:4'] });
    // A stale list (without the first key) adds its new key and takes nothing back.
    await applyChange(db, 'd1', 'alice', { rejected: ['FIGURE:5:9'] });
    await applyChange(db, 'd1', 'alice', { unrejected: ['FIGURE:5:9'] });
    await applyChange(db, 'd1', 'alice', { status: 'done', meta: { comment: 'check the figure', unsure: true } });
    await tick(clock, writer, 40);
    const ops = (host.lines.get('alice') ?? []).map((l) => JSON.parse(l)).map((e) => `${e.op}:${e.key ?? e.status ?? e.meta?.comment ?? ''}`);
    expect(ops).toEqual(['reject:FIGURE:0:4', 'reject:FIGURE:5:9', 'unreject:FIGURE:5:9', 'status:done', 'doc-meta:check the figure']);
    expect((await db.rejected.get(['d1', 'alice']))!.keys).toEqual(['FIGURE:0:4']);
    writer.stop();
  });
});
