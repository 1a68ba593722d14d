// What is drawn over the text rather than in it: the selected span's outline (whole across nested spans), relation arcs
// with their labels, and drag handles on the selected span's ends. An SVG and two handles in the scroller, redrawn per frame.

import type { EditorView } from 'prosemirror-view';
import { arcBetween, lineBoxes, type Box } from './arc-geometry';
import { FrameRedraw } from './frame-redraw';

const SVG = 'http://www.w3.org/2000/svg';

/** The drag knob's size in pixels (styles.css draws it). */
const KNOB = 10;

/** A span's range in ProseMirror positions. */
export interface LayerRange {
  id: string;
  start: number;
  end: number;
}

/** One relation to draw: its ends' ranges and its label; `emphasis` for those of the selected span. */
export interface LayerArc {
  key: string;
  label: string;
  head: LayerRange;
  tail: LayerRange;
  emphasis: boolean;
}

/** What the layer asks its owner at each redraw. */
export interface LayerSource {
  /** The selected span, or null. */
  selected(): LayerRange | null;
  /** The relations to draw now. */
  arcs(): LayerArc[];
  /** Called when a drag of a handle ends with a new range (positions); absent: no handles. */
  onResize?: (id: string, start: number, end: number) => void;
}

/** The layer; `schedule()` after anything that can move text or change what is drawn. */
export class AnnotationLayer {
  private readonly root: HTMLDivElement;
  private readonly svg: SVGSVGElement;
  private readonly handles: { start: HTMLDivElement; end: HTMLDivElement };
  private readonly redraw: FrameRedraw;
  private drag: { edge: 'start' | 'end'; range: LayerRange } | null = null;

