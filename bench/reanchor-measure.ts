// The re-anchoring measurement: synthetic edits of real text with known truth, so that
// "placed right", "orphaned" and "misplaced" are counted, not guessed. bench/reanchor.ts
// runs it on the corpus; a unit test runs a small version and asserts nothing is misplaced.

import { AnchorText, anchorAll, anchorSpan, type AnchorResult, type AnchorStatus } from '../src/core/anchoring/anchor';
import { codePoints, editDistance, prefixDistance, reversed } from '../src/core/anchoring/align';
import { OffsetMap } from '../src/core/model/offsets';
import { quoteOf } from '../src/core/model/quote';
import type { CodePoint, TextQuote } from '../src/core/model/types';

/** The benchmark's seeded PRNG: the same seed gives the same edits on every machine. */
export { prng } from './lib/prng';
import { prng } from './lib/prng';
import { EDIT_KINDS, TrackedText, isChinese, type EditKind } from './lib/synthetic-edits';

export { EDIT_KINDS, TrackedText };

type Rng = () => number;

/** What a generated span stands for; the spans re-anchoring must survive are of these kinds. */
export type SpanKind = 'word' | 'figure' | 'sentence';

/** A generated span over a document. */
export interface TestSpan {
  kind: SpanKind;
  start: number;
  end: number;
  quote: TextQuote;
}


/**
 * A figure as the guidelines mean it, roughly: a number with its scale word or unit. Loose
 * on purpose: the point is many short spans that repeat ("100", "20%"), not exact figures.
 */
const FIGURE = /\d+(?:[.,]\d+)*(?:\s?(?:%|percent|trillion|billion|million|thousand|yuan|kilometers|kilograms|companies|people)|[%亿万千百元个家项台])*/gu;

/** Most word spans taken per document (a sample, evenly spread): all words would be slow and alike. */
const WORDS_PER_DOC = 150;

/**
 * Spans over `text`: a sample of words (Intl.Segmenter, so Chinese words too), every
 * figure-like match, and every sentence (trimmed). Offsets in code points.
 */
export function generateSpans(text: string, rng: Rng): TestSpan[] {
  const map = new OffsetMap(text);
  const lang = isChinese(text) ? 'zh' : 'en';
  const out: TestSpan[] = [];
  const add = (kind: SpanKind, u0: number, u1: number): void => {
    const start = map.toCodePoint(u0 as never);
    const end = map.toCodePoint(u1 as never);
    if (end > start) out.push({ kind, start, end, quote: quoteOf(text, start as CodePoint, end as CodePoint, map) });
  };
  // Segmented line by line: V8 gives every segment a copy of its input, so segmenting a
  // long text whole costs its length times its number of segments in memory.
  const lines: { at: number; text: string }[] = [];
  for (let at = 0; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    if (end > at) lines.push({ at, text: text.slice(at, end) });
    at = end + 1;
  }
  const wordSeg = new Intl.Segmenter(lang, { granularity: 'word' });
  const sentenceSeg = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const words = lines.flatMap((l) => [...wordSeg.segment(l.text)].filter((w) => w.isWordLike).map((w) => [l.at + w.index, w.segment.length] as const));
  const keep = Math.min(1, WORDS_PER_DOC / Math.max(1, words.length));
  for (const [at, len] of words) if (rng() < keep) add('word', at, at + len);
  for (const m of text.matchAll(FIGURE)) add('figure', m.index, m.index + m[0].length);
  for (const l of lines) {
    for (const s of sentenceSeg.segment(l.text)) {
      const lead = s.segment.length - s.segment.trimStart().length;
      const body = s.segment.trim();
      if ([...body].length >= 2) add('sentence', l.at + s.index + lead, l.at + s.index + lead + body.length);
    }
  }
  return out;
}

/** Counts for one edit kind. Shares in the table are of `spans`. */
export interface KindResult {
  kind: string;
  describe: string;
  spans: number;
  /** Placed exactly where the span's characters went. */
  correct: number;
  /** Not placed. */
  orphaned: number;
  /** ... of which every character of the span was deleted (orphaned is the only right answer). */
  orphanedGone: number;
  /** Placed, but not exactly where the span's characters went (or they were all deleted). */
  misplaced: number;
  /** ... of which the placement overlaps the truth (a boundary off). */
  misplacedOverlapping: number;
  /**
   * ... of which the edit itself is ambiguous: the placement explains the new text with no
   * more edits (Levenshtein over the stored quote and its contexts) than the truth does, so
   * no method that sees only the two texts could prefer the truth. "for 43" edited into
   * "fo y43" is "r" and " " substituted (the truth) or "r" deleted and "y" inserted.
   */
  misplacedAmbiguous: number;
  /** Truth undefined: the span's surviving characters no longer run in order (a move cut through it). */
  split: number;
  status: Record<AnchorStatus, number>;
  /** Per span kind: [spans, correct, orphaned, misplaced]. */
  bySpanKind: Record<SpanKind, [number, number, number, number]>;
  /** Wall time spent re-anchoring, in milliseconds. */
  ms: number;
  /**
   * Scores of the placements found by search (moved or fuzzy), in buckets of 0.05 from 0.5
   * (index 0) to 1.0: how far the right ones and the misplaced ones sit above the threshold.
   */
  scores: { correct: number[]; misplaced: number[] };
  /** A few misplacements, for explaining them. */
  examples: { doc: number; quote: string; placed: [number, number]; truth: [number, number] | null; status: AnchorStatus }[];
}

