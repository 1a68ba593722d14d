// The document view: a ProseMirror EditorView over the text, read-only to typing, with spans as decorations.

import { EditorState, Plugin, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { CodePoint } from '../../core/model/types';
import { PositionMap, type PmPos } from './positions';
import { textToDoc } from './schema';
import { followViewport, INITIAL_WINDOW, viewportPlugin, WINDOW_THRESHOLD } from './viewport';
import { overlayPlugins, setOverlay, type OverlayLayer, type OverlayRange } from './overlays';
import { paintedSpans, setSpanDecorations, spanDecorationsPlugins, spansAt, type PaintedSpan } from './span-decorations';

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
  setOverlay(layer: OverlayLayer, ranges: (Omit<OverlayRange, 'from' | 'to'> & { start: CodePoint; end: CodePoint })[]): void;
  /** Highlights the spans linked to the selected one. */
  setRelations(relations: readonly { head: string; tail: string; label: string }[]): void;
  /** Scrolls a code-point offset into view. */
  scrollTo(offset: CodePoint): void;
  focus(): void;
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
}

/** Characters past which a document is painted by window whatever its span count: its suggestions alone can number thousands. */
const LONG_TEXT = 200_000;

/** Refuses every change to the document: annotators mark text, they never edit it. */
const readOnlyText = new Plugin({
  filterTransaction: (tr) => !tr.docChanged,
  props: {
    handlePaste: () => true,
    handleDrop: () => true,
    handleTextInput: () => true,
    handleDOMEvents: {
      beforeinput: (_view, event) => {
        event.preventDefault();
        return true;
      },
    },
  },
});

