// Word tokens and sentences for the token formats (hf, conll), from Intl.Segmenter (Chinese included),
// in code points; and the reverse: a text rebuilt from tokens when importing them.

import { codePointLength } from '../model/offsets';

/** Segmenters are costly to build (ICU data): one per locale and granularity, reused. */
const segmenters = new Map<string, Intl.Segmenter>();

/** The cached segmenter of a locale and granularity. */
export function segmenter(locale: string | undefined, granularity: 'word' | 'sentence' | 'grapheme'): Intl.Segmenter {
  const key = `${locale ?? ''}/${granularity}`;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

/** One token: its text and its code point range in the document. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Whitespace as both JavaScript (`\s`) and Python (`str.split()`) see it:
 * tokens never contain any, so a token-per-line file splits the same way in both.
 */
const WS = /[\s\x1c-\x1f\x85]+/u;
const WS_ONLY = /^[\s\x1c-\x1f\x85]*$/u;
const WS_GLOBAL = /[\s\x1c-\x1f\x85]+/gu;

/**
 * The words of `text` as Intl.Segmenter finds them, whitespace dropped:
 * punctuation marks are tokens of their own; a Chinese run is cut by ICU's
 * dictionary ("上海市|统计|局"); an emoji sequence is one token.
 */
export function wordTokens(text: string, locale?: string): Token[] {
  const out: Token[] = [];
  let cp = 0;
  for (const { segment } of segmenter(locale, 'word').segment(text)) {
    const n = codePointLength(segment);
    if (!WS_ONLY.test(segment)) {
      if (!WS.test(segment)) out.push({ text: segment, start: cp, end: cp + n });
      else {
        // A segment with inner whitespace (rare): split it so no token holds a space.
        let at = cp;
        for (const part of segment.split(/([\s\x1c-\x1f\x85]+)/u)) {
          const m = codePointLength(part);
          if (part && !WS_ONLY.test(part)) out.push({ text: part, start: at, end: at + m });
          at += m;
        }
      }
    }
    cp += n;
  }
  return out;
}

/** The sentences of `text` (Intl.Segmenter), as code point ranges covering the text. */
export function sentenceRanges(text: string, locale?: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let cp = 0;
  for (const { segment } of segmenter(locale, 'sentence').segment(text)) {
    const n = codePointLength(segment);
    out.push({ start: cp, end: cp + n });
    cp += n;
  }
  return out;
}

/** Scripts written without spaces between words: no space is put between two of their tokens. */
const NO_SPACE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * A text rebuilt from tokens, for formats that keep no whitespace (hf, conll):
 * tokens joined by one space, except where a token ends or the next begins
 * with a Chinese or Japanese character or full-width punctuation. Returns the
 * text and each token's code point range in it.
 */
export function joinTokens(tokens: readonly string[]): { text: string; ranges: Array<{ start: number; end: number }> } {
  let text = '';
  let cp = 0;
  const ranges: Array<{ start: number; end: number }> = [];
  tokens.forEach((raw, i) => {
    const t = raw.replace(WS_GLOBAL, '');
    if (i > 0) {
      const prev = tokens[i - 1] ?? '';
      const last = Array.from(prev).pop() ?? '';
      const first = Array.from(t)[0] ?? '';
      if (!(NO_SPACE.test(last) || NO_SPACE.test(first))) {
        text += ' ';
        cp++;
      }
    }
    const n = codePointLength(t);
    ranges.push({ start: cp, end: cp + n });
    text += t;
    cp += n;
  });
  return { text, ranges };
}
