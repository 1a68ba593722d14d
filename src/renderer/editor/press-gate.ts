// Repaints that wait while the pointer is pressed on the document: suggestions now arrive from a worker at any
// moment, and redrawing the paragraph under a drag that is selecting text made the browser drop the selection.

/** Holds work back while the main pointer button is down on a watched element; runs the latest of each kind after release. */
export class PressGate {
  private isPressed = false;
  private readonly waiting = new Map<string, () => void>();

  /** Watches presses on `el` and releases anywhere on `releases` (the window); returns the unwatch function. */
  watch(el: EventTarget, releases: EventTarget = window): () => void {
    const down = (e: Event) => {
      if ((e as PointerEvent).button === 0) this.isPressed = true;
    };
    const up = () => {
      if (!this.isPressed) return;
      this.isPressed = false;
      // After the release's own handling (ProseMirror reads the selection on mouseup).
      setTimeout(() => this.release());
    };
    el.addEventListener('pointerdown', down, true);
    releases.addEventListener('pointerup', up, true);
    releases.addEventListener('pointercancel', up, true);
    return () => {
      el.removeEventListener('pointerdown', down, true);
      releases.removeEventListener('pointerup', up, true);
      releases.removeEventListener('pointercancel', up, true);
      this.release();
    };
  }

  /** True while the main pointer button is down on the watched element. */
  get pressed(): boolean {
    return this.isPressed;
  }

  /** Runs `work` now, or at the release when the pointer is pressed; of the work waiting under one `key`, only the latest runs. */
  whenReleased(key: string, work: () => void): void {
    if (this.isPressed) this.waiting.set(key, work);
    else work();
  }

  private release(): void {
    if (this.isPressed) return;
    const work = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of work) w();
  }
}
