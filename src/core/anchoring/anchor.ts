// Re-anchors spans when a document's text changes: by position when the quoted text is still
// there, else by the quote and its context, exactly and then fuzzily; orphaned when unsure.
//
// After hypothesis/client's anchoring: a fallback chain of position (checked against the
// quote), then the quote with the old position as a hint. More conservative than hypothesis
// (see match-quote.ts), and, when the old text is at hand, every place found by search must
// survive a round trip back into the old text.

import { AnchorText } from './anchor-text';
import { EditMap } from './edit-map';
import { QuoteFinder, sameAt } from './match-quote';
import { type Candidate, decide, dedupe, isStrong, prepareQuote } from './quote-score';
import { sliceCodePoints } from '../model/offsets';
import { quoteOf } from '../model/quote';
import type { CodePoint, TextQuote } from '../model/types';

export { AnchorText } from './anchor-text';

/**
 * How a span was placed:
 * - `exact`: its text is unchanged at its own position (mapped through the edit);
 * - `moved`: its text is unchanged, found elsewhere by the quote;
 * - `fuzzy`: its text changed, found by approximate match of quote and context;
 * - `orphaned`: not placed with confidence; offsets are the old ones.
 */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

/** Where a span goes in the new text. Offsets are code points, end exclusive. */
export interface AnchorResult {
  status: AnchorStatus;
  start: CodePoint;
  end: CodePoint;
  /** The quote recomputed over the new text (the old quote when orphaned). */
  quote: TextQuote;
  /** The placement's score in [0, 1] (see `scoreOf` in match-quote.ts); 0 when orphaned. */
  score: number;
}

/** What re-anchoring needs of a span. */
export interface AnchorTarget {
  start: number;
  end: number;
  quote: TextQuote;
}

/** Hints for {@link anchorSpan}, all optional. */
export interface AnchorOptions {
  /**
   * Where the span's start is expected in the new text (e.g. mapped through a diff);
   * default: its old start; null when unknown (the span was orphaned by an earlier change).
   */
  position?: number | null;
  /** Code-point length of the text the span was made on; scales the old start into a search hint when `position` is absent. */
  oldLength?: number;
  /**
   * True when `position` is known to be exact (an unchanged or same-length stretch of a
   * diff): the quote's text found there with agreeing contexts is then taken as is, without
   * looking beside it for a better alignment.
   */
  positionSure?: boolean;
  /**
   * A check of a place found by search (not of one confirmed at `position`): false orphans
   * the span. {@link anchorAll} uses it for the round trip, anchoring the place back into the
   * old text, where it must land on the span.
   */
  verify?: (placed: AnchorResult) => boolean;
}

/**
 * Places one span in a (changed) text. The chain:
 * 1. position: the quote's exact text at the expected position, with both contexts agreeing strongly;
 * 2. exact quote: every occurrence scored by context and distance from the hint;
 * 3. fuzzy: approximate matches of the quote, and of the quote with its context, scored by
 *    quote, prefix, suffix and position.
 * When none is clearly right, the span is orphaned and keeps its old offsets.
 */
