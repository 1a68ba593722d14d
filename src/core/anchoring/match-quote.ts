// Finds and scores the places where a stored quote could be in a changed text, and decides
// whether one of them is clearly the span: the search half of re-anchoring (anchor.ts holds
// the chain that calls it).
//
// After hypothesis/client's anchoring/match-quote.ts: candidates are scored by weighted
// agreement of quote, prefix, suffix and position, and nothing is returned when nothing is
// good enough. Stricter than hypothesis, because a misplaced span silently corrupts a
// training set while an orphaned one is shown to the annotator.

import search from 'approx-string-match';
import { alignQuote, codePoints, prefixDistance, quoteDistance, reversed } from './align';
import { type AnchorText, NL } from './anchor-text';
import { QUOTE_CONTEXT } from '../model/quote';
import type { TextQuote, Utf16 } from '../model/types';

// Thresholds. Chosen against bench/reanchor.ts (synthetic edits of English and Chinese news
// text with known truth), favouring orphaned over misplaced; see bench/results/reanchor.json.

/**
 * Context agreement (share of context characters that survive, after edits) that counts
 * as "strong". Random text agrees with a 32-character English context at about 0.35 (edit
 * distance finds common letters anywhere), Chinese at about 0.1; text with a tenth of its
 * characters changed agrees at about 0.9.
 */
const STRONG_CONTEXT = 0.75;

/** Lowest quote similarity (1 − edits / quote length) a placement may have: below it the span's own text is mostly gone. */
const MIN_QUOTE = 0.6;

/** Lowest overall score (see `scoreOf`) a searched-for placement may have. */
const MIN_SCORE = 0.65;

/**
 * Lead in score the best place needs over the best place that does not overlap it. Two
 * places within this margin are told apart by nothing but chance, so the span is orphaned.
 */
const MARGIN = 0.1;

/**
 * Fewest characters of evidence (quote and surviving context, as weighed by `scoreOf`) a
 * searched-for placement needs. A four-character line on its own ("2024") can be found
 * again by position, but not recognised anywhere else.
 */
const MIN_WEIGHT = 10;

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
 * Weights of the score, in characters of evidence: the quote counts its own length (up to
 * this cap) and each context its own surviving length, so a three-character quote like
 * "20%" is placed by its context and a long claim largely by itself. The cap (both contexts
 * together) keeps a long quote found without any agreeing context below MIN_SCORE unless
 * it is long and exact.
 */
const QUOTE_WEIGHT_CAP = 2 * QUOTE_CONTEXT;

/**
 * Position is a tie-breaker, as in hypothesis (2 of ~92): worth 2 characters at the expected
 * position, falling to 0 across the document. It is kept weak on purpose: the expected
 * position comes from a diff that cannot see moves, and a moved sentence's spans must be
 * found where they went.
 */
const POSITION_WEIGHT = 2;

/**
 * A context side at least this close to intact marks a place as a serious contender: if a
 * place other than the best has a side this good and at least as good as either of the
 * best's, the two are told apart by nothing that can be trusted (a sentence moved next to a
 * copy of its neighbour; a near-copy of a phrase elsewhere), so the span is orphaned.
 */
const RIVAL_SIDE = STRONG_CONTEXT;

/** A place with one context disagreeing rests on its other context and its quote; a single character cannot vouch for itself. */
const MIN_ONE_SIDED_QUOTE = 2;

/** A stored quote in the form the scoring needs. */
export interface PreparedQuote {
  exact: string;
  exactCps: number[];
  /** Prefix context, cut after its last line break; starts with NL when it reaches one or the document start. */
  left: number[];
  /** Suffix context, cut at its first line break (kept); ends with NL when it reaches one or the document end. */
  right: number[];
  /** The whole stored contexts, with a line feed standing for a document edge they reached. */
  fullLeft: number[];
  fullRight: number[];
  /** The contexts as text, for the search pattern (the document edges' stand-in left out). */
  leftText: string;
  rightText: string;
  /** Weights (see QUOTE_WEIGHT_CAP). */
  quoteWeight: number;
  prefixWeight: number;
  suffixWeight: number;
}

