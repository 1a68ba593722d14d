// Finds the places where a stored quote could be in a changed text, each scored by quote-score.ts:
// the search half of re-anchoring (anchor.ts holds the chain that calls it).
//
// After hypothesis/client's anchoring/match-quote.ts: candidates are scored by weighted
// agreement of quote, prefix, suffix and position, and nothing is returned when nothing is
// good enough. Stricter than hypothesis, because a misplaced span silently corrupts a
// training set while an orphaned one is shown to the annotator.

import search from 'approx-string-match';
import { alignQuote, prefixDistance, quoteDistance, reversed } from './align';
import { type AnchorText, NL } from './anchor-text';
import type { Utf16 } from '../model/types';
import { type Candidate, dedupe, MARGIN, MIN_SCORE, type PreparedQuote, scoreOf } from './quote-score';

/** Share of a pattern's length allowed as edits in the fuzzy search (hypothesis allows half; a quarter is stricter). */
const FUZZY_ERROR_RATE = 0.25;

/**
 * Cap on edits in one fuzzy search: the search costs O(errors / 32 · n), and a quote that
 * changed by more than this many characters is better re-placed by the annotator.
 */
const MAX_FUZZY_ERRORS = 256;

/** Most exact occurrences scored per span (the nearest to the hint): beyond this a quote is too common to place by itself anyway. */
const MAX_EXACT_CANDIDATES = 500;

/** Extra characters of text read past a context's length, so that a few characters inserted inside the context are still aligned. */
const CONTEXT_SLACK = 8;

/** Extra characters around a fuzzy match (beyond its contexts and errors) given to the alignment. */
const ALIGN_RADIUS = 16;

/** Characters on each side of a boundary that must agree with the stored ones for the boundary to count as supported (see `edgeSupported`). */
const EDGE = 8;

/**
 * A boundary is supported when one side of it (up to EDGE characters of context or of
 * quote) is intact, or both together have at most this share of edits (6 of 16). Else the
 * text next to it changed too much to say where the span begins or ends.
 */
const EDGE_RATE = 0.375;

/**
 * Fuzzy search runs over overlapping chunks of this many UTF-16 units (at least): the
 * matcher reports only the lowest-cost matches of its input, so searching chunks keeps a
 * second-best place in view for the margin check instead of hiding it behind the best.
 */
const SEARCH_CHUNK = 4096;

/**
 * Whether a boundary is confirmed by the characters next to it: the stored ones outside it
 * (`outErrors` edits of `outLength`) and inside it (`inErrors` of `inLength`). Either side
 * intact, or both together at most EDGE_RATE edits.
 */
function edgeSupported(outErrors: number, outLength: number, inErrors: number, inLength: number): boolean {
  return outErrors === 0 || inErrors === 0 || outErrors + inErrors <= EDGE_RATE * (outLength + inLength);
}

/**
 * Finds and scores places for one quote in one text: exact occurrences, fuzzy matches and
 * the place around a position hint, each aligned with the quote's context and checked at
 * its boundaries. Holds no state beyond what the constructor precomputes.
 */
export class QuoteFinder {
  /** Context, quote, context: what a place is aligned against. */
  private readonly pattern: number[];
  private readonly a: number;
  private readonly b: number;
  /** Line breaks inside the quote. */
  private readonly quoteBreaks: number;
  /** Stored characters next to the boundaries (see `startSupported`); the "before" ones reversed. */
  private readonly edgeBeforeStart: number[];
  private readonly edgeAfterStart: number[];
  private readonly edgeBeforeEnd: number[];
  private readonly edgeAfterEnd: number[];

  constructor(private readonly doc: AnchorText, private readonly pq: PreparedQuote, private readonly hint: number) {
    this.pattern = [...pq.left, ...pq.exactCps, ...pq.right];
    this.a = pq.left.length;
    this.b = this.a + pq.exactCps.length;
    this.quoteBreaks = countNl(pq.exactCps, 0, pq.exactCps.length);
    // The EDGE characters on each side of each boundary, from the whole stored context (not
    // cut at line breaks: a boundary's witnesses are the characters next to it, whatever they are).
    const withSpan = [...pq.fullLeft, ...pq.exactCps, ...pq.fullRight];
    const a = pq.fullLeft.length;
    const b = a + pq.exactCps.length;
    this.edgeBeforeStart = reversed(withSpan.slice(Math.max(0, a - EDGE), a));
    this.edgeAfterStart = withSpan.slice(a, a + EDGE);
    this.edgeBeforeEnd = reversed(withSpan.slice(Math.max(0, b - EDGE), b));
    this.edgeAfterEnd = withSpan.slice(b, b + EDGE);
  }

