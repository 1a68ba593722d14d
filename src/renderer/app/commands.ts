// The workbench's actions as pure functions: (session, editor, schema, …) → the change to commit.
// They read the session and the editor's selection and return a labelled change; the caller
// commits it (one undoable step) and selects what it says. Nothing here paints or stores.

import type { ExtraWords } from '../../core/model/boundaries';
import type { ChangeSet } from '../../core/model/history';
import { newId } from '../../core/model/ids';
import type { OffsetMap } from '../../core/model/offsets';
import { quoteOf } from '../../core/model/quote';
import { labelDef, type LabelSchema } from '../../core/model/schema';
import type { CodePoint, Relation, Span } from '../../core/model/types';
import { stepSpanEdge, type SpanEdge } from '../../core/model/word-step';
import { withNotes, type NotesPatch } from '../features/notes';
import { editedAttrs, resizedAttrs } from '../suggest/assist-extras';
import { figureAttrs, snapSelection, type DocSuggestion } from './assist';
import { makeSpan, trimRange } from './span-factory';

/** One action, ready to commit. */
export interface Command {
  /** What the user did, for undo's tooltip and notice ("create FIGURE"). */
  label: string;
  change: Partial<ChangeSet>;
  /** The span to select afterwards; `collapse` puts the caret after it. */
  select?: { id: string; scroll?: boolean; collapse?: boolean };
}

/** What commands read of a session. */
export interface SessionReading {
  readonly docId: string;
  readonly annotator: string;
  readonly text: string;
  readonly map: OffsetMap;
  readonly spans: readonly Span[];
  readonly relations: readonly Relation[];
  readonly selected: Span | undefined;
  span(id: string): Span | undefined;
}

/** What commands read of the editor. */
export interface EditorReading {
  textSelection(): { start: CodePoint; end: CodePoint } | null;
}

/** The attributes the figure parser gives a range. */
function parsedFigure(session: SessionReading, start: CodePoint, end: CodePoint): Span['attrs'] {
  return figureAttrs(session.text, start, end, session.map);
}

/**
 * A span moved to new bounds: its quote follows, and a FIGURE's value, unit and approx are
 * read again from the new text, except those the annotator edited by hand (`attrs.edited`).
 */
export function withBounds(session: SessionReading, schema: LabelSchema, span: Span, start: CodePoint, end: CodePoint): Span {
  const moved: Span = { ...span, start, end, quote: quoteOf(session.text, start, end, session.map) };
  return { ...moved, attrs: resizedAttrs(labelDef(schema, span.label)?.group, session.text, start, end, span.attrs, session.map) };
}

/** A new span of `label` over a selection: snapped to words (keeping `names` whole), or trimmed only when `exact`. */
export function createSpan(session: SessionReading, schema: LabelSchema, label: string, range: { start: CodePoint; end: CodePoint }, exact: boolean, attrs: Span['attrs'] = {}, names?: ExtraWords): Command | null {
  const bounds = exact ? trimRange(session.text, range.start, range.end, session.map) : snapSelection(session.text, range.start, range.end, session.map, names);
  if (!bounds) return null;
  const span = makeSpan({ text: session.text, map: session.map, docId: session.docId, annotator: session.annotator, label, ...bounds });
  const figure = labelDef(schema, label)?.group === 'figure';
  span.attrs = { ...(figure ? parsedFigure(session, span.start, span.end) : {}), ...attrs };
  return { label: `create ${label}`, change: { putSpans: [span] }, select: { id: span.id, collapse: true } };
}

/** A label key: labels the text selection, else relabels the selected span; null when there is nothing to do. */
export function applyLabel(session: SessionReading, editor: EditorReading, schema: LabelSchema, label: string, exact: boolean, names?: ExtraWords): Command | null {
  const range = editor.textSelection();
  if (range) return createSpan(session, schema, label, range, exact, {}, names);
  const selected = session.selected;
  if (!selected || selected.label === label) return null;
  return relabel(session, schema, selected, label);
}

/** A span given another label; a FIGURE gets its parsed attributes where it had none. */
export function relabel(session: SessionReading, schema: LabelSchema, span: Span, label: string): Command {
  const figure = labelDef(schema, label)?.group === 'figure' && !('value' in span.attrs);
  const attrs = figure ? { ...parsedFigure(session, span.start, span.end), ...span.attrs } : span.attrs;
  return { label: `relabel ${span.label} → ${label}`, change: { putSpans: [{ ...span, label, attrs, updatedAt: now() }] }, select: { id: span.id } };
}

/** The selected span with one edge moved by `by` characters; null when it would leave the text or empty the span. */
export function resizeByCharacter(session: SessionReading, schema: LabelSchema, edge: SpanEdge, by: 1 | -1): Command | null {
  const span = session.selected;
  if (!span) return null;
  const start = (edge === 'start' ? span.start + by : span.start) as CodePoint;
  const end = (edge === 'end' ? span.end + by : span.end) as CodePoint;
  if (start < 0 || end > session.map.codePointLength || end <= start) return null;
  return moved(session, schema, span, start, end);
}

