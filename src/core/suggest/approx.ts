// Approximators and comparisons around a figure ("more than", "约", "以上"): they stay outside the span and become attrs.approx.

/** The values of a FIGURE's `approx` attribute, as the guidelines define them. */
export type Approx = 'none' | 'more-than' | 'about' | 'less-than' | 'up-to';

/**
 * English words before a number, by meaning. "nearly", "almost" and their Chinese
 * counterparts 近/将近/接近 are `less-than`: "nearly 2 GW" is true of 1.9 GW and false of
 * 2.1 GW, which is what less-than says and "about" would not.
 */
const EN_BEFORE: ReadonlyArray<readonly [Approx, string[]]> = [
  ['up-to', ['up to', 'within', 'as many as', 'as much as', 'as high as', 'at most', 'no more than', 'not more than', 'a maximum of']],
  ['more-than', ['more than', 'as little as', 'as few as', 'as low as', 'as short as', 'over', 'exceeded', 'exceeds', 'exceed', 'exceeding', 'above', 'at least', 'upwards of', 'in excess of', 'greater than', 'no fewer than', 'no less than', 'surpassed', 'surpassing', 'topped', 'beyond']],
  ['less-than', ['less than', 'fewer than', 'under', 'below', 'nearly', 'almost', 'close to', 'just under', 'just below']],
  ['about', ['about', 'around', 'approximately', 'approx.', 'roughly', 'some', 'an estimated', 'estimated', 'circa']],
];

/** Chinese words before a number. Longer words that contain shorter ones (不超过, 超过) are tried first by the regex's leftmost match. */
const ZH_BEFORE: ReadonlyArray<readonly [Approx, string[]]> = [
  ['up-to', ['多达', '高达', '最多', '至多', '最高', '不超过', '不多于', '不高于']],
  ['more-than', ['超过', '超出', '逾', '超', '多于', '高于', '大于', '至少', '不少于', '不低于', '突破']],
  ['less-than', ['将近', '接近', '近', '几乎', '不足', '不到', '少于', '低于', '小于', '不及']],
  ['about', ['大约', '约合', '约', '大概', '大致']],
];

/** Words after a number (after its unit). */
const EN_AFTER: ReadonlyArray<readonly [Approx, string[]]> = [
  ['more-than', ['or more', 'or above', 'and above', 'and over']],
  ['up-to', ['or less', 'or fewer', 'and below', 'at most']],
  ['about', ['or so']],
];
const ZH_AFTER: ReadonlyArray<readonly [Approx, string[]]> = [
  ['more-than', ['以上', '有余']],
  ['about', ['左右']],
  ['up-to', ['以下', '以内', '之内', '内']],
];

/** 多 and 余 written between a numeral and its scale or unit ("20多个", "70多万台", "40余项"). */
export const INNER_APPROX: Readonly<Record<string, Approx>> = { 多: 'more-than', 余: 'more-than' };

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function table(groups: ReadonlyArray<readonly [Approx, string[]]>): Map<string, Approx> {
  const m = new Map<string, Approx>();
  for (const [approx, words] of groups) for (const w of words) m.set(w.toLowerCase(), approx);
  return m;
}

function alternation(groups: ReadonlyArray<readonly [Approx, string[]]>): string {
  return groups.flatMap(([, ws]) => ws).sort((a, b) => b.length - a.length).map(escape).join('|');
}

const EN_BEFORE_MAP = table(EN_BEFORE);
const ZH_BEFORE_MAP = table(ZH_BEFORE);
const EN_AFTER_MAP = table(EN_AFTER);
const ZH_AFTER_MAP = table(ZH_AFTER);

/** Chinese approximators by last character, longest first, so 不超过 is tried before 超过. */
const ZH_BEFORE_BY_LAST: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const w of [...ZH_BEFORE_MAP.keys()].sort((a, b) => b.length - a.length)) {
    const k = w.charAt(w.length - 1);
    const list = m.get(k);
    if (list) list.push(w);
    else m.set(k, [w]);
  }
  return m;
})();

