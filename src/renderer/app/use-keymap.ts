// A view's key dispatcher: one window listener for the view's life, matching each key against the
// view's keymap (src/core/keys) and running the handler bound to the matching binding's id. The
// workbench and the curation view each bind their own table through it.

import { useEffect } from 'react';
import { matchBindings, type KeyMatch, type KeySlots, type Keymap } from '../../core/keys/keymap';
import { isTypingTarget } from './keys';
import { useLatest } from './use-latest';

/** A handler bound to a keymap id; returning false passes the key on to the next matching binding. */
export type KeyHandler<When extends string> = (match: KeyMatch<When>, event: KeyboardEvent) => boolean | void;

/** What the dispatcher reads on each key: always the latest render's. */
export interface KeymapContext<When extends string> {
  /** False while another view or a prompt has the keyboard. */
  enabled: boolean;
  /** Whether each `when` of the keymap holds now. */
  active: (when: When) => boolean;
  /** The schema's hotkeys for the `{label}` and `{relation}` slots. */
  slots?: KeySlots;
  /** Handlers by binding id; a binding without one documents a native key and passes it on. */
  handlers: Partial<Record<string, KeyHandler<When>>>;
  /**
   * True when an earlier input is still being answered in a later task (a click the editor
   * reports after a timeout): the key is then taken now and run after it, in order.
   */
  defer?: () => boolean;
}

/** How the listener sits on the window. */
export interface KeymapOptions {
  /**
   * Listen in the capture phase and stop every key there, so that a view shown over another
   * (curation over the workbench) answers alone.
   */
  exclusive?: boolean;
}

/** Dispatches key presses to the handlers of the latest render. */
export function useKeymap<When extends string>(keymap: Keymap<When>, context: KeymapContext<When>, options: KeymapOptions = {}): void {
  const latest = useLatest(context);
  const exclusive = options.exclusive ?? false;
  useEffect(() => {
    /** Runs the handlers of the bindings the key matches, in table order, until one takes it. */
    const dispatch = (e: KeyboardEvent): boolean => {
      const { active, slots, handlers } = latest.current;
      for (const match of matchBindings(keymap, e, active, slots)) {
        const handler = handlers[match.binding.id];
        if (handler && handler(match, e) !== false) return true;
      }
      return false;
    };
    const listener = (e: KeyboardEvent) => {
      const { enabled, active, slots, handlers, defer } = latest.current;
      if (!enabled || isTypingTarget(e.target)) return;
      if (exclusive) e.stopPropagation();
      // Enter and Space on a focused button or link are the button's.
      if ((e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement).closest?.('button, a, summary, select')) return;
      if (defer?.()) {
        // Timers run in the order they were set: this one runs after the pending click's.
        if (matchBindings(keymap, e, active, slots).some((m) => handlers[m.binding.id])) {
          e.preventDefault();
          setTimeout(() => dispatch(e));
        }
        return;
      }
      if (dispatch(e)) e.preventDefault();
    };
    window.addEventListener('keydown', listener, exclusive);
    return () => window.removeEventListener('keydown', listener, exclusive);
  }, [keymap, latest, exclusive]);
}

/** The direction of an arrow key name: -1 for left or up, 1 otherwise. */
export function arrowDirection(key: string): 1 | -1 {
  return /(?:Left|Up)$/.test(key) ? -1 : 1;
}
