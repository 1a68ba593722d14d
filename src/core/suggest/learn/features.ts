// The features of one token for the learning model: the word, its affixes and shape, and the same of its neighbours (token and character features, as averaged-perceptron taggers use).

import type { Token } from './tokens';

const shapes = new Map<string, string>();
/** Most shapes remembered: words repeat, and a corpus has far fewer distinct words than this. */
const SHAPE_CACHE = 50_000;

function shapeOfChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 65 && c <= 90) return 'X';
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 48 && c <= 57) return 'd';
  if (c < 128) return ch;
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{Nd}/u.test(ch) ? 'd' : /\p{Script=Han}/u.test(ch) ? 'H' : ch;
}

/** The shape of a word: X for capitals, x for lower case, d for digits, H for Han, runs collapsed ("Ascend" → "Xx", "910B" → "dX"). */
export function shape(word: string): string {
  const known = shapes.get(word);
  if (known !== undefined) return known;
  let out = '';
  for (const ch of word) {
    const c = shapeOfChar(ch);
    if (!out.endsWith(c)) out += c;
  }
  if (shapes.size >= SHAPE_CACHE) shapes.clear();
  shapes.set(word, out);
  return out;
}

const BOUNDARY = { text: '<s>', start: -1, end: -1 };

/**
 * Features of token `i` given the tag predicted for the token before it. Strings, one per
 * feature, prefixed by their kind so that a word and a suffix never collide. Pass the
 * token's {@link contextFeatures} when they are at hand (training reuses them every pass).
 */
export function tokenFeatures(tokens: readonly Token[], i: number, prevTag: string, context: readonly string[] = contextFeatures(tokens, i)): string[] {
  const lower = tokens[i]!.text.toLowerCase();
  return [...context, `t-1=${prevTag}`, `t-1|w=${prevTag}|${lower}`, `t-1|shape=${prevTag}|${shape(tokens[i]!.text)}`];
}

/** The features of token `i` that do not depend on the tags: computed once per token. */
export function contextFeatures(tokens: readonly Token[], i: number): string[] {
  const t = tokens[i]!;
  const w = t.text;
  const lower = w.toLowerCase();
  const chars = [...w];
  const prev = tokens[i - 1] ?? BOUNDARY;
  const prev2 = tokens[i - 2] ?? BOUNDARY;
  const next = tokens[i + 1] ?? BOUNDARY;
  const next2 = tokens[i + 2] ?? BOUNDARY;
  return [
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
    // A gap before the token (a space) matters in Latin text: "Ningbo-Zhoushan" vs "Ningbo ,".
    `gap=${prev.end === t.start ? 0 : 1}`,
  ];
}
