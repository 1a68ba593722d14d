// A generic undo history over persistent values: each step keeps the value before it, so undo and redo are swaps.
//
// The workbench's History (./history.ts) keeps change sets because its documents are large and
// mutable; a view whose whole state is a persistent value (the curation, where unchanged
// documents are shared between states) keeps the values themselves, at the cost of a pointer each.

/** Values before each step (`done`, oldest first) and after each undone step (`undone`). A persistent value. */
export interface UndoStack<T> {
  readonly done: readonly T[];
  readonly undone: readonly T[];
}

/** Steps kept by default: a long day of decisions; older ones fall off the bottom. */
export const UNDO_LIMIT = 500;

/** The empty stack. */
export function emptyUndo<T>(): UndoStack<T> {
  return { done: [], undone: [] };
}

/** The stack after a new step whose previous value was `before`: the redo branch is dropped. */
export function pushUndo<T>(stack: UndoStack<T>, before: T, limit = UNDO_LIMIT): UndoStack<T> {
  const done = [...stack.done, before];
  return { done: done.length > limit ? done.slice(done.length - limit) : done, undone: [] };
}

/** Undoes the last step from `current`: the value to go back to and the new stack; null when there is nothing to undo. */
export function undoStep<T>(stack: UndoStack<T>, current: T): { value: T; stack: UndoStack<T> } | null {
  if (stack.done.length === 0) return null;
  const value = stack.done[stack.done.length - 1]!;
  return { value, stack: { done: stack.done.slice(0, -1), undone: [...stack.undone, current] } };
}

/** Redoes the last undone step from `current`; null when there is nothing to redo. */
export function redoStep<T>(stack: UndoStack<T>, current: T): { value: T; stack: UndoStack<T> } | null {
  if (stack.undone.length === 0) return null;
  const value = stack.undone[stack.undone.length - 1]!;
  return { value, stack: { done: [...stack.done, current], undone: stack.undone.slice(0, -1) } };
}
