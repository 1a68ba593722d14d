// Reads one numeral at a position — Arabic digits, Chinese numerals or English number words — and the scale words after it.
//
// Values are kept as a decimal mantissa string plus a power of ten until the very end, so
// that 2623.9亿 becomes Number("2623.9e8") = 262390000000 exactly, not 2623.9 * 1e8.

/** How a numeral is written. */
export type NumeralKind = 'arabic' | 'han' | 'words';

/** One numeral read from text. All indices are UTF-16 (internal to the readers). */
export interface Numeral {
  kind: NumeralKind;
  /** UTF-16 index just past the numeral. */
  end: number;
  /** The value as ASCII digits with an optional '.', e.g. "2623.9" or "120". */
  digits: string;
  /** Digits before the decimal point, without separators (4 for "2,023"). */
  intDigits: number;
  hasDecimal: boolean;
  /** Written with a leading zero ("01", "007"): codes and editions, never quantities. */
  leadingZero: boolean;
  /** A Chinese numeral written digit by digit ("二〇二三"), the way years are. */
  digitSequence: boolean;
}

/** Full-width digits, point and sign map to ASCII by subtracting this offset (U+FF10 - U+0030). */
const FULLWIDTH_OFFSET = 0xfee0;

function asciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULLWIDTH_OFFSET));
}

/**
 * Digits with optional thousands commas (groups of exactly three, ASCII comma only: a
 * full-width comma is a clause break in Chinese) and an optional decimal part.
 */
