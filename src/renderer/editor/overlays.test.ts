// The overlay layers in state only (no view): patches and window moves change the painted set in place, and it always
// equals what a fresh build of the same ranges in the same window paints.

import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { prng } from '../../core/model/prng';
import { overlayPlugins, patchOverlay, setOverlay, type OverlayRange } from './overlays';
import { linesToDoc } from './schema';
import { viewportPlugin, type PaintWindow } from './viewport';

const LINE = 'The port handled 41.2 million TEU last year, up 6.8% from the year before.';
const LINES = 60;

function fresh(w: PaintWindow): EditorState {
  return EditorState.create({ doc: linesToDoc(Array.from({ length: LINES }, () => LINE)), plugins: [viewportPlugin(w), ...overlayPlugins()] });
}

/** The suggestions layer's painted decorations, as "class:from-to". */
function painted(state: EditorState): string[] {
  const plugin = state.plugins.find((p) => (p.spec.key as unknown as { key: string } | undefined)?.key.startsWith('marginalia-suggestions'))!;
  const set = plugin.props.decorations!.call(plugin, state) as unknown as { find(): Decoration[] };
  return set
    .find()
    .map((d) => `${(d as unknown as { type: { attrs: { class: string } } }).type.attrs.class}:${d.from}-${d.to}`)
    .sort();
}

function range(rand: () => number, size: number, key: string): OverlayRange {
  const from = 1 + Math.floor(rand() * (size - 20));
  return { key, from, to: from + 1 + Math.floor(rand() * 12), className: `ghost ${key}${rand() < 0.2 ? ' ghost-focused' : ''}` };
}

describe('overlay layers', () => {
  it('after random patches and window moves, paint what a fresh build of the same ranges paints', () => {
    const rand = prng(8);
    let state = fresh({ from: 0, to: 400 });
    const size = state.doc.content.size;
    const held = new Map<string, OverlayRange>();
    let next = 0;
    const initial = Array.from({ length: 300 }, () => range(rand, size, `k${next++}`));
    for (const r of initial) held.set(r.key!, r);
    state = state.apply(setOverlay(state.tr, 'suggestions', initial));
    const windowKey = viewportPlugin(null).spec.key!;
    for (let step = 0; step < 120; step++) {
      if (rand() < 0.4) {
        const from = Math.floor(rand() * size);
        const w: PaintWindow = rand() < 0.1 ? null : { from, to: Math.min(size, from + 200 + Math.floor(rand() * 900)) };
        state = state.apply(state.tr.setMeta(windowKey, w));
      } else {
        // Some removed, some replaced under their key (moved, restyled), some new; a large patch now and then.
        const keys = [...held.keys()];
        const many = rand() < 0.1 ? 150 : 4;
        const remove = keys.filter(() => rand() < many / keys.length);
        const add = keys.filter(() => rand() < many / keys.length).map((k) => range(rand, size, k));
        for (let i = 0; i < many / 2; i++) add.push(range(rand, size, `k${next++}`));
        for (const k of remove) held.delete(k);
        for (const r of add) held.set(r.key!, r);
        state = state.apply(patchOverlay(state.tr, 'suggestions', { add, remove }));
      }
      const w = windowKey.getState(state) as PaintWindow;
      const rebuilt = fresh(w);
      const expected = rebuilt.apply(setOverlay(rebuilt.tr, 'suggestions', [...held.values()]));
      expect(painted(state)).toEqual(painted(expected));
    }
  });
});
