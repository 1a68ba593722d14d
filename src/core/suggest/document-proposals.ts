// The NLP entity proposals of one document, tagged by blocks a worker can stop between, and set beside the lexicon's hits.

import type { OffsetMap } from '../model/offsets';
import type { Utf16 } from '../model/types';
import type { Dictionary } from './dictionary';
import { ENTITY_LABELS, suggestEntities } from './entities';
import { compareSuggestions, makeSuggestion, type Suggestion } from './suggestions';

/** A document is tagged for entities in blocks of about this many UTF-16 units, cut at a paragraph break, so a worker can stop between blocks. */
export const ENTITY_BLOCK = 50_000;

const ENTITY_LABEL_SET = new Set<string>(ENTITY_LABELS);

/**
 * The blocks (UTF-16 ranges) a text is tagged in: whole paragraphs, each at least {@link ENTITY_BLOCK}
 * units unless it is the last. A short text is one block, so a document's own passes (headline
 * names, surnames) see all of it; in a long one they see a block.
 */
export function entityBlocks(text: string, size = ENTITY_BLOCK): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.length;
    if (text.length - start > size) {
      const cut = text.indexOf('\n\n', start + size);
      const line = cut < 0 ? text.indexOf('\n', start + size) : cut;
      end = line < 0 ? text.length : line + 1;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** The NLP entity proposals (source `nlp`) of one block of `text`, in code points of the whole text. */
export function blockEntities(text: string, block: readonly [number, number], map: OffsetMap): Suggestion[] {
  const [from, to] = block;
  return suggestEntities(text.slice(from, to)).map((s) => {
    // suggestEntities gives code points of the block; back to UTF-16 of the block, then to code points of the text.
    const startCp = map.toCodePoint((from + utf16Length(text, from, s.start)) as Utf16);
    const endCp = map.toCodePoint((from + utf16Length(text, from, s.end)) as Utf16);
    return makeSuggestion('entity', s.label, startCp, endCp, s.attrs, s.score);
  });
}

/** The UTF-16 length of the first `codePoints` code points of `text` from `from`. */
function utf16Length(text: string, from: number, codePoints: number): number {
  let i = from;
  for (let n = 0; n < codePoints && i < text.length; n++) i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return i - from;
}

/**
 * NLP entity proposals as the document shows them next to the lexicon: those overlapping a
 * lexicon hit of an entity label are dropped (the annotator's own name wins), and those whose
 * string the lexicon knows under their label carry its `canonical` id, so accepting one gives
 * the span the id even before the lexicon's own hit replaces it. Sorted.
 */
export function entitiesBesideLexicon(nlp: readonly Suggestion[], lexiconHits: readonly Suggestion[], dictionary: Dictionary, textOf: (s: Suggestion) => string): Suggestion[] {
  const hits = lexiconHits.filter((h) => ENTITY_LABEL_SET.has(h.label)).sort(compareSuggestions);
  const out: Suggestion[] = [];
  let h = 0;
  for (const p of [...nlp].sort(compareSuggestions)) {
    while (h < hits.length && hits[h]!.end <= p.start) h++;
    // Hits are sorted by start; any that overlaps p starts before p.end among the next few (hits do not nest much).
    let overlaps = false;
    for (let k = h; k < hits.length && hits[k]!.start < p.end; k++) if (hits[k]!.end > p.start) overlaps = true;
    if (overlaps) continue;
    const canonical = dictionary.canonicalOf(textOf(p), p.label);
    out.push(canonical ? makeSuggestion('entity', p.label, p.start, p.end, { ...p.attrs, canonical }, p.score) : p);
  }
  return out;
}