  constructor(
    private readonly view: EditorView,
    scroller: HTMLElement,
    private readonly source: LayerSource,
  ) {
    this.root = document.createElement('div');
    this.root.className = 'annotation-layer';
    this.root.setAttribute('aria-hidden', 'true');
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'annotation-svg');
    this.svg.innerHTML =
      '<defs><marker id="arc-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="context-stroke"/></marker></defs>';
    this.root.appendChild(this.svg);
    this.handles = { start: this.handle('start'), end: this.handle('end') };
    scroller.appendChild(this.root);
    this.redraw = new FrameRedraw(view.dom, () => this.draw());
  }

  /** Redraws at the next frame (several calls in one frame draw once). */
  schedule(): void {
    this.redraw.schedule();
  }

  destroy(): void {
    this.redraw.stop();
    this.root.remove();
  }

  private handle(edge: 'start' | 'end'): HTMLDivElement {
    const el = document.createElement('div');
    el.className = `span-handle span-handle-${edge}`;
    el.dataset.edge = edge;
    el.title = edge === 'start' ? 'Drag to move the start of the span' : 'Drag to move the end of the span';
    el.addEventListener('pointerdown', (e) => {
      const range = this.source.selected();
      if (!range || !this.source.onResize || e.button !== 0) return;
      e.preventDefault();
      e.stopPropagation();
      el.setPointerCapture(e.pointerId);
      this.drag = { edge, range: { ...range } };
    });
    el.addEventListener('pointermove', (e) => {
      if (!this.drag) return;
      const hit = this.view.posAtCoords({ left: e.clientX, top: e.clientY });
      if (!hit) return;
      const r = this.drag.range;
      // An end never passes the other: a span keeps at least one character.
      if (this.drag.edge === 'start') r.start = Math.min(hit.pos, r.end - 1);
      else r.end = Math.max(hit.pos, r.start + 1);
      this.draw();
    });
    const finish = (commit: boolean) => {
      const drag = this.drag;
      this.drag = null;
      if (!drag) return;
      const before = this.source.selected();
      if (commit && before && before.id === drag.range.id && (before.start !== drag.range.start || before.end !== drag.range.end)) {
        this.source.onResize?.(drag.range.id, drag.range.start, drag.range.end);
      }
      this.schedule();
    };
    el.addEventListener('pointerup', () => finish(true));
    el.addEventListener('pointercancel', () => finish(false));
    this.root.appendChild(el);
    return el;
  }

  /**
   * The line boxes of [start, end) in the layer's coordinates, from the rects of its text alone:
   * a range's own rects would include the boxes of the span elements inside it (their underline lanes).
   */
  private boxes(start: number, end: number): Box[] {
    try {
      const a = this.view.domAtPos(start, 1);
      const b = this.view.domAtPos(end, -1);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const root = range.commonAncestorContainer;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (range.intersectsNode(n) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
      });
      const o = this.root.getBoundingClientRect();
      const rects: Box[] = [];
      const piece = document.createRange();
      for (let n = root.nodeType === Node.TEXT_NODE ? root : walker.nextNode(); n; n = root.nodeType === Node.TEXT_NODE ? null : walker.nextNode()) {
        piece.setStart(n, n === range.startContainer ? range.startOffset : 0);
        piece.setEnd(n, n === range.endContainer ? range.endOffset : (n.textContent ?? '').length);
        for (const r of piece.getClientRects()) rects.push({ left: r.left - o.left, top: r.top - o.top, right: r.right - o.left, bottom: r.bottom - o.top });
      }
      return lineBoxes(rects);
    } catch {
      // A position whose DOM is gone (the document was replaced under us): draw nothing for it.
      return [];
    }
  }

  private draw(): void {
    const parts: string[] = [];
    const selected = this.drag?.range ?? this.source.selected();
    const selectedBoxes = selected ? this.boxes(selected.start, selected.end) : [];
    for (const b of selectedBoxes) {
      parts.push(`<rect class="selected-outline" data-span-id="${escape(selected!.id)}" x="${b.left - 2}" y="${b.top - 2}" width="${b.right - b.left + 4}" height="${b.bottom - b.top + 4}" rx="3"/>`);
    }
    for (const arc of this.source.arcs()) {
      const head = this.boxes(arc.head.start, arc.head.end)[0];
      const tail = this.boxes(arc.tail.start, arc.tail.end)[0];
      if (!head || !tail) continue;
      const a = arcBetween(head, tail);
      const cls = arc.emphasis ? 'arc arc-selected' : 'arc';
      parts.push(
        `<g class="${cls}" data-arc="${escape(arc.key)}" data-head="${escape(arc.head.id)}" data-tail="${escape(arc.tail.id)}" data-label="${escape(arc.label)}">` +
          `<path d="${a.d}" marker-end="url(#arc-arrow)"/>` +
          `<text x="${a.labelX}" y="${a.labelY - 3}" text-anchor="middle">${escape(arc.label)}</text></g>`,
      );
    }
    const first = selectedBoxes[0];
    const last = selectedBoxes[selectedBoxes.length - 1];
    const show = !!(this.source.onResize && first && last);
    // The handles' bars up the line, in the SVG (which lets every click through to the text).
    if (show) {
      parts.push(`<line class="handle-bar" x1="${first!.left}" y1="${first!.top - 2}" x2="${first!.left}" y2="${first!.bottom + 2}"/>`);
      parts.push(`<line class="handle-bar" x1="${last!.right}" y1="${last!.top - 2}" x2="${last!.right}" y2="${last!.bottom + 2}"/>`);
    }
    // Keep the marker definitions (the first child), replace the rest.
    while (this.svg.childNodes.length > 1) this.svg.lastChild!.remove();
    this.svg.insertAdjacentHTML('beforeend', parts.join(''));
    this.place(this.handles.start, show ? first!.left : null, first?.bottom ?? 0);
    this.place(this.handles.end, show ? last!.right : null, last?.bottom ?? 0);
  }

  /**
   * A handle is a knob under the line at the span's edge (where it covers no character, so a
   * drag that selects text is never caught by it); its bar up the line is drawn in the SVG.
   */
  private place(el: HTMLDivElement, x: number | null, bottom: number): void {
    el.hidden = x === null;
    if (x === null) return;
    el.style.transform = `translate(${x - KNOB / 2}px, ${bottom + 2}px)`;
  }
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
