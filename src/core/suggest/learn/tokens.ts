// Splits a text into the tokens the learning model tags: Intl.Segmenter words (Chinese words too), punctuation kept, spaces dropped; UTF-16 offsets.

/** One token: its text and UTF-16 offsets in the document. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const HAN = /\p{Script=Han}/u;
const SPACE = /^\s+$/u;
const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) segmenters.set(locale, (s = new Intl.Segmenter(locale, { granularity: 'word' })));
  return s;
}

/**
 * The tokens of `text`, line by line (a line's script picks the segmenter's locale, so a
 * Chinese paragraph is segmented as Chinese). Whitespace is not a token.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line) {
      for (const seg of segmenter(HAN.test(line) ? 'zh' : 'en').segment(line)) {
        if (SPACE.test(seg.segment)) continue;
        out.push({ text: seg.segment, start: lineStart + seg.index, end: lineStart + seg.index + seg.segment.length });
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
