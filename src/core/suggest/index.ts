// The public API of the suggestion engine: figure detection, figure parsing, dictionary hits, and their merge for one document.

import type { OffsetMap } from '../model/offsets';
import type { Dictionary } from './dictionary';
import { detectFigures } from './figures';
import { suggestEntities } from './entities';
import type { SpanModel } from './learn/span-model';
import { mergeSuggestions, type SpanLike, type Suggestion } from './suggestions';

export type { Approx } from './approx';
export { Dictionary, entriesFromSpans, DEFAULT_ENTITY_LABELS, MIN_ENTRY_LENGTH, type DictionaryEntry, type FindOptions, type SpanWithQuote } from './dictionary';
export { parseFigure, stripTrailing } from './figure-parse';
export { EDITED_ATTR, PARSED_FIGURE_ATTRS, editedAttrs, figureAttrsAt, refreshFigureAttrs, setEditedAttr } from './figure-refresh';
export { ENTITY_LABELS, suggestEntities, type EntityOptions } from './entities';
export { LEARNED_LABELS, SpanModel, toTrainingDoc, type TrainOptions, type TrainingDoc } from './learn/span-model';
export { doublingSteps, learningCurve, type CurveOptions, type CurvePoint } from './learn/learning-curve';
export { detectFigures, explainFigures, type DetectFiguresOptions, type FigureAttrs, type Candidate, type RejectReason } from './figures';
export { scoreSpans, sumScores, type PRF, type Score, type ScoredSpan } from './score';
export {
  SOURCE_OF_KIND, compareSuggestions, makeSuggestion, mergeSuggestions, parseSuggestionKey, scoreOf, sourceOf, suggestionKey,
  type MergeOptions, type SpanLike, type Suggestion, type SuggestionKind, type SuggestionSource,
} from './suggestions';

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
  /** Also propose PERSON, ORG, LOC and PRODUCT from the NLP rules (default false: figures and dictionary hits only). */
  entities?: boolean;
  /** A trained model of the annotator's labels: its suggestions come last. */
  model?: SpanModel;
}

/**
 * All suggestions for one document, sorted: figures, then dictionary hits, NLP entities and
 * the model's suggestions when asked for (earlier sources win on the same range), without those
 * a real span already covers (same start, end, label) or that were rejected.
 */
export function suggestForDocument(text: string, options: DocumentSuggestOptions = {}): Suggestion[] {
  const figures = detectFigures(text, { map: options.map });
  const dictionary = options.dictionary ? options.dictionary.find(text, { spans: options.spans, map: options.map }) : [];
  const entities = options.entities ? suggestEntities(text, { map: options.map }).filter((s) => s.source === 'nlp') : [];
  const model = options.model ? options.model.predict(text, { map: options.map }) : [];
  return mergeSuggestions([figures, dictionary, entities, model], { spans: options.spans, rejected: options.rejected });
}
