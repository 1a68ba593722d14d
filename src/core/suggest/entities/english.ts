// English entity proposals (PERSON, ORG, LOC, PRODUCT) before the first label: compromise finds the proper-noun chunks and tags, rules name their type.
//
// compromise (MIT, pure JavaScript, offline, runs in Node and the browser) tags each term
// (ProperNoun, Person, Place, Organization, Acronym) with UTF-16 offsets. Chunks are runs
// of such terms, cut at punctuation; a chunk's type comes from, in order: a word that
// names the kind (University, Group, Port, River), compromise's own tag, a digit inside
// (a model name: "Ascend 910B"), a product word before it ("the software Qianfan"), a
// place preposition before it ("in Cixi"), else ORG at a low score. Headlines (a line
// with no sentence punctuation) give only chunks that a kind word or a tag names.

import nlp from 'compromise';

/** One entity proposal, in UTF-16 units of the text. */
export interface EntityProposal {
  start: number;
  end: number;
  label: 'PERSON' | 'ORG' | 'LOC' | 'PRODUCT';
  /** How sure the rule is, 0..1: a kind word 0.8, compromise's tag 0.7, the fallback 0.35. */
  score: number;
}

const ORG_WORDS = new Set(
  ('Group University College Company Co Co. Ltd Ltd. Corporation Corp Corp. Inc Inc. Commission Ministry Bureau Administration ' +
    'Bank Institute Laboratory Lab Academy Association Council Agency Shipping Airlines Motors Technologies Technology Electric ' +
    'Xinhua Reuters Daily Times Post News Authority Department Committee Federation Foundation Holdings Industries Exchange ' +
    'Office Government Court Party Hospital School Center Centre Society Union Alliance Fund Securities Insurance Energy Telecom').split(' '),
);
const LOC_WORDS = new Set(
  ('Port River Delta Province City District County Lake Mountain Mountains Bay Island Islands Harbour Harbor Sea Ocean Strait ' +
    'Valley Region Park Village Town Street Road Avenue Bridge Canal Gulf Peninsula Plateau Desert Zone Area New-Area').split(' '),
);
const PRODUCT_CUES = new Set('software platform system model app application chip card vaccine drug aircraft jet robot satellite rocket phone car vehicle engine processor called named dubbed'.split(' '));
/** Nouns after a name that make it a product ("its Seagull hatchback", "the Tianhe supercomputer"). */
const PRODUCT_AFTER = new Set('hatchback sedan suv car model phone chip aircraft jet vaccine drug app platform software system robot supercomputer satellite rocket truck vessel'.split(' '));
const PLACE_PREPOSITIONS = new Set('in at near nearby from to across around outside inside'.split(' '));
/** Lowercase words that may join capitalized words inside a name ("Commission of Economy and Informatization"). */
const JOINERS = new Set(['of', 'and', 'for', 'on', '&']);
const ROLE_WORDS = new Set('President Chairman Minister Director Mr Mrs Ms Dr Prof Premier Governor Mayor Secretary'.split(' '));
const STRONG_TAGS = ['Person', 'Place', 'Organization'];
/** Dates are not entities: a chunk starting with a month or a weekday is skipped ("March 6", "Wednesday"). */
const DATE_TAGS = ['Month', 'WeekDay', 'Date'];
/** Capitalized abbreviations that name kinds of things or units, not entities. */
const GENERIC_ACRONYMS = new Set('GPU GPUs CPU CPUs AI GDP TEU TEUs CEO IT AI5G P PFLOPS GW MW kW GB TB UN'.split(' '));
const SENTENCE_PUNCT = /[.!?。！？]\s*$/;

interface Term {
  text: string;
  pre: string;
  post: string;
  start: number;
  end: number;
  tags: Set<string>;
  first: boolean;
}

function terms(text: string): Term[] {
  const out: Term[] = [];
  const json = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: { text: string; pre: string; post: string; tags: string[]; offset: { start: number; length: number } }[] }[];
  for (const sentence of json) {
    sentence.terms.forEach((t, k) => {
      if (!t.text) return;
      out.push({ text: t.text, pre: t.pre, post: t.post, start: t.offset.start, end: t.offset.start + t.offset.length, tags: new Set(t.tags), first: k === 0 });
    });
  }
  return out;
}

const isCapitalized = (w: string) => /^[A-Z]/.test(w);
/** A break between two terms: punctuation other than a hyphen or an apostrophe. */
const breaksAfter = (t: Term) => /[^\s\-'’]|\n/.test(t.post) || /['’]s$/.test(t.text);
/** Words tagged as these never start a name, even capitalized at a sentence start ("At Chaohu Lake"). */
const FUNCTION_TAGS = ['Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Adverb'];

function lineIsHeadline(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  return !SENTENCE_PUNCT.test(text.slice(lineStart, lineEnd));
}

/** Whether a term may start or continue a name. */
function nameLike(t: Term, capitalizedElsewhere: Set<string>, next: Term | undefined): boolean {
  if (!isCapitalized(t.text) && !t.tags.has('Acronym')) return false;
  if (ROLE_WORDS.has(t.text.replace(/\.$/, ''))) return false;
  if (!t.first) return true;
  if (FUNCTION_TAGS.some((g) => t.tags.has(g))) return false;
  // A sentence's first word is capitalized anyway: only a tag or a name right after makes it a name ("Huawei and SenseTime").
  if (ORG_WORDS.has(t.text) || LOC_WORDS.has(t.text)) return false;
  if (STRONG_TAGS.some((g) => t.tags.has(g))) return true;
  if (/(?:s|ing)$/.test(t.text) || t.tags.has('Adjective')) return false;
  return t.tags.has('ProperNoun') || capitalizedElsewhere.has(t.text) || (!!next && (next.text === 'and' || isCapitalized(next.text)));
}

