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

/** Positions painted beyond each edge of the visible text: about three screens of prose, so scrolling never shows bare text. */
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
 * How far the view goes into the margin before the window follows: each move adds and removes about this many
 * positions and what the view moved since the last (a reader's scroll moves it every few frames, by a short task each;
 * half the margin made moves of 3,000 positions and frames of 50 ms).
 */
export const MOVE_STEP = 1500;

/**
 * Positions painted beyond each edge of the view right after a jump (the view left the window: a find, a fling that
 * stopped): the screen and a little more, so the frame that lands stays short. The full margin follows, a side at a time.
 */
export const JUMP_MARGIN = 1500;

/**
 * Where the window of a long document goes when positions [top, bottom) of a document of `size` are visible: null when
 * it stays. It moves when the view has gone MOVE_STEP into a margin, to a margin on each side; after a jump it holds
 * the screen and JUMP_MARGIN, then grows one side per call (below first, the way reading goes), so that no single move
 * adds more than a margin of spans.
 */
export function nextWindow(current: { from: number; to: number }, top: number, bottom: number, size: number): { from: number; to: number } | null {
  if (top >= current.to || bottom <= current.from) return { from: Math.max(0, top - JUMP_MARGIN), to: Math.min(size, bottom + JUMP_MARGIN) };
  const slack = WINDOW_MARGIN - MOVE_STEP;
  const nearTop = current.from > 0 && top - current.from < slack;
  const nearBottom = current.to < size && current.to - bottom < slack;
  if (!nearTop && !nearBottom) return null;
  const target = { from: Math.max(0, top - WINDOW_MARGIN), to: Math.min(size, bottom + WINDOW_MARGIN) };
  // Growing on both sides (after a jump): the side below now, the side above at the next call.
  if (target.from < current.from && target.to > current.to) return { from: current.from, to: target.to };
  return target;
}

/**
 * Measures the visible positions of `view` inside its scrolling `container` and, when `nextWindow` says so, moves the
 * window through `move` (the editor's transaction queue, which starts from the live DOM selection: a caret just moved
 * by a key must not be undone by a transaction from ProseMirror's older one). Cheap enough for every animation frame.
 * Returns the visible positions and whether the window moved (null for a document painted whole, not measured).
 */
export function followViewport(view: EditorView, container: HTMLElement, move: (next: { from: number; to: number }) => void): { top: number; bottom: number; moved: boolean } | null {
  const current = paintWindow(view.state);
  if (current === null) return null;
  const { top, bottom } = visibleRange(view, container);
  const next = nextWindow(current, top, bottom, view.state.doc.content.size);
  if (next) move(next);
  return { top, bottom, moved: next !== null };
}

/** `tr` with the paint window moved to `next`. */
export function withPaintWindow(tr: Transaction, next: PaintWindow): Transaction {
  return tr.setMeta(viewportKey, next);
}
