// Keeps a FIGURE span's attributes true to its text: re-parsed whenever its boundaries move, except those the annotator set by hand.
//
// Which attributes the annotator edited is recorded on the span itself, in `attrs.edited`
// (a comma-separated list of attribute names, e.g. "unit,approx"), so the mark travels with
// the span through the store, the journal and every export, and a researcher can tell a
// parsed value from a checked one.

import { OffsetMap } from '../model/offsets';
import type { AttrValue, CodePoint } from '../model/types';
import { parseFigure } from './figure-parse';

/** The attribute that lists the names of attributes edited by hand. */
export const EDITED_ATTR = 'edited';
/** The attributes the figure parser fills in. */
export const PARSED_FIGURE_ATTRS = ['value', 'unit', 'approx'] as const;

/** UTF-16 units of context read before and after a span for approximators ("more than", "以上"). */
const BEFORE_CONTEXT = 40;
const AFTER_CONTEXT = 20;

type Attrs = Readonly<Record<string, AttrValue>>;

/** The names of the attributes the annotator edited by hand. */
export function editedAttrs(attrs: Attrs): Set<string> {
  const v = attrs[EDITED_ATTR];
  return new Set(typeof v === 'string' && v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
}

/** `attrs` with `name` set to `value` and marked as edited by hand (a new object; the input is not changed). */
export function setEditedAttr(attrs: Attrs, name: string, value: AttrValue): Record<string, AttrValue> {
  const edited = editedAttrs(attrs);
  edited.add(name);
  return { ...attrs, [name]: value, [EDITED_ATTR]: [...edited].sort().join(',') };
}

/** The figure attributes parsed from the text of [start, end), with the words around it for approximators. */
export function figureAttrsAt(text: string, start: CodePoint, end: CodePoint, map: OffsetMap = new OffsetMap(text)): Record<string, AttrValue> {
  const s = map.toUtf16(start);
  const e = map.toUtf16(end);
  const parsed = parseFigure(text.slice(s, e), text.slice(Math.max(0, s - BEFORE_CONTEXT), s), text.slice(e, e + AFTER_CONTEXT));
  return parsed ? { value: parsed.value, unit: parsed.unit, approx: parsed.approx } : {};
}

/**
 * The attributes of a FIGURE span whose boundaries became [start, end): value, unit and
 * approx re-parsed from the new text, except those listed in `attrs.edited`, which keep
 * the annotator's values. Other attributes (canonical, checkworthy, …) are kept. When
 * the new text holds no number, the parsed attributes that were not edited are removed
 * rather than left stale. Pure: returns a new object.
 */
export function refreshFigureAttrs(text: string, start: CodePoint, end: CodePoint, attrs: Attrs, map: OffsetMap = new OffsetMap(text)): Record<string, AttrValue> {
  const edited = editedAttrs(attrs);
  const parsed = figureAttrsAt(text, start, end, map);
  const out: Record<string, AttrValue> = { ...attrs };
  for (const name of PARSED_FIGURE_ATTRS) {
    if (edited.has(name)) continue;
    if (name in parsed) out[name] = parsed[name]!;
    else delete out[name];
  }
  return out;
}
