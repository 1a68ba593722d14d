// Reads the counted noun phrase after an English number ("140 countries and regions"), the unit of a count figure.
//
// Conservative on purpose: a few lowercase words up to a function word, a verb-like or
// adverb-like word, punctuation or a line end, and the phrase must end on a plural-looking
// noun. Anything it cannot read leaves the number without a unit, and the number is then
// not suggested at all, which costs recall but never puts a wrong span on the page.

/** Most words a counted noun phrase may have, "and" and one quoted name counting as words: "upstream and downstream enterprises" is four. */
export const MAX_NOUN_PHRASE_WORDS = 6;

/** Words that end a noun phrase: determiners, prepositions, conjunctions, pronouns, auxiliaries, common adverbs. */
const STOP = new Set(
  (
    'a an the this that these those its their our his her my your each every all both some any more most less ' +
    'fewer many much such other another no not own same ' +
    'of in on at by for from to with without into onto over under above below between among across through ' +
    'during within via about around after before since until than as like including excluding against toward ' +
    'towards upon out off up down per versus vs ' +
    'but nor so yet while whereas if because although though that which who whom whose where when whether ' +
    'it they we he she you i them us him me ' +
    'is are was were be been being has have had do does did will would shall should can could may might must ' +
    'become became becomes remain remains remained reach reached reaches reaching ' +
    // Verbs in -s that follow a number as its predicate ("setting it to 0 makes it ..."), seldom counted nouns.
    'means seems makes brings gives takes comes goes gets allows requires includes contains represents ' +
    'accounts equals exceeds totals amounts stands sees saw ' +
    'already also still just only even now then there here respectively together alone apiece ' +
    'nationwide worldwide annually yearly monthly daily overall altogether abroad ago later earlier ' +
    'year-on-year month-on-month ' +
    // Number words start a new quantity ("servers and tens of thousands of drones").
    'tens hundreds thousands millions billions dozens twice thrice'
  ).split(' '),
);

/** Whether a word (any case) is a function word or common adverb that ends a noun phrase. */
export function isFunctionWord(word: string): boolean {
  return STOP.has(word.toLowerCase());
}

/** Plurals that do not end in -s, and nouns whose plural is their singular ("60 species", "3 series"). */
const IRREGULAR_PLURALS = new Set(
  'people children men women staff personnel police cattle livestock poultry sheep fish deer aircraft spacecraft vessels species series'.split(' '),
);

/** Words in -s that are not plural nouns. */
const NOT_PLURAL = new Set('this its was has is us yes thus plus bus gas news always perhaps whereas besides'.split(' '));

/** Adverbs in -ly that are nouns or adjectives used before nouns. */
const LY_NOUNS = new Set('family supply assembly ally belly rally italy daily-use early-stage'.split(' '));

function looksPlural(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (NOT_PLURAL.has(w)) return false;
  return /[a-z]{2,}s$/.test(w) && !/(ss|us|is)$/.test(w);
}

type Token = { kind: 'word' | 'cap' | 'and' | 'quote'; end: number; word: string };

/** A token that can end a counted phrase: a lowercase plural-looking word, not a verb form. */
function isPluralWord(t: Token): boolean {
  return t.kind === 'word' && !/(ing|ed)$/.test(t.word) && looksPlural(t.word);
}

const SPACE = /[ \t\u00a0]+/y;
const WORD = /[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/y;
/** A short quoted name inside the phrase: `25 "industrial empowerment chain master" cultivation enterprises`. */
const QUOTED = /["“‘][A-Za-z][A-Za-z -]{0,60}?["”’]/y;
const PER = /[ \t\u00a0]+per[ \t\u00a0]+(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?[ \t\u00a0]*/y;

function sticky(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

function readToken(text: string, i: number): Token | null {
  const q = sticky(QUOTED, text, i);
  if (q) return { kind: 'quote', end: i + q[0].length, word: q[0] };
  const m = sticky(WORD, text, i);
  if (!m) return null;
  const word = m[0];
  const lower = word.toLowerCase();
  if (lower === 'and' || lower === 'or') return { kind: 'and', end: i + word.length, word };
  if (STOP.has(lower) || /['’]/.test(word)) return null;
  if (/ly$/.test(lower) && !LY_NOUNS.has(lower)) return null;
  return { kind: /^[A-Z]/.test(word) ? 'cap' : 'word', end: i + word.length, word };
}

/** The phrase read after a number: where it ends (UTF-16) and its text. */
export interface NounPhrase {
  end: number;
  text: string;
}

/**
 * The counted noun phrase starting after whitespace at UTF-16 index `i`, or null. The
 * phrase ends on a plural-looking lowercase word; "and"/"or" and capitalized words
 * ("Chinese cities") and one quoted name may sit inside it. A following "per N noun"
 * joins the unit ("robots per 10,000 people").
 */
export function readNounPhrase(text: string, i: number): NounPhrase | null {
  const sp = sticky(SPACE, text, i);
  if (!sp) return null;
  let pos = i + sp[0].length;
  const tokens: Token[] = [];
  while (tokens.length < MAX_NOUN_PHRASE_WORDS) {
    const t = readToken(text, pos);
    if (!t) break;
    // "2023 Shanghai exported goods": a verb-like word after a capitalized one is a subject's verb.
    if (t.kind === 'word' && /(ing|ed)$/.test(t.word) && tokens.at(-1)?.kind === 'cap') break;
    tokens.push(t);
    const gap = sticky(SPACE, text, t.end);
    if (!gap) break;
    pos = t.end + gap[0].length;
  }
  let last = -1;
  for (let k = 0; k < tokens.length; k++) if (isPluralWord(tokens[k]!)) last = k;
  if (last < 0 || tokens[0]!.kind === 'and') return null;
  // After a complete plural ("workers and ..."), "and" may only join one more plural noun
  // ("countries and regions"); anything longer is likely a new clause ("workers and cut costs").
  const and = tokens.findIndex((t, k) => k < last && t.kind === 'and');
  if (and > 0 && isPluralWord(tokens[and - 1]!) && last !== and + 1) last = and - 1;
  let end = tokens[last]!.end;
  const per = readPer(text, end);
  if (per) end = per;
  const start = i + sp[0].length;
  return { end, text: text.slice(start, end) };
}

/** After a unit: " per 10,000 people", " per capita", " per year"; returns where it ends, or null. */
export function readPer(text: string, i: number): number | null {
  const m = sticky(PER, text, i);
  if (!m) return null;
  let pos = i + m[0].length;
  let end: number | null = null;
  // Up to three words; the last must not be a stop word (per capita, per 10,000 people, per square kilometer).
  for (let n = 0; n < 3; n++) {
    const t = readToken(text, pos);
    if (!t || t.kind !== 'word') break;
    end = t.end;
    const gap = sticky(SPACE, text, t.end);
    if (!gap) break;
    pos = t.end + gap[0].length;
    if (looksPlural(t.word)) break;
  }
  return end;
}
