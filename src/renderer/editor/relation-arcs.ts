// Which relations the annotation layer draws as arcs: the selected span's always, every one near the paint window on demand.

import type { EditorView } from 'prosemirror-view';
import type { LayerArc } from './annotation-layer';
import { selectedSpanId, spanIndex } from './span-decorations';
import { inWindow, paintWindow } from './viewport';

/** A relation as the editor draws it. */
export interface EditorRelation {
  head: string;
  tail: string;
  label: string;
}

/** The arcs to draw: the selected span's relations always, every relation near the paint window when asked. */
export function arcsFor(v: EditorView, relations: readonly EditorRelation[], all: boolean): LayerArc[] {
  if (!relations.length) return [];
  const index = spanIndex(v.state);
  const selected = selectedSpanId(v.state);
  const w = paintWindow(v.state);
  const out: LayerArc[] = [];
  relations.forEach((r, i) => {
    const emphasis = r.head === selected || r.tail === selected;
    if (!emphasis && !all) return;
    const head = index.get(r.head);
    const tail = index.get(r.tail);
    if (!head || !tail) return;
    if (!emphasis && !inWindow(w, head.start, head.end) && !inWindow(w, tail.start, tail.end)) return;
    out.push({ key: `${i}:${r.head}>${r.tail}`, label: r.label, head, tail, emphasis });
  });
  return out;
}
