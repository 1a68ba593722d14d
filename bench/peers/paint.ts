// Frame timing in the page, shared by the probe and the peers' pages: "painted" means the frame that
// shows a change has been produced, which is what an annotator waits for.

/**
 * Resolves just after the next frame has been produced: requestAnimationFrame runs before style, layout
 * and paint; a message posted from it runs once that frame's rendering work is done.
 */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(null);
    });
  });
}

/** Runs `check` once per frame until it is true; resolves with the time just after that frame was painted. */
export function paintedWhen(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const frame = () => {
      let ok = false;
      try {
        ok = check();
      } catch {
        ok = false;
      }
      if (ok) {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(null);
        return;
      }
      if (performance.now() > deadline) {
        reject(new Error(`${what}: not seen within ${timeoutMs} ms`));
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

