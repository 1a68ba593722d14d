// The context rules of the figure detector: what the words and characters around a number say about it (a year, a phone number, a name, a verb of quantity).

import type { Quantity } from './quantity';

export const LATIN = /[A-Za-z]/;
export const DIGIT = /[0-9０-９]/;
export const LATIN_OR_DIGIT = /[A-Za-z0-9０-９]/;

/** Plain digit runs this long without separators are codes, ids or phone numbers: 9 digits is 100,000,000+, which news writes with commas or 亿. */
export const LONG_CODE_DIGITS = 9;
/** Dash-joined digit groups with this many digits in all are phone numbers or codes, not ranges ("021-6321-5555"). */
export const PHONE_DIGITS = 9;
/** How far after a figure a closing quote may be for the figure to be part of a quoted name (“五个中心”). */
export const QUOTE_GAP = 4;

/** Characters before a Chinese numeral that make it an ordinal, a determiner or a vague amount (第一, 哪一款, 每万人, 上一年, 几十, 数百). */
export const HAN_PREFIX = /[第哪这那每某任唯同单统之逐上下前几数周初万千百亿]$/;
/** Characters before digits that make them an ordinal or a denominator (第3, 每10, 前10). */
export const DIGIT_PREFIX = /[第每前]$/;

export const MONTHS = new Set(
  'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
);
export const MONTH_AFTER = /^[ \t\u00a0]+(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/** Words before a four-digit number that make it a year ("in 2023", "since 2015"). */
export const YEAR_WORDS = new Set('in since by from until till before after during of year early late mid end through fiscal'.split(' '));
/** Verbs after which a bare whole number is a figure ("reaching 40 by 2025"). */
export const QUANTITY_VERBS = new Set(
  [
    'reach', 'reached', 'reaches', 'reaching', 'total', 'totaled', 'totalled', 'totaling', 'totalling', 'totals',
    'hit', 'hits', 'exceed', 'exceeded', 'exceeds', 'exceeding', 'topped', 'numbered', 'amounted to', 'amounts to',
    'amount to', 'stood at', 'stands at', 'rose to', 'fell to', 'grew to', 'increased to', 'decreased to',
    'dropped to', 'climbed to', '达到', '共计', '合计', '总计',
  ],
);
/** Words that label a numbered thing: the number after them is a name ("section 4.5", "version 2.0"), not a quantity. */
export const LABEL_WORDS = new Set(
  'section chapter version figure fig table page article item step rule clause paragraph line room gate platform level grade class phase stage round number edition issue volume vol part appendix exhibit model type zone lane route floor building'.split(' '),
);
/** What may follow a bare number in prose: a space, the end, or sentence punctuation (not "]", "+", "=" of code and links). */
export const PROSE_AFTER = /^$|[\s.,;:!?)。，；：！？）、]/;
export const HAN_CHAR = /[\u3400-\u9fff]/;
/** "between 2 and 3 billion dollars": "and" joins a range only after "between". */
export const BETWEEN_BEFORE = /\bbetween[ \t\u00a0]+$/i;
export const AND = /[ \t\u00a0]+and[ \t\u00a0]+/y;
export const COMPARATIVE_AFTER = /^[ \t\u00a0]+(?:more|fewer|less|higher|lower)[ \t\u00a0]+than\b/i;
export const RANGE = /[ \t\u00a0]*(?:-|–|—|~|～|至|到)[ \t\u00a0]*|[ \t\u00a0]+to[ \t\u00a0]+/y;
export const OPEN_QUOTE = /[“‘「『《"']/;
export const CLOSE_QUOTE = /[”’」』》"']/;
export const CLOCK_AFTER = /^[ \t\u00a0]*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)/i;
export const PREV_WORD = /([A-Za-z]+)(\.?)[ \t\u00a0]+$/;
/** UTF-16 units looked at after a number: the longest pattern read there (" September", " fewer than", " o'clock") fits. */
export const AFTER_WINDOW = 16;
/** Longest English word looked at before a number ("September" plus spaces). */
export const PREV_WORD_WINDOW = 16;
/** Words before a count of a time unit that make it a calendar period ("the first two quarters", "the past three years"), not a quantity. */
export const PERIOD_WORDS = new Set('first last past next previous coming final recent'.split(' '));
/** Characters before a Chinese count of a time unit that make it a period: 前两个月, 近两年, 后三年, 头两个月. */
export const HAN_PERIOD_BEFORE = /[前近后头]$/;
/** Characters after a bare number that make it a version or an edition: 2.0版, 5代. */
export const VERSION_AFTER = /^[版代]/;

/** The English word right before UTF-16 index `i` (spaces between), and whether a period follows it. */
export function prevWord(text: string, i: number): { word: string; dotted: boolean } | null {
  const m = PREV_WORD.exec(text.slice(Math.max(0, i - PREV_WORD_WINDOW), i));
  return m ? { word: m[1]!, dotted: m[2] === '.' } : null;
}

/** More dash-joined groups than this already make a phone number, so the chain is not followed further. */
export const MAX_DASH_GROUPS = 3;

/** Digit groups joined by '-' around [start, end): "021-6321-5555". Reads at most a few groups either way. */
export function dashGroups(text: string, start: number, end: number): string[] {
  const groups = [text.slice(start, end)];
  let s = start;
  while (groups.length < MAX_DASH_GROUPS && text.charAt(s - 1) === '-' && DIGIT.test(text.charAt(s - 2))) {
    let k = s - 2;
    while (k > 0 && s - k <= LONG_CODE_DIGITS && DIGIT.test(text.charAt(k - 1))) k--;
    groups.unshift(text.slice(k, s - 1));
    s = k;
  }
  let e = end;
  while (groups.length < MAX_DASH_GROUPS && text.charAt(e) === '-' && DIGIT.test(text.charAt(e + 1))) {
    let k = e + 1;
    while (k < text.length && k - e <= LONG_CODE_DIGITS && DIGIT.test(text.charAt(k))) k++;
    groups.push(text.slice(e + 1, k));
    e = k;
  }
  return groups;
}

/** Whether the one or two words (or Chinese verb) right before UTF-16 index `at` are a quantity verb. */
export function afterQuantityVerb(text: string, at: number): boolean {
  let j = at;
  while (j > 0 && /[ \t\u00a0]/.test(text.charAt(j - 1))) j--;
  if (QUANTITY_VERBS.has(text.slice(Math.max(0, j - 2), j))) return true;
  let s = j;
  for (let words = 0; words < 2; words++) {
    while (s > 0 && LATIN.test(text.charAt(s - 1))) s--;
    if (s === j) return false;
    if (QUANTITY_VERBS.has(text.slice(s, j).toLowerCase())) return true;
    if (text.charAt(s - 1) !== ' ') return false;
    s--;
  }
  return false;
}

/** Four plain digits from 1900 to 2099 (the years of news), not "2,000" with its comma. */
export function isYearLike(text: string, q: Quantity): boolean {
  const n = q.numeral;
  if (n.kind !== 'arabic' || n.hasDecimal || n.intDigits !== 4 || q.scaleExponent !== 0) return false;
  if (text.slice(q.numeralStart, n.end).includes(',')) return false;
  const v = Number(n.digits);
  return v >= 1900 && v <= 2099;
}
