// The workbench's key dispatcher: one window listener for the app's life, matching each key
// against the workbench keymap (src/core/keys) and running the handler bound to the binding's id.

import { useEffect } from 'react';
import { matchBindings, type KeyMatch, type KeySlots } from '../../core/keys/keymap';
import { WORKBENCH_KEYMAP, type WorkbenchWhen } from '../../core/keys/workbench-keys';
import { isTypingTarget } from './keys';
import { useLatest } from './use-latest';

/** A handler bound to a keymap id; returning false passes the key on to the next matching binding. */
export type KeyHandler = (match: KeyMatch<WorkbenchWhen>) => boolean | void;

/** What the dispatcher reads on each key. */
export interface KeyContext {
  /** False while another view (curation) or a prompt has the keyboard. */
  enabled: boolean;
  /** Whether each `when` of the keymap holds now. */
  active: (when: WorkbenchWhen) => boolean;
  /** The schema's hotkeys for the `{label}` and `{relation}` slots. */
  slots: KeySlots;
  /** Handlers by binding id; a binding without one is documentation of a native key. */
  handlers: Partial<Record<string, KeyHandler>>;
}

/** Dispatches key presses to the handlers of the latest render. */
export function useWorkbenchKeys(context: KeyContext): void {
  const latest = useLatest(context);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      const { enabled, active, slots, handlers } = latest.current;
      if (!enabled || isTypingTarget(e.target)) return;
      // Enter and Space on a focused button or link are the button's.
      if ((e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement).closest?.('button, a, summary')) return;
      for (const match of matchBindings(WORKBENCH_KEYMAP, e, active, slots)) {
        const handler = handlers[match.binding.id];
        if (!handler) continue;
        if (handler(match) !== false) {
          e.preventDefault();
          return;
        }
      }
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [latest]);
}

/** The direction of an arrow key name: -1 for left or up, 1 otherwise. */
export function arrowDirection(key: string): 1 | -1 {
  return /(?:Left|Up)$/.test(key) ? -1 : 1;
}
