// Overlay decorations that are not spans: linked-span highlights, suggestion ghosts, find matches; each rebuilt only on its
// own meta, and only for the ranges near the viewport (found by binary search in the layer's index).

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { SpanIndex } from '../../core/model/span-index';
import { isArrival } from './progressive-text';
import { inWindow, paintWindow, windowMoved, type PaintWindow } from './viewport';
import type { Chip } from './chip-layer';

/** One overlay range in ProseMirror positions. */
export interface OverlayRange {
  from: number;
  to: number;
  /** Classes of the range's element. */
  className: string;
  /** Extra attributes (e.g. data-suggestion-key) for tests and hit-testing. */
  attrs?: Record<string, string>;
  /** A label chip drawn before the range (suggestion ghosts show their label). */
  chip?: { text: string; color: string };
  /** Names the range across changes of its layer (a suggestion's key): needed to change the layer by {@link patchOverlay}. */
  key?: string;
}

/** A change of some of a layer's ranges: those of `remove` (keys) go, those of `add` come or replace the range of their key. */
export interface OverlayPatch {
  add: OverlayRange[];
  remove: string[];
}

/** The overlay layers, drawn in this order. */
export type OverlayLayer = 'linked' | 'suggestions' | 'find';

const keys: Record<OverlayLayer, PluginKey<LayerState>> = {
  linked: new PluginKey('marginalia-linked'),
  suggestions: new PluginKey('marginalia-suggestions'),
  find: new PluginKey('marginalia-find'),
};

/** An overlay range as the layer's index holds it. */
interface Indexed {
  id: string;
  start: number;
  end: number;
  range: OverlayRange;
}

/** A layer's ranges and the decorations of those in the paint window. */
interface LayerState {
  ranges: SpanIndex<Indexed>;
  set: DecorationSet;
}

function indexOf(ranges: readonly OverlayRange[]): SpanIndex<Indexed> {
  return new SpanIndex(ranges.map((range, i) => ({ id: range.key ?? String(i), start: range.from, end: range.to, range })));
}

/** Which meta a transaction carries for a layer: a whole new list of ranges, or a patch of the list held. */
type LayerMeta = { ranges: OverlayRange[] } | { patch: OverlayPatch };

function layerSet(doc: Node, ranges: SpanIndex<Indexed>, w: PaintWindow): DecorationSet {
  const decos: Decoration[] = [];
  for (const { range: r } of w === null ? ranges.all() : ranges.inRange(w.from, w.to)) {
    // Outside the window, or not arrived yet (a long text comes in slices).
    if (!inWindow(w, r.from, r.to) || r.to >= doc.content.size) continue;
    // A range's chip is drawn by the chip layer (chip-layer.ts), not here.
    decos.push(Decoration.inline(r.from, r.to, { nodeName: 'span', class: r.className, ...r.attrs }));
  }
  return DecorationSet.create(doc, decos);
}

function layerPlugin(layer: OverlayLayer): Plugin<LayerState> {
  const key = keys[layer];
  return new Plugin<LayerState>({
    key,
    state: {
      init: () => ({ ranges: new SpanIndex<Indexed>(), set: DecorationSet.empty }),
      apply(tr, prev, _old, state) {
        const given = tr.getMeta(key) as LayerMeta | undefined;
        if (given && 'ranges' in given) {
          const ranges = indexOf(given.ranges);
          return { ranges, set: layerSet(tr.doc, ranges, paintWindow(state)) };
        }
        if (given) {
          // Changed in place (the index is the layer's own, as the spans' is): a patch costs its size, not the list's.
          const ranges = prev.ranges;
          const added: Indexed[] = [];
          for (const range of given.patch.add) if (range.key !== undefined) added.push({ id: range.key, start: range.from, end: range.to, range });
          ranges.change(given.patch.remove, added);
          return { ranges, set: layerSet(tr.doc, ranges, paintWindow(state)) };
        }
        if ((windowMoved(tr) || isArrival(tr)) && prev.ranges.size) return { ranges: prev.ranges, set: layerSet(tr.doc, prev.ranges, paintWindow(state)) };
        return tr.docChanged ? { ranges: prev.ranges, set: prev.set.map(tr.mapping, tr.doc) } : prev;
      },
    },
    props: { decorations: (state) => key.getState(state)!.set },
  });
}

/** The overlay plugins, one per layer. */
export function overlayPlugins(): Plugin[] {
  return (Object.keys(keys) as OverlayLayer[]).map(layerPlugin);
}

/** Replaces one overlay layer's ranges. */
export function setOverlay(tr: Transaction, layer: OverlayLayer, ranges: OverlayRange[]): Transaction {
  return tr.setMeta(keys[layer], { ranges } satisfies LayerMeta);
}

/** Changes some of one overlay layer's ranges (each with its `key`), leaving the others as they are. */
export function patchOverlay(tr: Transaction, layer: OverlayLayer, patch: OverlayPatch): Transaction {
  return tr.setMeta(keys[layer], { patch } satisfies LayerMeta);
}

/** The chips of the overlay ranges (suggestion ghosts) that start in [from, to) (positions) and are painted, for the chip layer. */
export function overlayChips(state: EditorState, from: number, to: number): Chip[] {
  const w = paintWindow(state);
  const size = state.doc.content.size;
  const chips: Chip[] = [];
  for (const layer of Object.keys(keys) as OverlayLayer[]) {
    const ranges = keys[layer].getState(state)?.ranges;
    if (!ranges?.size) continue;
    for (const { id, range: r } of ranges.inRange(from, to)) {
      if (!r.chip || r.from < from || r.to >= size || !inWindow(w, r.from, r.to)) continue;
      chips.push({ key: `${layer}-${r.attrs?.['data-suggestion-key'] ?? id}`, text: r.chip.text, color: r.chip.color, row: 0, start: r.from, attrs: r.attrs ?? {}, className: 'ghost-chip' });
    }
  }
  return chips;
}
