// The decorations plugin: spans painted as tinted highlights with their label above the line; changed by add/remove for
// the spans an action touched, and by the spans entering and leaving the paint window as it moves, never rebuilt.

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { innermostFirst, SpanIndex } from '../../core/model/span-index';
import { isArrival } from './progressive-text';
import { inWindow, paintWindow, windowMoved, type PaintWindow } from './viewport';
import type { Chip } from './chip-layer';
import { moveWindowSet, windowDecorations } from './window-move';

/** What the plugin needs to paint one span; `start`/`end` are ProseMirror positions. */
export interface PaintedSpan {
  id: string;
  label: string;
  start: number;
  end: number;
  color: string;
}

/**
 * A painted span with its lane (0 for the outermost, one more per span it sits inside: the
 * underline's depth) and its chip's row above the line (0 next to the text, 1 above it when
 * another chip already sits there).
 */
export type LanedSpan = PaintedSpan & { readonly lane: number; readonly row: number };

/** Underline lanes drawn before lanes are reused: past six nested spans the extra depth is shown by the background alone. */
export const MAX_LANES = 6;

/**
 * The plugin's state. The index is shared by successive states and changed in place (the
 * editor never returns to an old state: undo is the session's); the decoration sets are
 * persistent values, a new one per change.
 */
class SpanDecorationState {
  constructor(
    readonly index: SpanIndex<LanedSpan>,
    readonly set: DecorationSet,
    readonly selectedId: string | null,
    /** The window `set` was painted for. */
    readonly painted: PaintWindow,
  ) {}
}

/** The changes the plugin takes as transaction meta. */
export interface SpanDecorationMeta {
  reset?: PaintedSpan[];
  add?: PaintedSpan[];
  remove?: string[];
  /** The selected span (null for none); undefined leaves it as it is. */
  select?: string | null;
}

const spanDecorationKey = new PluginKey<SpanDecorationState>('marginalia-spans');

/** Chip rows above a line: the line height leaves room for this many before a chip would reach the line above. */
export const CHIP_ROWS = 2;

/**
 * Positions a label chip covers, about: its letters are about 0.7 of a text character wide, plus
 * its padding. Chinese characters are wider than Latin ones, so there it errs on the side of
 * another row; rows never move the text, so an extra row costs nothing but height.
 */
function chipReach(s: PaintedSpan): [number, number] {
  return [s.start, s.start + Math.ceil(s.label.length * 0.7) + 1];
}

/** The longest chip reach, for searching chips that start before a position. */
const MAX_CHIP_REACH = 16;

/** A span's highlight. The label chip is not here: the chip layer draws it over the text (chip-layer.ts). */
function decorationOf(s: LanedSpan): Decoration {
  return Decoration.inline(
    s.start,
    s.end,
    {
      // Own element per span: without nodeName ProseMirror merges overlapping decorations into one element and one id.
      nodeName: 'span',
      class: 'span',
      'data-span-id': s.id,
      'data-label': s.label,
      style: `--c:${s.color};--lane:${s.lane}`,
    },
    { id: s.id },
  );
}

/** Assigns lanes and chip rows to spans so that overlapping spans never share a lane, nor touching chips a row (greedy colouring). */
function withLanes(spans: readonly PaintedSpan[]): LanedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const laneEnds: number[] = [];
  const rowEnds: number[] = [];
  return sorted.map((s) => {
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = s.end;
    const [from, to] = chipReach(s);
    let row = rowEnds.findIndex((end) => end <= from);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = to;
    return { ...s, lane: Math.min(lane, MAX_LANES - 1), row: Math.min(row, CHIP_ROWS - 1) };
  });
}

