// Overlay decorations that are not spans: linked-span highlights, suggestion ghosts, find matches; each rebuilt only on its own meta.

import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

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
}

/** The overlay layers, drawn in this order. */
export type OverlayLayer = 'linked' | 'suggestions' | 'find';

const keys: Record<OverlayLayer, PluginKey<DecorationSet>> = {
  linked: new PluginKey('marginalia-linked'),
  suggestions: new PluginKey('marginalia-suggestions'),
  find: new PluginKey('marginalia-find'),
};

function chipWidget(text: string, color: string): () => HTMLElement {
  return () => {
    // A zero-width anchor with the chip floated above the line: overlays come and go without moving the text.
    const anchor = document.createElement('span');
    anchor.className = 'overlay-chip-anchor';
    anchor.contentEditable = 'false';
    const el = document.createElement('span');
    el.className = 'span-chip ghost-chip';
    el.textContent = text;
    el.style.setProperty('--c', color);
    anchor.appendChild(el);
    return anchor;
  };
}

function layerPlugin(layer: OverlayLayer): Plugin<DecorationSet> {
  const key = keys[layer];
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const ranges = tr.getMeta(key) as OverlayRange[] | undefined;
        if (ranges) {
          const decos: Decoration[] = [];
          for (const r of ranges) {
            decos.push(Decoration.inline(r.from, r.to, { nodeName: 'span', class: r.className, ...r.attrs }));
            if (r.chip) decos.push(Decoration.widget(r.from, chipWidget(r.chip.text, r.chip.color), { side: -1, key: `ghost-${r.from}-${r.chip.text}` }));
          }
          return DecorationSet.create(tr.doc, decos);
        }
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
}

/** The overlay plugins, one per layer. */
export function overlayPlugins(): Plugin[] {
  return (Object.keys(keys) as OverlayLayer[]).map(layerPlugin);
}

/** Replaces one overlay layer's ranges. */
export function setOverlay(tr: Transaction, layer: OverlayLayer, ranges: OverlayRange[]): Transaction {
  return tr.setMeta(keys[layer], ranges);
}
