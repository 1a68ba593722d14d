// What changed between two lists of open suggestions, so the editor's ghosts are patched, not repainted: a span made
// or removed opens or closes a few suggestions of the thousands a long document has.

/** A suggestion as the ghost patch sees it: its identity is the object, its name in the editor is the key. */
export interface Keyed {
  readonly key: string;
}

/**
 * The suggestions to (re)draw and the keys to remove to go from `before` to `after`, both sorted by
 * `order` (one merge walk: no sets of the thousands of suggestions, which a page of proposals
 * arriving from the worker would build each time). The focused suggestion's ghost looks different,
 * so a change of focus redraws the ghosts that gained or lost it. Applied as "remove, then add by
 * key", the patch gives `after` even where `order` ties.
 */
export function ghostChanges<T extends Keyed>(
  before: readonly T[],
  after: readonly T[],
  order: (a: T, b: T) => number,
  focusedBefore: string | null,
  focusedAfter: string | null,
): { add: T[]; remove: string[] } {
  const add: T[] = [];
  const remove: string[] = [];
  const refocused = (s: T) => focusedBefore !== focusedAfter && (s.key === focusedBefore || s.key === focusedAfter);
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (j >= after.length) remove.push(before[i++]!.key);
    else if (i >= before.length) add.push(after[j++]!);
    else if (before[i] === after[j]) {
      if (refocused(after[j]!)) add.push(after[j]!);
      i++;
      j++;
    } else {
      const c = order(before[i]!, after[j]!);
      if (c < 0) remove.push(before[i++]!.key);
      else if (c > 0) add.push(after[j++]!);
      else {
        remove.push(before[i++]!.key);
        add.push(after[j++]!);
      }
    }
  }
  return { add, remove };
}
