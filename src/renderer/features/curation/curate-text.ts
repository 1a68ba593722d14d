// Small helpers the curation cards share: clipped text, and the choice that keeps one annotator's version.

import type { Conflict, ConflictChoice } from '../../../core/agreement';

/** Characters of a side's text shown in a card before an ellipsis. */
const SIDE_TEXT_SHOWN = 90;

/** A text cut to what a card shows (by code points, never inside a character). */
export function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length > SIDE_TEXT_SHOWN ? chars.slice(0, SIDE_TEXT_SHOWN - 1).join('') + '…' : text;
}

/** The choice that keeps exactly what annotator `a` marked in the conflict (nothing, if they marked nothing). */
export function annotatorChoice(conflict: Conflict, annotator: string): ConflictChoice {
  return { kind: 'sides', sides: [...(conflict.byAnnotator[annotator] ?? [])] };
}
