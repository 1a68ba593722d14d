// Finds FIGURE candidates in a whole text, English and Chinese, under ../shared/GUIDELINES.md: the span is numeral + scale + unit.
//
// One left-to-right scan: a sticky-free global regex finds where a numeral or currency
// sign could start, ./quantity reads the quantity there, and the rules below keep it or
// drop it by looking at a few characters around it. Every step is local, so the whole
// scan is linear in the length of the text (measured in the gold test's report).

import { OffsetMap } from '../model/offsets';
import type { CodePoint, Utf16 } from '../model/types';
import { approxAfter, approxBefore, type Approx } from './approx';
import { isFunctionWord } from './noun-phrase';
import { EN_NUMBER_START } from './numerals';
import { readQuantity, type Quantity } from './quantity';
import { makeSuggestion, type Suggestion } from './suggestions';

/** The attributes of a FIGURE suggestion. */
export interface FigureAttrs {
  value: number;
  unit: string;
  approx: Approx;
}

/** Options of {@link detectFigures}. */
export interface DetectFiguresOptions {
  /** Only figures starting at or after this code point (default 0). */
  from?: CodePoint;
  /** Only figures starting before this code point (default: the end of the text). */
  to?: CodePoint;
  /** A prebuilt offset map of `text`, to save building one on every call. */
  map?: OffsetMap;
}

/** Why a candidate was dropped; reported by {@link explainFigures}. */
export type RejectReason =
  | 'name' | 'code' | 'phone' | 'version' | 'time' | 'date' | 'year' | 'ordinal' | 'per'
  | 'compound' | 'quoted' | 'definite' | 'enumeration' | 'article' | 'reduplication' | 'no-unit';

/** One candidate and what became of it (UTF-16 indices), for tests and tuning. */
export interface Candidate {
  start: number;
  end: number;
  text: string;
  verdict: FigureAttrs | RejectReason;
}

/** Where a numeral or a currency sign may start. */
const CANDIDATE = new RegExp(
  [
    '(?:US|HK|NT|A|C|S)\\$', '[$€£¥￥]', '\\b(?:RMB|CNY|USD|EUR|HKD|GBP|JPY)(?= ?[0-9])', '百分之',
    '[0-9０-９]', '[零〇一二两三四五六七八九十]', EN_NUMBER_START,
  ].join('|'),
  'gi',
);

const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9０-９]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9０-９]/;

/** Plain digit runs this long without separators are codes, ids or phone numbers: 9 digits is 100,000,000+, which news writes with commas or 亿. */
const LONG_CODE_DIGITS = 9;
/** Dash-joined digit groups with this many digits in all are phone numbers or codes, not ranges ("021-6321-5555"). */
const PHONE_DIGITS = 9;
/** How far after a figure a closing quote may be for the figure to be part of a quoted name (“五个中心”). */
const QUOTE_GAP = 4;

/** Characters before a Chinese numeral that make it an ordinal, a determiner or a vague amount (第一, 哪一款, 每万人, 上一年, 几十, 数百). */
const HAN_PREFIX = /[第哪这那每某任唯同单统之逐上下前几数周初万千百亿]$/;
/** Characters before digits that make them an ordinal or a denominator (第3, 每10, 前10). */
const DIGIT_PREFIX = /[第每前]$/;

