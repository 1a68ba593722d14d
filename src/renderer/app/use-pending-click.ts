// A click in the text that the editor has not reported yet: the editor answers a click in a
// later task (after ProseMirror has placed the caret), and a key pressed in between must not
// act on the selection from before the click (a click then Delete deleting the previous span).

import { useCallback, useEffect, useRef } from 'react';

/** Longest a click stays pending, in ms: the editor reports within a task, this only guards against a click it never reports. */
const PENDING_AT_MOST = 500;

/** ProseMirror's own rule: a press that moved more than this (px) is a drag, which it does not report as a click. */
const DRAG_DISTANCE = 4;

/** The pending click: `pending()` while one waits, `settle()` when the editor reported it. */
export function usePendingClick(): { pending: () => boolean; settle: () => void } {
  const at = useRef(0);
  useEffect(() => {
    let down: { x: number; y: number } | null = null;
    const inText = (e: MouseEvent) => (e.target as HTMLElement | null)?.closest?.('.doc-text') != null;
    const onDown = (e: MouseEvent) => {
      down = inText(e) && e.button === 0 && e.detail <= 1 ? { x: e.clientX, y: e.clientY } : null;
    };
    const onUp = (e: MouseEvent) => {
      // Only a plain single click is reported by the editor; a drag or a double click is not waited for.
      const click = down && inText(e) && Math.abs(e.clientX - down.x) <= DRAG_DISTANCE && Math.abs(e.clientY - down.y) <= DRAG_DISTANCE;
      if (click) at.current = performance.now();
      down = null;
    };
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('mouseup', onUp, true);
    return () => {
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('mouseup', onUp, true);
    };
  }, []);
  const pending = useCallback(() => at.current > 0 && performance.now() - at.current < PENDING_AT_MOST, []);
  const settle = useCallback(() => {
    at.current = 0;
  }, []);
  return { pending, settle };
}