/** Entity proposals for English text, in text order. */
export function englishEntities(text: string): EntityProposal[] {
  const ts = terms(text);
  const capitalizedElsewhere = new Set(ts.filter((t) => !t.first && isCapitalized(t.text)).map((t) => t.text));
  const out: EntityProposal[] = [];
  let k = 0;
  while (k < ts.length) {
    const t = ts[k]!;
    if (!nameLike(t, capitalizedElsewhere, ts[k + 1]) || /[^\s"“‘(]/.test(t.pre)) {
      k++;
      continue;
    }
    const chunk: Term[] = [t];
    let j = k + 1;
    while (j < ts.length && !breaksAfter(chunk[chunk.length - 1]!)) {
      const n = ts[j]!;
      if (n.pre.trim()) break;
      if (nameLike({ ...n, first: false }, capitalizedElsewhere, ts[j + 1]) || (/\d/.test(n.text) && /^[A-Za-z0-9-]+$/.test(n.text))) {
        chunk.push(n);
        j++;
        continue;
      }
      // "Commission of Economy and Informatization": a joiner between two capitalized words.
      const after = ts[j + 1];
      if (JOINERS.has(n.text) && after && isCapitalized(after.text) && !breaksAfter(n) && chunk.some((c) => ORG_WORDS.has(c.text))) {
        chunk.push(n, after);
        j += 2;
        continue;
      }
      break;
    }
    k = j;
    const proposal = classify(text, ts, chunk, ts.indexOf(t));
    // A possessive is not part of the name: "China's" → "China".
    if (proposal && /['’]s$/.test(text.slice(proposal.start, proposal.end))) proposal.end -= 2;
    if (proposal) out.push(proposal);
  }
  return out;
}

function classify(text: string, ts: Term[], chunk: Term[], index: number): EntityProposal | null {
  if (DATE_TAGS.some((g) => chunk[0]!.tags.has(g))) return null;
  if (chunk.length === 1 && (GENERIC_ACRONYMS.has(chunk[0]!.text) || chunk[0]!.text.length < 2)) return null;
  // A unit after a number ("8,000 P", "130,000 TEUs").
  if (chunk.length === 1 && !chunk[0]!.pre && ts[index - 1]?.tags.has('Value') && /^ ?$/.test(ts[index - 1]!.post)) return null;
  const headline = lineIsHeadline(text, chunk[0]!.start);
  if (headline) {
    // A title-case headline capitalizes every word: only a place or person that compromise itself names
    // starts a name there ("Shanghai Bets on ...", "Ningbo Port Automates ..."), cut at its kind word.
    const at = chunk.findIndex((c) => c.tags.has('Place') || c.tags.has('Person'));
    if (at < 0) return null;
    const rest = chunk.slice(at);
    const kind = rest.findIndex((c) => ORG_WORDS.has(c.text) || LOC_WORDS.has(c.text));
    const name = kind >= 0 ? rest.slice(0, kind + 1) : rest.slice(0, 1);
    const last = name[name.length - 1]!;
    const label = ORG_WORDS.has(last.text) ? 'ORG' : name[0]!.tags.has('Person') && kind < 0 ? 'PERSON' : 'LOC';
    return { start: name[0]!.start, end: last.end, label, score: 0.6 };
  }
  // A kind word ends the name: "Ningbo Port Automates" (a headline) is the port.
  const kindAt = chunk.findIndex((c) => ORG_WORDS.has(c.text) || LOC_WORDS.has(c.text));
  let lastKind = -1;
  for (let i = chunk.length - 1; i >= 0; i--) if (ORG_WORDS.has(chunk[i]!.text) || LOC_WORDS.has(chunk[i]!.text)) { lastKind = i; break; }
  const end = (c: Term[]) => c[c.length - 1]!.end;
  const span = (label: EntityProposal['label'], upto: number, score: number): EntityProposal => ({ start: chunk[0]!.start, end: end(chunk.slice(0, upto + 1)), label, score });
  if (kindAt >= 0) {
    const word = chunk[lastKind]!.text;
    const cut = headline ? lastKind : chunk.length - 1;
    return span(ORG_WORDS.has(word) ? 'ORG' : 'LOC', cut, 0.8);
  }
  if (chunk.some((c) => /\d/.test(c.text)) && chunk.length > 1) return span('PRODUCT', chunk.length - 1, 0.6);
  const tagged = (g: string) => chunk.some((c) => c.tags.has(g));
  if (tagged('Person')) return span('PERSON', chunk.length - 1, 0.7);
  const before = ts[index - 1]?.text.toLowerCase() ?? '';
  const before2 = ts[index - 2]?.text.toLowerCase() ?? '';
  const after = ts[index + chunk.length]?.text.toLowerCase() ?? '';
  // "the software Qianfan", "known as Sinan", "its Seagull hatchback", "ID.UNYX" (a dotted model name).
  if (PRODUCT_CUES.has(before) || (before === 'as' && before2 === 'known') || PRODUCT_AFTER.has(after) || chunk.some((c) => /[A-Za-z]\.[A-Za-z]/.test(c.text))) {
    return span('PRODUCT', chunk.length - 1, 0.55);
  }
  if (tagged('Place')) return span('LOC', chunk.length - 1, 0.7);
  if (tagged('Organization') || chunk.every((c) => c.tags.has('Acronym'))) return span('ORG', chunk.length - 1, 0.65);
  if (headline) return null;
  if (PLACE_PREPOSITIONS.has(before) || PLACE_PREPOSITIONS.has(before2)) return span('LOC', chunk.length - 1, 0.45);
  return span('ORG', chunk.length - 1, 0.35);
}
