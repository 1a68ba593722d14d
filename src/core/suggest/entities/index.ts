// Entity suggestions before the first label: NLP proposals (English: compromise; Chinese: the segmenter and kind words) merged with the corpus lexicon.

import { OffsetMap } from '../../model/offsets';
import type { Utf16 } from '../../model/types';
import type { Dictionary } from '../dictionary';
import { makeSuggestion, type Suggestion } from '../suggestions';
import { chineseEntities } from './chinese';
import { englishEntities, type EntityProposal } from './english';


/** The entity labels proposed. */
export const ENTITY_LABELS = ['PERSON', 'ORG', 'LOC', 'PRODUCT'] as const;

/** Options of {@link suggestEntities}. */
export interface EntityOptions {
  /** The corpus lexicon: its hits come first and carry the annotator's `canonical`; NLP proposals overlapping them are dropped. */
  dictionary?: Dictionary;
  /** Only these labels (default: PERSON, ORG, LOC, PRODUCT). */
  labels?: ReadonlySet<string>;
  map?: OffsetMap;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/**
 * PERSON, ORG, LOC and PRODUCT suggestions for a text: lexicon hits (source `lexicon`,
 * with the annotator's `canonical`), then NLP proposals (source `nlp`) that do not overlap
 * a lexicon hit. English rules run on text with Latin letters, Chinese ones on text with
 * Han characters; a mixed text gets both. Sorted by start.
 */
export function suggestEntities(text: string, options: EntityOptions = {}): Suggestion[] {
  const labels = options.labels ?? new Set<string>(ENTITY_LABELS);
  const map = options.map ?? new OffsetMap(text);
  const lexicon = (options.dictionary?.find(text, { map }) ?? []).filter((s) => labels.has(s.label));
  const proposals: EntityProposal[] = [...(LATIN.test(text) ? englishEntities(text) : []), ...(HAN.test(text) ? chineseEntities(text) : [])];
  const out: Suggestion[] = [...lexicon];
  for (const p of proposals) {
    if (!labels.has(p.label)) continue;
    const start = map.toCodePoint(p.start as Utf16);
    const end = map.toCodePoint(p.end as Utf16);
    if (lexicon.some((l) => l.start < end && start < l.end)) continue;
    out.push(makeSuggestion('entity', p.label, start, end, {}, p.score));
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
