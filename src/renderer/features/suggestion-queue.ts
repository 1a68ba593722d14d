// The suggestion queue's logic, apart from React: where a suggestion came from, its score, its line of context,
// identical strings grouped ("Beijing" ×37), filters by label and source, and where the focus goes after a row leaves.

import { OffsetMap } from '../../core/model/offsets';
import type { CodePoint } from '../../core/model/types';

/**
 * What the queue reads of a suggestion. `source` and `score` are optional: the
 * suggesters that set them (parser, lexicon, model, nlp) say so; older ones do not,
 * and their source is then told from the kind.
 */
export interface QueueItem {
  readonly key: string;
  readonly kind: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** The suggested span's text. */
  readonly text: string;
  readonly source?: string;
  readonly score?: number;
}

/** The source of a suggestion that does not name one, by its kind: figures come from the parser, dictionary hits from the lexicon. */
const SOURCE_OF_KIND: Readonly<Record<string, string>> = { figure: 'parser', dictionary: 'lexicon' };

/** Where a suggestion came from: its own `source`, else the one its kind implies, else its kind. */
export function sourceOf(s: QueueItem): string {
  return s.source ?? SOURCE_OF_KIND[s.kind] ?? s.kind;
}

/** A score as the queue shows it: two decimals for a 0–1 confidence, else the number as it is; empty when there is none. */
export function formatScore(score: number | undefined): string {
  if (score === undefined || !Number.isFinite(score)) return '';
  return score >= 0 && score <= 1 ? score.toFixed(2) : String(Math.round(score * 100) / 100);
}

/** One row of the queue: every open suggestion of one label with the same text, in document order. */
export interface QueueRow<T extends QueueItem> {
  /** `label` and `text`, stable while the row has members, so focus can find the row again. */
  readonly key: string;
  readonly label: string;
  readonly text: string;
  /** At least one; the first is the earliest in the document. */
  readonly items: readonly T[];
  /** Distinct sources of the members, in first-seen order. */
  readonly sources: readonly string[];
  /** The highest score among the members, if any has one. */
  readonly score?: number;
}

/** The key of the row a suggestion belongs to. */
export function rowKeyOf(s: Pick<QueueItem, 'label' | 'text'>): string {
  return `${s.label}\u241f${s.text}`;
}

/** How rows are ordered: by their first place in the document, by best score, or by how many there are. */
export type QueueOrder = 'position' | 'score' | 'count';

/**
 * Groups suggestions into rows of one label and one text. Rows come in the order
 * asked; ties and the default keep document order (of each row's first member).
 */
export function groupQueue<T extends QueueItem>(items: readonly T[], order: QueueOrder = 'position'): QueueRow<T>[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  const rows = new Map<string, { label: string; text: string; items: T[]; sources: string[]; score?: number }>();
  for (const s of sorted) {
    const key = rowKeyOf(s);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { label: s.label, text: s.text, items: [], sources: [] }));
    row.items.push(s);
    const source = sourceOf(s);
    if (!row.sources.includes(source)) row.sources.push(source);
    if (s.score !== undefined && Number.isFinite(s.score) && (row.score === undefined || s.score > row.score)) row.score = s.score;
  }
  const out: QueueRow<T>[] = [...rows.entries()].map(([key, r]) => ({ key, ...r }));
  if (order === 'score') return stableSort(out, (a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity));
  if (order === 'count') return stableSort(out, (a, b) => b.items.length - a.items.length);
  return out;
}

function stableSort<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  return list.map((x, i) => [x, i] as const).sort((a, b) => compare(a[0], b[0]) || a[1] - b[1]).map(([x]) => x);
}

/** What the queue shows; an empty field lets everything through. */
export interface QueueFilter {
  label?: string;
  source?: string;
}

/** The suggestions that pass a filter. */
export function filterQueue<T extends QueueItem>(items: readonly T[], filter: QueueFilter): T[] {
  return items.filter((s) => (!filter.label || s.label === filter.label) && (!filter.source || sourceOf(s) === filter.source));
}