/**
 * How spans are re-anchored: `diff` with the old text at hand (anchorAll: diff-mapped
 * positions and the round trip), `quote` with only the spans' stored offsets and quotes
 * (anchorSpan per span, the old offsets as the expected position), as a client does that has
 * kept the annotations but not the text they were made on.
 */
export type MeasureMode = 'diff' | 'quote';

/** Re-anchors `spans` from `oldText` to `newText` in the given mode. */
function reanchor(mode: MeasureMode, oldText: string, oldLength: number, newText: string, spans: readonly TestSpan[]): AnchorResult[] {
  if (mode === 'diff') return anchorAll(oldText, newText, spans);
  const doc = new AnchorText(newText);
  return spans.map((s) => anchorSpan(doc, s, { position: s.start, oldLength }));
}

/** Inputs of {@link measureReanchoring}. */
export interface MeasureOptions {
  /** Default `diff`. */
  mode?: MeasureMode;
  /** Document texts (normalized). */
  docs: readonly string[];
  /** Trials per edit kind per document. */
  trials: number;
  seed: number;
  kinds?: readonly EditKind[];
}

/** Where a span's characters went: [start, end) in the new text, null if all were deleted, 'split' if out of order. */
function truthOf(span: TestSpan, newPos: Int32Array): [number, number] | null | 'split' {
  let first = -1;
  let last = -1;
  for (let i = span.start; i < span.end; i++) {
    const p = newPos[i]!;
    if (p < 0) continue;
    if (last >= 0 && p <= last) return 'split';
    if (first < 0) first = p;
    last = p;
  }
  return first < 0 ? null : [first, last + 1];
}

/**
 * Edits that turn the stored quote and its contexts into the new text around [start, end):
 * Levenshtein of the quote against the placed text, plus each context against the text
 * next to it (the context's far end free).
 */
function explanationCost(quote: TextQuote, cps: number[], start: number, end: number): number {
  const pre = codePoints(quote.prefix);
  const suf = codePoints(quote.suffix);
  // Room past a context's length for insertions inside it.
  const slack = 8;
  return editDistance(codePoints(quote.exact), cps.slice(start, end))
    + prefixDistance(reversed(pre), reversed(cps.slice(Math.max(0, start - pre.length - slack), start)))
    + prefixDistance(suf, cps.slice(end, end + suf.length + slack));
}

/** Runs every edit kind `trials` times on every document and counts where the spans went. */
export function measureReanchoring(opts: MeasureOptions): KindResult[] {
  const kinds = opts.kinds ?? EDIT_KINDS;
  const spanRng = prng(opts.seed);
  const spansByDoc = opts.docs.map((d) => generateSpans(d, spanRng));
  return kinds.map((kind, kindIndex) => {
    const r: KindResult = {
      kind: kind.name, describe: kind.describe, spans: 0, correct: 0, orphaned: 0, orphanedGone: 0,
      misplaced: 0, misplacedOverlapping: 0, misplacedAmbiguous: 0, split: 0, status: { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 },
      bySpanKind: { word: [0, 0, 0, 0], figure: [0, 0, 0, 0], sentence: [0, 0, 0, 0] }, ms: 0, examples: [],
      scores: { correct: new Array<number>(10).fill(0), misplaced: new Array<number>(10).fill(0) },
    };
    opts.docs.forEach((text, d) => {
      const donors = opts.docs.filter((_, k) => k !== d);
      const spans = spansByDoc[d]!;
      const oldLength = Array.from(text).length;
      for (let trial = 0; trial < opts.trials; trial++) {
        // One stream per (kind, doc, trial): adding a kind does not change the others' edits.
        const rng = prng(opts.seed * 7919 + kindIndex * 104729 + d * 1009 + trial);
        const tracked = new TrackedText(text);
        kind.apply(tracked, rng, donors.length ? donors : [text]);
        const newText = tracked.text;
        const newPos = tracked.newPositions(oldLength);
        const t0 = performance.now();
        const results = reanchor(opts.mode ?? 'diff', text, oldLength, newText, spans);
        r.ms += performance.now() - t0;
        spans.forEach((span, i) => {
          const res = results[i]!;
          const truth = truthOf(span, newPos);
          const per = r.bySpanKind[span.kind];
          r.spans++;
          per[0]++;
          r.status[res.status]++;
          if (truth === 'split') {
            r.split++;
            return;
          }
          if (res.status === 'orphaned') {
            r.orphaned++;
            per[2]++;
            if (truth === null) r.orphanedGone++;
            return;
          }
          // Score buckets of 0.05 from 0.5 (see KindResult.scores).
          const bucket = Math.max(0, Math.min(9, Math.floor((res.score - 0.5) / 0.05)));
          const searched = res.status === 'moved' || res.status === 'fuzzy';
          if (truth && res.start === truth[0] && res.end === truth[1]) {
            r.correct++;
            per[1]++;
            if (searched) r.scores.correct[bucket]!++;
            return;
          }
          if (searched) r.scores.misplaced[bucket]!++;
          r.misplaced++;
          per[3]++;
          if (truth && res.start < truth[1] && truth[0] < res.end) {
            r.misplacedOverlapping++;
            const cps = codePoints(newText);
            if (explanationCost(span.quote, cps, res.start, res.end) <= explanationCost(span.quote, cps, truth[0], truth[1])) r.misplacedAmbiguous++;
          }
          if (r.examples.length < 10) {
            r.examples.push({ doc: d, quote: span.quote.exact.slice(0, 60), placed: [res.start, res.end], truth, status: res.status });
          }
        });
      }
    });
    return r;
  });
}
