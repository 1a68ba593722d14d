// A second or third press on a span, which ProseMirror hands over as a double or triple click: kept a click or a drag,
// so that walking out of nested spans does not depend on click timing, nor does dragging a new selection inside a span.

import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { spansAt } from './span-decorations';

/** How far (px, horizontal plus vertical) the pointer moves before a press becomes a drag. */
const DRAG_SLOP = 4;

/**
 * A press that ProseMirror counts as a double or triple click, on a span: the browser's own
 * handling (word or paragraph selection) is held back, and the press acts as a single one would:
 * released where it went down, it is a click (caret there, then the click walk); moved, it drags
 * a character selection from where it went down.
 */
export function repeatedPress(view: EditorView, from: number, event: MouseEvent, click: (v: EditorView, pos: number, e: MouseEvent) => boolean): boolean {
  if (spansAt(view.state, from).length === 0) return false;
  const x0 = event.clientX;
  const y0 = event.clientY;
  let dragging = false;
  const select = (head: number) => view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, head)));
  const move = (e: MouseEvent) => {
    if (!dragging && Math.abs(e.clientX - x0) + Math.abs(e.clientY - y0) < DRAG_SLOP) return;
    dragging = true;
    const to = view.posAtCoords({ left: e.clientX, top: e.clientY });
    if (to) select(to.pos);
  };
  const up = (e: MouseEvent) => {
    window.removeEventListener('mousemove', move, true);
    window.removeEventListener('mouseup', up, true);
    view.focus();
    if (dragging) return move(e);
    select(from);
    click(view, from, e);
  };
  window.addEventListener('mousemove', move, true);
  window.addEventListener('mouseup', up, true);
  return true;
}
