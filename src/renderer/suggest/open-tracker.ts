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

const rangeKey = (s: { label: string; start: number; end: number }) => `${s.label}:${s.start}:${s.end}`;

/**
 * The open proposals of one document: not covered by a span of the same label and range, not
 * rejected. Built once per list of proposals (O(proposals + spans)); each change then costs
 * O(what it touched + log proposals) plus one copy of the open list when it changed, so a
 * change on a document with 20,000 proposals does not look at all of them.
 */
export class OpenTracker<S extends Suggestion> {
  private readonly covered = new Map<string, number>();
  private readonly rangeOfSpan = new Map<string, string>();
  private readonly byRange = new Map<string, S[]>();
  private readonly openKeys = new Set<string>();
  private list: S[];
  private rejectedSeen = 0;

  constructor(
    proposals: readonly S[],
    spans: Iterable<TrackedSpan>,
    private readonly rejected: ReadonlySet<string>,
  ) {
    for (const s of spans) this.add(s);
    for (const p of proposals) {
      const k = rangeKey(p);
      (this.byRange.get(k) ?? this.byRange.set(k, []).get(k)!).push(p);
    }
    this.list = proposals.filter((p) => this.isOpen(p));
    for (const p of this.list) this.openKeys.add(p.key);
    this.rejectedSeen = rejected.size;
  }

  /** Every proposal (open or not) of this label and range. */
  proposalsAt(label: string, start: number, end: number): readonly S[] {
    return this.byRange.get(rangeKey({ label, start, end })) ?? [];
  }

  /** The open proposals, sorted; the same array until a change opens or closes one. */
  get open(): readonly S[] {
    return this.list;
  }

  private isOpen(p: S): boolean {
    return !this.rejected.has(p.key) && !this.covered.get(rangeKey(p));
  }

  private add(s: TrackedSpan): string | null {
    if (s.orphaned) return null;
    const k = rangeKey(s);
    this.rangeOfSpan.set(s.id, k);
    this.covered.set(k, (this.covered.get(k) ?? 0) + 1);
    return k;
  }

  private remove(id: string): string | null {
    const k = this.rangeOfSpan.get(id);
    if (k === undefined) return null;
    this.rangeOfSpan.delete(id);
    const n = (this.covered.get(k) ?? 1) - 1;
    if (n > 0) this.covered.set(k, n);
    else this.covered.delete(k);
    return k;
  }

  /** Spans put (added or changed) and span ids taken away, as the session's `spans` event tells them; true when the open list changed. */
  spansChanged(put: readonly TrackedSpan[], removed: readonly string[]): boolean {
    const touched = new Set<string>();
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
    return this.recheck([...touched].flatMap((k) => this.byRange.get(k) ?? []));
  }

  /** Looks at the rejections added since the last look (the session's set only grows); true when the open list changed. */
  rejectedChanged(): boolean {
    if (this.rejected.size === this.rejectedSeen) return false;
    const fresh = [...this.rejected].slice(this.rejectedSeen);
    this.rejectedSeen = this.rejected.size;
    return this.recheck(fresh.flatMap((key) => {
      const r = parseSuggestionKey(key);
      return r ? (this.byRange.get(rangeKey(r)) ?? []).filter((p) => p.key === key) : [];
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
