// The public API of the suggestion engine: figure detection, figure parsing, dictionary hits, and their merge for one document.

import type { OffsetMap } from '../model/offsets';
import type { Dictionary } from './dictionary';
import { detectFigures } from './figures';
import { mergeSuggestions, type SpanLike, type Suggestion } from './suggestions';

export type { Approx } from './approx';
export { Dictionary, entriesFromSpans, DEFAULT_ENTITY_LABELS, MIN_ENTRY_LENGTH, type DictionaryEntry, type FindOptions, type SpanWithQuote } from './dictionary';
export { parseFigure } from './figure-parse';
export { detectFigures, explainFigures, type DetectFiguresOptions, type FigureAttrs, type Candidate, type RejectReason } from './figures';
export { scoreSpans, sumScores, type PRF, type Score, type ScoredSpan } from './score';
export { compareSuggestions, makeSuggestion, mergeSuggestions, suggestionKey, type MergeOptions, type SpanLike, type Suggestion, type SuggestionKind } from './suggestions';

/** What {@link suggestForDocument} needs besides the text. */
export interface DocumentSuggestOptions {
  /** Labelled strings of the corpus; without it only figures are suggested. */
  dictionary?: Dictionary;
  /** The document's real spans. */
  spans?: readonly SpanLike[];
  /** Keys the annotator rejected. */
  rejected?: ReadonlySet<string>;
  /** A prebuilt offset map of the text. */
  map?: OffsetMap;
}

/**
 * All suggestions for one document, sorted: figures, then dictionary hits, without those
 * a real span already covers (same start, end, label) or that were rejected.
 */
export function suggestForDocument(text: string, options: DocumentSuggestOptions = {}): Suggestion[] {
  const figures = detectFigures(text, { map: options.map });
  const dictionary = options.dictionary ? options.dictionary.find(text, { spans: options.spans, map: options.map }) : [];
  return mergeSuggestions([figures, dictionary], { spans: options.spans, rejected: options.rejected });
}
