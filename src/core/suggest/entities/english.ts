// English entity proposals (PERSON, ORG, LOC, PRODUCT) before the first label: compromise finds the proper-noun chunks and tags, rules name their type.
//
// compromise (MIT, pure JavaScript, offline, runs in Node and the browser) tags each term
// (ProperNoun, Person, Place, Organization, Acronym) with UTF-16 offsets. Chunks are runs
// of such terms, cut at punctuation (a legal form's stop stays: "Co., Ltd."); a chunk's type
// comes from, in order: a word that makes it a plan or an event (not proposed), a word that
// names the kind (University, Group, Port, River), compromise's own tag, a digit inside (a
// model name: "Ascend 910B"), a product word around it, a place preposition before it, else
// ORG at a low score. Then the document types its own names (./english-document): headlines
// give the names the body gives, and a surname alone is its full mention's PERSON.

import nlp from 'compromise';
import { namesInHeadline, typeSurnames, type Term } from './english-document';
import {
  APPOSITIVE_ROLES, FUNCTION_WORDS, GENERIC_ACRONYMS, JOINERS, LEGAL_ABBREVIATIONS, LOC_WORDS, ORG_CUES, ORG_WORDS, PLACE_PREPOSITIONS, POLICY_OR_EVENT_WORDS, PRODUCT_AFTER, PRODUCT_CUES, ROLE_MODIFIERS, ROLE_WORDS,
} from './english-words';

/** One entity proposal, in UTF-16 units of the text. */
export interface EntityProposal {
  start: number;
  end: number;
  label: 'PERSON' | 'ORG' | 'LOC' | 'PRODUCT';
  /** How sure the rule is, 0..1: a kind word 0.8, compromise's tag 0.7, a place preposition or a verb after it 0.45, the fallback 0.35. */
  score: number;
}

/**
 * The lowest score an English proposal needs to be offered. The fallback (a capitalized word no
 * rule types, ORG at 0.35: "Songjiang", "Loong") was right in 2 of its 14 proposals over the whole
 * evaluation set; every rule from the place preposition up (0.45) is offered.
 */
export const NLP_MIN_SCORE = 0.4;
/** The score of a capitalized word no rule types (ORG). */
const FALLBACK_SCORE = 0.35;

/** Options of {@link englishEntities}. */
export interface EnglishOptions {
  /** Proposals scored below are dropped (default {@link NLP_MIN_SCORE}). */
  minScore?: number;
}

/** Kind words that are names by themselves. */
const NAMES_AMONG_KIND_WORDS = new Set(['Xinhua', 'Reuters']);
const STRONG_TAGS = ['Person', 'Place', 'Organization'];
/** Dates are not entities: a chunk starting with a month or a weekday is skipped ("March 6", "Wednesday"). */
const DATE_TAGS = ['Month', 'WeekDay', 'Date'];
/** Punctuation after which a capitalized word starts a clause, as at a sentence start. */
const CLAUSE_BREAK = /[;:…]|\.\.\.|——/;
const SENTENCE_PUNCT = /[.!?。！？]\s*$/;
/** A line longer than this is a paragraph even without a final stop (a report cut off mid-sentence), not a headline. */
const MAX_HEADLINE = 200;

function terms(text: string): Term[] {
  const out: Term[] = [];
  const json = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: { text: string; pre: string; post: string; tags: string[]; offset: { start: number; length: number } }[] }[];
  for (const sentence of json) {
    sentence.terms.forEach((t, k) => {
      if (!t.text) return;
      // After a semicolon, a colon, an ellipsis or a dash the next word is capitalized as at a sentence start.
      const first = k === 0 || CLAUSE_BREAK.test(sentence.terms[k - 1]!.post + t.pre);
      out.push({ text: t.text, pre: t.pre, post: t.post, start: t.offset.start, end: t.offset.start + t.offset.length, tags: new Set(t.tags), first });
    });
  }
  return out;
}

const isCapitalized = (w: string) => /^[A-Z]/.test(w);
const isKindWord = (w: string) => ORG_WORDS.has(w.replace(/['’]s$/, '')) || LOC_WORDS.has(w.replace(/['’]s$/, ''));
/** A legal form whose stop is part of the name, and the next legal form after it ("Co., Ltd."). */
const legalStop = (t: Term) => LEGAL_ABBREVIATIONS.has(t.text) && /^\./.test(t.post);
/** A break between two terms: punctuation other than a hyphen or an apostrophe. */
const breaksAfter = (t: Term) => /[^\s\-'’]|\n/.test(t.post) || /['’]s$/.test(t.text);
/** Words tagged as these never start a name, even capitalized at a sentence start ("At Chaohu Lake"). */
const FUNCTION_TAGS = ['Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Adverb'];

