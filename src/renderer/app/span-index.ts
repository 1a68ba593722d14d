// The open document's spans in reading order, kept sorted by binary-search inserts and removals,
// with an id map and running counts: an action costs a search and a splice, never a sort or a
// pass over every span of a 20,000-span document.

import type { Span } from '../../core/model/types';

/** Reading order: start, end, label, then id, so that every span has one exact place. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * A mutable index of one document's spans. Owned by the document session, which replaces
 * spans through it; readers get the sorted array read-only.
 */
export class SpanIndex {
  private readonly sorted: Span[] = [];
  private readonly byId = new Map<string, Span>();
  private readonly labels = new Map<string, number>();
  private orphans = 0;
  /** Changes with every put and delete, for readers that cache what they derive. */
  revision = 0;

  constructor(spans: readonly Span[] = []) {
    for (const s of [...spans].sort(compareSpans)) {
      this.sorted.push(s);
      this.count(s, 1);
    }
  }

  /** Every span in reading order. Read-only: change spans through {@link put} and {@link delete}. */
  get all(): readonly Span[] {
    return this.sorted;
  }

  get size(): number {
    return this.sorted.length;
  }

  /** Spans waiting to be placed (orphaned after the text changed). */
  get orphanCount(): number {
    return this.orphans;
  }

  get(id: string): Span | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Spans per label, kept as spans come and go. */
  labelCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [label, n] of this.labels) if (n > 0) out[label] = n;
    return out;
  }

  /** Whether a span of this label covers exactly this range (a binary search, then the few spans starting there). */
  covers(label: string, start: number, end: number): boolean {
    for (let i = this.firstAtOrAfter(start); i < this.sorted.length; i++) {
      const s = this.sorted[i]!;
      if (s.start !== start || s.end > end) return false;
      if (s.end === end && s.label === label) return true;
    }
    return false;
  }

  /** Adds a span, or replaces the one with its id; returns the replaced one. */
  put(span: Span): Span | undefined {
    const old = this.delete(span.id);
    this.sorted.splice(this.lowerBound(span), 0, span);
    this.count(span, 1);
    return old;
  }

  /** Removes a span by id; returns it, or undefined when there was none. */
  delete(id: string): Span | undefined {
    const old = this.byId.get(id);
    if (!old) return undefined;
    const i = this.indexOf(old);
    if (i >= 0) this.sorted.splice(i, 1);
    this.count(old, -1);
    return old;
  }

  /** The position of a span in reading order, or -1. */
  indexOf(span: Span): number {
    const i = this.lowerBound(span);
    return this.sorted[i]?.id === span.id ? i : -1;
  }

  /** The first span starting at or after a code-point offset (its index; `size` when none). */
  firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The placed span `by` steps (±1) from the span `fromId` in reading order, wrapping
   * around; from none, the first (forward) or last (back). Orphans are skipped.
   */
  step(fromId: string | null, by: 1 | -1): Span | undefined {
    const n = this.sorted.length;
    if (!n) return undefined;
    const from = fromId ? this.byId.get(fromId) : undefined;
    let i = from ? this.indexOf(from) : by > 0 ? -1 : n;
    for (let k = 0; k < n; k++) {
      i = (i + by + n) % n;
      const s = this.sorted[i]!;
      if (!s.orphaned) return s;
    }
    return undefined;
  }

  private lowerBound(span: Span): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareSpans(this.sorted[mid]!, span) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private count(s: Span, by: 1 | -1): void {
    this.revision++;
    if (by > 0) this.byId.set(s.id, s);
    else this.byId.delete(s.id);
    this.labels.set(s.label, (this.labels.get(s.label) ?? 0) + by);
    if (s.orphaned) this.orphans += by;
  }
}