export function anchorSpan(text: string | AnchorText, target: AnchorTarget, options: AnchorOptions = {}): AnchorResult {
  const doc = typeof text === 'string' ? new AnchorText(text) : text;
  const orphan: AnchorResult = {
    status: 'orphaned', start: target.start as CodePoint, end: target.end as CodePoint, quote: target.quote, score: 0,
  };
  if (target.quote.exact.length === 0) return orphan;
  const pq = prepareQuote(target.quote);
  const L = pq.exactCps.length;
  const known = options.position !== null;
  const position = Math.round(options.position ?? target.start);
  // The search hint: the expected position, else the old start scaled by the change in length.
  const hint: number = typeof options.position === 'number' ? options.position
    : options.oldLength ? (target.start * doc.length) / Math.max(1, options.oldLength) : target.start;
  const finder = new QuoteFinder(doc, pq, hint);
  const placed = (c: Candidate, status: AnchorStatus): AnchorResult => ({
    status,
    start: c.start as CodePoint,
    end: c.end as CodePoint,
    quote: quoteOf(doc.text, c.start as CodePoint, c.end as CodePoint, doc.map),
    score: c.score,
  });
  const exactStatus = (c: Candidate): AnchorStatus => (known && c.start === position ? 'exact' : 'moved');

  // 1. Position, checked against the quote and both contexts (and, unless they agree
  //    perfectly, against a better alignment just beside it).
  if (known && position >= 0 && position + L <= doc.length && sameAt(doc, pq.exactCps, position)) {
    const at = finder.evaluate(position, position + L, true);
    const c = options.positionSure ? at : finder.confirmExact(at);
    if (c.start === position && c.end === position + L && isStrong(c)) return placed(c, 'exact');
  }

  // A place found by search must pass the caller's check (the round trip, in anchorAll).
  const checked = (c: Candidate, status: AnchorStatus): AnchorResult => {
    const r = placed(c, status);
    return options.verify && !options.verify(r) ? orphan : r;
  };

  // 2. The exact quote anywhere, decided by context (and position, as a tie-breaker).
  const exact = finder.exactCandidates();
  const byExact = decide(pq, exact);
  if (byExact && byExact.quoteSimilarity === 1 && isStrong(byExact)) return checked(byExact, exactStatus(byExact));

  // 3. Fuzzy, with the exact occurrences still in the running.
  const best = decide(pq, dedupe([...exact, ...finder.fuzzyCandidates()]));
  if (!best) return orphan;
  const intact = best.end - best.start === L && sameAt(doc, pq.exactCps, best.start);
  return checked(best, intact ? exactStatus(best) : 'fuzzy');
}

/**
 * Re-anchors every span of a document whose text changed from `oldText` to `newText`.
 * Results are in the order of `targets`. Positions are mapped through a diff first (see
 * {@link EditMap}), so a span in an unchanged stretch is confirmed in time independent of
 * the document's length; only spans near or inside changes are searched for.
 *
 * A place found by search must survive the round trip: its new quote, anchored back into
 * the old text, must land on the span. A look-alike elsewhere (the same phrase in another
 * sentence, a title that repeats a clause) comes back to where it was in the old text, not
 * to the span, and the span is orphaned instead of moved onto it.
 */
export function anchorAll(oldText: string, newText: string, targets: readonly (AnchorTarget & { orphaned?: boolean })[]): AnchorResult[] {
  const oldDoc = new AnchorText(oldText);
  const doc = new AnchorText(newText);
  const edits = new EditMap(oldText, newText, oldDoc.map, doc.map);
  return targets.map((t) => {
    const inOld = !t.orphaned && t.end <= edits.oldLength && sliceCodePoints(oldText, t.start, t.end, oldDoc.map) === t.quote.exact;
    // A span already orphaned by an earlier change, or whose quote does not match the old
    // text, has no position to map and no place in the old text to come back to: it is
    // searched for by its quote alone (and may come back if its text does).
    if (!inOld) return anchorSpan(doc, t, { position: null, oldLength: edits.oldLength });
    const verify = (r: AnchorResult): boolean => {
      const back = anchorSpan(oldDoc, r, { position: t.start });
      return back.status !== 'orphaned' && back.start < t.end && t.start < back.end;
    };
    const { at, sure } = edits.locate(t.start);
    return anchorSpan(doc, t, { position: at, positionSure: sure, verify });
  });
}

/**
 * The spans of a document whose text changed from `oldText` to `newText`, re-anchored:
 * placed ones get new offsets and quotes and lose `orphaned`; those that cannot be placed
 * with confidence keep their old offsets and quote and get `orphaned: true`. Never drops a span.
 */
export function reanchorSpans<T extends AnchorTarget & { orphaned?: boolean }>(oldText: string, newText: string, spans: readonly T[]): T[] {
  const results = anchorAll(oldText, newText, spans);
  return spans.map((span, i) => {
    const r = results[i]!;
    if (r.status === 'orphaned') return { ...span, orphaned: true };
    const placed: T = { ...span, start: r.start, end: r.end, quote: r.quote };
    delete placed.orphaned;
    return placed;
  });
}
