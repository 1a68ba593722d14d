// Which of a document's proposals are still open, kept up to date from each change's spans instead of rescanning every proposal.

import { compareSuggestions, parseSuggestionKey, type Suggestion } from '../../core/suggest/suggestions';

/** The part of a span the tracker reads. */
export interface TrackedSpan {
  id: string;
  label: string;
  start: number;
  end: number;
  /** An orphaned span is not placed: it covers nothing. */
  orphaned?: boolean;
}

/** Label indices for numeric range keys (a few labels per schema). */
const labelIndex = new Map<string, number>();
const LABELS = 64;
const LENGTHS = 0x400000;
/**
 * A number naming a label and range, cheaper than a string for tens of thousands of them: exact
 * while start < 2^25 code points (32 MB of text) and end - start < 2^22.
 */
function rangeKey(s: { label: string; start: number; end: number }): number {
  let l = labelIndex.get(s.label);
  if (l === undefined) labelIndex.set(s.label, (l = labelIndex.size % LABELS));
  return (s.start * LENGTHS + ((s.end - s.start) % LENGTHS)) * LABELS + l;
}

/**
 * The open proposals of one document: not covered by a span of the same label and range, not
 * rejected. Built once per list of proposals (O(proposals + spans), in slices if asked); each change then costs
 * O(what it touched + log proposals) plus one copy of the open list when it changed, so a
 * change on a document with 20,000 proposals does not look at all of them.
 */
export class OpenTracker<S extends Suggestion> {
  private readonly covered = new Map<number, number>();
  private readonly rangeOfSpan = new Map<string, number>();
  private readonly byRange = new Map<number, S | S[]>();
  private readonly openKeys = new Set<string>();
  private list: S[];
  private rejectedSeen = 0;
  private readonly spans: readonly TrackedSpan[];
  private readonly proposals: readonly S[];
  private spansDone = 0;
  private proposalsDone = 0;
  /** Ids taken away by a change before the build reached them in the first list. */
  private readonly goneEarly = new Set<string>();

  /**
   * Starts tracking; the index is built by {@link build} (at once, or in slices between which
   * changes may come: they apply to what is built, and the rest is read with them).
   */
  constructor(proposals: readonly S[], spans: Iterable<TrackedSpan>, private readonly rejected: ReadonlySet<string>) {
    this.proposals = proposals;
    this.spans = [...spans];
    this.list = [];
    this.rejectedSeen = rejected.size;
  }

  /** Builds the index until `deadline` (a `performance.now()` time; default: to the end); true when done. */
  build(deadline = Infinity): boolean {
    let n = 0;
    const late = () => (++n & 255) === 0 && performance.now() > deadline;
    for (; this.spansDone < this.spans.length; this.spansDone++) {
      const s = this.spans[this.spansDone]!;
      if (!this.goneEarly.has(s.id) && !this.rangeOfSpan.has(s.id)) this.add(s);
      if (late()) {
        this.spansDone++;
        return false;
      }
    }
    for (; this.proposalsDone < this.proposals.length; this.proposalsDone++) {
      const p = this.proposals[this.proposalsDone]!;
      const k = rangeKey(p);
      const at = this.byRange.get(k);
      this.byRange.set(k, at === undefined ? p : Array.isArray(at) ? [...at, p] : [at, p]);
      if (!this.rejected.has(p.key) && !this.covered.get(k)) {
        this.list.push(p);
        this.openKeys.add(p.key);
      }
      if (late()) {
        this.proposalsDone++;
        return false;
      }
    }
    return true;
  }

  /** Whether {@link build} is done. */
  get built(): boolean {
    return this.proposalsDone >= this.proposals.length && this.spansDone >= this.spans.length;
  }

  /** Every proposal (open or not) of this label and range. */
  proposalsAt(label: string, start: number, end: number): readonly S[] {
    return this.at(rangeKey({ label, start, end })).filter((p) => p.label === label && p.start === start && p.end === end);
  }

  private at(k: number): readonly S[] {
    const v = this.byRange.get(k);
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  }

  /** The open proposals, sorted; the same array until a change opens or closes one. */
  get open(): readonly S[] {
    return this.list;
  }

  private isOpen(p: S): boolean {
    return !this.rejected.has(p.key) && !this.covered.get(rangeKey(p));
  }

  private add(s: TrackedSpan): number | null {
    if (s.orphaned) return null;
    const k = rangeKey(s);
    this.rangeOfSpan.set(s.id, k);
    this.covered.set(k, (this.covered.get(k) ?? 0) + 1);
    return k;
  }

  private remove(id: string): number | null {
    const k = this.rangeOfSpan.get(id);
    if (k === undefined) {
      if (this.spansDone < this.spans.length) this.goneEarly.add(id);
      return null;
    }
    this.rangeOfSpan.delete(id);
    const n = (this.covered.get(k) ?? 1) - 1;
    if (n > 0) this.covered.set(k, n);
    else this.covered.delete(k);
    return k;
  }

  /** Spans put (added or changed) and span ids taken away, as the session's `spans` event tells them; true when the open list changed. */
  spansChanged(put: readonly TrackedSpan[], removed: readonly string[]): boolean {
    const touched = new Set<number>();
    for (const id of removed) {
      const k = this.remove(id);
      if (k) touched.add(k);
    }
    for (const s of put) {
      const old = this.remove(s.id);
      if (old) touched.add(old);
      const k = this.add(s);
      if (k) touched.add(k);
    }
    return this.recheck([...touched].flatMap((k) => this.at(k)));
  }

  /** Looks at the rejections added since the last look (the session's set only grows); true when the open list changed. */
  rejectedChanged(): boolean {
    if (this.rejected.size === this.rejectedSeen) return false;
    const fresh = [...this.rejected].slice(this.rejectedSeen);
    this.rejectedSeen = this.rejected.size;
    return this.recheck(fresh.flatMap((key) => {
      const r = parseSuggestionKey(key);
      return r ? this.at(rangeKey(r)).filter((p) => p.key === key) : [];
    }));
  }

  private recheck(candidates: readonly S[]): boolean {
    let next: S[] | null = null;
    for (const p of candidates) {
      const open = this.isOpen(p);
      if (open === this.openKeys.has(p.key)) continue;
      next ??= [...this.list];
      const at = lowerBound(next, p);
      if (open) {
        this.openKeys.add(p.key);
        next.splice(at, 0, p);
      } else {
        this.openKeys.delete(p.key);
        if (next[at]?.key === p.key) next.splice(at, 1);
      }
    }
    if (!next) return false;
    this.list = next;
    return true;
  }
}

function lowerBound<S extends Suggestion>(list: readonly S[], p: S): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareSuggestions(list[mid]!, p) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