/** The selected span with one edge moved by one word (Intl.Segmenter words, Chinese too). */
export function resizeByWord(session: SessionReading, schema: LabelSchema, edge: SpanEdge, direction: 1 | -1): Command | null {
  const span = session.selected;
  if (!span) return null;
  const next = stepSpanEdge(session.text, span, edge, direction, { map: session.map });
  return next ? moved(session, schema, span, next.start, next.end) : null;
}

function moved(session: SessionReading, schema: LabelSchema, span: Span, start: CodePoint, end: CodePoint): Command {
  return { label: `resize ${span.label}`, change: { putSpans: [{ ...withBounds(session, schema, span, start, end), updatedAt: now() }] }, select: { id: span.id } };
}

/**
 * The selected span shrunk to the figure or entity inside it: the first suggestion of its
 * own label that lies strictly inside its bounds (the figure parser's or the lexicon's).
 * Null when none does.
 */
export function shrinkToInside(session: SessionReading, schema: LabelSchema, proposals: readonly { label: string; start: number; end: number }[]): Command | null {
  const span = session.selected;
  if (!span) return null;
  const inside = proposals.find((p) => p.label === span.label && p.start >= span.start && p.end <= span.end && p.end - p.start < span.end - span.start);
  if (!inside) return null;
  return { ...moved(session, schema, span, inside.start as CodePoint, inside.end as CodePoint), label: `shrink ${span.label}` };
}

/** Suggestions accepted as spans, with the proposal's attributes (a figure's value, an entity's canonical id). */
export function acceptSuggestions(session: SessionReading, list: readonly DocSuggestion[]): Command | null {
  if (!list.length) return null;
  const at = now();
  const spans: Span[] = list.map((s) => ({
    id: newId('s'), docId: session.docId, annotator: session.annotator, label: s.label, start: s.start as CodePoint, end: s.end as CodePoint,
    attrs: { ...s.attrs }, quote: quoteOf(session.text, s.start as CodePoint, s.end as CodePoint, session.map), createdAt: at, updatedAt: at,
  }));
  return {
    label: list.length === 1 ? `accept ${list[0]!.label} suggestion` : `accept ${list.length} suggestions`,
    change: { putSpans: spans },
    ...(spans.length === 1 ? { select: { id: spans[0]!.id } } : {}),
  };
}

/** Spans deleted with every relation that touches them. */
export function deleteSpans(session: SessionReading, ids: readonly string[]): Command | null {
  if (!ids.length) return null;
  const gone = new Set(ids);
  const relations = session.relations.filter((r) => gone.has(r.head) || gone.has(r.tail)).map((r) => r.id);
  const label = ids.length === 1 ? `delete ${session.span(ids[0]!)?.label ?? 'span'}` : `delete ${ids.length} spans`;
  return { label, change: { deleteSpanIds: [...ids], deleteRelationIds: relations } };
}

/** A relation from `head` to `tail`; null when the same one exists. */
export function link(session: SessionReading, relation: string, head: string, tail: string): Command | null {
  if (session.relations.some((r) => r.head === head && r.tail === tail && r.label === relation)) return null;
  const r: Relation = { id: newId('r'), docId: session.docId, annotator: session.annotator, label: relation, head, tail, createdAt: now() };
  return { label: `link ${relation}`, change: { putRelations: [r] }, select: { id: head } };
}

/** One attribute of a span set (undefined: removed); a FIGURE's value, unit or approx is marked as edited by hand (kept on resize). */
export function setAttr(span: Span, name: string, value: Span['attrs'][string] | undefined, schema?: LabelSchema): Command {
  const attrs = editedAttrs(schema ? labelDef(schema, span.label)?.group : undefined, span.attrs, name, value);
  return { label: `set ${name}`, change: { putSpans: [{ ...span, attrs, updatedAt: now() }] } };
}

/** A span's comment or unsure flag set (a cleared one removed). */
export function setNotes(span: Span, patch: NotesPatch): Command {
  const next = withNotes(span, patch);
  return { label: 'comment' in patch ? 'set comment' : 'set unsure', change: { putSpans: [{ ...next, updatedAt: now() }] } };
}

/** An orphaned span placed on a selection. */
export function placeOrphan(session: SessionReading, span: Span, range: { start: CodePoint; end: CodePoint }): Command {
  const { orphaned: _, ...rest } = span;
  void _;
  return { label: `place ${span.label}`, change: { putSpans: [{ ...rest, start: range.start, end: range.end, quote: quoteOf(session.text, range.start, range.end, session.map), updatedAt: now() }] } };
}

function now(): string {
  return new Date().toISOString();
}
