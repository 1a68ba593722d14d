import { describe, expect, it, vi } from 'vitest';
import { EMPTY_HISTORY } from '../../core/model/history';
import type { CodePoint, DocStatus, Relation, Span } from '../../core/model/types';
import type { AnnotationChange } from '../db/annotations';
import { DocSession, type SessionEvent } from './doc-session';
import type { PersistFn } from './session-store';

const TEXT = 'Chint Electric earned 2623.9亿元 in Shanghai last year.';

let n = 0;
function span(start: number, end: number, label = 'ORG', extra: Partial<Span> = {}): Span {
  n++;
  return {
    id: `s${n}`, docId: 'd1', annotator: 'alice', label, start: start as CodePoint, end: end as CodePoint, attrs: {},
    quote: { exact: Array.from(TEXT).slice(start, end).join(''), prefix: '', suffix: '' }, createdAt: '', updatedAt: '', ...extra,
  };
}

/** A store that records what reaches it, failing where told. */
function recordingStore(fail: { local?: Error; journal?: Error } = {}) {
  const local: AnnotationChange[] = [];
  const journal: AnnotationChange[] = [];
  const target: PersistFn = {
    local: async (c) => {
      if (fail.local) throw fail.local;
      local.push(c);
      return { status: (c.status ?? 'in-progress') as DocStatus };
    },
    journal: async (c) => {
      if (fail.journal) throw fail.journal;
      journal.push(c);
    },
  };
  return { target, local, journal };
}

function session(spans: Span[] = [], relations: Relation[] = [], store = recordingStore(), status?: DocStatus) {
  const state = status ? { docId: 'd1', annotator: 'alice', status, spanCount: 0, labelCounts: {}, updatedAt: '' } : undefined;
  const s = new DocSession('d1', 'alice', 'a.txt', TEXT, { spans, relations, state, history: EMPTY_HISTORY, rejected: [] }, store.target);
  const events: SessionEvent[] = [];
  s.on((e) => events.push(e));
  return { s, events, store };
}

