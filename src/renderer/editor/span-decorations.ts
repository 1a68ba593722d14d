// The decorations plugin: spans painted as stacked, coloured highlights, updated by meta and mapped, never rebuilt per action.

import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { inWindow, paintWindow, windowMoved } from './viewport';

/** What the plugin needs to paint one span, in ProseMirror positions. */
export interface PaintedSpan {
  id: string;
  label: string;
  from: number;
  to: number;
  color: string;
}

/** Underline lanes drawn before lanes are reused: past six nested spans the extra depth is shown by the background alone. */
export const MAX_LANES = 6;

/** The plugin's state: a persistent value, a new one per change. */
class SpanDecorationState {
  constructor(
    readonly set: DecorationSet,
    /** The span ids, with their painted form. */
    readonly spans: ReadonlyMap<string, PaintedSpan & { lane: number }>,
    readonly selectedId: string | null,
    readonly selection: DecorationSet,
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

function chip(label: string, color: string): () => HTMLElement {
  return () => {
    const el = document.createElement('span');
    el.className = 'span-chip';
    el.textContent = label;
    el.style.setProperty('--c', color);
    el.contentEditable = 'false';
    return el;
  };
}

function decorationsOf(s: PaintedSpan & { lane: number }): Decoration[] {
  return [
    Decoration.inline(
      s.from,
      s.to,
      {
        // Own element per span: without nodeName ProseMirror merges overlapping decorations into one element and one id.
        nodeName: 'span',
        class: 'span',
        'data-span-id': s.id,
        'data-label': s.label,
        style: `--c:${s.color};--lane:${s.lane}`,
      },
      { id: s.id },
    ),
    Decoration.widget(s.from, chip(s.label, s.color), { id: s.id, side: -1, key: `chip-${s.id}-${s.label}`, ignoreSelection: true }),
  ];
}

/** Assigns underline lanes to spans so that overlapping spans never share one (greedy interval colouring). */
function assignLanes(spans: PaintedSpan[]): (PaintedSpan & { lane: number })[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from || b.to - a.to);
  const laneEnds: number[] = [];
  return sorted.map((s) => {
    let lane = laneEnds.findIndex((end) => end <= s.from);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = s.to;
    return { ...s, lane: Math.min(lane, MAX_LANES - 1) };
  });
}

function selectionSet(doc: Node, spans: ReadonlyMap<string, PaintedSpan>, id: string | null): DecorationSet {
  const s = id ? spans.get(id) : undefined;
  if (!s) return DecorationSet.empty;
  return DecorationSet.create(doc, [Decoration.inline(s.from, s.to, { class: 'span-selected' }, { selected: true })]);
}

/** The decoration set of the spans that meet the paint window (all of them in a short document). */
function windowSet(doc: Node, spans: ReadonlyMap<string, PaintedSpan & { lane: number }>, state: EditorState): DecorationSet {
  const w = paintWindow(state);
  const decos: Decoration[] = [];
  for (const s of spans.values()) if (inWindow(w, s.from, s.to)) decos.push(...decorationsOf(s));
  return DecorationSet.create(doc, decos);
}

function apply(tr: Transaction, prev: SpanDecorationState, _old: EditorState, state: EditorState): SpanDecorationState {
  const meta = tr.getMeta(spanDecorationKey) as SpanDecorationMeta | undefined;
  if (!meta) {
    if (windowMoved(tr)) return new SpanDecorationState(windowSet(state.doc, prev.spans, state), prev.spans, prev.selectedId, prev.selection);
    if (!tr.docChanged) return prev;
    return new SpanDecorationState(prev.set.map(tr.mapping, tr.doc), prev.spans, prev.selectedId, prev.selection.map(tr.mapping, tr.doc));
  }
  let set = prev.set;
  let spans = prev.spans as Map<string, PaintedSpan & { lane: number }>;
  if (meta.reset) {
    spans = new Map(assignLanes(meta.reset).map((s) => [s.id, s]));
    set = windowSet(state.doc, spans, state);
  } else if (meta.remove?.length || meta.add?.length) {
    spans = new Map(spans);
    if (meta.remove?.length) {
      const gone = new Set(meta.remove);
      for (const id of gone) spans.delete(id);
      set = set.remove(set.find(undefined, undefined, (spec) => gone.has(spec.id)));
    }
    const added: Decoration[] = [];
    for (const s of meta.add ?? []) {
      // The lowest lane no overlapping span uses.
      const used = new Set<number>();
      for (const other of spans.values()) if (other.from < s.to && s.from < other.to && other.id !== s.id) used.add(other.lane);
      let lane = 0;
      while (used.has(lane)) lane++;
      const painted = { ...s, lane: Math.min(lane, MAX_LANES - 1) };
      spans.set(s.id, painted);
      if (inWindow(paintWindow(state), painted.from, painted.to)) added.push(...decorationsOf(painted));
    }
    if (added.length) set = set.add(state.doc, added);
  }
  const selectedId = meta.select !== undefined ? meta.select : prev.selectedId && spans.has(prev.selectedId) ? prev.selectedId : null;
  const selection = selectedId === prev.selectedId && spans === prev.spans ? prev.selection : selectionSet(state.doc, spans, selectedId);
  return new SpanDecorationState(set, spans, selectedId, selection);
}

/** The plugins: the spans' decorations, and the selected span's outline; spans arrive through {@link setSpanDecorations}. */
export function spanDecorationsPlugins(): Plugin[] {
  const spans = new Plugin<SpanDecorationState>({
    key: spanDecorationKey,
    state: {
      init: () => new SpanDecorationState(DecorationSet.empty, new Map(), null, DecorationSet.empty),
      apply,
    },
    props: {
      decorations: (state) => spanDecorationKey.getState(state)!.set,
    },
  });
  const selected = new Plugin({
    props: {
      decorations: (state) => spanDecorationKey.getState(state)!.selection,
    },
  });
  return [spans, selected];
}

/** Adds the meta of a span change to a transaction. */
export function setSpanDecorations(tr: Transaction, meta: SpanDecorationMeta): Transaction {
  return tr.setMeta(spanDecorationKey, meta);
}

/** The painted spans of a state. */
export function paintedSpans(state: EditorState): ReadonlyMap<string, PaintedSpan & { lane: number }> {
  return spanDecorationKey.getState(state)?.spans ?? new Map();
}

/** Ids of the spans that cover position `pos`, shortest first. */
export function spansAt(state: EditorState, pos: number): string[] {
  const s = spanDecorationKey.getState(state);
  if (!s) return [];
  const found = s.set.find(pos, pos, (spec) => typeof spec.id === 'string');
  const ids = new Set<string>();
  for (const d of found) if (d.from <= pos && pos <= d.to && d.from !== d.to) ids.add(d.spec.id as string);
  return [...ids].sort((a, b) => {
    const x = s.spans.get(a)!;
    const y = s.spans.get(b)!;
    return x.to - x.from - (y.to - y.from);
  });
}
