// A click in the text that the editor has not reported yet: the editor answers a click in a
// later task (after ProseMirror has placed the caret), and a key pressed in between must not
// act on the selection from before the click (a click then Delete deleting the previous span).

import { useCallback, useEffect, useRef } from 'react';

/** Longest a click stays pending, in ms: the editor reports within a task, this only guards against a click it never reports. */
const PENDING_AT_MOST = 500;

/** The pending click: `pending()` while one waits, `settle()` when the editor reported it. */
export function usePendingClick(): { pending: () => boolean; settle: () => void } {
  const at = useRef(0);
  useEffect(() => {
    const onUp = (e: MouseEvent) => {
      if ((e.target as HTMLElement | null)?.closest?.('.doc-text')) at.current = performance.now();
    };
    window.addEventListener('mouseup', onUp, true);
    return () => window.removeEventListener('mouseup', onUp, true);
  }, []);
  const pending = useCallback(() => at.current > 0 && performance.now() - at.current < PENDING_AT_MOST, []);
  const settle = useCallback(() => {
    at.current = 0;
  }, []);
  return { pending, settle };
}
