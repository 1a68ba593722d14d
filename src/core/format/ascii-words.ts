// Runs of printable ASCII cut into words here, by the UAX #29 rules ICU applies to them, without calling ICU:
// Intl.Segmenter costs about a microsecond per segment in Node, and most of an English text is such runs.

import type { TokenTable } from './token-table';

/** UAX #29 word break classes of printable ASCII (what ICU's root rules give them). */
const OTHER = 0;
const LETTER = 1;
const NUMERIC = 2;
/** ':' */
const MID_LETTER = 3;
/** ',' ';' */
const MID_NUM = 4;
/** '.' and the single quote, which join both letters and digits. */
const MID_NUM_LET = 5;
/** '_' */
const EXTEND_NUM_LET = 6;

const WB_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = LETTER;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = LETTER;
  for (let c = 0x30; c <= 0x39; c++) t[c] = NUMERIC;
  t[0x3a] = MID_LETTER;
  t[0x2c] = MID_NUM;
  t[0x3b] = MID_NUM;
  t[0x2e] = MID_NUM_LET;
  t[0x27] = MID_NUM_LET;
  t[0x5f] = EXTEND_NUM_LET;
  return t;
})();

/** Letters and digits (AHLetter and Numeric). A module function: the CLI runs under tsx, whose keepNames makes a closure created per call costly. */
function alnum(c: number): boolean {
  return c === LETTER || c === NUMERIC;
}

/** Whether UAX #29 keeps positions i-1 and i of the printable ASCII run `[from, to)` of `s` together (rules WB5 to WB13b). */
function joined(s: string, i: number, from: number, to: number): boolean {
  const prev = WB_CLASS[s.charCodeAt(i - 1)]!;
  const cur = WB_CLASS[s.charCodeAt(i)]!;
  if (alnum(prev) && alnum(cur)) return true; // WB5, WB8, WB9, WB10
  const next = i + 1 < to ? WB_CLASS[s.charCodeAt(i + 1)]! : OTHER;
  const before = i - 2 >= from ? WB_CLASS[s.charCodeAt(i - 2)]! : OTHER;
  if (prev === LETTER && (cur === MID_LETTER || cur === MID_NUM_LET) && next === LETTER) return true; // WB6
  if (before === LETTER && (prev === MID_LETTER || prev === MID_NUM_LET) && cur === LETTER) return true; // WB7
  if (prev === NUMERIC && (cur === MID_NUM || cur === MID_NUM_LET) && next === NUMERIC) return true; // WB12
  if (before === NUMERIC && (prev === MID_NUM || prev === MID_NUM_LET) && cur === NUMERIC) return true; // WB11
  if ((alnum(prev) || prev === EXTEND_NUM_LET) && cur === EXTEND_NUM_LET) return true; // WB13a
  if (prev === EXTEND_NUM_LET && alnum(cur)) return true; // WB13b
  return false;
}

/**
 * Appends to `out` the words of the run `[from, to)` of `s`, printable ASCII without whitespace, whose first
 * character is code point `cp`. The run's edges are word boundaries whatever surrounds it (nothing joins printable
 * ASCII to whitespace, Han or the CJK marks), so these are ICU's tokens; a test checks them on random text.
 */
export function asciiWords(s: string, from: number, to: number, cp: number, out: TokenTable): void {
  let start = from;
  for (let i = from + 1; i <= to; i++) {
    if (i < to && joined(s, i, from, to)) continue;
    out.push(start, i, cp + start - from, cp + i - from);
    start = i;
  }
}
