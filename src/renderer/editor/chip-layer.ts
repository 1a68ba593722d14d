// The label chips above the lines, drawn in one SVG over the text instead of as elements in it: a chip in the text was a
// positioned element per span (a paint layer each, laid out with every line), which made each key and each screen of
// scrolling lay out and composite hundreds of boxes. Here only the chips near the viewport exist, and a redraw touches
// only those that changed.

import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { FrameRedraw } from './frame-redraw';
import { visibleRange } from './viewport';

const SVG = 'http://www.w3.org/2000/svg';

/** Pixels between chip rows (a chip is about 11 px tall): row 0 sits just above the text, row 1 above it. */
const ROW_STEP = 13;

/** How long a burst of text arriving or sections resizing waits before the chips are placed again, in ms. */
const SOON_MS = 150;

/** Horizontal padding inside a chip, each side, in pixels. */
const CHIP_PAD = 3;

/** A chip's height in pixels: 9 px letters, a pixel of padding above and below. */
const CHIP_HEIGHT = 11;

/** One chip to draw: at the character at `start` (a ProseMirror position). */
export interface Chip {
  /** Stable across redraws: the span's id, or the suggestion's key. */
  key: string;
  text: string;
  color: string;
  row: number;
  start: number;
  /** Attributes for hit-testing and tests (`data-chip-for`, `data-suggestion-key`). */
  attrs: Record<string, string>;
  /** Extra classes (a suggestion's chip is a ghost). */
  className?: string;
}

/** What the layer asks its owner at each redraw. */
export interface ChipSource {
  /** The chips whose characters lie in [from, to) (positions), among those painted. */
  chips(from: number, to: number): Chip[];
  /** A chip was clicked. */
  onClick(attrs: Record<string, string>): void;
  /** True while the view flies past in a fling: redraws wait, the scroll draws when it rests (scroll-follow.ts). */
  flying?(): boolean;
}

/** Text widths of chip labels in pixels, measured once per label with the chips' font. */
class LabelWidths {
  private readonly cache = new Map<string, number>();
  private context: CanvasRenderingContext2D | null = null;

  width(text: string): number {
    let w = this.cache.get(text);
    if (w === undefined) {
      w = this.measure(text);
      this.cache.set(text, w);
    }
    return w;
  }

  private measure(text: string): number {
    if (!this.context) {
      this.context = document.createElement('canvas').getContext('2d');
      if (this.context) {
        const family = getComputedStyle(document.documentElement).getPropertyValue('--ui-font').trim() || 'sans-serif';
        this.context.font = `700 9px ${family}`;
        // styles.css: letter-spacing 0.03em of 9 px.
        this.context.letterSpacing = '0.27px';
      }
    }
    return this.context ? Math.ceil(this.context.measureText(text).width) : text.length * 6;
  }
}

/** A chip as drawn: where in its section's group, and its element (null until written). */
interface Drawn {
  chip: Chip;
  x: number;
  y: number;
  el: SVGGElement | null;
  /** The draw that last wanted it (older: removed at the end of the draw). */
  stamp: number;
}

/** True when two chips of one key look the same and sit on the same character. */
function sameChip(a: Chip, b: Chip): boolean {
  return a.start === b.start && a.row === b.row && a.text === b.text && a.color === b.color && a.className === b.className;
}

/** A function from a position in [from, to] to the index of the section (the document's child) holding it. */
function sectionFinder(doc: ProseMirrorNode, from: number, to: number): (pos: number) => number {
  const first = doc.childAfter(Math.min(from, doc.content.size));
  const starts: number[] = [];
  for (let i = first.index, pos = first.offset; i < doc.childCount && pos <= to; pos += doc.child(i).nodeSize, i++) starts.push(pos);
  return (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return first.index + lo;
  };
}

/**
 * The chips of one section of the text, in a group placed at the section's corner: chips are kept in the section's
 * coordinates, so a section above that changes height moves groups (one attribute each), not chips.
 */
interface SectionGroup {
  g: SVGGElement;
  x: number;
  y: number;
  chips: Map<string, Drawn>;
}

/** The chip layer of one editor; `schedule()` after anything that can change the chips or move the text. */
export class ChipLayer {
  private readonly root: HTMLDivElement;
  private readonly svg: SVGSVGElement;
  private readonly groups = new Map<Element, SectionGroup>();
  private readonly widths = new LabelWidths();
  private readonly redraw: FrameRedraw;
  private draws = 0;
  private soon: ReturnType<typeof setTimeout> | null = null;
  /** The text's width and line height the chips were placed for: a change of either moves every chip in its section. */
  private textWidth = -1;
  private lineHeight = 0;