/** The ProseMirror view; one instance per opened document (remount with a key to change text). */
export const Editor = forwardRef<EditorHandle, EditorProps>(function Editor({ text, spans, colorOf, onSpanClick, onSuggestionClick, font }, ref) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const positions = useRef<PositionMap | null>(null);
  const callbacks = useRef({ onSpanClick, onSuggestionClick, colorOf });
  callbacks.current = { onSpanClick, onSuggestionClick, colorOf };
  const relations = useRef<readonly { head: string; tail: string; label: string }[]>([]);
  const selected = useRef<string | null>(null);

  /** Paints the spans linked to the selected span (both directions) with their relation's name. */
  let linkedShown = false;
  const paintLinked = (v: EditorView) => {
    const id = selected.current;
    const painted = paintedSpans(v.state);
    const ranges: OverlayRange[] = [];
    if (id) {
      for (const r of relations.current) {
        const other = r.head === id ? r.tail : r.tail === id ? r.head : null;
        const s = other ? painted.get(other) : undefined;
        if (s) ranges.push({ from: s.from, to: s.to, className: 'span-linked', attrs: { 'data-linked': r.label }, chip: { text: r.head === id ? `→ ${r.label}` : `← ${r.label}`, color: '#2f6feb' } });
      }
    }
    // Nothing linked before or now: no transaction (each one walks a long document's paragraphs).
    if (!ranges.length && !linkedShown) return;
    linkedShown = ranges.length > 0;
    v.dispatch(setOverlay(v.state.tr, 'linked', ranges));
  };

  const paint = (s: EditorSpan): PaintedSpan => {
    const map = positions.current!;
    return { id: s.id, label: s.label, from: map.toPos(s.start), to: map.toPos(s.end), color: callbacks.current.colorOf(s.label) };
  };

  useEffect(() => {
    const map = new PositionMap(text);
    positions.current = map;
    let lastClick: { pos: number; id: string | null } = { pos: -1, id: null };
    const initial = EditorState.create({
      doc: textToDoc(text),
      // A long document with many spans paints only what is near the viewport; its text is all there (find, selection, keys).
      plugins: [readOnlyText, viewportPlugin(spans.length > WINDOW_THRESHOLD || text.length > LONG_TEXT ? { from: 0, to: INITIAL_WINDOW } : null), ...spanDecorationsPlugins(), ...overlayPlugins()],
    });
    // The spans go into the first state, so the view builds its DOM once, decorations included.
    const v = new EditorView(mount.current!, {
      state: initial.apply(setSpanDecorations(initial.tr, { reset: spans.map(paint) })),
      attributes: { class: 'doc-text', spellcheck: 'false', 'aria-label': 'Document text', translate: 'no' },
      handleClick(view, pos, event) {
        const ghost = (event.target as HTMLElement).closest?.('[data-suggestion-key]');
        if (ghost && callbacks.current.onSuggestionClick) {
          const key = ghost.getAttribute('data-suggestion-key')!;
          setTimeout(() => callbacks.current.onSuggestionClick?.(key));
          return false;
        }
        const ids = spansAt(view.state, pos);
        let id: string | null = ids[0] ?? null;
        // Clicking the same place again walks outwards through nested spans.
        if (ids.length > 1 && lastClick.pos === pos && lastClick.id && ids.includes(lastClick.id)) {
          id = ids[(ids.indexOf(lastClick.id) + 1) % ids.length]!;
        }
        lastClick = { pos, id };
        // After ProseMirror has placed the caret: dispatching from inside its click handling loses the click's selection.
        setTimeout(() => callbacks.current.onSpanClick(id));
        return false;
      },
    });
    view.current = v;
    const scroller = mount.current!;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        followViewport(v, scroller);
      });
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    onScroll();
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      v.destroy();
      view.current = null;
    };
    // The text is fixed for the life of the view; later span changes come through the handle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  useImperativeHandle(ref, () => ({
    textSelection() {
      const v = view.current;
      if (!v) return null;
      const { from, to } = liveSelection(v);
      if (from === to) return null;
      const start = positions.current!.toCodePoint(from as PmPos);
      const end = positions.current!.toCodePoint(to as PmPos);
      return end > start ? { start, end } : null;
    },
    update(add, remove) {
      const v = view.current;
      if (!v) return;
      const replaced = add.filter((s) => paintedSpans(v.state).has(s.id)).map((s) => s.id);
      v.dispatch(setSpanDecorations(v.state.tr, { remove: [...remove, ...replaced], add: add.map(paint) }));
    },
    select(id, scroll, collapse) {
      const v = view.current;
      if (!v) return;
      let tr = setSpanDecorations(v.state.tr, { select: id });
      const s = id ? paintedSpans(v.state).get(id) : undefined;
      if (s && scroll) {
        tr = tr.setSelection(TextSelection.create(v.state.doc, s.from));
      } else if (s && collapse) {
        tr = tr.setSelection(TextSelection.create(v.state.doc, s.to));
      }
      v.dispatch(tr);
      selected.current = id;
      paintLinked(v);
      if (s && scroll) scrollPosIntoView(v, s.from);
    },
    setRelations(list) {
      relations.current = list;
      if (view.current) paintLinked(view.current);
    },
    selectText(start, end) {
      const v = view.current;
      if (!v) return;
      const from = positions.current!.toPos(start);
      const to = positions.current!.toPos(end);
      v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, from, to)));
      scrollPosIntoView(v, from);
    },
    caret() {
      const v = view.current;
      return v ? positions.current!.toCodePoint(liveSelection(v).head as PmPos) : (0 as CodePoint);
    },
    setOverlay(layer, ranges) {
      const v = view.current;
      if (!v) return;
      const map = positions.current!;
      v.dispatch(setOverlay(v.state.tr, layer, ranges.map((r) => ({ ...r, from: map.toPos(r.start), to: map.toPos(r.end) }))));
    },
    scrollTo(offset) {
      const v = view.current;
      if (v) scrollPosIntoView(v, positions.current!.toPos(offset));
    },
    clearTextSelection() {
      const v = view.current;
      if (!v) return;
      v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, v.state.selection.to)));
    },
    focus() {
      view.current?.focus();
    },
  }));

  return <div className="editor" ref={mount} style={font ? { fontFamily: font } : undefined} />;
});

/**
 * The selection as the user sees it: the DOM selection when it lies in the editor
 * (a key pressed right after a click or drag can beat ProseMirror's selectionchange),
 * else ProseMirror's own.
 */
function liveSelection(v: EditorView): { from: number; to: number; head: number } {
  const { from, to, head } = v.state.selection;
  const dom = window.getSelection();
  if (dom && dom.anchorNode && dom.focusNode && v.dom.contains(dom.anchorNode) && v.dom.contains(dom.focusNode)) {
    try {
      const a = v.posAtDOM(dom.anchorNode, dom.anchorOffset);
      const b = v.posAtDOM(dom.focusNode, dom.focusOffset);
      return { from: Math.min(a, b), to: Math.max(a, b), head: b };
    } catch {
      // A node ProseMirror does not map (a label chip): keep its own selection.
    }
  }
  return { from, to, head };
}

/** Scrolls the editor so that a position sits in the middle of the view. */
function scrollPosIntoView(v: EditorView, pos: number): void {
  const { node } = v.domAtPos(pos);
  (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: 'center' });
}
