// Test doubles for the persistence tests: an in-memory journal host with the contract's append and read, faults on demand, and a manual clock.

import type { AppendJournalRequest, AppendJournalResult, JournalEntry, JournalRead } from '../../core/ipc/contract';
import { quoteOf } from '../../core/model/quote';
import type { CodePoint, Span } from '../../core/model/types';
import type { Clock } from './writer';

/** A host error as the client throws it. */
export class FakeHostError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** One annotator journal per name, in memory; `fail` makes the next calls throw. */
export class FakeJournalHost {
  readonly lines = new Map<string, string[]>();
  calls: AppendJournalRequest[] = [];
  /** Thrown by every append while set. */
  fail: FakeHostError | null = null;
  /** Acknowledge only these eids of a call (a partial acknowledgement), when set. */
  acknowledge: ((eids: string[]) => string[]) | null = null;

  appendJournal = async (req: AppendJournalRequest): Promise<AppendJournalResult> => {
    this.calls.push(req);
    if (this.fail) throw this.fail;
    const bad = req.entries.findIndex((e) => e.op === 'put-span' && e.span.label === '');
    if (bad >= 0) throw new FakeHostError('bad-request', `entry ${bad}: "span.label" must be a string; nothing of this call was written`);
    const file = this.lines.get(req.annotator) ?? [];
    this.lines.set(req.annotator, file);
    for (const e of req.entries) file.push(JSON.stringify(e) + '\n');
    const eids = req.entries.map((e) => e.eid!).filter(Boolean);
    return { written: req.entries.length, acknowledged: this.acknowledge ? this.acknowledge(eids) : eids, bytes: 0, path: `journal-${req.annotator}.jsonl` };
  };

  readJournal = async (req: { annotator: string; raw?: boolean; fromByte?: number }): Promise<JournalRead> => {
    if (this.fail) throw this.fail;
    const file = this.lines.get(req.annotator) ?? [];
    const all = file.join('');
    const from = req.fromByte ?? 0;
    const text = new TextEncoder().encode(all).slice(from);
    const entries = new TextDecoder().decode(text).split('\n').filter(Boolean).map((l) => JSON.parse(l) as JournalEntry);
    return { annotator: req.annotator, path: '', exists: file.length > 0, view: 'raw', endByte: new TextEncoder().encode(all).length, entries, bad: [] };
  };

  /** The eids in an annotator's journal, in order. */
  eids(annotator: string): string[] {
    return (this.lines.get(annotator) ?? []).map((l) => (JSON.parse(l) as JournalEntry).eid!);
  }
}

/** A clock whose timers run only when the test says. */
export class ManualClock implements Clock {
  private t = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;

  now = (): number => this.t;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.next++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (h: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== h);
  };

  /** The delays of the timers waiting, from now. */
  pending(): number[] {
    return this.timers.map((t) => t.at - this.t);
  }

  /** Moves time on by `ms`, running the timers due. */
  advance(ms: number): void {
    this.t += ms;
    const due = this.timers.filter((t) => t.at <= this.t);
    this.timers = this.timers.filter((t) => t.at > this.t);
    for (const t of due) t.fn();
  }
}

const TEXT = 'Port volume rose 6.8% in 2023, the bureau said. Exports rose too.';

/** A span of the test document. */
export function testSpan(id: string, start: number, end: number, annotator = 'alice', docId = 'd1'): Span {
  return {
    id, docId, annotator, label: 'CLAIM', start: start as CodePoint, end: end as CodePoint, attrs: {},
    quote: quoteOf(TEXT, start as CodePoint, end as CodePoint), createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Lets pending promise callbacks (and fake-indexeddb's) run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}
