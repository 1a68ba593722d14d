// A per-document index of spans that answers range, position and neighbour questions by binary search, not by scanning.

/** What the index needs of an entry: an id and a half-open range [start, end) in any one unit. */
export interface IndexedInterval {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The spans of one open document, sorted by (start, longer first, id), with a map by id
 * and a count of lengths.
 *
 * "Spans meeting [from, to)" is a binary search for the first span that can reach `from`
 * (one starting at most the longest span's length before it) and a walk to the first
 * span starting at or after `to`: O(log n + k), where k is the spans starting in that
 * stretch. Spans in news annotation are at most a few sentences long, so the stretch is
 * short; an interval tree would bound the one-huge-span case too, at the cost of
 * rebalancing on every insert, and the arrays stay fast to copy and to walk in order.
 *
 * Inserts and deletes are a binary search and one `splice` (a memmove: a few
 * microseconds at 20,000 spans). The index is mutable: its owner (the editor's plugin
 * state, the session) is the only writer, and nobody keeps an old version.
 */
/** Changes of at most this many items are made one by one; more, in one pass over the index. */
const BULK_CHANGE = 64;

export class SpanIndex<T extends IndexedInterval> {
  private readonly sorted: T[] = [];
  private readonly byId = new Map<string, T>();
  /** How many spans have each length: the longest length bounds every range search. */
  private readonly lengths = new Map<number, number>();
  private longest = 0;

  constructor(items: Iterable<T> = []) {
    for (const s of items) {
      const old = this.byId.get(s.id);
      if (old) this.forgetLength(old);
      this.byId.set(s.id, s);
      this.countLength(s);
    }
    for (const s of this.byId.values()) this.sorted.push(s);
    // Callers mostly hand spans over in document order already: check in one pass before sorting.
    let ordered = true;
    for (let i = 1; i < this.sorted.length && ordered; i++) ordered = compare(this.sorted[i - 1]!, this.sorted[i]!) < 0;
    if (!ordered) this.sorted.sort(compare);
  }

  /** Number of spans. */
  get size(): number {
    return this.sorted.length;
  }

  /** The span with this id. */
  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Every span in order (start, longer first, id); the array is the index's own: do not change it. */
  all(): readonly T[] {
    return this.sorted;
  }

  /** Inserts a span, or replaces the span with the same id. */
  set(item: T): void {
    if (this.byId.has(item.id)) this.delete(item.id);
    this.byId.set(item.id, item);
    this.countLength(item);
    this.sorted.splice(this.lowerBound(item), 0, item);
  }

  /** Removes the span with this id; false when there was none. */
  delete(id: string): boolean {
    const old = this.byId.get(id);
    if (!old) return false;
    this.byId.delete(id);
    this.forgetLength(old);
    const i = this.lowerBound(old);
    // lowerBound finds the first entry not before `old`; the order is total (id last), so that is `old` itself.
    if (this.sorted[i] !== old) throw new Error(`span index out of order at ${id}`);
    this.sorted.splice(i, 1);
    return true;
  }

  /**
   * Removes the spans of `remove` (ids), then sets each of `add` (inserted, or replacing its id's span).
   * One at a time for a few; for many, one pass that filters and merges (each `delete` and `set`
   * moves the array's tail: thousands of them in a 24,000-item index took a quarter of a second).
   */
  change(remove: Iterable<string>, add: readonly T[]): void {
    const gone = new Set(remove);
    if (gone.size + add.length <= BULK_CHANGE) {
      for (const id of gone) this.delete(id);
      for (const item of add) this.set(item);
      return;
    }
    for (const item of add) gone.add(item.id);
    let kept = 0;
    for (const s of this.sorted) {
      if (gone.has(s.id)) {
        if (this.byId.get(s.id) === s) this.byId.delete(s.id);
        this.forgetLength(s);
      } else this.sorted[kept++] = s;
    }
    this.sorted.length = kept;
    const incoming = new Map<string, T>();
    for (const item of add) incoming.set(item.id, item);
    const fresh = [...incoming.values()].sort(compare);
    for (const item of fresh) {
      this.byId.set(item.id, item);
      this.countLength(item);
    }
    // Merge two sorted runs, from the back, in place.
    let i = kept - 1;
    let j = fresh.length - 1;
    this.sorted.length = kept + fresh.length;
    for (let k = this.sorted.length - 1; j >= 0; k--) {
      if (i >= 0 && compare(this.sorted[i]!, fresh[j]!) > 0) this.sorted[k] = this.sorted[i--]!;
      else this.sorted[k] = fresh[j--]!;
    }
  }

  /**
   * Spans that meet [from, to): start < to and end > from. An empty range (from === to)
   * finds the spans around that point, start <= from <= end, and empty spans there.
   */
  inRange(from: number, to: number): T[] {
    const out: T[] = [];
    const point = from === to;
    let i = this.firstStartingAtOrAfter(from - this.longest);
    for (; i < this.sorted.length; i++) {
      const s = this.sorted[i]!;
      if (point ? s.start > from : s.start >= to) break;
      if (point ? s.end >= from : s.end > from || (s.start === s.end && s.start >= from)) out.push(s);
    }
    return out;
  }

  /** Spans covering the character at `pos` (start <= pos < end), innermost first (see {@link innermostFirst}): what a click means. */
  at(pos: number): T[] {
    return this.inRange(pos, pos + 1).sort(innermostFirst());
  }

  /** The first span starting after `pos` (ties: the longer first). */
  next(pos: number): T | undefined {
    return this.sorted[this.firstStartingAtOrAfter(pos + 1)];
  }

  /** The last span starting before `pos`. */
  previous(pos: number): T | undefined {
    const i = this.firstStartingAtOrAfter(pos) - 1;
    return i >= 0 ? this.sorted[i] : undefined;
  }

  /** Index of the first span with start >= pos. */
  private firstStartingAtOrAfter(pos: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first entry not ordered before `item`. */
  private lowerBound(item: T): number {
    let lo = this.firstStartingAtOrAfter(item.start);
    let hi = this.firstStartingAtOrAfter(item.start + 1);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.sorted[mid]!, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private countLength(s: T): void {
    const len = s.end - s.start;
    this.lengths.set(len, (this.lengths.get(len) ?? 0) + 1);
    if (len > this.longest) this.longest = len;
  }

  private forgetLength(s: T): void {
    const len = s.end - s.start;
    const n = (this.lengths.get(len) ?? 0) - 1;
    if (n > 0) {
      this.lengths.set(len, n);
      return;
    }
    this.lengths.delete(len);
    // The longest went: the next longest is found among the distinct lengths (few: spans are words to sentences).
    if (len === this.longest) this.longest = this.lengths.size ? Math.max(...this.lengths.keys()) : 0;
  }
}

/** Ids in code-unit order: the last tie-break of every order here. */
function compareIds(a: IndexedInterval, b: IndexedInterval): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The index's order: start, then the longer span first (outer before inner), then id. */
function compare(a: IndexedInterval, b: IndexedInterval): number {
  return a.start - b.start || b.end - a.end || compareIds(a, b);
}

/**
 * The order of the spans under a click: the shortest first; of spans of one length (two labels on the same words),
 * `preferred` (the one drawn under the pointer) first, then by id.
 */
export function innermostFirst(preferred?: string | null): (a: IndexedInterval, b: IndexedInterval) => number {
  const rank = (s: IndexedInterval) => (s.id === preferred ? 0 : 1);
  return (a, b) => a.end - a.start - (b.end - b.start) || rank(a) - rank(b) || compareIds(a, b);
}
