// Finds FIGURE candidates in a whole text, English and Chinese, under ../shared/GUIDELINES.md: the span is numeral + scale + unit.
//
// One left-to-right scan: a sticky-free global regex finds where a numeral or currency
// sign could start, ./quantity reads the quantity there, and the rules below keep it or
// drop it by looking at a few characters around it. Every step is local, so the whole
// scan is linear in the length of the text (measured in the gold test's report).

import { OffsetMap } from '../model/offsets';
import type { CodePoint, Utf16 } from '../model/types';
import { approxAfter, approxBefore, type Approx } from './approx';
import {
  AFTER_WINDOW, AND, BETWEEN_BEFORE, CLOCK_AFTER, CLOSE_QUOTE, COMPARATIVE_AFTER, DIGIT, DIGIT_PREFIX, HAN_CHAR, HAN_PERIOD_BEFORE, HAN_PREFIX,
  LABEL_WORDS, LATIN, LATIN_OR_DIGIT, LONG_CODE_DIGITS, MONTHS, MONTH_AFTER, OPEN_QUOTE, PERIOD_WORDS, PHONE_DIGITS, PREV_WORD_WINDOW,
  PROSE_AFTER, QUOTE_GAP, RANGE, VERSION_AFTER, YEAR_WORDS, afterQuantityVerb, dashGroups, isYearLike, prevWord,
} from './figure-context';
import { isFunctionWord } from './noun-phrase';
import { EN_NUMBER_START } from './numerals';
import { readQuantity, type Quantity } from './quantity';
import { makeSuggestion, type Suggestion } from './suggestions';
import { VAGUE_START } from './vague';

