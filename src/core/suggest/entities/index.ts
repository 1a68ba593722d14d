// Entity suggestions before the first label: NLP proposals (English: compromise; Chinese: the segmenter and kind words) merged with the corpus lexicon.

import { OffsetMap } from '../../model/offsets';
import type { Utf16 } from '../../model/types';
import type { Dictionary } from '../dictionary';
import { makeSuggestion, type Suggestion } from '../suggestions';
import { chineseEntities } from './chinese';
import { englishEntities } from './english';


/** The entity labels proposed. */
export const ENTITY_LABELS = ['PERSON', 'ORG', 'LOC', 'PRODUCT'] as const;

/** Options of {@link suggestEntities}. */
export interface EntityOptions {
  /** The corpus lexicon: its hits come first and carry the annotator's `canonical`; NLP proposals overlapping them are dropped. */
  dictionary?: Dictionary;
  /** Only these labels (default: PERSON, ORG, LOC, PRODUCT). */
  labels?: ReadonlySet<string>;
  map?: OffsetMap;
  /** English NLP proposals scored below are dropped (default `NLP_MIN_SCORE`). */
  minScore?: number;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/**
 * PERSON, ORG, LOC and PRODUCT suggestions for a text: lexicon hits (source `lexicon`,
 * with the annotator's `canonical`), then NLP proposals (source `nlp`) that do not overlap
 * a lexicon hit; a lexicon hit strictly inside a longer proposal of its label gives way. English rules run on text with Latin letters, Chinese ones on text with
 * Han characters; a mixed text gets both. Sorted by start.
 */
export function suggestEntities(text: string, options: EntityOptions = {}): Suggestion[] {
  const labels = options.labels ?? new Set<string>(ENTITY_LABELS);
  const map = options.map ?? new OffsetMap(text);
  const found = (options.dictionary?.find(text, { map }) ?? []).filter((s) => labels.has(s.label));
  const proposals = [...(LATIN.test(text) ? englishEntities(text, { minScore: options.minScore }) : []), ...(HAN.test(text) ? chineseEntities(text) : [])]
    .filter((p) => labels.has(p.label))
    .map((p) => ({ ...p, start: map.toCodePoint(p.start as Utf16), end: map.toCodePoint(p.end as Utf16) }));
  // A lexicon hit strictly inside a longer proposal of its label is part of a longer name (宁波 in 宁波舟山港): the name wins.
  const inside = (l: Suggestion) => proposals.some((p) => p.label === l.label && p.start <= l.start && l.end <= p.end && p.end - p.start > l.end - l.start);
  const lexicon = found.filter((l) => !inside(l));
  const out: Suggestion[] = [...lexicon];
  for (const p of proposals) {
    if (lexicon.some((l) => l.start < p.end && p.start < l.end)) continue;
    out.push(makeSuggestion('entity', p.label, p.start, p.end, {}, p.score));
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
