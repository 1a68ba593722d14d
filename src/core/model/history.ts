// The undo history of annotation actions: each step is a change and its exact inverse, so undo and redo are replays.

import type { Relation, Span } from './types';

/** A set of writes to one document's annotations. */
export interface ChangeSet {
  putSpans: Span[];
  deleteSpanIds: string[];
  putRelations: Relation[];
  deleteRelationIds: string[];
}

/** One undoable action: what it did and what reverses it. */
export interface HistoryStep {
  /** What the user did, for the undo button's tooltip ("create FIGURE", "delete 2 spans"). */
  label: string;
  redo: ChangeSet;
  undo: ChangeSet;
}

/** A document's history: a persistent value, replaced (never mutated) by each operation. */
export interface History {
  readonly done: readonly HistoryStep[];
  readonly undone: readonly HistoryStep[];
}

/** Steps kept: a day of work on one document fits; older steps fall off the bottom. */
export const HISTORY_LIMIT = 500;

/** The empty history. */
export const EMPTY_HISTORY: History = { done: [], undone: [] };

/** An empty change set. */
export function emptyChange(): ChangeSet {
  return { putSpans: [], deleteSpanIds: [], putRelations: [], deleteRelationIds: [] };
}

/** How a step finds the current version of what it changes. */
export interface CurrentLookup {
  span(id: string): Span | undefined;
  relation(id: string): Relation | undefined;
}

/**
 * The step of applying `redo` to the current annotations: its inverse puts back what
 * is replaced or deleted and deletes what is created. Cost is the size of the change,
 * not of the document.
 */
export function stepFor(label: string, current: CurrentLookup, redo: ChangeSet): HistoryStep {
  const undo = emptyChange();
  for (const s of redo.putSpans) {
    const old = current.span(s.id);
    if (old) undo.putSpans.push(old);
    else undo.deleteSpanIds.push(s.id);
  }
  for (const id of redo.deleteSpanIds) {
    const old = current.span(id);
    if (old) undo.putSpans.push(old);
  }
  for (const r of redo.putRelations) {
    const old = current.relation(r.id);
    if (old) undo.putRelations.push(old);
    else undo.deleteRelationIds.push(r.id);
  }
  for (const id of redo.deleteRelationIds) {
    const old = current.relation(id);
    if (old) undo.putRelations.push(old);
  }
  return { label, redo, undo };
}

/** The history after a new action: the redo branch is dropped. */
export function record(history: History, step: HistoryStep): History {
  const done = [...history.done, step];
  return { done: done.length > HISTORY_LIMIT ? done.slice(done.length - HISTORY_LIMIT) : done, undone: [] };
}

/** Undoes the last step: the change to apply and the new history; null when there is nothing to undo. */
export function undo(history: History): { change: ChangeSet; step: HistoryStep; history: History } | null {
  const step = history.done[history.done.length - 1];
  if (!step) return null;
  return { change: step.undo, step, history: { done: history.done.slice(0, -1), undone: [...history.undone, step] } };
}

/** Redoes the last undone step; null when there is nothing to redo. */
export function redo(history: History): { change: ChangeSet; step: HistoryStep; history: History } | null {
  const step = history.undone[history.undone.length - 1];
  if (!step) return null;
  return { change: step.redo, step, history: { done: [...history.done, step], undone: history.undone.slice(0, -1) } };
}
