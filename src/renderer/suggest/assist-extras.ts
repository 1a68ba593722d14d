// What the workbench needs from issue 15, ready to call from src/renderer/app/assist.ts and App.tsx: names kept whole by snapping, figure attributes after a resize or a hand edit (entity proposals come from the proposals worker).

import { extraWords, type ExtraWords } from '../../core/model/boundaries';
import type { OffsetMap } from '../../core/model/offsets';
import type { AttrValue, CodePoint } from '../../core/model/types';
import type { Dictionary } from '../../core/suggest/dictionary';
import { EDITED_ATTR, PARSED_FIGURE_ATTRS, editedAttrs as editedSet, refreshFigureAttrs, setEditedAttr } from '../../core/suggest/figure-refresh';

const namesByDictionary = new WeakMap<Dictionary, ExtraWords>();
/** The corpus's labelled strings as extra words for snapping (`snapToWords(..., { map, extraWords })`), built once per lexicon. */
export function namesOf(dictionary: Dictionary): ExtraWords {
  let names = namesByDictionary.get(dictionary);
  if (!names) namesByDictionary.set(dictionary, (names = extraWords(dictionary.texts())));
  return names;
}

/** The attributes of a span whose boundaries moved: re-parsed for a FIGURE (hand edits kept), unchanged for any other group. */
export function resizedAttrs(group: string | undefined, text: string, start: CodePoint, end: CodePoint, attrs: Record<string, AttrValue>, map: OffsetMap): Record<string, AttrValue> {
  return group === 'figure' ? refreshFigureAttrs(text, start, end, attrs, map) : attrs;
}

/**
 * The attributes after the annotator sets `name` in the panel: a parsed FIGURE attribute
 * (value, unit, approx) is marked as edited by hand, so a later resize keeps it. `undefined`
 * removes the attribute (and its mark: the parser may fill it again).
 */
export function editedAttrs(group: string | undefined, attrs: Record<string, AttrValue>, name: string, value: AttrValue | undefined): Record<string, AttrValue> {
  const parsed = group === 'figure' && (PARSED_FIGURE_ATTRS as readonly string[]).includes(name);
  if (value === undefined) {
    const { [name]: _removed, ...rest } = attrs;
    const marks = [...editedSet(rest)].filter((n) => n !== name);
    if (marks.length) rest[EDITED_ATTR] = marks.join(',');
    else delete rest[EDITED_ATTR];
    return rest;
  }
  return parsed ? setEditedAttr(attrs, name, value) : { ...attrs, [name]: value };
}
