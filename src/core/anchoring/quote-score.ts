// Scores a place where a stored quote could be in a changed text, and decides whether one place
// is clearly the span: the judging half of re-anchoring (match-quote.ts finds the places).
//
// After hypothesis/client's anchoring/match-quote.ts: weighted agreement of quote, prefix, suffix
// and position, and nothing returned when nothing is good enough. Stricter than hypothesis,
// because a misplaced span silently corrupts a training set while an orphaned one is shown.

import { codePoints } from './align';
import { NL } from './anchor-text';
import { QUOTE_CONTEXT } from '../model/quote';
import type { TextQuote } from '../model/types';

// Thresholds. Chosen against bench/reanchor.ts (synthetic edits of English and Chinese news
// text with known truth), favouring orphaned over misplaced; see bench/results/reanchor.json.

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
export const MIN_SCORE = 0.65;

/**
 * Lead in score the best place needs over the best place that does not overlap it. Two
 * places within this margin are told apart by nothing but chance, so the span is orphaned.
 */
export const MARGIN = 0.1;

/**
 * Fewest characters of evidence (quote and surviving context, as weighed by `scoreOf`) a
 * searched-for placement needs. A four-character line on its own ("2024") can be found
 * again by position, but not recognised anywhere else.
 */
const MIN_WEIGHT = 10;

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
export function scoreOf(pq: PreparedQuote, quoteSimilarity: number, prefixAgreement: number, suffixAgreement: number, positionAgreement: number): number {
  return (pq.quoteWeight * quoteSimilarity + pq.prefixWeight * prefixAgreement + pq.suffixWeight * suffixAgreement + POSITION_WEIGHT * positionAgreement) / (pq.quoteWeight + pq.prefixWeight + pq.suffixWeight + POSITION_WEIGHT);
}

export function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when both contexts of a place agree strongly (see STRONG_CONTEXT). */
export function isStrong(c: Candidate): boolean {
  return c.prefixAgreement >= STRONG_CONTEXT && c.suffixAgreement >= STRONG_CONTEXT;
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