/** The lowest lane that no span overlapping `s` uses, and the lowest chip row no nearby chip uses (only neighbours are looked at). */
function freeLanes(index: SpanIndex<LanedSpan>, s: PaintedSpan): { lane: number; row: number } {
  const lanes = new Set<number>();
  for (const other of index.inRange(s.start, s.end)) if (other.id !== s.id) lanes.add(other.lane);
  let lane = 0;
  while (lanes.has(lane)) lane++;
  const rows = new Set<number>();
  const [from, to] = chipReach(s);
  for (const other of index.inRange(from - MAX_CHIP_REACH, to)) {
    const [a, b] = chipReach(other);
    if (other.id !== s.id && a < to && from < b) rows.add(other.row);
  }
  let row = 0;
  while (rows.has(row)) row++;
  return { lane: Math.min(lane, MAX_LANES - 1), row: Math.min(row, CHIP_ROWS - 1) };
}

function apply(tr: Transaction, prev: SpanDecorationState, _old: EditorState, state: EditorState): SpanDecorationState {
  const meta = tr.getMeta(spanDecorationKey) as SpanDecorationMeta | undefined;
  const w = paintWindow(state);
  if (!meta) {
    if (windowMoved(tr)) return new SpanDecorationState(prev.index, moveWindowSet(state.doc, prev.set, prev.index, prev.painted, w, decorationOf), prev.selectedId, w);
    if (!tr.docChanged) return prev;
    // The text only grows at its end (a long document arriving in slices): nothing painted moves, and the spans
    // that now lie wholly in the text and meet the window are added.
    let set = prev.set.map(tr.mapping, tr.doc);
    if (isArrival(tr)) {
      const before = tr.before.content.size;
      const arrived = prev.index.inRange(before, state.doc.content.size).filter((s) => s.end >= before && s.end < state.doc.content.size && inWindow(prev.painted, s.start, s.end));
      if (arrived.length) set = set.add(state.doc, arrived.map(decorationOf));
    }
    return new SpanDecorationState(prev.index, set, prev.selectedId, prev.painted);
  }
  let set = prev.set;
  let index = prev.index;
  let painted = prev.painted;
  if (windowMoved(tr)) {
    set = moveWindowSet(state.doc, set, index, painted, w, decorationOf);
    painted = w;
  }
  if (meta.reset) {
    index = new SpanIndex(withLanes(meta.reset));
    set = DecorationSet.create(state.doc, windowDecorations(state.doc, index, w, decorationOf));
    painted = w;
  } else if (meta.remove?.length || meta.add?.length) {
    const gone: LanedSpan[] = [];
    for (const id of meta.remove ?? []) {
      const s = index.get(id);
      if (s && index.delete(id)) gone.push(s);
    }
    for (const s of gone) set = set.remove(set.find(s.start, s.end, (spec) => spec.id === s.id));
    const added: Decoration[] = [];
    for (const s of meta.add ?? []) {
      // An id already there is replaced: its decorations go first.
      const old = index.get(s.id);
      if (old && index.delete(s.id)) set = set.remove(set.find(old.start, old.end, (spec) => spec.id === s.id));
      const laned: LanedSpan = { ...s, ...freeLanes(index, s) };
      index.set(laned);
      if (inWindow(painted, laned.start, laned.end) && laned.end < state.doc.content.size) added.push(decorationOf(laned));
    }
    if (added.length) set = set.add(state.doc, added);
  }
  const selectedId = meta.select !== undefined ? meta.select : prev.selectedId && index.has(prev.selectedId) ? prev.selectedId : null;
  return new SpanDecorationState(index, set, selectedId, painted);
}

/**
 * The plugins: the spans' decorations; spans and the selected id arrive through {@link setSpanDecorations}. The selection
 * has no decoration: a class merged into the innermost element marked the wrong one of two spans on the same words; the
 * annotation layer draws its outline (`.selected-outline`) from the id.
 */