  constructor(
    private readonly view: EditorView,
    private readonly scroller: HTMLElement,
    private readonly source: ChipSource,
  ) {
    this.root = document.createElement('div');
    this.root.className = 'chip-layer';
    this.root.setAttribute('aria-hidden', 'true');
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'chip-svg');
    this.root.appendChild(this.svg);
    // A press on a chip keeps the text's selection and focus; its click names the span (or the suggestion).
    this.svg.addEventListener('mousedown', (e) => {
      if ((e.target as Element).closest('.span-chip')) e.preventDefault();
    });
    this.svg.addEventListener('click', (e) => {
      const chip = (e.target as Element).closest('.span-chip');
      if (!chip) return;
      const attrs: Record<string, string> = {};
      for (const a of chip.attributes) if (a.name.startsWith('data-')) attrs[a.name] = a.value;
      this.source.onClick(attrs);
    });
    scroller.appendChild(this.root);
    // Text that changes height (a section laid out for the first time) moves the sections below; a new width rewraps lines.
    this.redraw = new FrameRedraw(view.dom, () => {
      if (!this.source.flying?.()) this.draw();
    });
  }

  /** Redraws at the next frame (several calls in one frame draw once). */
  schedule(): void {
    this.redraw.schedule();
  }

  /**
   * Redraws a little later, once: for changes that seldom move a chip on screen and come in bursts (a long text arriving
   * at its end). A scroll redraws in its own frame anyway.
   */
  scheduleSoon(): void {
    if (this.soon !== null) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.schedule();
    }, SOON_MS);
  }

  /** Redraws now, for the visible positions `visible` when the caller has just measured them (a frame callback after a scroll). */
  drawNow(visible?: { top: number; bottom: number }): void {
    this.redraw.cancelPending();
    this.draw(visible);
  }

  destroy(): void {
    this.redraw.stop();
    if (this.soon !== null) clearTimeout(this.soon);
    this.root.remove();
  }

  private draw(visible = visibleRange(this.view, this.scroller)): void {
    const { top, bottom } = visible;
    // Half a screen beyond each edge: a scroll of a few lines finds its chips drawn.
    const margin = Math.max(200, (bottom - top) >> 1);
    const chips = this.source.chips(Math.max(0, top - margin), bottom + margin);
    const width = this.view.dom.clientWidth;
    if (width !== this.textWidth) {
      // Lines wrap elsewhere: every chip is placed again.
      this.textWidth = width;
      this.lineHeight = parseFloat(getComputedStyle(this.view.dom).lineHeight) || 0;
      for (const group of this.groups.values()) group.g.remove();
      this.groups.clear();
    }
    // All reads first, then all writes: a write between two reads would make the browser lay the page out again.
    const origin = this.root.getBoundingClientRect();
    const sectionOf = sectionFinder(this.view.state.doc, Math.max(0, top - margin), bottom + margin);
    const sections = new Map<Element, { x: number; y: number; chips: Chip[] }>();
    for (const chip of chips) {
      const section = this.view.dom.children[sectionOf(chip.start)];
      if (!section) continue;
      let entry = sections.get(section);
      if (!entry) {
        const box = section.getBoundingClientRect();
        entry = { x: box.left - origin.left, y: box.top - origin.top, chips: [] };
        sections.set(section, entry);
      }
      entry.chips.push(chip);
    }
    const placed: { group: Element; drawn: Drawn }[] = [];
    for (const [section, entry] of sections) {
      const known = this.groups.get(section)?.chips;
      for (const chip of entry.chips) {
        const old = known?.get(chip.key);
        // Text never moves within its section (labels take no room): a chip drawn before is where it was.
        if (old && sameChip(old.chip, chip)) {
          placed.push({ group: section, drawn: old });
          continue;
        }
        let at: { left: number; top: number; bottom: number };
        try {
          at = this.view.coordsAtPos(chip.start, 1);
        } catch {
          continue;
        }
        // The chip rows are in the line's leading above the text: the line box's top is half the leading above the glyphs.
        const lineTop = at.top - Math.max(0, this.lineHeight - (at.bottom - at.top)) / 2;
        const x = Math.round((at.left - origin.left - entry.x - 1) * 2) / 2;
        const y = Math.round((lineTop - origin.top - entry.y + 1 - chip.row * ROW_STEP) * 2) / 2;
        placed.push({ group: section, drawn: { chip, x, y, el: null, stamp: 0 } });
      }
    }
    const stamp = ++this.draws;
    for (const { group: section, drawn } of placed) {
      const entry = sections.get(section)!;
      let group = this.groups.get(section);
      if (!group) {
        const g = document.createElementNS(SVG, 'g');
        this.svg.appendChild(g);
        group = { g, x: NaN, y: NaN, chips: new Map() };
        this.groups.set(section, group);
      }
      if (group.x !== entry.x || group.y !== entry.y) {
        group.x = entry.x;
        group.y = entry.y;
        group.g.setAttribute('transform', `translate(${entry.x} ${entry.y})`);
      }
      drawn.stamp = stamp;
      if (drawn.el) continue;
      drawn.el = this.chipElement(drawn.chip, drawn.x, drawn.y);
      const old = group.chips.get(drawn.chip.key);
      if (old?.el) old.el.replaceWith(drawn.el);
      else group.g.appendChild(drawn.el);
      group.chips.set(drawn.chip.key, drawn);
    }
    for (const [section, group] of this.groups) {
      if (!sections.has(section) || !section.isConnected) {
        group.g.remove();
        this.groups.delete(section);
        continue;
      }
      for (const [key, d] of group.chips) {
        if (d.stamp === stamp) continue;
        d.el?.remove();
        group.chips.delete(key);
      }
    }
  }

  private chipElement(chip: Chip, x: number, y: number): SVGGElement {
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('class', chip.className ? `span-chip ${chip.className}` : 'span-chip');
    for (const [k, v] of Object.entries(chip.attrs)) g.setAttribute(k, v);
    g.setAttribute('transform', `translate(${x} ${y})`);
    g.style.setProperty('--c', chip.color);
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('width', String(this.widths.width(chip.text) + 2 * CHIP_PAD));
    rect.setAttribute('height', String(CHIP_HEIGHT));
    rect.setAttribute('rx', '3');
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', String(CHIP_PAD));
    text.setAttribute('y', '9');
    text.textContent = chip.text;
    g.append(rect, text);
    return g;
  }
}
