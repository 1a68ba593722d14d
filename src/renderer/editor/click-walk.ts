// Which span a click means: the innermost under the pointer, or, clicked again at the same place while selected, the next
// one out. Decided by place and selection only: a second click is a second click however fast it comes.

/** Remembers the last click so that clicking the same character again walks outwards through nested spans. */
export class ClickWalk {
  private last: { pos: number; id: string | null } = { pos: -1, id: null };

  /**
   * The span to select for a click at `pos` over `ids` (the spans there, shortest first), given the
   * span selected now. Clicking the same place while the last choice is still selected takes the
   * next enclosing span, and wraps from the outermost back to the innermost.
   */
  choose(pos: number, ids: readonly string[], selectedNow: string | null): string | null {
    let id: string | null = ids[0] ?? null;
    const again = this.last.pos === pos && this.last.id !== null && this.last.id === selectedNow;
    if (again && ids.length > 1 && ids.includes(this.last.id!)) id = ids[(ids.indexOf(this.last.id!) + 1) % ids.length]!;
    this.last = { pos, id };
    return id;
  }

  /** Forgets the last click (a span chosen another way: a chip, a key, the list). */
  reset(): void {
    this.last = { pos: -1, id: null };
  }
}
