// The UI's use of the core's annotation aids: word snapping, sentence selection, figure attributes, suggestions.

import { snapToWords, sentenceAt, type ExtraWords } from '../../core/model/boundaries';
import { OffsetMap } from '../../core/model/offsets';
import type { CodePoint, Span } from '../../core/model/types';
import { parseFigure } from '../../core/suggest/figure-parse';
import { detectFigures } from '../../core/suggest/figures';
import type { Suggestion } from '../../core/suggest/suggestions';
import type { CorpusLexicon } from './use-corpus-lexicon';

/** A suggestion with its text, for lists. */
export type DocSuggestion = Suggestion & { text: string };

/** A possessive ending that a word segment includes but a name does not ("City's"). */
const POSSESSIVE = /^['’]s$/i;

/** Punctuation that ends a sentence: kept when the annotator selected it (a whole claim sentence). */
const SENTENCE_END = /[。！？!?.…]$/u;

/**
 * A selection widened to whole words and trimmed of white space and stray
 * punctuation; null when nothing is left. Two refinements of the word snap:
 * a possessive "'s" the selection stopped short of is not pulled in, and a
 * sentence-final stop the selection included is kept. `names` (the corpus's labelled strings,
 * `namesOf(lexicon.dictionary)`) are kept whole where the word segmenter would cut them.
 */
export function snapSelection(text: string, start: CodePoint, end: CodePoint, map: OffsetMap, names?: ExtraWords): { start: CodePoint; end: CodePoint } | null {
  const r = snapToWords(text, start, end, names ? { map, extraWords: names } : { map });
  if (r.end <= r.start) return null;
  let e: number = r.end;
  const slice = (a: number, b: number) => text.slice(map.toUtf16(a as CodePoint), map.toUtf16(b as CodePoint));
  if (e > end && POSSESSIVE.test(slice(end, e))) e = end;
  const selected = slice(start, end).trimEnd();
  if (SENTENCE_END.test(selected) && e < start + Array.from(selected).length) e = start + Array.from(selected).length;
  return { start: r.start as CodePoint, end: e as CodePoint };
}

/** The sentence around a code-point offset. */
export function sentenceRange(text: string, offset: CodePoint, map: OffsetMap): { start: CodePoint; end: CodePoint } | null {
  const r = sentenceAt(text, offset, { map });
  return r && r.end > r.start ? { start: r.start as CodePoint, end: r.end as CodePoint } : null;
}

/** value, unit and approx of a FIGURE span, parsed from its text and the words before it. */
export function figureAttrs(text: string, start: CodePoint, end: CodePoint, map = new OffsetMap(text)): Span['attrs'] {
  const s = map.toUtf16(start);
  const e = map.toUtf16(end);
  const parsed = parseFigure(text.slice(s, e), text.slice(Math.max(0, s - 40), s), text.slice(e, e + 20));
  return parsed ? { value: parsed.value, unit: parsed.unit, approx: parsed.approx } : {};
}

/**
 * The proposals of one document that the UI thread can find at once: figures and lexicon hits.
 * The workbench finds them in the proposals worker (src/renderer/suggest/proposals-client.ts),
 * with the NLP entities after; this is for a key pressed before the worker answered, on a short text.
 */
export interface DocProposals {
  figures: Suggestion[];
  dictionary: Suggestion[];
}

/** Finds the figure and dictionary proposals of a text on the calling thread. */
export function proposalsOf(text: string, lexicon: CorpusLexicon, map: OffsetMap, spans: readonly Span[]): DocProposals {
  return { figures: detectFigures(text, { map }), dictionary: lexicon.dictionary.find(text, { map, spans }) };
}