/** The attributes of a FIGURE suggestion. */
export interface FigureAttrs {
  /** The number with its scale applied; null for a range ("two to four weeks"), whose ends are in the text. */
  value: number | null;
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
  | 'compound' | 'quoted' | 'period' | 'article' | 'reduplication' | 'no-unit';

/** One candidate and what became of it (UTF-16 indices), for tests and tuning. */
export interface Candidate {
  start: number;
  end: number;
  text: string;
  verdict: FigureAttrs | RejectReason;
}

/** Where a numeral, a vague magnitude or a currency sign may start. */
const CANDIDATE = new RegExp(
  [
    '(?:US|HK|NT|A|C|S)\\$', '[$€£¥￥]', '\\b(?:RMB|CNY|USD|EUR|HKD|GBP|JPY)(?= ?[0-9])', '百分之',
    '[0-9０-９]', VAGUE_START, '[零〇一二两三四五六七八九十]', EN_NUMBER_START,
  ].join('|'),
  'gi',
);

interface Kept {
  start: number;
  end: number;
  attrs: FigureAttrs;
  /** How sure the rules are, by what follows the number (see SCORE_BY_UNIT). */
  score: number;
  /** Where the scan goes on. */
  resume: number;
}
interface Dropped {
  reason: RejectReason;
  resume: number;
}

/**
 * The score of a figure by what stands after its number: a currency or a unit of measure
 * leaves little doubt; a counted noun phrase may run long or short; a bare number, a vague
 * magnitude or a range is where the rules most often disagree with an annotator.
 */
const SCORE_BY_UNIT: Readonly<Record<Quantity['unitKind'], number>> = { currency: 0.97, measure: 0.97, time: 0.9, counter: 0.9, noun: 0.85, none: 0.7 };
const VAGUE_SCORE = 0.75;
const RANGE_SCORE = 0.85;

/** Drops for numbers that are parts of names, codes, dates, clock times and phone numbers: only the characters around the number are read. */
function codeLike(text: string, q: Quantity): RejectReason | null {
  const n = q.numeral;
  const numeralText = text.slice(q.numeralStart, n.end);
  const b1 = text.charAt(q.start - 1);
  const b2 = text.charAt(q.start - 2);
  const afterNum = text.charAt(n.end);
  // Numbers glued to names and codes: C919, 5G, 30th, T+1, COVID-19, 1.2.3, 10:30, 3/4.
  if (LATIN.test(b1)) return 'name';
  if (/[+\-/_]/.test(b1) && LATIN.test(b2)) return 'name';
  if (DIGIT.test(b1)) return 'code';
  if (b1 === '.' && DIGIT.test(b2)) return 'version';
  if (LATIN_OR_DIGIT.test(text.charAt(q.end))) return 'name';
  if (afterNum === '.' && DIGIT.test(text.charAt(n.end + 1))) return 'version';
  if ((afterNum === ':' || afterNum === '：') && DIGIT.test(text.charAt(n.end + 1))) return 'time';
  if ((b1 === ':' || b1 === '：') && DIGIT.test(b2)) return 'time';
  if ((afterNum === '/' && DIGIT.test(text.charAt(n.end + 1))) || (b1 === '/' && DIGIT.test(b2))) return 'date';
  if (CLOCK_AFTER.test(text.slice(n.end, n.end + AFTER_WINDOW))) return 'time';
  if (afterNum === '-' && LATIN.test(text.charAt(n.end + 1))) return 'compound';
  if (n.leadingZero) return 'code';
  if (b1 === '+' || b1 === '#') return 'phone';
  if (n.kind === 'arabic' && !n.hasDecimal && !numeralText.includes(',') && n.intDigits >= LONG_CODE_DIGITS) return 'code';
  if (n.kind === 'arabic') {
    const groups = dashGroups(text, q.numeralStart, n.end);
    const digits = groups.join('').length;
    if (groups.length >= 3 || (groups.length === 2 && (digits >= PHONE_DIGITS || groups.some((g) => g.startsWith('0'))))) return 'phone';
  }
  // A version or phase: "from 2.0 to 4.0", "2.0版" (nobody writes a quantity as 2.0 without a unit).
  if (q.unitKind === 'none' && n.hasDecimal && /\.0+$/.test(n.digits)) return 'version';
  if (q.unitKind === 'none' && VERSION_AFTER.test(text.slice(q.end, q.end + 1))) return 'version';
  return null;
}

/**
 * Judges one quantity: a figure (with its span and attrs) or a reason to drop it. Only
 * looks a few characters around the quantity. A range ("two to four weeks", 300家至500家)
 * becomes one figure with value null, unless `allowRange` is false (reading its second end).
 */
function judge(text: string, q: Quantity, allowRange = true): Kept | Dropped {
  const n = q.numeral;
  const numeralText = text.slice(q.numeralStart, n.end);
  const b1 = text.charAt(q.start - 1);
  const drop = (reason: RejectReason): Dropped => ({ reason, resume: q.end });
  const code = codeLike(text, q);
  if (code) return drop(code);

  // Ordinals, determiners, denominators, calendar periods.
  const before2 = text.slice(Math.max(0, q.start - 2), q.start);
  if (q.unitKind === 'time' && (q.han || n.kind === 'han') && HAN_PERIOD_BEFORE.test(before2)) return drop('period');
  if (!q.vague && (n.kind === 'han' ? HAN_PREFIX.test(before2) : DIGIT_PREFIX.test(before2))) return drop('ordinal');
  const pw = prevWord(text, q.start);
  const pwLower = pw?.word.toLowerCase();
  if (pwLower === 'per') return drop('per');
  if (pw && pw.dotted && /^(no|nos)$/.test(pwLower!)) return drop('ordinal');
  if (pw && MONTHS.has(pw.word)) return drop('date');
  if (pwLower && !pw!.dotted && PERIOD_WORDS.has(pwLower) && q.unitKind === 'time') return drop('period');
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

  if (allowRange) {
    const r = joinRange(text, q, ab?.approx ?? null, temporalOver(ab));
    if (r) return r;
  }

  switch (q.unitKind) {
    case 'none': {
      if (q.vague) return drop('no-unit');
      const scaled = q.scaleExponent > 0 || (n.kind === 'han' && /[万亿]/.test(numeralText));
      if (capitalizedBefore) return drop('name');
      if (scaled) break;
      if (n.hasDecimal) {
        // A bare decimal is a figure in running prose ("will reach 50.2", "指数为3.5"), not in
        // tables, URLs, code or references ("section 4.5", "TypeScript >= 5.3").
        const prose = (pw && !pw.dotted && /^[a-z]/.test(pw.word) && !LABEL_WORDS.has(pwLower!)) || HAN_CHAR.test(b1);
        if (prose && PROSE_AFTER.test(text.charAt(q.end))) break;
        return drop('no-unit');
      }
      if (n.kind !== 'words' && !isYearLike(text, q) && afterQuantityVerb(text, ab?.at ?? q.start)) break;
      // A difference: "30,000 more than a year earlier", "12 fewer than".
      if (n.kind !== 'words' && !isYearLike(text, q) && COMPARATIVE_AFTER.test(text.slice(q.end, q.end + AFTER_WINDOW))) break;
      return drop('no-unit');
    }
    case 'noun':
      if (n.kind === 'words' && q.value === 1) return drop('article');
      // "2025 targets", "the 2022 plan": a year before a noun is an attribute, unless an approximator ("over 2000 firms")
      // or a range ("1500 to 2000 workers", read with allowRange false) makes it a count.
      if (isYearLike(text, q) && !ab && allowRange) return drop('year');
      if (capitalizedBefore) return drop('name');
      break;
    case 'counter':
    case 'time':
      if ((n.kind === 'han' || n.kind === 'words') && q.value === 1 && !q.vague) return drop('article');
      if (q.unitKind === 'counter' && q.unitText.length === 1 && text.charAt(q.end) === q.unitText) return drop('reduplication');
      // 洋山四期: a Chinese numeral with 期 right after a name is the name of a phase, not a count of phases.
      if (n.kind === 'han' && text.charAt(n.end) === '期' && HAN_CHAR.test(b1)) return drop('name');
      break;
    default:
      break;
  }

  const before = temporalOver(ab) && q.unitKind === 'time' ? undefined : ab?.approx;
  let approx: Approx = q.vague ? 'more-than' : (before ?? q.innerApprox ?? approxAfter(text, q.end)?.approx ?? 'none');
  // 近 before years is "recent" (近两年, the last two years), not "nearly".
  if (ab && /近/.test(ab.word) && q.unit === 'year') approx = q.innerApprox ?? 'none';
  const score = q.vague ? VAGUE_SCORE : SCORE_BY_UNIT[q.unitKind];
  return { start: q.start, end: q.end, attrs: { value: q.value, unit: q.unit, approx }, score, resume: q.end };
}

/**
 * "two to four weeks", "between 1,500 and 2,000 jobs", "10-15%", 300家至500家, 3至5年: when
 * a second quantity follows a range connector, the whole range is one figure with value
 * null and the second end's unit. The first end may carry the same unit or none.
 */
function joinRange(text: string, q: Quantity, approxBeforeFirst: Approx | null, overBefore = false): Kept | null {
  RANGE.lastIndex = q.end;
  let m = RANGE.exec(text);
  if (!m && BETWEEN_BEFORE.test(text.slice(Math.max(0, q.start - PREV_WORD_WINDOW), q.start))) {
    AND.lastIndex = q.end;
    m = AND.exec(text);
  }
  if (!m) return null;
  const q2 = readQuantity(text, q.end + m[0].length, { nounPhrase: true });
  if (!q2 || (q2.numeral.kind === 'words') !== (q.numeral.kind === 'words') || q2.vague) return null;
  if (q.unitKind !== 'none' && (q.unit !== q2.unit || q.noun)) return null;
  if (q.unitKind === 'none' && (q.numeral.hasDecimal || q2.numeral.hasDecimal) && q2.unitKind === 'none') return null;
  const second = judge(text, q2, false);
  if ('reason' in second) return null;
  if (q2.unitKind === 'none' && q2.scaleExponent === 0) return null;
  const before = overBefore && q2.unitKind === 'time' ? null : approxBeforeFirst;
  const approx = before ?? approxAfter(text, second.end)?.approx ?? q2.innerApprox ?? 'none';
  return { start: q.start, end: second.end, attrs: { value: null, unit: second.attrs.unit, approx }, score: RANGE_SCORE, resume: second.resume };
}

/** "over five years", "over three to five years": "over" before a duration reads as "during" (invest X over five years), not as more-than. */
function temporalOver(ab: { word: string } | null | undefined): boolean {
  return !!ab && ab.word.toLowerCase() === 'over';
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
      out.push(makeSuggestion('figure', 'FIGURE', start, end, { value: v.attrs.value, unit: v.attrs.unit, approx: v.attrs.approx }, v.score));
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