const MONTHS = new Set(
  'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
);
const MONTH_AFTER = /^[ \t\u00a0]+(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/** Words before a four-digit number that make it a year ("in 2023", "since 2015"). */
const YEAR_WORDS = new Set('in since by from until till before after during of year early late mid end through fiscal'.split(' '));
/** Verbs after which a bare whole number is a figure ("reaching 40 by 2025"). */
const QUANTITY_VERBS = new Set(
  [
    'reach', 'reached', 'reaches', 'reaching', 'total', 'totaled', 'totalled', 'totaling', 'totalling', 'totals',
    'hit', 'hits', 'exceed', 'exceeded', 'exceeds', 'exceeding', 'topped', 'numbered', 'amounted to', 'amounts to',
    'amount to', 'stood at', 'stands at', 'rose to', 'fell to', 'grew to', 'increased to', 'decreased to',
    'dropped to', 'climbed to', '达到', '共计', '合计', '总计',
  ],
);
/** Words that label a numbered thing: the number after them is a name ("section 4.5", "version 2.0"), not a quantity. */
const LABEL_WORDS = new Set(
  'section chapter version figure fig table page article item step rule clause paragraph line room gate platform level grade class phase stage round number edition issue volume vol part appendix exhibit model type zone lane route floor building'.split(' '),
);
/** What may follow a bare number in prose: a space, the end, or sentence punctuation (not "]", "+", "=" of code and links). */
const PROSE_AFTER = /^$|[\s.,;:!?)。，；：！？）、]/;
const HAN_CHAR = /[\u3400-\u9fff]/;
/** A number and a range connector right before a number: the number is the second end of a range. */
const RANGE_BEFORE = /[0-9０-９](?:[ \t\u00a0]*(?:-|–|—|~|～|至|到)[ \t\u00a0]*|[ \t\u00a0]+(?:to|and)[ \t\u00a0]+)$/;
/** "between 2 and 3 billion dollars": "and" joins a range only after "between". */
const BETWEEN_BEFORE = /\bbetween[ \t\u00a0]+$/i;
const AND = /[ \t\u00a0]+and[ \t\u00a0]+/y;
const COMPARATIVE_AFTER = /^[ \t\u00a0]+(?:more|fewer|less|higher|lower)[ \t\u00a0]+than\b/i;
const RANGE = /[ \t\u00a0]*(?:-|–|—|~|～|至|到)[ \t\u00a0]*|[ \t\u00a0]+to[ \t\u00a0]+/y;
const OPEN_QUOTE = /[“‘「『《"']/;
const CLOSE_QUOTE = /[”’」』》"']/;
const CLOCK_AFTER = /^[ \t\u00a0]*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)/i;
const PREV_WORD = /([A-Za-z]+)(\.?)[ \t\u00a0]+$/;
/** UTF-16 units looked at after a number: the longest pattern read there (" September", " fewer than", " o'clock") fits. */
const AFTER_WINDOW = 16;
/** Longest English word looked at before a number ("September" plus spaces). */
const PREV_WORD_WINDOW = 16;

interface Kept {
  start: number;
  end: number;
  attrs: FigureAttrs;
  /** Where the scan goes on. */
  resume: number;
}
interface Dropped {
  reason: RejectReason;
  resume: number;
}

function prevWord(text: string, i: number): { word: string; dotted: boolean } | null {
  const m = PREV_WORD.exec(text.slice(Math.max(0, i - PREV_WORD_WINDOW), i));
  return m ? { word: m[1]!, dotted: m[2] === '.' } : null;
}

/** More dash-joined groups than this already make a phone number, so the chain is not followed further. */
const MAX_DASH_GROUPS = 3;

/** Digit groups joined by '-' around [start, end): "021-6321-5555". Reads at most a few groups either way. */
function dashGroups(text: string, start: number, end: number): string[] {
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
function afterQuantityVerb(text: string, at: number): boolean {
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
function isYearLike(text: string, q: Quantity): boolean {
  const n = q.numeral;
  if (n.kind !== 'arabic' || n.hasDecimal || n.intDigits !== 4 || q.scaleExponent !== 0) return false;
  if (text.slice(q.numeralStart, n.end).includes(',')) return false;
  const v = Number(n.digits);
  return v >= 1900 && v <= 2099;
}

/**
 * Judges one quantity: a figure (with its span and attrs) or a reason to drop it. Only
 * looks a few characters around the quantity.
 */
function judge(text: string, q: Quantity, allowRange = true): Kept | Dropped {
  const n = q.numeral;
  const numeralText = text.slice(q.numeralStart, n.end);
  const b1 = text.charAt(q.start - 1);
  const b2 = text.charAt(q.start - 2);
  const afterNum = text.charAt(n.end);
  const drop = (reason: RejectReason): Dropped => ({ reason, resume: q.end });

  // Numbers glued to names and codes: C919, 5G, 30th, T+1, COVID-19, 1.2.3, 10:30, 3/4.
  if (LATIN.test(b1)) return drop('name');
  if (/[+\-/_]/.test(b1) && LATIN.test(b2)) return drop('name');
  if (DIGIT.test(b1)) return drop('code');
  if (b1 === '.' && DIGIT.test(b2)) return drop('version');
  if (LATIN_OR_DIGIT.test(text.charAt(q.end))) return drop('name');
  if (afterNum === '.' && DIGIT.test(text.charAt(n.end + 1))) return drop('version');
  if ((afterNum === ':' || afterNum === '：') && DIGIT.test(text.charAt(n.end + 1))) return drop('time');
  if ((b1 === ':' || b1 === '：') && DIGIT.test(b2)) return drop('time');
  if ((afterNum === '/' && DIGIT.test(text.charAt(n.end + 1))) || (b1 === '/' && DIGIT.test(b2))) return drop('date');
  if (CLOCK_AFTER.test(text.slice(n.end, n.end + AFTER_WINDOW))) return drop('time');
  if (afterNum === '-' && LATIN.test(text.charAt(n.end + 1))) return drop('compound');
  if (n.leadingZero) return drop('code');
  if (b1 === '+' || b1 === '#') return drop('phone');
  if (n.kind === 'arabic' && !n.hasDecimal && !numeralText.includes(',') && n.intDigits >= LONG_CODE_DIGITS) return drop('code');
  if (n.kind === 'arabic') {
    const groups = dashGroups(text, q.numeralStart, n.end);
    const digits = groups.join('').length;
    if (groups.length >= 3 || (groups.length === 2 && (digits >= PHONE_DIGITS || groups.some((g) => g.startsWith('0'))))) return drop('phone');
  }

  // Ordinals, determiners, denominators.
  const before2 = text.slice(Math.max(0, q.start - 2), q.start);
  // 前 before a duration is "the first N months", a time frame like 近两年; elsewhere it ranks (前10名).
  const firstN = b1 === '前' && q.unitKind === 'time';
  if (!firstN && (n.kind === 'han' ? HAN_PREFIX.test(before2) : DIGIT_PREFIX.test(before2))) return drop('ordinal');
  const pw = prevWord(text, q.start);
  const pwLower = pw?.word.toLowerCase();
  if (pwLower === 'per') return drop('per');
  if (pw && pw.dotted && /^(no|nos)$/.test(pwLower!)) return drop('ordinal');
  if (pw && MONTHS.has(pw.word)) return drop('date');
  if (MONTH_AFTER.test(text.slice(n.end, n.end + AFTER_WINDOW))) return drop('date');
  if (isYearLike(text, q) && pwLower && !pw!.dotted && YEAR_WORDS.has(pwLower) && (q.unitKind === 'none' || q.unitKind === 'noun')) return drop('year');

  // Chinese years: 2023年, 二〇二三年; decades: 90年代.
  if (q.unit === 'year' && q.han) {
    if (n.digitSequence || (n.kind === 'arabic' && n.intDigits === 4) || q.value >= 1000) return drop('year');
    if (text.charAt(q.end) === '代') return drop('year');
  }

  const ab = approxBefore(text, q.start);
  const capitalizedBefore = !!pw && !pw.dotted && /^[A-Z]/.test(pw.word) && !isFunctionWord(pw.word) && !ab;

  // Quoted names and slogans: “五个中心”.
  if (q.unitKind !== 'measure' && q.unitKind !== 'currency' && OPEN_QUOTE.test(b1) && CLOSE_QUOTE.test(text.slice(q.end, q.end + QUOTE_GAP))) {
    return drop('quoted');
  }

  let value = q.value;
  let unit = q.unit;
  let end = q.end;
  let resume = q.end;
  switch (q.unitKind) {
    case 'none': {
      const scaled = q.scaleExponent > 0 || (n.kind === 'han' && /[万亿]/.test(numeralText));
      if (capitalizedBefore) return drop('name');
      if (scaled) break;
      if (n.hasDecimal) {
        // A bare decimal is a figure in running prose ("will reach 50.2", "指数为3.5"), not in
        // tables, URLs, code or references ("section 4.5", "TypeScript >= 5.3").
        const prose = (pw && !pw.dotted && /^[a-z]/.test(pw.word) && !LABEL_WORDS.has(pwLower!)) || HAN_CHAR.test(b1);
        if (prose && PROSE_AFTER.test(text.charAt(end))) break;
        return drop('no-unit');
      }
      const borrowed = allowRange ? rangeUnit(text, q) : null;
      if (borrowed) {
        value = borrowed.value;
        unit = borrowed.unit;
        end = n.end;
        resume = n.end;
        break;
      }
      if (n.kind !== 'words' && !isYearLike(text, q) && afterQuantityVerb(text, ab?.at ?? q.start)) break;
      // A difference: "30,000 more than a year earlier", "12 fewer than".
      if (n.kind !== 'words' && !isYearLike(text, q) && COMPARATIVE_AFTER.test(text.slice(end, end + AFTER_WINDOW))) break;
      return drop('no-unit');
    }
    case 'noun':
      if (n.kind === 'words' && value === 1) return drop('article');
      // "2025 targets", "the 2022 plan": a year before a noun is an attribute, unless a range
      // ("1500 to 2000 enterprises") or an approximator ("over 2000 firms") makes it a count.
      if (isYearLike(text, q) && !ab && !RANGE_BEFORE.test(text.slice(Math.max(0, q.start - PREV_WORD_WINDOW), q.start))) return drop('year');
      if (pw && !pw.dotted && /^(the|these|those)$/.test(pwLower!)) return drop('definite');
      if (/^[ \t\u00a0]*[:：]/.test(text.slice(q.end, q.end + AFTER_WINDOW))) return drop('enumeration');
      if (capitalizedBefore) return drop('name');
      break;
    case 'counter':
    case 'time':
      if ((n.kind === 'han' || n.kind === 'words') && value === 1) return drop('article');
      if (q.unitKind === 'counter' && q.unitText.length === 1 && text.charAt(q.end) === q.unitText) return drop('reduplication');
      break;
    default:
      break;
  }

  let approx: Approx = ab?.approx ?? q.innerApprox ?? approxAfter(text, end)?.approx ?? 'none';
  // 近 before years is "recent" (近两年, the last two years), not "nearly".
  if (ab && /近/.test(ab.word) && unit === 'year') approx = q.innerApprox ?? 'none';
  return { start: q.start, end, attrs: { value, unit, approx }, resume };
}

/** "1500 to 2000 enterprises", "10-15%", "1500家至2000家": the first number takes the second's scale and unit. */
function rangeUnit(text: string, q: Quantity): { value: number; unit: string } | null {
  RANGE.lastIndex = q.numeral.end;
  let m = RANGE.exec(text);
  if (!m && BETWEEN_BEFORE.test(text.slice(Math.max(0, q.start - PREV_WORD_WINDOW), q.start))) {
    AND.lastIndex = q.numeral.end;
    m = AND.exec(text);
  }
  if (!m) return null;
  const q2 = readQuantity(text, q.numeral.end + m[0].length, { nounPhrase: true });
  if (!q2 || q2.numeral.kind !== q.numeral.kind) return null;
  if (q2.unitKind === 'none' && q2.scaleExponent === 0) return null;
  const verdict = judge(text, q2, false);
  if ('reason' in verdict) return null;
  return {
    value: Number(q.scaleExponent === 0 && q2.scaleExponent > 0 ? `${q.numeral.digits}e${q2.scaleExponent}` : q.value),
    unit: verdict.attrs.unit,
  };
}

/** Past the numeral-like characters at `i`, where the scan resumes after a false start. */
function skipToken(text: string, i: number): number {
  let k = i + 1;
  while (k < text.length && /[0-9０-９.,零〇一二两三四五六七八九十百千万亿]/.test(text.charAt(k))) k++;
  return k;
}

function scan(text: string, from: number, to: number, onCandidate: (q: Quantity | null, i: number, v: Kept | Dropped | null) => void): void {
  CANDIDATE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text)) !== null && m.index < to) {
    const i = m.index;
    const q = readQuantity(text, i, { nounPhrase: true });
    if (!q) {
      onCandidate(null, i, null);
      CANDIDATE.lastIndex = skipToken(text, i);
      continue;
    }
    const v = judge(text, q);
    onCandidate(q, i, v);
    CANDIDATE.lastIndex = Math.max(v.resume, i + 1);
  }
}