/** Whether the line around `at` is a headline: short, with no sentence punctuation at its end. */
export function lineIsHeadline(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  return lineEnd - lineStart <= MAX_HEADLINE && !SENTENCE_PUNCT.test(text.slice(lineStart, lineEnd));
}

/** Whether a term may start or continue a name. */
function nameLike(t: Term, capitalizedElsewhere: Set<string>, next: Term | undefined): boolean {
  if (!isCapitalized(t.text) && !t.tags.has('Acronym')) return false;
  if (ROLE_WORDS.has(t.text.replace(/\.$/, ''))) return false;
  if (!t.first) return true;
  if (FUNCTION_TAGS.some((g) => t.tags.has(g)) || FUNCTION_WORDS.has(t.text.toLowerCase())) return false;
  const nextCapitalized = !!next && isCapitalized(next.text) && !next.pre.trim() && !ROLE_WORDS.has(next.text);
  // A kind word opening a sentence is a name only with a capitalized word after it ("Harbour City's port", not "Port director").
  if (isKindWord(t.text)) return nextCapitalized;
  // A sentence's first word is capitalized anyway: only a tag or a name right after makes it a name ("Huawei and SenseTime").
  if (STRONG_TAGS.some((g) => t.tags.has(g))) return true;
  if (/(?:s|ing)$/.test(t.text) || t.tags.has('Adjective')) return false;
  return t.tags.has('ProperNoun') || capitalizedElsewhere.has(t.text) || (!!next && next.text === 'and') || nextCapitalized;
}

/** Whether the capitalized run from `k` (over joiners) reaches an organisation's kind word: "Science and Technology Commission". */
function orgAhead(ts: Term[], k: number): boolean {
  for (; k < ts.length && (isCapitalized(ts[k]!.text) || JOINERS.has(ts[k]!.text)); k++) {
    if (ORG_WORDS.has(ts[k]!.text)) return true;
    if (breaksAfter(ts[k]!)) return false;
  }
  return false;
}

/**
 * The ranges of quoted titles (one level of nested quotes) that name a plan, a law, a map or an
 * event: “Shanghai Action Plan for Cultivating “Metaverse” New Tracks (2022-2025)”. Nothing inside
 * is proposed.
 */
