// The document view: a ProseMirror EditorView over the text, read-only to typing, with spans as decorations, labels above
// the line, and relation arcs, the selected span's outline and its drag handles drawn over the text by the annotation layer.

import { EditorState, Plugin, TextSelection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { CodePoint } from '../../core/model/types';
import { AnnotationLayer } from './annotation-layer';
import { arcsFor, type EditorRelation } from './relation-arcs';
import { ClickWalk } from './click-walk';
import { repeatedPress } from './repeated-press';
import { PositionMap, type PmPos } from './positions';
import { linesToDoc } from './schema';
import { plaintextOnly } from './plaintext-only';
import { PressGate } from './press-gate';
import { FIRST_SLICE_CHARS, linesFor, TextLoader } from './progressive-text';
import { readOnlyText } from './read-only-text';
import { ChipLayer } from './chip-layer';
import { OverlayFeed } from './overlay-feed';
import { followScroll } from './scroll-follow';
import { followViewport, INITIAL_WINDOW, viewportPlugin, WINDOW_THRESHOLD, withPaintWindow } from './viewport';
import { overlayChips, overlayPlugins, patchOverlay, setOverlay, type OverlayLayer, type OverlayRange } from './overlays';
import { selectedSpanId, setSpanDecorations, spanChips, spanDecorationsPlugins, spanIn, spanIndex, spansAt, type PaintedSpan } from './span-decorations';

/** An overlay range as the editor is given it: code points. */
export type OverlayInput = Omit<OverlayRange, 'from' | 'to'> & { start: CodePoint; end: CodePoint };

/** A span as the editor is given it: code points. */
export interface EditorSpan {
  id: string;
  label: string;
  start: CodePoint;
  end: CodePoint;
}

/** What the app can ask of the editor. */
export interface EditorHandle {
  /** The selected text range in code points, or null when the selection is empty. */
  textSelection(): { start: CodePoint; end: CodePoint } | null;
  /** Paints added, changed (same id) and removed spans. */
  update(add: EditorSpan[], remove: string[]): void;
  /** Marks a span as selected (null: none), optionally scrolling it into view or collapsing the text selection after it. */
  select(id: string | null, scroll?: boolean, collapse?: boolean): void;
  /** Collapses the text selection. */
  clearTextSelection(): void;
  /** Selects a code-point range as text (find results, sentence selection) and scrolls to it. */
  selectText(start: CodePoint, end: CodePoint): void;
  /** The code-point offset of the caret (the selection's head). */
  caret(): CodePoint;
  /** Redraws an overlay layer; ranges in code points. */
  setOverlay(layer: OverlayLayer, ranges: OverlayInput[]): void;
  /** Changes some ranges of an overlay layer (by key); `whole` gives the full list, used instead when the change has to wait. */
  patchOverlay(layer: OverlayLayer, add: OverlayInput[], remove: string[], whole: () => OverlayInput[]): void;
  /** Highlights the spans linked to the selected one. */
  setRelations(relations: readonly { head: string; tail: string; label: string }[]): void;
  /** Scrolls a code-point offset into view. */
  scrollTo(offset: CodePoint): void;
  focus(): void;
  /** Draws every relation near the viewport as an arc (true), or only the selected span's (false). */
  showAllRelations?(on: boolean): void;
  /** True when every relation is drawn. */
  allRelationsShown?(): boolean;
}

/** Props of {@link Editor}. */
export interface EditorProps {
  text: string;
  spans: EditorSpan[];
  colorOf: (label: string) => string;
  /** Called when the user selects a span by clicking it (null: clicked outside spans). */
  onSpanClick: (id: string | null) => void;
  /** Called when the user clicks a suggestion ghost. */
  onSuggestionClick?: (key: string) => void;
  /** Font family of the text. */
  font?: string;
  /** Called when the annotator drags an end of the selected span; without it no handles are shown. */
  onResizeSpan?: (id: string, start: CodePoint, end: CodePoint) => void;
  /** Draw every relation near the viewport from the start (the corner toggle and the handle change it later). */
  showAllRelations?: boolean;
  /** Called when the corner toggle or the handle switches all relations on or off. */
  onShowAllRelationsChange?: (on: boolean) => void;
}

/** Characters past which a document is painted by window whatever its span count: its suggestions alone can number thousands. */
const LONG_TEXT = 200_000;


/** The ProseMirror view; one instance per opened document (remount with a key to change text). */
export const Editor = forwardRef<EditorHandle, EditorProps>(function Editor(props, ref) {
  const { text, spans, font } = props;
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const layer = useRef<AnnotationLayer | null>(null);
  const chips = useRef<ChipLayer | null>(null);
  const loader = useRef<TextLoader | null>(null);
  const press = useRef(new PressGate());
  const [feed] = useState(() => new OverlayFeed<OverlayLayer, OverlayInput>((which, p) => queue((tr) => patchOverlay(tr, which, { add: p.add.map(toRange), remove: p.remove }))));
  /** Makes sure the view holds the text up to code point `cp` (a long text arrives in slices). */
  const ensureText = (cp: CodePoint) => loader.current?.ensure(positions.current!.toPos(cp) + 1);
  const positions = useRef<PositionMap | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const relations = useRef<readonly EditorRelation[]>([]);
  const [allArcs, setAllArcs] = useState(props.showAllRelations ?? false);
  const allArcsRef = useRef(allArcs);
  allArcsRef.current = allArcs;

  /** Changes asked for in one task (update, select, overlays) go out as one transaction at its end: an action pays one redraw. */
  const pending = useRef<((tr: Transaction) => Transaction)[]>([]);
  const afterFlush = useRef<(() => void)[]>([]);
  const flush = () => {
    const v = view.current;
    const steps = pending.current;
    const after = afterFlush.current;
    pending.current = [];
    afterFlush.current = [];
    if (!v || !steps.length) return;
    // A caret just moved by a key may not have reached ProseMirror: a transaction from its older selection would undo the move.
    const live = liveSelection(v);
    let tr = live.anchor !== v.state.selection.anchor || live.head !== v.state.selection.head ? v.state.tr.setSelection(TextSelection.create(v.state.doc, live.anchor, live.head)) : v.state.tr;
    for (const step of steps) tr = step(tr);
    v.dispatch(tr);
    for (const f of after) f();
  };
  const queue = (step: (tr: Transaction) => Transaction, after?: () => void) => {
    if (!pending.current.length) queueMicrotask(flush);
    pending.current.push(step);
    if (after) afterFlush.current.push(after);
  };

  /** The linked spans' outlines for the selected span (both directions). */
  let linkedShown = false;
  const linkedStep = (tr: Transaction, id: string | null): Transaction => {
    const ranges: OverlayRange[] = [];
    if (id) {
      for (const r of relations.current) {
        const other = r.head === id ? r.tail : r.tail === id ? r.head : null;
        const s = other ? spanIn(view.current!.state, tr, other) : undefined;
        if (s) ranges.push({ from: s.start, to: s.end, className: 'span-linked', attrs: { 'data-linked': r.label } });
      }
    }
    // Nothing linked before or now: leave the layer alone.
    if (!ranges.length && !linkedShown) return tr;
    linkedShown = ranges.length > 0;
    return setOverlay(tr, 'linked', ranges);
  };

  const toRange = (r: OverlayInput): OverlayRange => ({ ...r, from: positions.current!.toPos(r.start), to: positions.current!.toPos(r.end) });

  const paint = (s: EditorSpan): PaintedSpan => {
    const map = positions.current!;
    return { id: s.id, label: s.label, start: map.toPos(s.start), end: map.toPos(s.end), color: callbacks.current.colorOf(s.label) };
  };

  useEffect(() => {
    const map = new PositionMap(text);
    positions.current = map;
    const walk = new ClickWalk();
    const click = (v: EditorView, pos: number, event: MouseEvent): boolean => {
      const target = event.target as HTMLElement;
      const ghost = target.closest?.('[data-suggestion-key]');
      if (ghost && callbacks.current.onSuggestionClick) {
        const key = ghost.getAttribute('data-suggestion-key')!;
        setTimeout(() => callbacks.current.onSuggestionClick?.(key));
        return false;
      }
      const id = walk.choose(pos, spansAt(v.state, pos, target.closest?.('[data-span-id]')?.getAttribute('data-span-id')), selectedSpanId(v.state));
      // After ProseMirror has placed the caret: dispatching from inside its click handling loses the click's selection.
      setTimeout(() => callbacks.current.onSpanClick(id));
      return false;
    };
    const layerHook = new Plugin({
      view: () => ({
        update: (view, prev) => {
          layer.current?.schedule();
          // Text arriving at the end of a long document moves no chip on screen: placed again after the burst.
          if (view.state.doc !== prev.doc) chips.current?.scheduleSoon();
          else chips.current?.schedule();
        },
      }),
    });
    // A long text: the opening screens first, the rest in slices after the first paint.
    const lines = text.split('\n');
    const long = text.length > LONG_TEXT;
    const firstLines = long ? linesFor(lines, 0, FIRST_SLICE_CHARS) : lines.length;
    const initial = EditorState.create({
      doc: linesToDoc(firstLines < lines.length ? lines.slice(0, firstLines) : lines),
      // A long document with many spans paints only what is near the viewport; its text is all there (find, selection, keys).
      plugins: [readOnlyText, viewportPlugin(spans.length > WINDOW_THRESHOLD || long ? { from: 0, to: INITIAL_WINDOW } : null), ...spanDecorationsPlugins(), ...overlayPlugins(), layerHook],
    });
    // The spans go into the first state, so the view builds its DOM once, decorations included.
    const v = plaintextOnly(new EditorView(mount.current!, {
      state: initial.apply(setSpanDecorations(initial.tr, { reset: spans.map(paint) })),
      attributes: { class: 'doc-text', spellcheck: 'false', 'aria-label': 'Document text', translate: 'no' },
      handleClick: click,
      // A second (or third) press soon after the first is still a click, or a drag: the walk out of nested spans must not
      // depend on timing, and neither may a selection dragged again from inside a span just made.
      handleDoubleClick: (view, pos, event) => repeatedPress(view, pos, event, click),
      handleTripleClick: (view, pos, event) => repeatedPress(view, pos, event, click),
    }));
    view.current = v;
    const scroller = mount.current!;
    layer.current = new AnnotationLayer(v, scroller, {
      selected: () => {
        const id = selectedSpanId(v.state);
        const s = id ? spanIndex(v.state).get(id) : undefined;
        return s ? { id: s.id, start: s.start, end: s.end } : null;
      },
      arcs: () => arcsFor(v, relations.current, allArcsRef.current),
      onResize: (id, start, end) => callbacks.current.onResizeSpan?.(id, map.toCodePoint(start as PmPos), map.toCodePoint(end as PmPos)),
    });
    chips.current = new ChipLayer(v, scroller, {
      chips: (from, to) => [...spanChips(v.state, from, to), ...overlayChips(v.state, from, to)],
      flying: () => scrolling.flying(),
      onClick: (attrs) => {
        const key = attrs['data-chip-ghost'];
        if (key) callbacks.current.onSuggestionClick?.(key);
        // A label chip names its span.
        else if (attrs['data-chip-for']) {
          walk.reset();
          callbacks.current.onSpanClick(attrs['data-chip-for']);
        }
      },
    });
    if (firstLines < lines.length) {
      const l = new TextLoader(v, lines, firstLines, () => {
        layer.current?.schedule();
        chips.current?.scheduleSoon();
      });
      loader.current = l;
      requestAnimationFrame(() => setTimeout(() => l.start())); // after the first frame with the opening screens is painted
    }
    // The window and the chips of the screen that came into view, in the same frame (after a fling, when it rests).
    const moveWindow = (next: { from: number; to: number }) => { queue((tr) => withPaintWindow(tr, next)); flush(); };
    const scrolling = followScroll(scroller, {
      follow: () => {
        const seen = followViewport(v, scroller, moveWindow);
        chips.current?.drawNow(seen ?? undefined);
        return seen?.moved ?? false;
      },
    });
    const unwatch = press.current.watch(v.dom);
    return () => {
      unwatch();
      scrolling.stop();
      loader.current?.cancel();
      loader.current = null;
      feed.cancel();
      layer.current?.destroy();
      layer.current = null;
      chips.current?.destroy();
      chips.current = null;
      v.destroy();
      view.current = null;
    };
    // The text is fixed for the life of the view; later span changes come through the handle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  useEffect(() => {
    layer.current?.schedule();
  }, [allArcs, props.onResizeSpan]);

  const toggleArcs = (on: boolean) => {
    setAllArcs(on);
    callbacks.current.onShowAllRelationsChange?.(on);
  };

  useImperativeHandle(ref, () => ({
    textSelection() {
      flush();
      const v = view.current;
      if (!v) return null;
      const { from, to } = liveSelection(v);
      if (from === to) return null;
      const start = positions.current!.toCodePoint(from as PmPos);
      const end = positions.current!.toCodePoint(to as PmPos);
      return end > start ? { start, end } : null;
    },
    update(add, remove) {
      // Adding an id that is painted replaces it (a relabel, a moved boundary).
      queue((tr) => setSpanDecorations(tr, { remove, add: add.map(paint) }));
    },
    select(id, scroll, collapse) {
      const v = view.current;
      if (!v) return;
      const known = id ? spanIndex(v.state).get(id) : undefined;
      if (known) loader.current?.ensure(known.end + 1);
      let scrollTo: number | null = null;
      queue(
        (tr) => {
          tr = setSpanDecorations(tr, { select: id });
          const s = id ? spanIn(v.state, tr, id) : undefined;
          if (s && scroll) {
            tr = tr.setSelection(TextSelection.create(tr.doc, s.start));
            scrollTo = s.start;
          } else if (s && collapse) {
            tr = tr.setSelection(TextSelection.create(tr.doc, s.end));
          }
          return linkedStep(tr, id);
        },
        () => {
          if (scrollTo !== null && view.current) scrollPosIntoView(view.current, scrollTo);
        },
      );
    },
    setRelations(list) {
      relations.current = list;
      queue((tr) => linkedStep(tr, selectedSpanId(view.current!.state)));
      layer.current?.schedule();
    },
    selectText(start, end) {
      ensureText(end);
      flush();
      const v = view.current;
      if (!v) return;
      const from = positions.current!.toPos(start);
      const to = positions.current!.toPos(end);
      v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, from, to)));
      scrollPosIntoView(v, from);
    },
    caret() {
      flush();
      const v = view.current;
      return v ? positions.current!.toCodePoint(liveSelection(v).head as PmPos) : (0 as CodePoint);
    },
    setOverlay(which, ranges) {
      feed.drop(which);
      press.current.whenReleased(which, () => queue((tr) => setOverlay(tr, which, ranges.map(toRange))));
    },
    patchOverlay(which, add, remove, whole) {
      // Under a pressed pointer the change waits, as the latest whole list (patches would have to be kept in order).
      if (press.current.pressed) {
        feed.drop(which);
        press.current.whenReleased(which, () => queue((tr) => setOverlay(tr, which, whole().map(toRange))));
      } else feed.patch(which, { add, remove });
    },
    scrollTo(offset) {
      ensureText(offset);
      flush();
      const v = view.current;
      if (v) scrollPosIntoView(v, positions.current!.toPos(offset));
    },
    clearTextSelection() {
      queue((tr) => tr.setSelection(TextSelection.create(tr.doc, tr.selection.to)));
    },
    focus() {
      flush();
      view.current?.focus();
    },
    showAllRelations(on) {
      toggleArcs(on);
    },
    allRelationsShown() {
      return allArcsRef.current;
    },
  }));

  return (
    <div className="editor-frame">
      <div className="editor" ref={mount} style={font ? { fontFamily: font } : undefined} />
      <button
        type="button"
        className={`arcs-toggle${allArcs ? ' on' : ''}`}
        aria-pressed={allArcs}
        title={allArcs ? 'Show only the selected span’s relations' : 'Show every relation as an arc'}
        onClick={() => toggleArcs(!allArcs)}
      >
        ⤻ Relations
      </button>
    </div>
  );
});

