// Chinese runs cut where ICU's answer is known without asking it: between Han ideographs, printable ASCII and the
// common CJK punctuation, every change of kind is a word boundary, so only the runs of Han go to ICU's dictionary.

/** The kinds of UTF-16 unit a run cut here holds (0: anything else, and the run goes to ICU whole). */
export const CJK_ASCII = 1;
/** A Han ideograph of U+4E00 to U+9FFF (one UTF-16 unit). */
export const CJK_HAN = 2;
/** A punctuation mark that is a token of its own. */
export const CJK_MARK = 3;

/**
 * CJK punctuation whose UAX #29 word break class is Other: nothing joins it to a neighbour, so each is a token.
 * (。、（）《》「」『』【】“”！？; not ‘ ’ ． ＇, which join letters and digits.)
 */
const MARKS = new Set([0x3002, 0x3001, 0xff08, 0xff09, 0x300a, 0x300b, 0x300c, 0x300d, 0x300e, 0x300f, 0x3010, 0x3011, 0x201c, 0x201d, 0xff01, 0xff1f]);
/** Full-width comma and semicolon: MidNum, they join two digits (WB11, WB12); otherwise a token of their own. */
function isMidNum(c: number): boolean {
  return c === 0xff0c || c === 0xff1b;
}
/** Full-width colon: MidLetter, it joins two letters (WB6, WB7); otherwise a token of its own. */
const MID_LETTER = 0xff1a;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The kind of one UTF-16 unit: {@link CJK_ASCII}, {@link CJK_HAN}, {@link CJK_MARK}, or 0. */
export function cjkKind(c: number): number {
  if (c >= 0x21 && c <= 0x7e) return CJK_ASCII;
  if (c >= 0x4e00 && c <= 0x9fff) return CJK_HAN;
  if (isMidNum(c) || c === MID_LETTER || MARKS.has(c)) return CJK_MARK;
  return 0;
}

/**
 * Whether the run `[from, to)` of `text` (no whitespace in it) is cut here: it holds only printable ASCII, Han and
 * the marks above, and no mark between two digits or letters that it would join. Such a run is cut into pieces: the
 * longest stretches of ASCII (cut by UAX #29) and of Han, and each mark alone. ICU's tokens of the run are the ASCII
 * pieces' tokens, each mark, and ICU's cut of each Han piece alone (a test checks this against Intl.Segmenter over
 * whole texts). Any other run goes to ICU whole.
 */
export function cjkCuttable(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const kind = cjkKind(c);
    if (kind === 0) return false;
    if (kind !== CJK_MARK) continue;
    const prev = i > from ? text.charCodeAt(i - 1) : 0;
    const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
    if (isMidNum(c) && isDigit(prev) && isDigit(next)) return false;
    if (c === MID_LETTER && isLetter(prev) && isLetter(next)) return false;
  }
  return true;
}
