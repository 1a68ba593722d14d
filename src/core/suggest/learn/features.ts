// The features of one token for the learning model: the word, its affixes and shape, and the same of its neighbours (token and character features, as averaged-perceptron taggers use).

import type { Token } from './tokens';

/** The shape of a word: X for capitals, x for lower case, d for digits, H for Han, runs collapsed ("Ascend" → "Xx", "910B" → "dX"). */
export function shape(word: string): string {
  let out = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{Nd}/u.test(ch) ? 'd' : /\p{Script=Han}/u.test(ch) ? 'H' : ch;
    if (!out.endsWith(c)) out += c;
  }
  return out;
}

const BOUNDARY = { text: '<s>', start: -1, end: -1 };

/**
 * Features of token `i` given the tag predicted for the token before it. Strings, one per
 * feature, prefixed by their kind so that a word and a suffix never collide.
 */
export function tokenFeatures(tokens: readonly Token[], i: number, prevTag: string): string[] {
  const t = tokens[i]!;
  const w = t.text;
  const lower = w.toLowerCase();
  const chars = [...w];
  const prev = tokens[i - 1] ?? BOUNDARY;
  const prev2 = tokens[i - 2] ?? BOUNDARY;
  const next = tokens[i + 1] ?? BOUNDARY;
  const next2 = tokens[i + 2] ?? BOUNDARY;
  const f = [
    'bias',
    `w=${lower}`,
    `shape=${shape(w)}`,
    `p1=${chars[0]}`,
    `p2=${chars.slice(0, 2).join('')}`,
    `s1=${chars[chars.length - 1]}`,
    `s2=${chars.slice(-2).join('')}`,
    `s3=${chars.slice(-3).join('')}`,
    `len=${Math.min(chars.length, 6)}`,
    `w-1=${prev.text.toLowerCase()}`,
    `w-2=${prev2.text.toLowerCase()}`,
    `w+1=${next.text.toLowerCase()}`,
    `w+2=${next2.text.toLowerCase()}`,
    `shape-1=${shape(prev.text)}`,
    `shape+1=${shape(next.text)}`,
    `s1+1=${[...next.text].pop() ?? ''}`,
    `t-1=${prevTag}`,
    `t-1|w=${prevTag}|${lower}`,
    `t-1|shape=${prevTag}|${shape(w)}`,
    // A gap before the token (a space) matters in Latin text: "Ningbo-Zhoushan" vs "Ningbo ,".
    `gap=${prev.end === t.start ? 0 : 1}`,
  ];
  return f;
}
