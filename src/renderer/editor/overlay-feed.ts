// Large changes of an overlay layer reach the view in slices, one per task: when the model's thousands of suggestions
// are replaced at once, no single task pays for all of them (one took 80–120 ms in the middle of a scroll).

/** A change of a layer's ranges by key: `remove` first, then `add` (which replaces a range of the same key). */
export interface FeedPatch<A> {
  add: A[];
  remove: string[];
}

/** Items of a patch handed to the view in one task. */
export const FEED_SLICE = 300;

/** Queues of patch slices per layer, pumped one slice per layer per task, in order. */
export class OverlayFeed<L, A> {
  private readonly pending = new Map<L, FeedPatch<A>[]>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly apply: (layer: L, patch: FeedPatch<A>) => void) {}

  /** Applies a small patch at once when nothing waits before it; a large one (or any behind a queue) goes in slices. */
  patch(layer: L, patch: FeedPatch<A>): void {
    const queue = this.pending.get(layer) ?? [];
    if (!queue.length && patch.add.length + patch.remove.length <= FEED_SLICE) {
      this.apply(layer, patch);
      return;
    }
    for (let i = 0; i < patch.remove.length; i += FEED_SLICE) queue.push({ add: [], remove: patch.remove.slice(i, i + FEED_SLICE) });
    for (let i = 0; i < patch.add.length; i += FEED_SLICE) queue.push({ add: patch.add.slice(i, i + FEED_SLICE), remove: [] });
    this.pending.set(layer, queue);
    this.schedule();
  }

  /** Forgets the slices still waiting for a layer: a whole new list replaces what they would have done. */
  drop(layer: L): void {
    this.pending.delete(layer);
  }

  /** True while slices of some layer wait. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Stops pumping and forgets everything (the view is going away). */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer === null) this.timer = setTimeout(() => this.pump());
  }

  private pump(): void {
    this.timer = null;
    for (const [layer, queue] of this.pending) {
      const next = queue.shift();
      if (!queue.length) this.pending.delete(layer);
      if (next) this.apply(layer, next);
    }
    if (this.pending.size) this.schedule();
  }
}
