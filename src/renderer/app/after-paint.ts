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
    waiting.delete(run);
    if (frames) cancelAnimationFrame(frame);
    clearTimeout(fallback);
    work();
  };
  waiting.add(run);
  listenForLeaving();
  // Outside a browser (unit tests) there are no frames: the delay alone.
  const frames = typeof requestAnimationFrame === 'function';
  const frame = frames ? requestAnimationFrame(() => setTimeout(run)) : 0;
  const fallback = setTimeout(run, frames ? HIDDEN_PAGE_DELAY : 0);
  return () => {
    done = true;
    waiting.delete(run);
    if (frames) cancelAnimationFrame(frame);
    clearTimeout(fallback);
  };
}

/** Deferred work not yet run: a page that is left (reload, close, navigation) runs it at once, so no write waits for a frame that never comes. */
const waiting = new Set<() => void>();
let listening = false;

function listenForLeaving(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const runAll = () => {
    for (const run of [...waiting]) run();
  };
  window.addEventListener('beforeunload', runAll);
  window.addEventListener('pagehide', runAll);
}
