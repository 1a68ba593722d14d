// A long text enters the view in slices: the opening screens first, the rest appended at the end in tasks that yield to
// input between them, so opening a 1 MB document is never one long task of building and laying out all of it.

import type { Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { appendLines } from './schema';

/** Characters in the first slice: a few screens of prose, what the first paint needs. */
export const FIRST_SLICE_CHARS = 24_000;

/**
 * Characters of each later slice, a task each. A slice costs the building of its own paragraphs only:
 * the view's sections off screen are neither laid out nor walked again (when every slice walked every
 * paragraph, slices doubled in length, and the last one, half the text, was one long task).
 */
const SLICE_CHARS = 64_000;

/** The meta that marks a transaction as text arriving (the one change to the document the view lets through). */
export const TEXT_ARRIVES = 'marginalia-text-arrives';

/** True when a transaction brings more of the text. */
export function isArrival(tr: Transaction): boolean {
  return tr.getMeta(TEXT_ARRIVES) === true;
}

/** How many of `lines` make up the first `chars` characters (at least one line). */
export function linesFor(lines: readonly string[], from: number, chars: number): number {
  let n = 0;
  let total = 0;
  for (let i = from; i < lines.length && (n === 0 || total < chars); i++, n++) total += lines[i]!.length + 1;
  return n;
}

/** Appends the lines after the first `loaded` to `view`, a slice per task, until the text is whole. */
export class TextLoader {
  private next: number;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly view: EditorView,
    private readonly lines: readonly string[],
    loaded: number,
    /** Called after each slice (the view has the new text). */
    private readonly onSlice: () => void,
  ) {
    this.next = loaded;
  }

  /** Starts appending the rest, a slice per task (call after the first paint). */
  start(): void {
    this.schedule();
  }

  /** True when every line is in the view. */
  get whole(): boolean {
    return this.next >= this.lines.length;
  }

  /** Appends, now, every slice needed for the view to hold position `pos` (all of them for Infinity). */
  ensure(pos: number): void {
    while (!this.whole && this.view.state.doc.content.size < pos) this.append(SLICE_CHARS);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.whole || this.timer) return;
    // A timer, not an idle callback: idle time never comes while the annotator scrolls, and the text must arrive.
    this.timer = setTimeout(() => {
      this.timer = null;
      this.append(SLICE_CHARS);
      this.schedule();
    });
  }

  private append(chars: number): void {
    if (this.whole) return;
    const n = linesFor(this.lines, this.next, chars);
    const slice = this.lines.slice(this.next, this.next + n);
    this.next += n;
    this.view.dispatch(appendLines(this.view.state, slice).setMeta(TEXT_ARRIVES, true).setMeta('addToHistory', false));
    this.onSlice();
  }
}
