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

/** Positions painted beyond each edge of the visible text: about three screens of prose, so scrolling never shows bare text; a move of the window adds and removes about a screen and a half of spans (a short task). */
export const WINDOW_MARGIN = 6000;

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

/** Index of the first of `boxes` whose bottom is below y (the last when none is): a binary search over boxes in page order. */
function firstBelow(boxes: HTMLCollection, y: number): number {
  let lo = 0;
  let hi = boxes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boxes[mid]!.getBoundingClientRect().bottom <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first and last positions on screen: a binary search over the sections' boxes, then over the
 * paragraphs of the section found (a dozen reads of a laid-out page; a section off screen is never
 * looked into, which would make the browser lay it out), cheaper than hit-testing points (`posAtCoords`
 * asks the browser for a caret position, which lays out and hit-tests the line under the point).
 */
export function visibleRange(view: EditorView, container: HTMLElement): { top: number; bottom: number } {
  const box = container.getBoundingClientRect();
  const sections = view.dom.children;
  const size = view.state.doc.content.size;
  if (!sections.length) return { top: 0, bottom: size };
  const lineAt = (y: number): Element | undefined => {
    const lines = sections[firstBelow(sections, y)]!.children;
    return lines.length ? lines[firstBelow(lines, y)] : undefined;
  };
  const posOf = (el: Element | undefined, end: boolean): number => {
    try {
      if (!el) throw new Error('no line');
      return end ? view.posAtDOM(el, el.childNodes.length) : view.posAtDOM(el, 0);
    } catch {
      return end ? size : 0;
    }
  };
  return { top: posOf(lineAt(box.top), false), bottom: posOf(lineAt(box.bottom), true) };
}

/**
 * Measures the visible positions of `view` inside its scrolling `container` and moves the
 * window when the visible text has come near its edge. Cheap enough for every animation frame.
 * Returns the visible positions (null for a document painted whole, which it does not measure).
 */
export function followViewport(view: EditorView, container: HTMLElement): { top: number; bottom: number } | null {
  const current = paintWindow(view.state);
  if (current === null) return null;
  const visible = visibleRange(view, container);
  const { top, bottom } = visible;
  const size = view.state.doc.content.size;
  // Move only when the visible text is within half a margin of an edge: fewer changes while scrolling.
  const slack = WINDOW_MARGIN / 2;
  if (top - current.from > slack && current.to - bottom > slack) return visible;
  if (current.from === 0 && top < slack && current.to - bottom > slack) return visible;
  if (current.to === size && size - bottom < slack && top - current.from > slack) return visible;
  const next = { from: Math.max(0, top - WINDOW_MARGIN), to: Math.min(size, bottom + WINDOW_MARGIN) };
  view.dispatch(view.state.tr.setMeta(viewportKey, next));
  return visible;
}