/** A filter's choices with their counts, in first-seen order, for the filter menus. */
export function facetsOf(items: readonly QueueItem[]): { labels: [string, number][]; sources: [string, number][] } {
  const labels = new Map<string, number>();
  const sources = new Map<string, number>();
  for (const s of items) {
    labels.set(s.label, (labels.get(s.label) ?? 0) + 1);
    sources.set(sourceOf(s), (sources.get(sourceOf(s)) ?? 0) + 1);
  }
  return { labels: [...labels], sources: [...sources] };
}

/**
 * The row to focus once the row at `index` is judged and leaves the queue: the one
 * after it, else the one before; null when none is left. Never the judged row's
 * own buttons, nor the next row's reject button: the caller focuses the row's main action.
 */
export function focusAfter(rowKeys: readonly string[], index: number): string | null {
  return rowKeys[index + 1] ?? rowKeys[index - 1] ?? null;
}

/** A suggestion's line of context: the text before and after it on its own line (paragraph), clipped to a width. */
export interface ContextLine {
  before: string;
  match: string;
  after: string;
  /** True when `before` was cut (it then starts mid-line); the UI shows an ellipsis. */
  clippedBefore: boolean;
  clippedAfter: boolean;
}

/** Columns of context before a suggestion (a Chinese character is two): about half a panel row, so the start is seldom cut by layout. */
export const CONTEXT_BEFORE = 22;
/** Columns of context after a suggestion. */
export const CONTEXT_AFTER = 44;

/** How far back a clipped side may drop a partial word to start on a word (UTF-16 units). */
const WORD_SLACK = 12;

/**
 * Columns a character takes in a line of UI text: two for the wide characters of
 * Chinese, Japanese and Korean (Hangul Jamo, CJK symbols to Yi, Hangul syllables,
 * compatibility ideographs and forms, full-width forms, the supplementary ideograph
 * planes), one for the rest. Roughly what a proportional UI font gives.
 */
export function columnsOf(codePoint: number): number {
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd);
  return wide ? 2 : 1;
}

/**
 * The line of text around `start`–`end` (code points), never crossing a line break,
 * white space runs shown as one space, up to `width` columns before and `widthAfter`
 * after (see {@link columnsOf}). A side cut by the width starts (or ends) on a whole
 * word where a space is near. Only the window is read: a million-character line costs
 * no more than a short one.
 */
export function contextLine(text: string, start: number, end: number, map = new OffsetMap(text), width = CONTEXT_BEFORE, widthAfter = CONTEXT_AFTER): ContextLine {
  const s = map.toUtf16(start as CodePoint);
  const e = map.toUtf16(end as CodePoint);
  let b: number = s;
  for (let used = 0; b > 0; ) {
    // Stepping back one code point: a low surrogate with its high one before it is one character.
    const unit = text.charCodeAt(b - 1);
    const pair = unit >= 0xdc00 && unit <= 0xdfff && b >= 2 && text.charCodeAt(b - 2) >= 0xd800 && text.charCodeAt(b - 2) <= 0xdbff;
    const cp = pair ? text.codePointAt(b - 2)! : unit;
    if (cp === 0x0a || used + columnsOf(cp) > width) break;
    used += columnsOf(cp);
    b -= pair ? 2 : 1;
  }
  let a: number = e;
  for (let used = 0; a < text.length; ) {
    const cp = text.codePointAt(a)!;
    if (cp === 0x0a || used + columnsOf(cp) > widthAfter) break;
    used += columnsOf(cp);
    a += cp > 0xffff ? 2 : 1;
  }
  const clippedBefore = b > 0 && text.charCodeAt(b - 1) !== 0x0a;
  const clippedAfter = a < text.length && text.charCodeAt(a) !== 0x0a;
  let before = text.slice(b, s);
  let after = text.slice(e, a);
  // A partial word at a cut side is dropped when a space is near and words are left to show.
  if (clippedBefore) {
    const space = before.search(/\s/);
    if (space >= 0 && space < WORD_SLACK && /\S/.test(before.slice(space + 1))) before = before.slice(space + 1);
  }
  if (clippedAfter) {
    const space = after.search(/\s\S*$/);
    if (space >= 0 && after.length - space < WORD_SLACK && /\S/.test(after.slice(0, space))) after = after.slice(0, space);
  }
  const flat = (x: string) => x.replace(/\s+/g, ' ');
  return { before: flat(before), match: flat(text.slice(s, e)), after: flat(after), clippedBefore, clippedAfter };
}
