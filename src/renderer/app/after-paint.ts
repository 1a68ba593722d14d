// Work that must not hold up the frame showing an action: run after the next paint, and lists
// of work cut into slices that yield to input between them.

/** Longest a hidden page (no frames) waits before deferred work runs anyway, in ms. */
const HIDDEN_PAGE_DELAY = 100;

/** Runs `work` once, after the next frame has been painted (or after a short delay in a hidden page, which paints none). */
export function afterPaint(work: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    if (frames) cancelAnimationFrame(frame);
    clearTimeout(fallback);
    work();
  };
  // Outside a browser (unit tests) there are no frames: the delay alone.
  const frames = typeof requestAnimationFrame === 'function';
  const frame = frames ? requestAnimationFrame(() => setTimeout(run)) : 0;
  const fallback = setTimeout(run, frames ? HIDDEN_PAGE_DELAY : 0);
  return () => {
    done = true;
    if (frames) cancelAnimationFrame(frame);
    clearTimeout(fallback);
  };
}