/**
 * The selection as the user sees it: the DOM selection when it lies in the editor
 * (a key pressed right after a click or drag can beat ProseMirror's selectionchange),
 * else ProseMirror's own.
 */
function liveSelection(v: EditorView): { from: number; to: number; anchor: number; head: number } {
  const { from, to, anchor, head } = v.state.selection;
  const dom = window.getSelection();
  if (dom && dom.anchorNode && dom.focusNode && v.dom.contains(dom.anchorNode) && v.dom.contains(dom.focusNode)) {
    try {
      const a = v.posAtDOM(dom.anchorNode, dom.anchorOffset);
      const b = v.posAtDOM(dom.focusNode, dom.focusOffset);
      return { from: Math.min(a, b), to: Math.max(a, b), anchor: a, head: b };
    } catch {
      // A node ProseMirror does not map: keep its own selection.
    }
  }
  return { from, to, anchor, head };
}
/** Centres a position's line in the view unless it is on screen (its line: the element around it can be a 32-line section). */
function scrollPosIntoView(v: EditorView, pos: number): void {
  const at = v.coordsAtPos(pos);
  const box = v.dom.parentElement!.getBoundingClientRect();
  if (at.top < box.top || at.bottom > box.bottom) v.dom.parentElement!.scrollTop += at.top - (box.top + box.height / 2);
}