  /** Scores the place [start, end); `exact` when the text there is known to be the quote. */
  evaluate(start: number, end: number, exact: boolean): Candidate {
    const { doc, pq } = this;
    let quoteSimilarity = 1;
    if (!exact) quoteSimilarity = Math.max(0, 1 - quoteDistance(pq.exactCps, doc.cps.subarray(start, end)) / pq.exactCps.length);
    const before = doc.window(start - pq.left.length - CONTEXT_SLACK, start).cps;
    const prefixEdits = prefixDistance(reversed(pq.left), reversed(before));
    const after = doc.window(end, end + pq.right.length + CONTEXT_SLACK).cps;
    const suffixEdits = prefixDistance(pq.right, after);
    const prefixAgreement = 1 - prefixEdits / pq.left.length;
    const suffixAgreement = 1 - suffixEdits / pq.right.length;
    const pos = 1 - Math.abs(start - this.hint) / Math.max(1, doc.length);
    return { start, end, quoteSimilarity, prefixAgreement, suffixAgreement, prefixEdits, suffixEdits, score: scoreOf(pq, quoteSimilarity, prefixAgreement, suffixAgreement, pos), supported: true };
  }

  /**
   * The best place for the quote inside text [from, to), quote and context aligned together
   * (see `alignQuote`). A place whose boundaries the characters next to them do not confirm
   * is returned all the same, unsupported.
   */
  alignIn(from: number, to: number, widened = false): Candidate | null {
    const { doc, pq } = this;
    const win = doc.window(from, to);
    const base = Math.max(0, from) - win.offset;
    const al = alignQuote(this.pattern, this.a, this.b, win.cps);
    if (!al) return null;
    const start = Math.max(0, Math.min(doc.length, base + al.start));
    const end = Math.max(start, Math.min(doc.length, base + al.end));
    // A place whose context runs off the window was aligned against half its context:
    // align again around it, with room for the whole context.
    const margin = pq.left.length + CONTEXT_SLACK;
    if (!widened && ((from > 0 && start - from < margin) || (to < doc.length && to - end < pq.right.length + CONTEXT_SLACK))) {
      return this.alignIn(start - margin - ALIGN_RADIUS, end + pq.right.length + CONTEXT_SLACK + ALIGN_RADIUS, true);
    }
    return this.place(start, end, this.startSupported(start) && this.endSupported(end));
  }

  /**
   * A searched-for place, scored. A quote with nothing left between its boundaries is kept
   * as an (ineligible) place: it says where the span was, which rules out copies elsewhere.
   */
  private place(start: number, end: number, supported: boolean): Candidate {
    // A span does not grow across a line break it did not have: text that now sits between
    // the quote and a line break of its context (a moved block, a new heading) is not its own.
    const crossesBreak = countNl(this.doc.cps, start, end) > this.quoteBreaks;
    return { ...this.evaluate(start, end, false), supported: supported && !crossesBreak };
  }

  /**
   * Whether a start boundary at `x` is confirmed: the EDGE stored characters before the span
   * against the text before `x`, and the EDGE after the span's start (quote, then suffix)
   * against the text from `x`.
   */
  private startSupported(x: number): boolean {
    const before = reversed(this.doc.window(x - 2 * EDGE, x).cps);
    const after = this.doc.window(x, x + 2 * EDGE).cps;
    return edgeSupported(
      prefixDistance(this.edgeBeforeStart, before), this.edgeBeforeStart.length,
      prefixDistance(this.edgeAfterStart, after), this.edgeAfterStart.length,
    );
  }

  /** Likewise for an end boundary at `x`: the EDGE stored characters after the span and the EDGE before its end. */
  private endSupported(x: number): boolean {
    const before = reversed(this.doc.window(x - 2 * EDGE, x).cps);
    const after = this.doc.window(x, x + 2 * EDGE).cps;
    return edgeSupported(
      prefixDistance(this.edgeAfterEnd, after), this.edgeAfterEnd.length,
      prefixDistance(this.edgeBeforeEnd, before), this.edgeBeforeEnd.length,
    );
  }

  /**
   * An exact occurrence, checked against its neighbourhood: if quote and context together
   * align better a little to the side (in "win-win", with the first "win" edited, the second
   * one's context is the first one's, shifted), that place replaces it.
   */
  confirmExact(c: Candidate): Candidate {
    if (c.prefixEdits + c.suffixEdits === 0) return c;
    const { pq } = this;
    // A better place can be no further off than the context edits it would explain.
    const r = ALIGN_RADIUS + Math.ceil(c.prefixEdits + c.suffixEdits);
    const aligned = this.alignIn(c.start - pq.left.length - r, c.end + pq.right.length + r);
    if (!aligned) return c;
    // Edits of the aligned place: its contexts', and its quote's (whole edits, as a share of its length).
    const cost = aligned.prefixEdits + aligned.suffixEdits + Math.round((1 - aligned.quoteSimilarity) * pq.exactCps.length);
    // The better explanation replaces the occurrence even when it cannot be placed itself.
    return cost < c.prefixEdits + c.suffixEdits ? aligned : c;
  }

