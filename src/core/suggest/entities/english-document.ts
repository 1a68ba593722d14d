// What a document says about its own names: a headline's names are those its body gives, and a surname alone is the PERSON of its full mention.

import type { EntityProposal } from './english';
import { LOC_WORDS, ORG_WORDS, POLICY_OR_EVENT_WORDS } from './english-words';

/** One compromise term with UTF-16 offsets. */
export interface Term {
  text: string;
  pre: string;
  post: string;
  start: number;
  end: number;
  tags: Set<string>;
  /** The first term of its sentence. */
  first: boolean;
}

/** compromise's tags of places it knows by name (not inferred from the words around). */
const KNOWN_PLACE_TAGS = ['City', 'Country', 'Region'];
const stripPossessive = (s: string) => s.replace(/['’]s$/, '');
const isKindWord = (w: string) => ORG_WORDS.has(w) || LOC_WORDS.has(w);

/**
 * The names in a title-case headline chunk, where every word is capitalized: first the longest
 * runs the body proposed (with the body's label: "Harbour City" of "Harbour City Bets on Robots"),
 * then the first word compromise knows as a place or tags as a person, cut at its kind word ("Ningbo Port
 * Automates"), unless it is a kind word alone ("Port Volumes") or a word the document writes in
 * lowercase elsewhere ("Development").
 */
export function namesInHeadline(text: string, chunk: readonly Term[], body: readonly EntityProposal[], lowercase: ReadonlySet<string>): EntityProposal[] {
  const known = new Map<string, EntityProposal>();
  for (const p of body) if (!known.has(text.slice(p.start, p.end))) known.set(text.slice(p.start, p.end), p);
  const out: EntityProposal[] = [];
  let i = 0;
  while (i < chunk.length) {
    let match = -1;
    for (let j = chunk.length - 1; j >= i && match < 0; j--) if (known.has(stripPossessive(text.slice(chunk[i]!.start, chunk[j]!.end)))) match = j;
    if (match >= 0) {
      const name = stripPossessive(text.slice(chunk[i]!.start, chunk[match]!.end));
      const kind = chunk[match + 1];
      // A known place before a kind word is the longer name ("Ningbo Port Automates", the body naming "Ningbo").
      if (kind && isKindWord(kind.text) && !/['’]s$/.test(chunk[match]!.text)) {
        out.push({ start: chunk[i]!.start, end: chunk[i]!.start + stripPossessive(text.slice(chunk[i]!.start, kind.end)).length, label: ORG_WORDS.has(stripPossessive(kind.text)) ? 'ORG' : 'LOC', score: 0.6 });
        i = match + 2;
        continue;
      }
      out.push({ ...known.get(name)!, start: chunk[i]!.start, end: chunk[i]!.start + name.length });
      i = match + 1;
      continue;
    }
    const t = chunk[i]!;
    // "Across the Lake District": a run of words the document never writes in lowercase, ending in a place's kind word.
    const rest = chunk.slice(i);
    if (rest.length >= 2 && LOC_WORDS.has(rest[rest.length - 1]!.text) && rest.every((c) => !lowercase.has(c.text.toLowerCase()))) {
      out.push({ start: t.start, end: rest[rest.length - 1]!.end, label: 'LOC', score: 0.6 });
      break;
    }
    // In title case compromise spreads its Place tag to the words around a place ("City Bets"): only a place its lexicon knows counts.
    const tagged = KNOWN_PLACE_TAGS.some((g) => t.tags.has(g)) || t.tags.has('Person');
    if (!tagged || isKindWord(t.text) || lowercase.has(t.text.toLowerCase()) || POLICY_OR_EVENT_WORDS.has(t.text)) {
      i++;
      continue;
    }
    const kind = rest.findIndex((c) => isKindWord(c.text));
    const name = kind >= 0 ? rest.slice(0, kind + 1) : rest.slice(0, 1);
    const last = name[name.length - 1]!;
    const label = ORG_WORDS.has(last.text) ? 'ORG' : t.tags.has('Person') && kind < 0 ? 'PERSON' : 'LOC';
    const end = t.start + stripPossessive(text.slice(t.start, last.end)).length;
    out.push({ start: t.start, end, label, score: 0.6 });
    break;
  }
  return out;
}

/**
 * A one-word proposal that is the last word of a PERSON proposal of two or more words
 * elsewhere in the document ("Maria Okonkwo" … "Okonkwo said") is that person: relabelled
 * PERSON with the full mention's score. Returns the same list, changed in place.
 */
export function typeSurnames(text: string, proposals: EntityProposal[]): EntityProposal[] {
  const surnames = new Map<string, number>();
  for (const p of proposals) {
    const words = text.slice(p.start, p.end).split(/\s+/);
    if (p.label === 'PERSON' && words.length >= 2) surnames.set(words[words.length - 1]!, p.score);
  }
  for (const p of proposals) {
    const score = surnames.get(text.slice(p.start, p.end));
    if (score !== undefined && p.label !== 'PERSON') {
      p.label = 'PERSON';
      p.score = Math.max(p.score, score);
    }
  }
  return proposals;
}