const ARABIC = /[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?/y;

/** Reads Arabic digits at `i`. */
export function readArabic(text: string, i: number): Numeral | null {
  ARABIC.lastIndex = i;
  const m = ARABIC.exec(text);
  if (!m) return null;
  const raw = asciiDigits(m[0]).replace(/,/g, '');
  const dot = raw.indexOf('.');
  const intPart = dot === -1 ? raw : raw.slice(0, dot);
  return {
    kind: 'arabic',
    end: i + m[0].length,
    digits: raw,
    intDigits: intPart.length,
    hasDecimal: dot !== -1,
    leadingZero: intPart.length > 1 && intPart.startsWith('0'),
    digitSequence: false,
  };
}

const HAN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const HAN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** 万 is 10^4 and 亿 10^8; 兆 is left out (10^6 or 10^12 depending on the writer). */
const HAN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** A run of Chinese numeral characters that starts with a digit or 十 ("十五"). */
const HAN_NUMERAL = /[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*/y;

/**
 * The integer value of a Chinese numeral ("一百二十" 120, "两千" 2000, "三万五千" 35000,
 * "一百零五" 105, "二〇二三" 2023), or null for a run that is not one number ("十四五").
 */
export function parseHanInteger(s: string): number | null {
  let total = 0;
  let section = 0;
  let num = 0;
  let prevDigit = false;
  let sawUnit = false;
  let sawSequence = false;
  for (const ch of s) {
    const d = HAN_DIGIT[ch];
    if (d !== undefined) {
      if (prevDigit) {
        // Two digits in a row: "二〇二三" digit by digit, or "零五" inside "一百零五".
        if (sawUnit && num !== 0) return null;
        sawSequence = sawSequence || num !== 0;
      }
      num = num * 10 + d;
      prevDigit = true;
      continue;
    }
    prevDigit = false;
    if (sawSequence) return null;
    const small = HAN_SMALL_UNIT[ch];
    if (small !== undefined) {
      sawUnit = true;
      section += (num === 0 && ch === '十' ? 1 : num) * small;
      num = 0;
      continue;
    }
    const big = HAN_BIG_UNIT[ch];
    if (big === undefined) return null;
    sawUnit = true;
    if (big === 1e8) {
      total = (total + section + num) * big;
    } else {
      total += (section + num) * big;
    }
    section = 0;
    num = 0;
  }
  return total + section + num;
}

/** Reads a Chinese numeral at `i`. A run that does not parse as one number is not a numeral. */
export function readHan(text: string, i: number): Numeral | null {
  HAN_NUMERAL.lastIndex = i;
  const m = HAN_NUMERAL.exec(text);
  if (!m) return null;
  let run = m[0];
  // A trailing 千 before 米/克/瓦 belongs to the unit (千米 km, 千克 kg, 千瓦 kW).
  if (run.length > 1 && run.endsWith('千') && /[米克瓦]/.test(text.charAt(i + run.length))) run = run.slice(0, -1);
  const value = parseHanInteger(run);
  if (value === null) return null;
  const digits = String(value);
  return {
    kind: 'han',
    end: i + run.length,
    digits,
    intDigits: digits.length,
    hasDecimal: false,
    leadingZero: false,
    digitSequence: run.length > 1 && [...run].every((c) => HAN_DIGIT[c] !== undefined),
  };
}

const EN_ONES: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const EN_TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ONES = Object.keys(EN_ONES).join('|');
const TEENS = Object.keys(EN_TEENS).join('|');
const TENS = Object.keys(EN_TENS).join('|');
const BELOW_100 = `(?:(?:${TENS})(?:[- ](?:${ONES}))?|${TEENS}|${ONES})\\b`;

/** Number words below a thousand: "four", "twenty-five", "three hundred and twenty". */
const EN_NUMBER = new RegExp(`\\b(${BELOW_100})(?:\\s+hundred\\b(?!-)(?:\\s+(?:and\\s+)?(${BELOW_100}))?)?`, 'iy');

/** The regex source matching the first word of an English numeral, for scanners. */
export const EN_NUMBER_START = `\\b(?:${TENS}|${TEENS}|${ONES})\\b`;

function below100(words: string): number {
  let n = 0;
  for (const w of words.toLowerCase().split(/[- ]/)) n += EN_ONES[w] ?? EN_TEENS[w] ?? EN_TENS[w] ?? 0;
  return n;
}

/** Reads English number words at `i` ("four", "twenty-five", "three hundred"). */
export function readWords(text: string, i: number): Numeral | null {
  EN_NUMBER.lastIndex = i;
  const m = EN_NUMBER.exec(text);
  if (!m) return null;
  const head = below100(m[1]!);
  const hundred = /hundred/i.test(m[0]);
  const value = hundred ? head * 100 + (m[2] ? below100(m[2]) : 0) : head;
  const digits = String(value);
  return {
    kind: 'words',
    end: i + m[0].length,
    digits,
    intDigits: digits.length,
    hasDecimal: false,
    leadingZero: false,
    digitSequence: false,
  };
}

/** Reads any numeral at `i`: digits first, then Chinese numerals, then English words. */
export function readNumeral(text: string, i: number): Numeral | null {
  return readArabic(text, i) ?? readHan(text, i) ?? readWords(text, i);
}

/** A scale word read after a numeral, as a power of ten. */
export interface Scale {
  end: number;
  /** The power of ten: 8 for 亿, 9 for billion. */
  exponent: number;
}

const HAN_SCALE_EXP: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };
const HAN_SCALE = /[十百千万亿]+/y;

/**
 * Reads Chinese scale characters written right after digits: 亿 (10^8), 万亿 (10^12),
 * 千亿 (10^11), 百万 (10^6). A trailing 千 before 米/克/瓦 is left to the unit (千米 km),
 * and 百 before 分 to 百分点 (percentage points).
 */
export function readHanScale(text: string, i: number): Scale | null {
  HAN_SCALE.lastIndex = i;
  const m = HAN_SCALE.exec(text);
  if (!m) return null;
  let run = m[0];
  const after = text.charAt(i + run.length);
  if (run.endsWith('千') && /[米克瓦]/.test(after)) run = run.slice(0, -1);
  if (run.endsWith('百') && after === '分') run = run.slice(0, -1);
  if (!run) return null;
  let exponent = 0;
  for (const ch of run) exponent += HAN_SCALE_EXP[ch]!;
  return { end: i + run.length, exponent };
}

const EN_SCALE_EXP: Record<string, number> = {
  hundred: 2, thousand: 3, million: 6, billion: 9, trillion: 12, bn: 9, mn: 6, tn: 12, m: 6, b: 9, k: 3,
};
/** Not before a hyphen: "three hundred-billion-level clusters" counts 3, the level is part of the unit. */
const EN_SCALE_WORD = /[ \t\u00a0]*(hundred|thousand|million|billion|trillion)\b(?!-)/iy;
const EN_SCALE_ABBR = /(bn|mn|tn)\b/y;
/** "$3m", "$3b", "$5k": single-letter scales are read only after a currency sign, where they cannot be metres. */
const EN_SCALE_LETTER = /([mbk])\b/y;

/** Reads an English scale word after a numeral: " billion", "bn", and after a currency sign also "m", "b", "k". */
export function readEnScale(text: string, i: number, afterCurrency: boolean): Scale | null {
  for (const re of afterCurrency ? [EN_SCALE_WORD, EN_SCALE_ABBR, EN_SCALE_LETTER] : [EN_SCALE_WORD, EN_SCALE_ABBR]) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m) return { end: i + m[0].length, exponent: EN_SCALE_EXP[m[1]!.toLowerCase()]! };
  }
  return null;
}

/** The number `digits` × 10^`exponent`, computed from the decimal string so no rounding creeps in. */
export function scaledValue(digits: string, exponent: number): number {
  return Number(exponent === 0 ? digits : `${digits}e${exponent}`);
}
