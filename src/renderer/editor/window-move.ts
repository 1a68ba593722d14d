// Moving a decoration set with the paint window, shared by the spans and the overlays: what left the window is removed,
// what came is added, what stayed is untouched (and so are its DOM nodes).

import type { Node } from 'prosemirror-model';
import { DecorationSet, type Decoration } from 'prosemirror-view';
import type { IndexedInterval, SpanIndex } from '../../core/model/span-index';
import { inWindow, type PaintWindow } from './viewport';

/** The decorations of the items of `index` meeting `w` (all when null) whose text has arrived; each item's decoration carries its id in its spec. */
export function windowDecorations<T extends IndexedInterval>(doc: Node, index: SpanIndex<T>, w: PaintWindow, decorate: (item: T) => Decoration): Decoration[] {
  const size = doc.content.size;
  const out: Decoration[] = [];
  for (const item of w === null ? index.all() : index.inRange(w.from, w.to)) if (item.end < size && inWindow(w, item.start, item.end)) out.push(decorate(item));
  return out;
}

/** Moves `set`, painted for window `before`, to window `next`. */
export function moveWindowSet<T extends IndexedInterval>(doc: Node, set: DecorationSet, index: SpanIndex<T>, before: PaintWindow, next: PaintWindow, decorate: (item: T) => Decoration): DecorationSet {
  if (before === null || next === null || next.from >= before.to || next.to <= before.from) return DecorationSet.create(doc, windowDecorations(doc, index, next, decorate));
  const leaving: Decoration[] = [];
  for (const [a, b] of [[before.from, next.from], [next.to, before.to]] as const) {
    if (a >= b) continue;
    for (const d of set.find(a, b)) {
      // Decided by the item's range, not the decoration's.
      const item = index.get((d.spec as { id: string }).id);
      if (!item || !inWindow(next, item.start, item.end)) leaving.push(d);
    }
  }
  const entering: Decoration[] = [];
  for (const [a, b] of [[next.from, before.from], [before.to, next.to]] as const) {
    if (a >= b) continue;
    for (const d of windowDecorations(doc, index, { from: a, to: b }, decorate)) {
      const item = index.get((d.spec as { id: string }).id)!;
      if (!inWindow(before, item.start, item.end) && inWindow(next, item.start, item.end)) entering.push(d);
    }
  }
  return set.remove(leaving).add(doc, entering);
}
