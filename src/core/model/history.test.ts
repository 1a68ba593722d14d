import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, HISTORY_LIMIT, record, redo, stepFor, undo, type ChangeSet } from './history';
import type { CodePoint, Relation, Span } from './types';

const span = (id: string, label = 'FIGURE', start = 0, end = 3): Span => ({
  id, docId: 'd', annotator: 'a', label, start: start as CodePoint, end: end as CodePoint, attrs: {},
  quote: { exact: 'abc', prefix: '', suffix: '' }, createdAt: 't', updatedAt: 't',
});
/** A change applied to plain lists, as a session applies it to its index. */
function applyToLists(lists: { spans: readonly Span[]; relations: readonly Relation[] }, change: ChangeSet): { spans: Span[]; relations: Relation[] } {
  const spans = new Map(lists.spans.map((s) => [s.id, s]));
  for (const id of change.deleteSpanIds) spans.delete(id);
  for (const s of change.putSpans) spans.set(s.id, s);
  const relations = new Map(lists.relations.map((r) => [r.id, r]));
  for (const id of change.deleteRelationIds) relations.delete(id);
  for (const r of change.putRelations) relations.set(r.id, r);
  return { spans: [...spans.values()], relations: [...relations.values()] };
}

/** The step from `before` to `after`, as the app builds it: the change set and the current lists. */
function stepBetween(label: string, before: { spans: Span[]; relations: Relation[] }, after: { spans: Span[]; relations: Relation[] }) {
  const change: ChangeSet = {
    putSpans: after.spans,
    deleteSpanIds: before.spans.filter((s) => !after.spans.some((a) => a.id === s.id)).map((s) => s.id),
    putRelations: after.relations,
    deleteRelationIds: before.relations.filter((r) => !after.relations.some((a) => a.id === r.id)).map((r) => r.id),
  };
  return stepFor(label, { span: (id) => before.spans.find((s) => s.id === id), relation: (id) => before.relations.find((r) => r.id === id) }, change);
}
const rel = (id: string, head: string, tail: string): Relation => ({ id, docId: 'd', annotator: 'a', label: 'cites', head, tail });

describe('the undo history', () => {
  it('undoes and redoes a create, a relabel and a delete with its relations', () => {
    let lists = { spans: [] as Span[], relations: [] as Relation[] };
    let h = EMPTY_HISTORY;
    const act = (label: string, after: typeof lists) => {
      h = record(h, stepBetween(label, lists, after));
      lists = after;
    };
    act('create', { spans: [span('s1', 'CLAIM', 0, 9), span('s2')], relations: [] });
    act('link', { spans: lists.spans, relations: [rel('r1', 's1', 's2')] });
    act('relabel', { spans: [lists.spans[0]!, span('s2', 'ORG')], relations: lists.relations });
    // Deleting s2 deletes its relation too, in one step.
    act('delete', { spans: [lists.spans[0]!], relations: [] });
    const snapshot = JSON.stringify(lists);

    const states: string[] = [];
    for (let i = 0; i < 4; i++) {
      const u = undo(h)!;
      h = u.history;
      lists = applyToLists(lists, u.change);
      states.push(`${lists.spans.map((s) => s.id + s.label).sort()}|${lists.relations.map((r) => r.id)}`);
    }
    expect(states).toEqual(['s1CLAIM,s2ORG|r1', 's1CLAIM,s2FIGURE|r1', 's1CLAIM,s2FIGURE|', '|']);
    expect(undo(h)).toBeNull();
    for (let i = 0; i < 4; i++) {
      const r = redo(h)!;
      h = r.history;
      lists = applyToLists(lists, r.change);
    }
    expect(redo(h)).toBeNull();
    const sortById = (l: typeof lists) => JSON.stringify({ spans: [...l.spans].sort((a, b) => a.id.localeCompare(b.id)), relations: l.relations });
    expect(sortById(lists)).toBe(sortById(JSON.parse(snapshot)));
  });

  it('drops the redo branch on a new action and keeps at most HISTORY_LIMIT steps', () => {
    let h = record(EMPTY_HISTORY, stepBetween('a', { spans: [], relations: [] }, { spans: [span('s1')], relations: [] }));
    h = undo(h)!.history;
    expect(h.undone).toHaveLength(1);
    h = record(h, stepBetween('b', { spans: [], relations: [] }, { spans: [span('s2')], relations: [] }));
    expect(h.undone).toHaveLength(0);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) h = record(h, stepBetween(`x${i}`, { spans: [], relations: [] }, { spans: [span(`s${i}`)], relations: [] }));
    expect(h.done).toHaveLength(HISTORY_LIMIT);
    expect(h.done[HISTORY_LIMIT - 1]!.label).toBe(`x${HISTORY_LIMIT + 9}`);
  });

  it('survives a JSON round trip, as it does when stored', () => {
    const h = record(EMPTY_HISTORY, stepBetween('a', { spans: [], relations: [] }, { spans: [span('s1')], relations: [] }));
    const back = JSON.parse(JSON.stringify(h));
    expect(undo(back)!.change.deleteSpanIds).toEqual(['s1']);
  });
});
