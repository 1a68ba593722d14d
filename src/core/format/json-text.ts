// hf's JSON written straight from the token table into one reused buffer of UTF-16 units, decoded once per record:
// the bytes JSON.stringify writes, without a string per token nor the token array it would need.

import type { TokenTable } from './token-table';

/** Units the buffer starts with, and goes back to after a record that needed more than {@link KEEP_UNITS}. */
const INITIAL_UNITS = 1 << 16;
/** The most units kept between records (8 MB): a huge document's buffer is not held for the rest of the run. */
const KEEP_UNITS = 1 << 22;
/** The units of a record being written; grown by doubling, reused from one record to the next. */
let units = new Uint16Array(INITIAL_UNITS);
/** UTF-16 units to a string in one native call (the units never hold a lone surrogate: those are escaped). */
const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });

const HEX = '0123456789abcdef';

/** The first `n` units as a string; the buffer shrinks back if a long record grew it past {@link KEEP_UNITS}. */
function finish(n: number): string {
  const s = decoder.decode(units.subarray(0, n));
  if (units.length > KEEP_UNITS) units = new Uint16Array(INITIAL_UNITS);
  return s;
}

function ensure(n: number): void {
  if (n <= units.length) return;
  let size = units.length * 2;
  while (size < n) size *= 2;
  const wider = new Uint16Array(size);
  wider.set(units);
  units = wider;
}

/** Writes `\uXXXX` (lowercase hex, as JSON.stringify) at `n`; returns the new length. */
function escapeUnit(c: number, n: number): number {
  units[n] = 0x5c;
  units[n + 1] = 0x75;
  units[n + 2] = HEX.charCodeAt((c >> 12) & 15);
  units[n + 3] = HEX.charCodeAt((c >> 8) & 15);
  units[n + 4] = HEX.charCodeAt((c >> 4) & 15);
  units[n + 5] = HEX.charCodeAt(c & 15);
  return n + 6;
}

/** The two-character escapes of JSON.stringify, by code unit (0: none). */
const SHORT_ESCAPE: Uint8Array = (() => {
  const t = new Uint8Array(0x60);
  t[0x08] = 0x62; // \b
  t[0x09] = 0x74; // \t
  t[0x0a] = 0x6e; // \n
  t[0x0c] = 0x66; // \f
  t[0x0d] = 0x72; // \r
  t[0x22] = 0x22; // \"
  t[0x5c] = 0x5c; // \\
  return t;
})();

/** Writes `s.slice(from, to)` as the inside of a JSON string at `n` (room for 6 units per unit is there); returns the new length. */
function writeEscaped(s: string, from: number, to: number, n: number): number {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && (c < 0xd800 || c > 0xdfff)) {
      units[n++] = c;
    } else if (c < 0x60 && SHORT_ESCAPE[c] !== 0) {
      units[n++] = 0x5c;
      units[n++] = SHORT_ESCAPE[c]!;
    } else if (c < 0x20) {
      n = escapeUnit(c, n);
    } else if (c <= 0xdbff && i + 1 < to && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      // A surrogate pair: written as it is.
      units[n++] = c;
      units[n++] = s.charCodeAt(++i);
    } else {
      // A lone surrogate: escaped, as well-formed JSON.stringify does.
      n = escapeUnit(c, n);
    }
  }
  return n;
}

/** `JSON.stringify` of the texts of the tokens of `tokens`, in order: `["a","b"]`. */
export function tokensJson(tokens: TokenTable): string {
  const { text, uStart, uEnd, count } = tokens;
  let n = 0;
  ensure(2);
  units[n++] = 0x5b;
  for (let i = 0; i < count; i++) {
    const from = uStart[i]!;
    const to = uEnd[i]!;
    ensure(n + 6 * (to - from) + 4);
    if (i > 0) units[n++] = 0x2c;
    units[n++] = 0x22;
    n = writeEscaped(text, from, to, n);
    units[n++] = 0x22;
  }
  units[n++] = 0x5d;
  return finish(n);
}

/** Writes the decimal digits of `v` (a non-negative integer) at `n`; returns the new length. */
function writeDigits(v: number, n: number): number {
  if (v < 10) {
    units[n] = 0x30 + v;
    return n + 1;
  }
  const s = String(v);
  for (let k = 0; k < s.length; k++) units[n + k] = s.charCodeAt(k);
  return n + s.length;
}

/** The numbers `ids[codes[i]]` joined by commas, as JSON.stringify writes an array's items: `0,3,4,0`. */
export function idList(codes: ArrayLike<number>, ids: readonly number[]): string {
  let n = 0;
  ensure(codes.length * 12 + 1);
  for (let i = 0; i < codes.length; i++) {
    if (i > 0) units[n++] = 0x2c;
    n = writeDigits(ids[codes[i]!]!, n);
  }
  return finish(n);
}
