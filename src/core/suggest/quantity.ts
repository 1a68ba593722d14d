// Reads one quantity at a position — currency sign, numeral, 多/余, scale word, unit — the grammar that the figure parser and detector share.

import { INNER_APPROX, type Approx } from './approx';
import { readNounPhrase, readPer } from './noun-phrase';
import { readEnScale, readHanScale, readNumeral, scaledValue, type Numeral } from './numerals';
import { readRateTail } from './rate';
import { CURRENCY_PREFIXES, matchEnUnit, matchZhUnit, type UnitKind } from './units';
import { readVague } from './vague';
import { readZhNoun } from './zh-noun';

/** What stands after the number: a dictionary unit, a counted English noun phrase, or nothing. */
export type QuantityUnitKind = UnitKind | 'noun' | 'none';

/** One quantity read from text; indices are UTF-16. */
export interface Quantity {
  start: number;
  end: number;
  /** Where the numeral itself starts and ends (after any currency sign). */
  numeralStart: number;
  numeral: Numeral;
  /** The power of ten of the scale word (9 for "billion", 8 for 亿), 0 without one. */
  scaleExponent: number;
  value: number;
  /** Normalized unit (see ./units), or the noun phrase as written, or ''. */
  unit: string;
  unitKind: QuantityUnitKind;
  /** The unit as written, '' without one. */
  unitText: string;
  /** 多/余 between the numeral and its scale or unit. */
  innerApprox: Approx | null;
  /** Whether the quantity is written Chinese-style (a Chinese numeral, scale or unit right after the digits). */
  han: boolean;
  /** A vague magnitude ("millions of", 上万): its value is the order's lower bound. */
  vague: boolean;
  /** The counted noun after a Chinese counter ("纺织企业" of "9000多家纺织企业"), '' without one. */
  noun: string;
}

/** Options of {@link readQuantity}. */
export interface ReadQuantityOptions {
  /** Read a counted English noun phrase when no unit word follows ("140 countries and regions"). */
  nounPhrase?: boolean;
}

const SPACE = /[ \t\u00a0]*/y;
const HAN_CHAR = /[\u3400-\u9fff]/;

function spacesAt(text: string, i: number): number {
  SPACE.lastIndex = i;
  return SPACE.exec(text)![0].length;
}

function readCurrencyPrefix(text: string, i: number): { code: string; end: number } | null {
  for (const [sign, code] of CURRENCY_PREFIXES) {
    if (!text.startsWith(sign, i)) continue;
    let end = i + sign.length;
    // Letter codes ("RMB 10 billion") are words: a space may follow, and they must start a word.
    if (/^[A-Z]+$/.test(sign)) {
      if (i > 0 && /[A-Za-z]/.test(text.charAt(i - 1))) return null;
      end += Math.min(spacesAt(text, end), 1);
    }
    return { code, end };
  }
  return null;
}

/**
 * Reads a quantity starting at UTF-16 index `i`: an optional currency sign, a numeral,
 * then (Chinese) 多/余, scale characters, 多/余 and a unit, or (English) a scale word and a
 * unit or counted noun phrase. Returns null when no numeral starts at `i`.
 */
