// Overlay decorations that are not spans: linked-span highlights, suggestion ghosts, find matches; each rebuilt only on its
// own meta, and only for the ranges near the viewport (found by binary search in the layer's index).

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { SpanIndex } from '../../core/model/span-index';
import { isArrival } from './progressive-text';
import { inWindow, paintWindow, windowMoved, type PaintWindow } from './viewport';
import type { Chip } from './chip-layer';
import { moveWindowSet, windowDecorations } from './window-move';

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
  /** The window `set` was painted for. */
  painted: PaintWindow;
}

function indexOf(ranges: readonly OverlayRange[]): SpanIndex<Indexed> {
  return new SpanIndex(ranges.map((range, i) => ({ id: range.key ?? String(i), start: range.from, end: range.to, range })));
}

/** Which meta a transaction carries for a layer: a whole new list of ranges, or a patch of the list held. */
type LayerMeta = { ranges: OverlayRange[] } | { patch: OverlayPatch };

/** The decoration of one range, named by its id (the patch and the window's move find it by that). */
function decorationOf(item: Indexed): Decoration {
  // A range's chip is drawn by the chip layer (chip-layer.ts), not here.
  return Decoration.inline(item.start, item.end, { nodeName: 'span', class: item.range.className, ...item.range.attrs }, { id: item.id });
}

function layerSet(doc: Node, ranges: SpanIndex<Indexed>, w: PaintWindow): DecorationSet {
  return DecorationSet.create(doc, windowDecorations(doc, ranges, w, decorationOf));
}

/** The decorations of a set whose range's id is in `ids`, found around where the ranges were. */
function decorationsOfIds(set: DecorationSet, ids: Map<string, Indexed>): Decoration[] {
  const out: Decoration[] = [];
  for (const [id, item] of ids) for (const d of set.find(item.start, item.end, (spec: { id?: string }) => spec.id === id)) out.push(d);
  return out;
}

/** Applies a patch to the index (in place) and to the painted set: only the ranges it names change. */
function patchLayer(doc: Node, prev: LayerState, patch: OverlayPatch, w: PaintWindow): LayerState {
  const added: Indexed[] = [];
  for (const range of patch.add) if (range.key !== undefined) added.push({ id: range.key, start: range.from, end: range.to, range });
  // What was painted under the names the patch touches goes; what it brings is painted where the window shows it.
  const touched = new Map<string, Indexed>();
  for (const id of [...patch.remove, ...added.map((a) => a.id)]) {
    const old = prev.ranges.get(id);
    if (old) touched.set(id, old);
  }
  const leaving = decorationsOfIds(prev.set, touched);
  prev.ranges.change(patch.remove, added);
  const entering = added.filter((item) => prev.ranges.get(item.id) === item && inWindow(w, item.start, item.end) && item.end < doc.content.size).map(decorationOf);
  return { ranges: prev.ranges, set: prev.set.remove(leaving).add(doc, entering), painted: w };
}

function layerPlugin(layer: OverlayLayer): Plugin<LayerState> {
  const key = keys[layer];
  return new Plugin<LayerState>({
    key,
    state: {
      init: (_config, state) => ({ ranges: new SpanIndex<Indexed>(), set: DecorationSet.empty, painted: paintWindow(state) }),
      apply(tr, prev, _old, state) {
        const given = tr.getMeta(key) as LayerMeta | undefined;
        const w = paintWindow(state);
        if (given && 'ranges' in given) {
          const ranges = indexOf(given.ranges);
          return { ranges, set: layerSet(tr.doc, ranges, w), painted: w };
        }
        // Changed in place (the index is the layer's own, as the spans' is): a patch costs its size, not the list's.
        if (given) return patchLayer(tr.doc, prev, given.patch, w);
        if (!prev.ranges.size) return prev.painted === w ? prev : { ...prev, painted: w };
        if (isArrival(tr)) return { ranges: prev.ranges, set: layerSet(tr.doc, prev.ranges, w), painted: w };
        if (windowMoved(tr)) return { ranges: prev.ranges, set: moveWindowSet(tr.doc, prev.set, prev.ranges, prev.painted, w, decorationOf), painted: w };
        return tr.docChanged ? { ...prev, set: prev.set.map(tr.mapping, tr.doc) } : prev;
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

/** Each range's chip, made once (a changed range comes as a new item): the chip layer asks every frame while scrolling. */
const chipOf = new WeakMap<Indexed, Chip>();

/** The chips of the overlay ranges (suggestion ghosts) that start in [from, to) (positions) and are painted, for the chip layer. */
export function overlayChips(state: EditorState, from: number, to: number): Chip[] {
  const w = paintWindow(state);
  const size = state.doc.content.size;
  const chips: Chip[] = [];
  for (const layer of Object.keys(keys) as OverlayLayer[]) {
    const ranges = keys[layer].getState(state)?.ranges;
    if (!ranges?.size) continue;
    for (const item of ranges.inRange(from, to)) {
      const r = item.range;
      if (!r.chip || r.from < from || r.to >= size || !inWindow(w, r.from, r.to)) continue;
      let chip = chipOf.get(item);
      if (!chip) {
        chip = { key: `${layer}-${item.id}`, text: r.chip.text, color: r.chip.color, row: 0, start: r.from, attrs: { 'data-chip-ghost': item.id }, className: 'ghost-chip' };
        chipOf.set(item, chip);
      }
      chips.push(chip);
    }
  }
  return chips;
}