  /** Every exact occurrence of the quote, the nearest to the hint first if there are too many. */
  exactCandidates(): Candidate[] {
    const { doc, pq } = this;
    const starts: number[] = [];
    for (let at = doc.text.indexOf(pq.exact); at !== -1; at = doc.text.indexOf(pq.exact, at + 1)) {
      starts.push(doc.map.toCodePoint(at as Utf16));
    }
    if (starts.length > MAX_EXACT_CANDIDATES) {
      starts.sort((x, y) => Math.abs(x - this.hint) - Math.abs(y - this.hint));
      starts.length = MAX_EXACT_CANDIDATES;
    }
    const L = pq.exactCps.length;
    // Only a place that could win, or come within MARGIN of a winner, is worth confirming.
    return dedupe(starts.map((st) => {
      const c = this.evaluate(st, st + L, true);
      return c.score >= MIN_SCORE - MARGIN ? this.confirmExact(c) : c;
    }));
  }

  /**
   * Candidates from the fuzzy search of the quote alone and of the quote with its context,
   * and the best alignment around the hint: where the span should be, even when too little
   * is left there for the search to find it. A place there whose quote is gone still
   * competes, and rules out a look-alike elsewhere (a deleted "innovation-driven" beside an
   * "innovation-driven" of another sentence).
   */
  fuzzyCandidates(): Candidate[] {
    const { doc, pq } = this;
    const L = pq.exactCps.length;
    const hint = Math.round(this.hint);
    const regions: [number, number][] = [[hint - this.a - ALIGN_RADIUS, hint + L + (this.pattern.length - this.b) + ALIGN_RADIUS]];
    // The matcher's start is the least reliable part of a match (it may skip edited leading
    // characters), so each region reaches back a whole pattern length (and its errors) from the end.
    const quoteErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(pq.exact.length * FUZZY_ERROR_RATE));
    for (const m of fuzzyMatches(doc.text, pq.exact, quoteErrors)) {
      const ms = doc.map.toCodePoint(m.start as Utf16);
      const me = doc.map.toCodePoint(m.end as Utf16);
      const r = ALIGN_RADIUS + m.errors;
      regions.push([Math.min(ms, me - L - m.errors) - this.a - r, Math.max(me, ms + L + m.errors) + (this.pattern.length - this.b) + r]);
    }
    const extended = pq.leftText + pq.exact + pq.rightText;
    if (extended.length > pq.exact.length) {
      const extErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(extended.length * FUZZY_ERROR_RATE));
      const n = this.pattern.length;
      for (const m of fuzzyMatches(doc.text, extended, extErrors)) {
        const ms = doc.map.toCodePoint(m.start as Utf16);
        const me = doc.map.toCodePoint(m.end as Utf16);
        const r = ALIGN_RADIUS + m.errors;
        regions.push([Math.min(ms, me - n - m.errors) - r, Math.max(me, ms + n + m.errors) + r]);
      }
    }
    // The matcher reports several ends for one place (every end with the lowest error count):
    // regions that start within ALIGN_RADIUS of each other are one place, aligned once. Places
    // further apart stay separate, so that a close second place is still seen by the margin check.
    regions.sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const r of regions) {
      const last = merged[merged.length - 1];
      if (last && r[0] - last[0] <= ALIGN_RADIUS) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    const out: Candidate[] = [];
    for (const [from, to] of merged) {
      const c = this.alignIn(from, to);
      if (c) out.push(c);
    }
    return dedupe(out);
  }
}

/** Approximate matches of `pattern` in the text, searched chunk by chunk (see SEARCH_CHUNK); UTF-16 offsets. */
function fuzzyMatches(text: string, pattern: string, maxErrors: number): { start: number; end: number; errors: number }[] {
  if (maxErrors < 1 || pattern.length === 0) return [];
  const size = Math.max(SEARCH_CHUNK, 4 * pattern.length);
  const overlap = pattern.length + maxErrors;
  const out: { start: number; end: number; errors: number }[] = [];
  for (let from = 0; ; from += size - overlap) {
    const to = Math.min(text.length, from + size);
    for (const m of search(text.slice(from, to), pattern, maxErrors)) {
      out.push({ start: m.start + from, end: m.end + from, errors: m.errors });
    }
    if (to >= text.length) break;
  }
  return out;
}

/** Line feeds in cps[start, end). */
function countNl(cps: ArrayLike<number>, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (cps[i] === NL) n++;
  return n;
}

/** True when the text at code point `at` reads `cps` exactly. */
export function sameAt(doc: AnchorText, cps: number[], at: number): boolean {
  for (let i = 0; i < cps.length; i++) if (doc.cps[at + i] !== cps[i]) return false;
  return true;
}