export function readQuantity(text: string, i: number, options: ReadQuantityOptions = {}): Quantity | null {
  const currency = readCurrencyPrefix(text, i);
  const numeralStart = currency ? currency.end : i;
  if (text.startsWith('百分之', numeralStart) && !currency) return readPercentWords(text, i);
  const vagueWord = currency ? null : readVague(text, numeralStart);
  const numeral: Numeral | null = vagueWord
    ? { kind: /[上数几]/.test(text.charAt(numeralStart)) ? 'han' : 'words', end: vagueWord.end, digits: String(vagueWord.value), intDigits: String(vagueWord.value).length, hasDecimal: false, leadingZero: false, digitSequence: false }
    : readNumeral(text, numeralStart);
  if (!numeral) return null;
  if (vagueWord && vagueWord.unit) {
    // "twice": a multiplier with its unit in the word.
    return {
      start: i, end: vagueWord.end, numeralStart, numeral, scaleExponent: 0, value: vagueWord.value, unit: vagueWord.unit,
      unitKind: 'measure', unitText: text.slice(i, vagueWord.end), innerApprox: null, han: false, vague: false, noun: '',
    };
  }

  let pos = numeral.end;
  let exponent = 0;
  let innerApprox: Approx | null = null;
  let han = numeral.kind === 'han';
  let unit = currency?.code ?? '';
  let unitKind: QuantityUnitKind = currency ? 'currency' : 'none';
  let unitStart = pos;
  let unitEnd = pos;

  const inner = (): void => {
    const a = INNER_APPROX[text.charAt(pos)];
    if (a && !innerApprox && numeral.kind !== 'words' && (readHanScale(text, pos + 1) || matchZhUnit(text, pos + 1))) {
      innerApprox = a;
      pos++;
      han = true;
    }
  };

  if (numeral.kind !== 'words' && !vagueWord) {
    inner();
    // Digits take scale characters ("2623.9亿"); a Chinese numeral holds its own, except after 多 ("三千多万").
    const hs = numeral.kind === 'arabic' || innerApprox ? readHanScale(text, pos) : null;
    if (hs) {
      exponent += hs.exponent;
      pos = hs.end;
      han = true;
    }
    inner();
  }
  if (!han && numeral.kind !== 'han' && !vagueWord) {
    const es = readEnScale(text, pos, !!currency);
    if (es) {
      exponent += es.exponent;
      pos = es.end;
    }
  }

  let noun = '';
  if (!currency) {
    let zh = numeral.kind === 'words' ? null : matchZhUnit(text, pos);
    // 四大新赛道, 五大未来产业: 大 counts a set of named things, and only with its noun.
    if (!zh && numeral.kind === 'han' && text.charAt(pos) === '大' && options.nounPhrase && readZhNoun(text, pos + 1)) zh = { surface: '大', unit: '大', kind: 'counter' };
    if (zh) {
      unit = zh.unit;
      unitKind = zh.kind;
      unitStart = pos;
      pos += zh.surface.length;
      unitEnd = pos;
      han = han || HAN_CHAR.test(zh.surface);
      if (zh.kind === 'counter' && options.nounPhrase && text.charAt(pos) !== zh.surface) {
        const np = readZhNoun(text, pos);
        if (np) {
          noun = np.text;
          unit = np.text;
          pos = np.end;
          unitEnd = pos;
        }
      }
    } else if (!han) {
      const gap = spacesAt(text, pos);
      const enUnit = matchEnUnit(text, pos + gap, gap === 0);
      if (enUnit) {
        unit = enUnit.unit;
        unitKind = enUnit.kind;
        unitStart = pos + gap;
        pos = unitStart + enUnit.surface.length;
        const per = readPer(text, pos);
        if (per !== null) {
          unit = `${unit} ${text.slice(pos, per).trim()}`;
          pos = per;
        }
        unitEnd = pos;
      } else if (options.nounPhrase) {
        const np = readNounPhrase(text, pos);
        if (np) {
          unit = np.text;
          unitKind = 'noun';
          unitStart = np.end - np.text.length;
          pos = np.end;
          unitEnd = pos;
        }
      }
    }
  } else {
    // "US$3 billion", "RMB 1.5 trillion yuan": a currency word may repeat the sign.
    const gap = spacesAt(text, pos);
    const again = matchEnUnit(text, pos + gap, gap === 0);
    if (again && again.kind === 'currency') pos = pos + gap + again.surface.length;
    unitStart = i;
    unitEnd = numeralStart;
  }
  if (unitKind !== 'none' && unitKind !== 'time') {
    const rate = readRateTail(text, pos, han || HAN_CHAR.test(text.charAt(pos + 1)));
    if (rate) {
      unit += rate.unit;
      pos = rate.end;
      unitEnd = pos;
    }
  }

  return {
    start: i,
    end: pos,
    numeralStart,
    numeral,
    scaleExponent: exponent,
    value: vagueWord ? vagueWord.value : scaledValue(numeral.digits, exponent),
    unit,
    unitKind,
    unitText: unitKind === 'none' ? '' : text.slice(unitStart, unitEnd).trim(),
    innerApprox: vagueWord ? 'more-than' : innerApprox,
    han,
    vague: !!vagueWord,
    noun,
  };
}

/** "百分之三十" (thirty percent): 30 with unit %. */
function readPercentWords(text: string, i: number): Quantity | null {
  const numeral = readNumeral(text, i + 3);
  if (!numeral || numeral.kind === 'words') return null;
  return {
    start: i,
    end: numeral.end,
    numeralStart: i,
    numeral,
    scaleExponent: 0,
    value: scaledValue(numeral.digits, 0),
    unit: '%',
    unitKind: 'measure',
    unitText: '百分之',
    innerApprox: null,
    han: true,
    vague: false,
    noun: '',
  };
}
