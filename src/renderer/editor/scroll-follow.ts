// What a scroll makes the editor do, frame by frame. At a reader's pace (a wheel, an arrow key, a page key) the paint
// window and the label chips follow the view in the frame that shows it. In a fling (a dragged scroll bar, a touchpad
// flick: frame after frame that shows nothing of the one before) nobody reads the screens flown past, and placing their
// spans, ghosts and chips made every frame of it lay out and paint twice over: they wait until the view rests, and the
// place where it stops gets them in one step. A single jump (find, go to a span) is followed at once.

/** Quiet time after the last jump at which the view counts as resting. */
export const REST_MS = 120;

/** What the follower drives: moving the paint window and the chips to the view. */
export interface ScrollTarget {
  /**
   * Paints what is near the view now (the paint window moves if needed, then the chips are drawn). True when the window
   * moved: it may have more to do (a window grows a side at a time after a jump), so it is asked again in a task of its own.
   */
  follow(): boolean;
}

/** Pure decision of one frame: follow now, or wait for rest. Kept apart from the DOM so that it can be tested. */
export class JumpClock {
  private lastY: number | null = null;
  private lastJumpAt = -Infinity;

  /**
   * The view is at `y` (pixels scrolled) with `height` pixels visible at time `now` (ms): true when the frame should be
   * followed now, false when it is one jump in a run of jumps (a fling), to be followed when the view rests.
   */
  frame(y: number, height: number, now: number): boolean {
    const jumped = this.lastY !== null && Math.abs(y - this.lastY) >= height;
    this.lastY = y;
    if (!jumped) return true;
    const inRun = now - this.lastJumpAt < REST_MS;
    this.lastJumpAt = now;
    return !inRun;
  }

  /** True while a run of jumps is under way (the last jump was less than REST_MS ago). */
  flying(now: number): boolean {
    return now - this.lastJumpAt < REST_MS;
  }
}

/** Follows `scroller`'s scrolling for `target` (and once at the start); `stop` ends it, `flying` says whether a fling is under way. */
export function followScroll(scroller: HTMLElement, target: ScrollTarget): { stop(): void; flying(): boolean } {
  const clock = new JumpClock();
  let frame = 0;
  let rest: ReturnType<typeof setTimeout> | undefined;
  let more: ReturnType<typeof setTimeout> | undefined;
  const follow = () => {
    clearTimeout(more);
    if (!target.follow()) return;
    more = setTimeout(() => {
      if (!clock.flying(performance.now())) follow();
    });
  };
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame((now) => {
      frame = 0;
      clearTimeout(rest);
      if (clock.frame(scroller.scrollTop, scroller.clientHeight, now)) follow();
      else rest = setTimeout(follow, REST_MS);
    });
  };
  scroller.addEventListener('scroll', onScroll, { passive: true });
  onScroll();
  return {
    stop() {
      scroller.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
      clearTimeout(rest);
      clearTimeout(more);
    },
    flying: () => clock.flying(performance.now()),
  };
}
