// Chinese runs cut where ICU's answer is known without asking it: between Han ideographs, printable ASCII and the
// common CJK punctuation, every change of kind is a word boundary, so only the runs of Han go to ICU's dictionary.

/** One piece of a run: printable ASCII, Han ideographs, or one punctuation mark that is a token of its own. */
export interface RunPiece {
  kind: 'ascii' | 'han' | 'mark';
  /** UTF-16 range in the run. */
  from: number;
  to: number;
}

/**
 * CJK punctuation whose UAX #29 word break class is Other: nothing joins it to a neighbour, so each is a token.
 * (。、（）《》「」『』【】“”！？; not ‘ ’ ． ＇, which join letters and digits.)
 */
const MARKS = new Set([0x3002, 0x3001, 0xff08, 0xff09, 0x300a, 0x300b, 0x300c, 0x300d, 0x300e, 0x300f, 0x3010, 0x3011, 0x201c, 0x201d, 0xff01, 0xff1f]);
/** Full-width comma and semicolon: MidNum, they join two digits (WB11, WB12); otherwise a token of their own. */
const MID_NUM = new Set([0xff0c, 0xff1b]);
/** Full-width colon: MidLetter, it joins two letters (WB6, WB7); otherwise a token of its own. */
const MID_LETTER = 0xff1a;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function kindOf(c: number): 'ascii' | 'han' | 'mark' | null {
  if (c >= 0x21 && c <= 0x7e) return 'ascii';
  if (c >= 0x4e00 && c <= 0x9fff) return 'han';
  if (MARKS.has(c) || MID_NUM.has(c) || c === MID_LETTER) return 'mark';
  return null;
}

/**
 * The pieces of a run without whitespace, or null when it holds anything else (kana, other scripts,
 * marks, emoji, full-width letters, a mark between two digits or letters): such a run goes to ICU whole.
 * ICU's tokens of the run are then the ASCII pieces cut by UAX #29, each mark, and ICU's cut of each
 * Han piece alone (a test checks this against Intl.Segmenter over whole texts).
 */
export function cjkPieces(run: string): RunPiece[] | null {
  const out: RunPiece[] = [];
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    const kind = kindOf(c);
    if (kind === null) return null;
    if (kind === 'mark') {
      const prev = i > 0 ? run.charCodeAt(i - 1) : 0;
      const next = i + 1 < run.length ? run.charCodeAt(i + 1) : 0;
      if (MID_NUM.has(c) && isDigit(prev) && isDigit(next)) return null;
      if (c === MID_LETTER && isLetter(prev) && isLetter(next)) return null;
      out.push({ kind, from: i, to: i + 1 });
      continue;
    }
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.to === i) last.to = i + 1;
    else out.push({ kind, from: i, to: i + 1 });
  }
  return out;
}
