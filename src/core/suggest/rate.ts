// Reads the denominator written after a figure's unit with "/" or 每 ("80 units/thousand people", "12个/平方公里", "300元每吨"), so a rate is one span.

import { matchEnUnit, matchZhUnit } from './units';

/** Most English words in a denominator ("thousand people", "square kilometer"). */
const MAX_EN_WORDS = 2;
/** Most Han characters in a denominator that is not a known unit ("千人", "万人口"). */
const MAX_HAN = 3;

const EN_WORDS = /[A-Za-z]+(?: [a-z]+)?/y;
const HAN_RUN = /[\u3400-\u9fff]{1,3}/y;
const ASCII_UNIT = /[A-Za-z]{1,4}(?![A-Za-z])/y;

/** The denominator at UTF-16 index `i` (at the "/" or 每): where it ends and its unit text (normalized where it is a known unit), or null. */
export function readRateTail(text: string, i: number, han: boolean): { end: number; unit: string } | null {
  const sign = text.charAt(i);
  if (sign !== '/' && !(sign === '每' && han)) return null;
  const at = i + 1;
  const zh = matchZhUnit(text, at);
  if (zh && /[\u3400-\u9fff]/.test(zh.surface)) return { end: at + zh.surface.length, unit: `/${zh.unit}` };
  if (han) {
    HAN_RUN.lastIndex = at;
    const m = HAN_RUN.exec(text);
    if (m && m[0].length <= MAX_HAN) return { end: at + m[0].length, unit: `/${m[0]}` };
  }
  if (sign !== '/') return null;
  EN_WORDS.lastIndex = at;
  const w = EN_WORDS.exec(text);
  if (!w) return null;
  const en = matchEnUnit(text, at, true) ?? matchEnUnit(text, at, false);
  if (en) return { end: at + en.surface.length, unit: `/${en.unit}` };
  const phrase = w[0].split(' ').slice(0, MAX_EN_WORDS).join(' ');
  ASCII_UNIT.lastIndex = at;
  const abbr = ASCII_UNIT.exec(text);
  // "km/h": a short symbol; "units/thousand people": up to two words.
  const got = abbr && abbr[0].length < phrase.length && !/^[a-z]+ /.test(phrase) ? abbr[0] : phrase;
  return { end: at + got.length, unit: `/${got}` };
}