function quotedTitles(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/“[^”“\n]*(?:“[^”“\n]*”[^”“\n]*)*”|"[^"\n]*"/g)) {
    if (m[0].split(/[\s“”"()]+/).some((w) => POLICY_OR_EVENT_WORDS.has(w))) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** The capitalized runs of the text: each a candidate name. */
function chunksOf(ts: Term[]): Term[][] {
  const capitalizedElsewhere = new Set(ts.filter((t) => !t.first && isCapitalized(t.text)).map((t) => t.text));
  const out: Term[][] = [];
  let k = 0;
  while (k < ts.length) {
    const t = ts[k]!;
    if (!nameLike(t, capitalizedElsewhere, ts[k + 1]) || /[^\s"“‘(]/.test(t.pre)) {
      k++;
      continue;
    }
    const chunk: Term[] = [t];
    let j = k + 1;
    while (j < ts.length) {
      const last = chunk[chunk.length - 1]!;
      const n = ts[j]!;
      if (breaksAfter(last)) {
        // "Chint Electric Co., Ltd.": a legal form after a legal form's stop goes on.
        if (legalStop(last) && LEGAL_ABBREVIATIONS.has(n.text) && /^\.?,?\s*$/.test(last.post)) {
          chunk.push(n);
          j++;
          continue;
        }
        break;
      }
      if (n.pre.trim()) break;
      if (nameLike({ ...n, first: false }, capitalizedElsewhere, ts[j + 1]) || (/\d/.test(n.text) && /^[A-Za-z0-9-]+$/.test(n.text))) {
        chunk.push(n);
        j++;
        continue;
      }
      // "Commission of Economy and Informatization": a joiner between two capitalized words.
      const after = ts[j + 1];
      if (JOINERS.has(n.text) && after && isCapitalized(after.text) && !breaksAfter(n) && (chunk.some((c) => ORG_WORDS.has(c.text) || POLICY_OR_EVENT_WORDS.has(c.text)) || ((n.text === 'and' || n.text === '&') && orgAhead(ts, j + 1)))) {
        chunk.push(n, after);
        j += 2;
        continue;
      }
      break;
    }
    out.push(chunk);
    k = j;
  }
  return out;
}

/**
 * A name that only the fallback typed, joined by "and" to a name a rule typed, takes that name's
 * type: "in Jiaozhou and Weifang" (at the place preposition's score). Changes `body` in place.
 */
function coordinate(ts: Term[], body: EntityProposal[]): void {
  const byStart = new Map(ts.map((t, i) => [t.start, i]));
  for (let i = 1; i < body.length; i++) {
    const p = body[i]!;
    const prev = body[i - 1]!;
    const k = byStart.get(p.start) ?? -1;
    const and = ts[k - 1];
    if (p.score >= FALLBACK_SCORE + 0.01 || !and || (and.text !== 'and' && and.text !== 'or') || ts[k - 2]?.end !== prev.end || prev.score <= FALLBACK_SCORE) continue;
    p.label = prev.label;
    p.score = 0.45;
  }
}

/** Entity proposals for English text, in text order. */
export function englishEntities(text: string, options: EnglishOptions = {}): EntityProposal[] {
  const ts = terms(text);
  const body: EntityProposal[] = [];
  const headlines: Term[][] = [];
  const titles = quotedTitles(text);
  for (const chunk of chunksOf(ts)) {
    if (titles.some(([a, b]) => a <= chunk[0]!.start && chunk[0]!.start < b)) continue;
    if (lineIsHeadline(text, chunk[0]!.start)) {
      headlines.push(chunk);
      continue;
    }
    const proposal = classify(ts, chunk, ts.indexOf(chunk[0]!));
    if (!proposal) continue;
    // A possessive is not part of the name: "China's" → "China"; a legal form's stop is ("Ltd.").
    if (/['’]s$/.test(text.slice(proposal.start, proposal.end))) proposal.end -= 2;
    else if (legalStop(chunk[chunk.length - 1]!)) proposal.end += 1;
    body.push(proposal);
  }
  coordinate(ts, body);
  const lowercase = new Set(ts.filter((t) => /^[a-z]/.test(t.text)).map((t) => t.text));
  const all = [...body, ...headlines.flatMap((chunk) => namesInHeadline(text, chunk, body, lowercase))].sort((a, b) => a.start - b.start);
  const minScore = options.minScore ?? NLP_MIN_SCORE;
  return typeSurnames(text, all).filter((p) => p.score >= minScore);
}

/** A name of two or three words followed by a comma and a role within five words ("Ye Bin, Assistant to the President"). */
function appositiveRole(ts: Term[], chunk: Term[], index: number): boolean {
  if (chunk.length < 2 || chunk.length > 3 || !/^,\s*$/.test(chunk[chunk.length - 1]!.post)) return false;
  // Up to four lowercase words before the role ("Sun Lihua, the group's sales director").
  for (let k = index + chunk.length; k < Math.min(ts.length, index + chunk.length + 5); k++) {
    const w = ts[k]!.text;
    if (APPOSITIVE_ROLES.has(w.toLowerCase())) return true;
    if (!/^[a-z]/.test(w) && !ROLE_MODIFIERS.has(w.toLowerCase())) return false;
    if (/[.,;:!?]/.test(ts[k]!.post)) return false;
  }
  return false;
}

/** A quoted name that a product noun follows within four words (the "Sinan" open source evaluation system). */
function quotedProduct(ts: Term[], chunk: Term[], index: number): boolean {
  if (!/["“‘']/.test(chunk[0]!.pre) || !/^["”’']/.test(chunk[chunk.length - 1]!.post)) return false;
  for (let k = index + chunk.length; k < Math.min(ts.length, index + chunk.length + 4); k++) {
    if (PRODUCT_AFTER.has(ts[k]!.text.toLowerCase())) return true;
    if (/[.,;:!?]/.test(ts[k]!.post)) return false;
  }
  return false;
}

/** A name that is the subject of the verb right after it, alone or with one more name ("Midea ships", "Huawei and SenseTime have"). */
function subjectOfVerb(ts: Term[], chunk: Term[], index: number): boolean {
  if (/\S/.test(chunk[chunk.length - 1]!.post)) return false;
  let k = index + chunk.length;
  if (ts[k]?.text === 'and' && /^[A-Z]/.test(ts[k + 1]?.text ?? '') && !/\S/.test(ts[k + 1]!.post)) k += 2;
  const verb = ts[k];
  return !!verb && verb.tags.has('Verb') && !verb.tags.has('Gerund') && !verb.tags.has('Adjective');
}

function classify(ts: Term[], chunk: Term[], index: number): EntityProposal | null {
  if (DATE_TAGS.some((g) => chunk[0]!.tags.has(g))) return null;
  if (chunk.length === 1 && (GENERIC_ACRONYMS.has(chunk[0]!.text) || chunk[0]!.text.length < 2 || APPOSITIVE_ROLES.has(chunk[0]!.text.toLowerCase()))) return null;
  // A kind word alone is a common noun written with a capital ("Bureau head Chen Rui"), except the agencies named by one word.
  if (chunk.length === 1 && isKindWord(chunk[0]!.text) && !NAMES_AMONG_KIND_WORDS.has(chunk[0]!.text)) return null;
  // A unit after a number ("8,000 P", "130,000 TEUs").
  if (chunk.length === 1 && !chunk[0]!.pre && ts[index - 1]?.tags.has('Value') && /^ ?$/.test(ts[index - 1]!.post)) return null;
  // A plan, a law or an event named as such ("Development Plan 2030", "Lantern Festival") is not a place or a body.
  // The last kind word decides: "Harbour Festival Committee" is an organisation, "Action Plan for High-Quality Development" a plan.
  const kinds = chunk.filter((c) => POLICY_OR_EVENT_WORDS.has(c.text) || isKindWord(c.text));
  if (kinds.length && POLICY_OR_EVENT_WORDS.has(kinds[kinds.length - 1]!.text)) return null;
  const end = chunk[chunk.length - 1]!.end;
  const span = (label: EntityProposal['label'], score: number): EntityProposal => ({ start: chunk[0]!.start, end, label, score });
  let lastKind = -1;
  for (let i = chunk.length - 1; i >= 0; i--) if (isKindWord(chunk[i]!.text)) { lastKind = i; break; }
  if (lastKind >= 0) return span(ORG_WORDS.has(chunk[lastKind]!.text.replace(/['’]s$/, '')) ? 'ORG' : 'LOC', 0.8);
  if (chunk.some((c) => /\d/.test(c.text)) && chunk.length > 1) return span('PRODUCT', 0.6);
  const tagged = (g: string) => chunk.some((c) => c.tags.has(g));
  if (tagged('Person')) return span('PERSON', 0.7);
  if (appositiveRole(ts, chunk, index)) return span('PERSON', 0.6);
  // A role right before a name of two or three words: "General Secretary Xi Jinping", "Bureau head Chen Rui".
  const role = ts[index - 1]?.text.replace(/\.$/, '') ?? '';
  if (chunk.length <= 3 && !chunk.some((c) => /\d/.test(c.text)) && (ROLE_WORDS.has(role) || APPOSITIVE_ROLES.has(role.toLowerCase()))) return span('PERSON', 0.65);
  const before = ts[index - 1]?.text.toLowerCase() ?? '';
  const before2 = ts[index - 2]?.text.toLowerCase() ?? '';
  const after = ts[index + chunk.length]?.text.toLowerCase() ?? '';
  // "the group's new carrier, the Polar Swift": a name in apposition to a product noun.
  const appositionToProduct = before === 'the' && /,\s*$/.test(ts[index - 2]?.post ?? '') && PRODUCT_AFTER.has(before2);
  // "the software Qianfan", "known as Sinan", "its Seagull hatchback", "ID.UNYX" (a dotted model name).
  if (PRODUCT_CUES.has(before) || (before === 'as' && before2 === 'known') || PRODUCT_AFTER.has(after) || appositionToProduct || quotedProduct(ts, chunk, index) || chunk.some((c) => /[A-Za-z]\.[A-Za-z]/.test(c.text))) {
    return span('PRODUCT', 0.55);
  }
  if (tagged('Place')) return span('LOC', 0.7);
  if (ORG_CUES.has(before)) return span('ORG', 0.6);
  if (tagged('Organization') || chunk.every((c) => c.tags.has('Acronym'))) return span('ORG', 0.65);
  if (PLACE_PREPOSITIONS.has(before) || PLACE_PREPOSITIONS.has(before2)) return span('LOC', 0.45);
  if (subjectOfVerb(ts, chunk, index)) return span('ORG', 0.45);
  return span('ORG', FALLBACK_SCORE);
}