export function spanDecorationsPlugins(): Plugin[] {
  const spans = new Plugin<SpanDecorationState>({
    key: spanDecorationKey,
    state: {
      init: (_config, state) => new SpanDecorationState(new SpanIndex(), DecorationSet.empty, null, paintWindow(state)),
      apply,
    },
    props: {
      decorations: (state) => spanDecorationKey.getState(state)!.set,
    },
  });
  return [spans];
}

/**
 * Adds the meta of a span change to a transaction, merged with one it already carries (several
 * changes of one task go out in one transaction): later adds and removes win over earlier ones.
 */
export function setSpanDecorations(tr: Transaction, meta: SpanDecorationMeta): Transaction {
  const prev = tr.getMeta(spanDecorationKey) as SpanDecorationMeta | undefined;
  if (!prev || meta.reset) return tr.setMeta(spanDecorationKey, meta);
  const removed = new Set(meta.remove ?? []);
  const merged: SpanDecorationMeta = {
    ...(prev.reset ? { reset: [...prev.reset.filter((s) => !removed.has(s.id)), ...(meta.add ?? [])] } : {}),
    remove: [...(prev.remove ?? []), ...removed],
    // An add taken back by a later remove is dropped; a later add of the same id replaces the earlier one.
    add: [...(prev.add ?? []).filter((s) => !removed.has(s.id)), ...(meta.add ?? [])],
    select: meta.select !== undefined ? meta.select : prev.select,
  };
  return tr.setMeta(spanDecorationKey, merged);
}

/** Span `id` as it will be once `tr` is applied to `state` (added by it, or already painted). */
export function spanIn(state: EditorState, tr: Transaction, id: string): PaintedSpan | undefined {
  const meta = tr.getMeta(spanDecorationKey) as SpanDecorationMeta | undefined;
  const added = meta?.add?.findLast((s) => s.id === id) ?? meta?.reset?.find((s) => s.id === id);
  if (added) return added;
  if (meta?.remove?.includes(id) || meta?.reset) return undefined;
  return spanDecorationKey.getState(state)?.index.get(id);
}

/** The index of the painted spans of a state (ProseMirror positions). */
export function spanIndex(state: EditorState): SpanIndex<LanedSpan> {
  return spanDecorationKey.getState(state)?.index ?? new SpanIndex();
}

/** The selected span id of a state. */
export function selectedSpanId(state: EditorState): string | null {
  return spanDecorationKey.getState(state)?.selectedId ?? null;
}

/**
 * Ids of the spans that cover position `pos` (a click between two characters counts for both), shortest first;
 * of spans of one length (two labels on the same words), `drawnInnermost` (the span of the element under the
 * pointer, drawn inside the others) first, then by id: what the annotator clicked is what gets selected.
 */
export function spansAt(state: EditorState, pos: number, drawnInnermost?: string | null): string[] {
  const found = spanIndex(state)
    .inRange(pos, pos)
    .filter((s) => s.start !== s.end);
  return found.sort(innermostFirst(drawnInnermost)).map((s) => s.id);
}

/** Each painted span's chip, made once (a span is replaced, never changed, when its label or range changes): the chip layer asks every frame while scrolling. */
const chipOf = new WeakMap<LanedSpan, Chip>();

/** The label chips of the painted spans that start in [from, to) (positions), for the chip layer. */
export function spanChips(state: EditorState, from: number, to: number): Chip[] {
  const plugin = spanDecorationKey.getState(state);
  if (!plugin) return [];
  const size = state.doc.content.size;
  const chips: Chip[] = [];
  for (const s of plugin.index.inRange(from, to)) {
    // As the highlights: painted only in the window, and only once its text has arrived.
    if (s.start < from || s.end >= size || !inWindow(plugin.painted, s.start, s.end)) continue;
    let chip = chipOf.get(s);
    if (!chip) {
      chip = { key: s.id, text: s.label, color: s.color, row: s.row, start: s.start, attrs: { 'data-chip-for': s.id } };
      chipOf.set(s, chip);
    }
    chips.push(chip);
  }
  return chips;
}