describe('DocSession', () => {
  it('applies a change at once, tells its listeners what to paint, and keeps reading order', () => {
    const org = span(0, 14);
    const { s, events } = session([org]);
    const loc = span(34, 42, 'LOC');
    const fig = span(22, 31, 'FIGURE');
    expect(s.commit('create LOC', { putSpans: [loc] })).toBe(true);
    s.commit('create FIGURE', { putSpans: [fig] });
    expect(s.spans.map((x) => x.id)).toEqual([org.id, fig.id, loc.id]);
    expect(events).toEqual([
      { type: 'spans', paint: [loc], unpaint: [] },
      { type: 'spans', paint: [fig], unpaint: [] },
    ]);
    expect(s.commit('nothing', {})).toBe(false);
  });

  it('deletes a span with the relations that touch it, in one undoable step, and undo puts both back', () => {
    const claim = span(0, 50, 'CLAIM');
    const fig = span(22, 31, 'FIGURE');
    const rel: Relation = { id: 'r1', docId: 'd1', annotator: 'alice', label: 'cites', head: claim.id, tail: fig.id };
    const { s, events } = session([claim, fig], [rel]);
    s.select(fig.id);
    s.deleteSpans([fig.id]);
    expect(s.span(fig.id)).toBeUndefined();
    expect(s.relations).toEqual([]);
    expect(s.selectedId).toBeNull();
    expect(events.at(-1)).toEqual({ type: 'relations', relations: [] });
    expect(s.undo()).toBe('delete FIGURE');
    expect(s.span(fig.id)).toEqual(fig);
    expect(s.relations).toEqual([rel]);
    expect(s.redo()).toBe('delete FIGURE');
    expect(s.span(fig.id)).toBeUndefined();
    expect(s.redo()).toBe(false);
  });

  it('never paints an orphaned span, and lists it for review', () => {
    const { s, events } = session();
    const lost = span(3, 9, 'ORG', { orphaned: true });
    s.commit('keep', { putSpans: [lost] });
    expect(events[0]).toEqual({ type: 'spans', paint: [], unpaint: [lost.id] });
    expect(s.orphanedSpans).toEqual([lost]);
    expect(s.placedSpans).toEqual([]);
  });

  it('selects only spans it holds and tells the editor how', () => {
    const org = span(0, 14);
    const { s, events } = session([org]);
    s.select('missing');
    s.select(org.id, true);
    expect(events).toEqual([
      { type: 'select', id: null, scroll: false, collapse: false },
      { type: 'select', id: org.id, scroll: true, collapse: false },
    ]);
    expect(s.selected).toBe(org);
  });

  it('writes after the paint, in order, with history and counts, then journals; "Saved" only when both are done', async () => {
    const { s, store } = session();
    const a = span(0, 14);
    const b = span(34, 42, 'LOC');
    s.commit('create ORG', { putSpans: [a] });
    s.commit('create LOC', { putSpans: [b] });
    // Nothing is written in the task of the key; the first span starts the document at once.
    expect(store.local).toEqual([]);
    expect(s.status).toBe('in-progress');
    expect(s.save.pending).toBe(2);
    await s.flushed();
    expect(store.local.map((c) => c.putSpans?.[0]?.id)).toEqual([a.id, b.id]);
    expect(store.local[1]!.counts).toEqual({ spanCount: 2, labelCounts: { ORG: 1, LOC: 1 } });
    expect(store.local[1]!.history?.done.map((x) => x.label)).toEqual(['create ORG', 'create LOC']);
    expect(store.journal).toHaveLength(2);
    expect(s.save).toMatchObject({ pending: 0, error: null });
    expect(s.status).toBe('in-progress');
  });

  it('says which store failed, and keeps the change on screen', async () => {
    const full = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const { s } = session([], [], recordingStore({ local: full }));
    s.commit('create ORG', { putSpans: [span(0, 14)] });
    await s.flushed();
    expect(s.save.error).toMatch(/storage is full/);
    expect(s.spans).toHaveLength(1);
    const journalDown = session([], [], recordingStore({ journal: new Error('disk full') })).s;
    journalDown.commit('create ORG', { putSpans: [span(0, 14)] });
    await journalDown.flushed();
    expect(journalDown.save.error).toBe('Saved in this browser, but not in the journal on disk: disk full');
  });

  it('remembers rejections and the status through the same queue', async () => {
    const { s, store } = session();
    s.reject(['figure:FIGURE:22:31']);
    s.setStatus('done');
    await s.flushed();
    expect(store.local[0]!.rejected).toEqual(['figure:FIGURE:22:31']);
    expect(store.local[1]!.status).toBe('done');
    expect(s.status).toBe('done');
  });

  it('tells React once per frame, however many changes came', async () => {
    vi.useFakeTimers();
    try {
      const { s } = session([], [], recordingStore(), 'in-progress');
      const heard = vi.fn();
      s.subscribe(heard);
      s.commit('a', { putSpans: [span(0, 5)] });
      s.commit('b', { putSpans: [span(6, 9)] });
      expect(heard).not.toHaveBeenCalled();
      await vi.runAllTimersAsync();
      expect(heard).toHaveBeenCalledTimes(1);
      expect(s.version).toBeGreaterThanOrEqual(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('DocSession of a long document, opened with its opening spans', () => {
  function partial(spans: Span[], store = recordingStore()) {
    return new DocSession('d1', 'alice', 'a.txt', TEXT, { spans, relations: [], state: undefined, history: EMPTY_HISTORY, rejected: [] }, store.target, true);
  }

  it('paints the rest when they arrive, without recording or persisting them, and keeps what the annotator did meanwhile', async () => {
    const store = recordingStore();
    const first = span(0, 14);
    const s = partial([first], store);
    const events: SessionEvent[] = [];
    s.on((e) => events.push(e));
    expect(s.arriving).toBe(true);
    const later = span(22, 31, 'FIGURE');
    const deleted = span(34, 42, 'LOC');
    const edited = span(15, 21, 'ORG');
    // Meanwhile: a span deleted (it was among the opening ones after a move), one relabelled.
    s.commit('create LOC', { putSpans: [deleted] });
    s.deleteSpans([deleted.id]);
    s.updateSpan('relabel', { ...edited, label: 'PERSON' });
    s.arrive([later, deleted, edited]);
    expect(s.arriving).toBe(false);
    expect(s.spans.map((x) => `${x.id}:${x.label}`)).toEqual([`${first.id}:ORG`, `${edited.id}:PERSON`, `${later.id}:FIGURE`]);
    expect(events.at(-1)).toEqual({ type: 'spans', paint: [later], unpaint: [] });
    expect(s.history.done.map((step) => step.label)).toEqual(['create LOC', `delete LOC`, 'relabel']);
    await new Promise((r) => setTimeout(r, 150));
    await s.flushed();
    // The writes made while arriving let the store count the spans (the index did not hold them all).
    expect(store.local.map((c) => c.counts)).toEqual([undefined, undefined, undefined]);
    expect(store.local.flatMap((c) => c.putSpans ?? []).map((x) => x.id)).not.toContain(later.id);
  });

  it('holds the paint of spans that arrive before the editor listens, and gives it to the first listener', () => {
    const s = partial([]);
    const later = span(22, 31, 'FIGURE');
    s.arrive([later]);
    const events: SessionEvent[] = [];
    s.on((e) => events.push(e));
    expect(events).toEqual([{ type: 'spans', paint: [later], unpaint: [] }]);
  });
});
