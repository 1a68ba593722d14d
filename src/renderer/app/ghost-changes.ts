// What changed between two lists of open suggestions, so the editor's ghosts are patched, not repainted: a span made
// or removed opens or closes a few suggestions of the thousands a long document has.

/** A suggestion as the ghost patch sees it: its identity is the object, its name in the editor is the key. */
export interface Keyed {
  readonly key: string;
}

/**
 * The suggestions to (re)draw and the keys to remove to go from `before` to `after`; the focused
 * suggestion's ghost looks different, so a change of focus redraws the ghosts that gained or lost it.
 */
export function ghostChanges<T extends Keyed>(before: readonly T[], after: readonly T[], focusedBefore: string | null, focusedAfter: string | null): { add: T[]; remove: string[] } {
  const had = new Set(before);
  const has = new Set(after);
  const remove: string[] = [];
  for (const s of before) if (!has.has(s)) remove.push(s.key);
  const add: T[] = [];
  const refocused = focusedBefore === focusedAfter ? null : new Set([focusedBefore, focusedAfter]);
  for (const s of after) if (!had.has(s) || refocused?.has(s.key)) add.push(s);
  return { add, remove };
}