/** Most words in an English approximator ("in excess of", "no more than"). */
const EN_BEFORE_MAX_WORDS = 3;
const EN_AFTER_RE = new RegExp(`^[ \\t\\u00a0]+(${alternation(EN_AFTER)})(?![A-Za-z])`, 'i');
const ZH_AFTER_RE = new RegExp(`^(${alternation(ZH_AFTER)})`);
/** An approximator at the very start of a span's text ("more than 9,000 ..."). */
const EN_LEADING_RE = new RegExp(`^(${alternation(EN_BEFORE)})[ \\t\\u00a0]+`, 'i');
const ZH_LEADING_RE = new RegExp(`^(${alternation(ZH_BEFORE)})[ \\t]*`);
const ZH_TRAILING_RE = new RegExp(`(${alternation(ZH_AFTER)})$`);
const EN_TRAILING_RE = new RegExp(`[ \\t\\u00a0]+(${alternation(EN_AFTER)})$`, 'i');

/** How far ahead an approximator after a figure can end: " or more" and the like fit in 24 UTF-16 units. */
const LOOKAHEAD = 24;

const SPACE_CHAR = /[ \t\u00a0]/;
const WORD_CHAR = /[A-Za-z.]/;

/** An approximator found next to a figure. `at` is where it starts (before) or ends (after), in UTF-16. */
export interface ApproxMatch {
  approx: Approx;
  at: number;
  /** The approximator as written. */
  word: string;
}

/**
 * The approximator that ends right before UTF-16 index `i`, if any: a Chinese one with or
 * without spaces before the number, an English one of up to three words with a space.
 * Looks at a few words only, so it costs the same anywhere in a long text.
 */
export function approxBefore(text: string, i: number): ApproxMatch | null {
  let j = i;
  while (j > 0 && SPACE_CHAR.test(text.charAt(j - 1))) j--;
  for (const w of ZH_BEFORE_BY_LAST.get(text.charAt(j - 1)) ?? []) {
    if (text.startsWith(w, j - w.length)) return { approx: ZH_BEFORE_MAP.get(w)!, at: j - w.length, word: w };
  }
  if (j === i) return null;
  const starts: number[] = [];
  let k = j;
  while (starts.length < EN_BEFORE_MAX_WORDS) {
    let s = k;
    while (s > 0 && WORD_CHAR.test(text.charAt(s - 1))) s--;
    if (s === k) break;
    starts.push(s);
    if (s < 2 || text.charAt(s - 1) !== ' ') break;
    k = s - 1;
  }
  for (let n = starts.length - 1; n >= 0; n--) {
    const s = starts[n]!;
    const phrase = text.slice(s, j);
    const approx = EN_BEFORE_MAP.get(phrase.toLowerCase());
    if (approx) return { approx, at: s, word: phrase };
  }
  return null;
}

/** The approximator that starts right after UTF-16 index `i` ("以上", " or more"), if any. */
export function approxAfter(text: string, i: number): ApproxMatch | null {
  const ahead = text.slice(i, i + LOOKAHEAD);
  const zh = ZH_AFTER_RE.exec(ahead);
  if (zh) return { approx: ZH_AFTER_MAP.get(zh[1]!)!, at: i + zh[0].length, word: zh[1]! };
  const m = EN_AFTER_RE.exec(ahead);
  if (m) return { approx: EN_AFTER_MAP.get(m[1]!.toLowerCase())!, at: i + m[0].length, word: m[1]! };
  return null;
}

/** An approximator at the start of `s`, and the length to strip with it. */
export function leadingApprox(s: string): { approx: Approx; length: number } | null {
  const m = ZH_LEADING_RE.exec(s) ?? EN_LEADING_RE.exec(s);
  if (!m) return null;
  const approx = ZH_BEFORE_MAP.get(m[1]!) ?? EN_BEFORE_MAP.get(m[1]!.toLowerCase());
  return approx ? { approx, length: m[0].length } : null;
}

/** An approximator at the end of `s`, and the length to strip with it. */
export function trailingApprox(s: string): { approx: Approx; length: number } | null {
  const zh = ZH_TRAILING_RE.exec(s);
  if (zh) return { approx: ZH_AFTER_MAP.get(zh[1]!)!, length: zh[0].length };
  const m = EN_TRAILING_RE.exec(s);
  if (m) return { approx: EN_AFTER_MAP.get(m[1]!.toLowerCase())!, length: m[0].length };
  return null;
}
