// The range of the document worth decorating: near the viewport in long documents, everything in short ones.

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** A range of positions; null means the whole document. */
export type PaintWindow = { from: number; to: number } | null;

/**
 * Documents with fewer decorations than this are painted whole: windowing only pays
 * when thousands of spans would each add elements to the page.
 */
export const WINDOW_THRESHOLD = 3000;

/** Positions painted beyond each edge of the visible text: about two screens of prose, so scrolling never shows bare text. */
export const WINDOW_MARGIN = 12_000;

/** Positions painted at first in a long document, before the view is measured: the opening screens. */
export const INITIAL_WINDOW = 30_000;

const viewportKey = new PluginKey<PaintWindow>('marginalia-viewport');

/** The plugin that holds the paint window. */
export function viewportPlugin(initial: PaintWindow): Plugin<PaintWindow> {
  return new Plugin<PaintWindow>({
    key: viewportKey,
    state: {
      init: () => initial,
      apply: (tr, prev) => (tr.getMeta(viewportKey) as PaintWindow | undefined) ?? prev,
    },
  });
}

/** The paint window of a state. */
export function paintWindow(state: EditorState): PaintWindow {
  return viewportKey.getState(state) ?? null;
}

/** True when a transaction moved the paint window. */
export function windowMoved(tr: Transaction): boolean {
  return tr.getMeta(viewportKey) !== undefined;
}

/** True when [from, to) meets the window. */
export function inWindow(w: PaintWindow, from: number, to: number): boolean {
  return w === null || (from < w.to && to > w.from) || (from === to && from >= w.from && from <= w.to);
}

/**
 * Measures the visible positions of `view` inside its scrolling `container` and moves the
 * window when the visible text has come near its edge. Cheap enough for every animation frame.
 */
export function followViewport(view: EditorView, container: HTMLElement): void {
  const current = paintWindow(view.state);
  if (current === null) return;
  const box = container.getBoundingClientRect();
  const left = box.left + 60;
  const top = view.posAtCoords({ left, top: box.top + 4 })?.pos ?? 0;
  const bottom = view.posAtCoords({ left, top: box.bottom - 4 })?.pos ?? view.state.doc.content.size;
  const size = view.state.doc.content.size;
  // Move only when the visible text is within half a margin of an edge: fewer rebuilds while scrolling.
  const slack = WINDOW_MARGIN / 2;
  if (top - current.from > slack && current.to - bottom > slack) return;
  if (current.from === 0 && top < slack && current.to - bottom > slack) return;
  if (current.to === size && size - bottom < slack && top - current.from > slack) return;
  const next = { from: Math.max(0, top - WINDOW_MARGIN), to: Math.min(size, bottom + WINDOW_MARGIN) };
  view.dispatch(view.state.tr.setMeta(viewportKey, next));
}
