// Redraws of a layer drawn over the text (outline and arcs, label chips): at most one per frame, and one more whenever
// the text's box changes size (lines rewrap, sections are laid out for the first time).

/** Schedules a layer's redraws. */
export class FrameRedraw {
  private frame = 0;
  private readonly resize: ResizeObserver;

  constructor(
    watched: Element,
    private readonly draw: () => void,
  ) {
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(watched);
  }

  /** Redraws at the next frame (several calls in one frame draw once). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Forgets a redraw scheduled for the next frame (the owner draws now instead). */
  cancelPending(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Stops watching and forgets any scheduled redraw. */
  stop(): void {
    this.cancelPending();
    this.resize.disconnect();
  }
}