function range(text: string, map: OffsetMap, options: DetectFiguresOptions): [number, number] {
  const from = options.from === undefined ? 0 : map.toUtf16(options.from);
  const to = options.to === undefined ? text.length : map.toUtf16(options.to);
  return [from, to];
}

/**
 * FIGURE suggestions for `text`, in text order, with code-point offsets and attrs
 * {value, unit, approx}. Linear in the length of the text (or of the from–to window).
 */
export function detectFigures(text: string, options: DetectFiguresOptions = {}): Suggestion[] {
  const map = options.map ?? new OffsetMap(text);
  const [from, to] = range(text, map, options);
  const out: Suggestion[] = [];
  scan(text, from, to, (_q, _i, v) => {
    if (v && !('reason' in v)) {
      const start = map.toCodePoint(v.start as Utf16);
      const end = map.toCodePoint(v.end as Utf16);
      out.push(makeSuggestion('figure', 'FIGURE', start, end, { value: v.attrs.value, unit: v.attrs.unit, approx: v.attrs.approx }));
    }
  });
  return out;
}

/** Every candidate the scan looked at, kept or dropped with its reason (UTF-16 indices): for tests and for tuning the rules. */
export function explainFigures(text: string): Candidate[] {
  const out: Candidate[] = [];
  scan(text, 0, text.length, (q, i, v) => {
    if (!q || !v) return;
    const end = 'reason' in v ? q.end : v.end;
    out.push({ start: i, end, text: text.slice(i, end), verdict: 'reason' in v ? v.reason : v.attrs });
  });
  return out;
}
