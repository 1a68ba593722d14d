// Which suggestion `g` (and Shift+G) goes to: the next in document order after the focused one,
// else after the last one judged, else after the caret; never relative to the caret once a
// suggestion was accepted or rejected.

import type { CodePoint } from '../../core/model/types';
import { compareSuggestions, type Suggestion } from '../../core/suggest/suggestions';

/** Where the walk stands. */
export interface WalkState {
  /** The focused suggestion's key, if any. */
  focusedKey: string | null;
  /** The suggestion judged last (accepted or rejected), if any since the annotator last clicked. */
  lastJudged: Suggestion | null;
  /** The caret, used only when nothing was focused or judged. */
  caret: CodePoint;
}

/** The open suggestion `by` steps (±1) from where the walk stands, wrapping around; undefined when none is open. */
export function nextSuggestion<S extends Suggestion>(open: readonly S[], state: WalkState, by: 1 | -1): S | undefined {
  if (!open.length) return undefined;
  const i = state.focusedKey ? open.findIndex((s) => s.key === state.focusedKey) : -1;
  if (i >= 0) return open[(i + by + open.length) % open.length];
  const from = state.lastJudged;
  const after = (s: S) => (from ? compareSuggestions(s, from) > 0 : s.start >= state.caret);
  const before = (s: S) => (from ? compareSuggestions(s, from) < 0 : s.start < state.caret);
  if (by > 0) return open.find(after) ?? open[0];
  for (let k = open.length - 1; k >= 0; k--) if (before(open[k]!)) return open[k];
  return open[open.length - 1];
}