/** A stored quote made ready for scoring: code points, contexts cut at line breaks, weights. */
export function prepareQuote(quote: TextQuote): PreparedQuote {
  const exactCps = codePoints(quote.exact);
  const pre = codePoints(quote.prefix);
  const suf = codePoints(quote.suffix);
  // A context shorter than QUOTE_CONTEXT reached the document's edge, which counts as a line break.
  let left = pre;
  let leftEdge = false;
  const lastNl = pre.lastIndexOf(NL);
  if (lastNl >= 0) left = pre.slice(lastNl);
  else if (pre.length < QUOTE_CONTEXT) {
    left = [NL, ...pre];
    leftEdge = true;
  }
  let right = suf;
  let rightEdge = false;
  const firstNl = suf.indexOf(NL);
  if (firstNl >= 0) right = suf.slice(0, firstNl + 1);
  else if (suf.length < QUOTE_CONTEXT) {
    right = [...suf, NL];
    rightEdge = true;
  }
  return {
    exact: quote.exact, exactCps, left, right,
    fullLeft: pre.length < QUOTE_CONTEXT ? [NL, ...pre] : pre,
    fullRight: suf.length < QUOTE_CONTEXT ? [...suf, NL] : suf,
    leftText: String.fromCodePoint(...(leftEdge ? left.slice(1) : left)),
    rightText: String.fromCodePoint(...(rightEdge ? right.slice(0, -1) : right)),
    quoteWeight: Math.min(exactCps.length, QUOTE_WEIGHT_CAP), prefixWeight: left.length, suffixWeight: right.length,
  };
}

/** A scored place for a quote. */
export interface Candidate {
  start: number;
  end: number;
  /** Quote similarity: 1 − edits / quote length, at least 0 (run-aware edits, see `quoteDistance`). */
  quoteSimilarity: number;
  /** Prefix and suffix context agreement, each in [0, 1]: 1 − edits / context length. */
  prefixAgreement: number;
  suffixAgreement: number;
  /** Edits in the prefix and suffix contexts. */
  prefixEdits: number;
  suffixEdits: number;
  score: number;
  /**
   * Whether the characters next to both boundaries confirm them (see `edgeSupported`). An
   * unsupported place cannot be chosen, but still competes: it may be the better explanation.
   */
  supported: boolean;
}

/**
 * The score of a place, in [0, 1]: the weighted share of the evidence that agrees.
 *   quote:    quoteWeight = min(quote length, 64) characters, times its similarity;
 *   prefix:   prefixWeight = the stored prefix's length (to its line break), times its agreement;
 *   suffix:   suffixWeight = likewise;
 *   position: 2, times 1 − distance from the hint / text length (a tie-breaker).
 * So an edit in a context costs one character of evidence and an edit inside the quote
 * costs quoteWeight / length: less than one in a long quote, whose own text is most of the evidence.
 */
function scoreOf(pq: PreparedQuote, quoteSimilarity: number, prefixAgreement: number, suffixAgreement: number, positionAgreement: number): number {
  return (pq.quoteWeight * quoteSimilarity + pq.prefixWeight * prefixAgreement + pq.suffixWeight * suffixAgreement + POSITION_WEIGHT * positionAgreement) / (pq.quoteWeight + pq.prefixWeight + pq.suffixWeight + POSITION_WEIGHT);
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when both contexts of a place agree strongly (see STRONG_CONTEXT). */
export function isStrong(c: Candidate): boolean {
  return c.prefixAgreement >= STRONG_CONTEXT && c.suffixAgreement >= STRONG_CONTEXT;
}

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

/** Candidates with distinct boundaries (the first of each kept). */
export function dedupe(cands: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return cands.filter((c) => {
    const key = `${c.start}:${c.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The place to put the quote among `cands`, or null when no place is clearly right. The
 * best-scoring place must be supported at its boundaries, keep most of its quote
 * (MIN_QUOTE), score at least MIN_SCORE on enough evidence (MIN_WEIGHT), lead the best place
 * elsewhere by MARGIN, have no rival elsewhere with a context side as good as its best one
 * (RIVAL_SIDE), and, with one context disagreeing, be more than one character long.
 */
export function decide(pq: PreparedQuote, cands: Candidate[]): Candidate | null {
  if (pq.quoteWeight + pq.prefixWeight + pq.suffixWeight < MIN_WEIGHT) return null;
  // All places compete, including those where the quote is mostly gone: when the best
  // explanation of the context is "the quote was here and was rewritten", an intact copy
  // elsewhere is not the span.
  const ranked = [...cands].sort((x, y) => y.score - x.score);
  const best = ranked[0];
  if (!best || !best.supported || best.end <= best.start || best.quoteSimilarity < MIN_QUOTE || best.score < MIN_SCORE) return null;
  const runner = ranked.find((c) => !overlaps(c, best));
  if (runner && best.score - runner.score < MARGIN) return null;
  const bestSide = Math.max(best.prefixAgreement, best.suffixAgreement);
  if (ranked.some((c) => !overlaps(c, best) && Math.max(c.prefixAgreement, c.suffixAgreement) >= Math.max(RIVAL_SIDE, bestSide))) return null;
  if (!isStrong(best) && pq.exactCps.length < MIN_ONE_SIDED_QUOTE) return null;
  return best;
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
