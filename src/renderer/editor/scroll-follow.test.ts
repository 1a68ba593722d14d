// The paint window follows a reader's scroll frame by frame, and waits out a fling: the decisions, without a browser.

import { describe, expect, it, vi } from 'vitest';
import { followScroll, JumpClock, REST_MS } from './scroll-follow';
import { JUMP_MARGIN, MOVE_STEP, nextWindow, WINDOW_MARGIN } from './viewport';

describe('JumpClock', () => {
  it('follows every frame at a reader’s pace, a page key included', () => {
    const clock = new JumpClock();
    expect(clock.frame(0, 900, 0)).toBe(true);
    for (let i = 1; i <= 20; i++) expect(clock.frame(i * 225, 900, i * 16)).toBe(true);
    // A page key moves a screen less a line: still reading.
    expect(clock.frame(4500 + 860, 900, 400)).toBe(true);
    expect(clock.flying(400)).toBe(false);
  });

  it('follows a single jump at once (find, go to a span), and waits out a run of jumps until the view rests', () => {
    const clock = new JumpClock();
    clock.frame(0, 900, 0);
    expect(clock.frame(50_000, 900, 1000)).toBe(true);
    // A fling: a screen per frame.
    expect(clock.frame(50_900, 900, 1016)).toBe(false);
    expect(clock.frame(51_800, 900, 1033)).toBe(false);
    expect(clock.flying(1033 + REST_MS - 1)).toBe(true);
    expect(clock.flying(1033 + REST_MS)).toBe(false);
    // Slowing down to less than a screen per frame: followed again in that frame.
    expect(clock.frame(52_300, 900, 1050)).toBe(true);
    // A jump long after the last one is a single jump again.
    expect(clock.frame(90_000, 900, 5000)).toBe(true);
  });
});

describe('nextWindow', () => {
  const size = 1_000_000;

  it('stays while the view is well inside, and moves to a margin each side near an edge', () => {
    const w = { from: 100_000, to: 120_000 };
    expect(nextWindow(w, 108_000, 110_000, size)).toBeNull();
    expect(nextWindow(w, 114_000, 116_000 + 2000, size)).toEqual({ from: 114_000 - WINDOW_MARGIN, to: 118_000 + WINDOW_MARGIN });
    // At the document's ends there is nothing more to paint.
    expect(nextWindow({ from: 0, to: 9000 }, 100, 2100, size)).toBeNull();
    expect(nextWindow({ from: size - 9000, to: size }, size - 2000, size, size)).toBeNull();
  });

  it('after a jump paints the screen and a little more, then grows below, then above, then stays', () => {
    let w = nextWindow({ from: 0, to: 14_000 }, 500_000, 502_000, size)!;
    expect(w).toEqual({ from: 500_000 - JUMP_MARGIN, to: 502_000 + JUMP_MARGIN });
    w = nextWindow(w, 500_000, 502_000, size)!;
    expect(w).toEqual({ from: 500_000 - JUMP_MARGIN, to: 502_000 + WINDOW_MARGIN });
    w = nextWindow(w, 500_000, 502_000, size)!;
    expect(w).toEqual({ from: 500_000 - WINDOW_MARGIN, to: 502_000 + WINDOW_MARGIN });
    expect(nextWindow(w, 500_000, 502_000, size)).toBeNull();
  });

  it('a reader’s scroll moves the window often and by little: no move adds more than MOVE_STEP and the scroll since the last', () => {
    // Scrolling down a screen at a time from the top, then back up: every move's added positions are bounded.
    let w = { from: 0, to: 30_000 };
    const added: number[] = [];
    const step = (top: number) => {
      const next = nextWindow(w, top, top + 2000, size);
      if (!next) return;
      added.push(Math.max(0, w.from - next.from) + Math.max(0, next.to - w.to));
      w = next;
    };
    for (let top = 0; top < 200_000; top += 500) step(top);
    for (let top = 200_000; top > 0; top -= 500) step(top);
    expect(added.length).toBeGreaterThan(10);
    expect(Math.max(...added)).toBeLessThanOrEqual(MOVE_STEP + 500);
  });
});

describe('followScroll', () => {
  /** A scroller that tells its scroll listeners, with the frames and timers of vitest's fake clock. */
  function fakeScroller() {
    const listeners: (() => void)[] = [];
    return {
      scrollTop: 0,
      clientHeight: 900,
      addEventListener: (_: string, fn: () => void) => listeners.push(fn),
      removeEventListener: (_: string, fn: () => void) => listeners.splice(listeners.indexOf(fn), 1),
      scrollTo(y: number) {
        this.scrollTop = y;
        for (const l of listeners) l();
      },
    };
  }

  it('follows the first jump of a fling at once and the place it stops when it rests; a window that grows is asked again', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    // Frames every 16 ms of the fake clock (Node has none).
    vi.stubGlobal('requestAnimationFrame', (fn: (now: number) => void) => setTimeout(() => fn(performance.now()), 16));
    vi.stubGlobal('cancelAnimationFrame', (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle));
    try {
      const scroller = fakeScroller();
      let moves = 0;
      const follows: number[] = [];
      const target = {
        follow: () => {
          follows.push(scroller.scrollTop);
          // The window grows a side at a time after a move: two more steps.
          if (moves > 0) moves--;
          return moves > 0;
        },
      };
      const f = followScroll(scroller as unknown as HTMLElement, target);
      vi.advanceTimersByTime(20);
      expect(follows).toEqual([0]);
      // A fling: a screen per frame for 20 frames.
      for (let i = 1; i <= 20; i++) {
        scroller.scrollTo(i * 900);
        vi.advanceTimersByTime(16);
        if (i === 1) moves = 3;
      }
      expect(follows).toEqual([0, 900]);
      expect(f.flying()).toBe(true);
      vi.advanceTimersByTime(REST_MS + 20);
      // At rest: the place it stopped, then the window's further steps in tasks of their own.
      expect(follows.slice(0, 3)).toEqual([0, 900, 18_000]);
      expect(follows.length).toBeGreaterThan(3);
      expect(f.flying()).toBe(false);
      const before = follows.length;
      f.stop();
      scroller.scrollTo(0);
      vi.advanceTimersByTime(500);
      expect(follows.length).toBe(before);
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });
});
