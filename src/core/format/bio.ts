// BIO tagging of word tokens from code-point spans, and back: one layer of non-overlapping spans,
// chosen by a written rule, with every span that cannot be tagged reported by document and id.

import type { NativeSpan } from './native';
import type { Alignment, Warn } from './convert-types';
import type { Token } from './tokens';

/** The tag outside any span. */
export const OUTSIDE = 'O';

/** A span placed on tokens: `first` and `last` are token indices, inclusive. */
export interface TokenSpan {
  span: NativeSpan;
  first: number;
  last: number;
}

/** Where the warnings of one document go. */
export interface TagContext {
  docId: string;
  annotator?: string;
  alignment?: Alignment;
  warn?: Warn;
}

function describe(s: NativeSpan): string {
  return `${s.label} span ${JSON.stringify(s.id)} [${s.start}, ${s.end}) ${JSON.stringify(s.text)}`;
}

/** "a line break" or "whitespace", for the stretch a span has beyond its tokens. */
function whitespaceName(s: string): string {
  return /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/u.test(s) ? 'a line break' : 'whitespace';
}

/** Index of the first token whose end is after `cp`. */
function firstEndingAfter(tokens: readonly Token[], cp: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= cp) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Places a span on tokens. Aligned: its start is a token's start and its end a
 * token's end. Otherwise `strict` reports it and returns null; `expand` takes
 * every token it touches and `contract` only the tokens wholly inside it, and
 * both report the move. Spans over whitespace only are reported and dropped.
 */
export function alignSpan(tokens: readonly Token[], span: NativeSpan, ctx: TagContext): TokenSpan | null {
  const warn = (message: string) => ctx.warn?.({ docId: ctx.docId, annotator: ctx.annotator, spanId: span.id, message });
  const first = firstEndingAfter(tokens, span.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < span.end) last++;
  const touched = first < tokens.length && tokens[first]!.start < span.end;
  if (!touched) {
    warn(`${describe(span)} covers no token (only whitespace): not tagged`);
    return null;
  }
  const ft = tokens[first]!;
  const lt = tokens[last]!;
  if (ft.start === span.start && lt.end === span.end) return { span, first, last };
  if (ft.start >= span.start && lt.end <= span.end) {
    // Only whitespace at the edges, which no token holds: the span is its tokens.
    const edges = [ft.start > span.start ? `begins with ${whitespaceName(Array.from(span.text).slice(0, ft.start - span.start).join(''))}` : '', lt.end < span.end ? `ends with ${whitespaceName(Array.from(span.text).slice(lt.end - span.start).join(''))}` : '']
      .filter(Boolean)
      .join(' and ');
    warn(`${describe(span)} ${edges}: tagged on tokens [${ft.start}, ${lt.end}) without it (tokens hold no whitespace)`);
    return { span, first, last };
  }
  const where =
    ft.start < span.start
      ? `starts inside token ${JSON.stringify(ft.text)} [${ft.start}, ${ft.end})`
      : `ends inside token ${JSON.stringify(lt.text)} [${lt.start}, ${lt.end})`;
  const mode = ctx.alignment ?? 'strict';
  if (mode === 'strict') {
    warn(`${describe(span)} ${where}: not tagged (alignment strict; use expand or contract to move it)`);
    return null;
  }
  if (mode === 'expand') {
    warn(`${describe(span)} ${where}: tagged on tokens [${ft.start}, ${lt.end}) (alignment expand)`);
    return { span, first, last };
  }
  let a = first;
  let b = last;
  if (tokens[a]!.start < span.start) a++;
  if (tokens[b]!.end > span.end) b--;
  if (a > b) {
    warn(`${describe(span)} ${where} and holds no whole token: not tagged (alignment contract)`);
    return null;
  }
  warn(`${describe(span)} ${where}: tagged on tokens [${tokens[a]!.start}, ${tokens[b]!.end}) (alignment contract)`);
  return { span, first: a, last: b };
}

/**
 * The layer rule for overlapping spans: longest first (in code points), then
 * the earlier start, then label, then id. Spans are taken in that order and
 * a span that shares a token with one already taken is reported and left out.
 */
export function chooseLayer(placed: readonly TokenSpan[], ctx: TagContext): TokenSpan[] {
  const order = [...placed].sort(
    (a, b) =>
      b.span.end - b.span.start - (a.span.end - a.span.start) ||
      a.span.start - b.span.start ||
      (a.span.label < b.span.label ? -1 : a.span.label > b.span.label ? 1 : 0) ||
      (a.span.id < b.span.id ? -1 : a.span.id > b.span.id ? 1 : 0),
  );
  const owner = new Map<number, TokenSpan>();
  const kept: TokenSpan[] = [];
  for (const t of order) {
    let clash: TokenSpan | undefined;
    for (let i = t.first; i <= t.last && !clash; i++) clash = owner.get(i);
    if (clash) {
      ctx.warn?.({
        docId: ctx.docId,
        annotator: ctx.annotator,
        spanId: t.span.id,
        message: `${describe(t.span)} overlaps ${describe(clash.span)}, which is kept (longest first): not tagged; pick a layer with --labels`,
      });
      continue;
    }
    for (let i = t.first; i <= t.last; i++) owner.set(i, t);
    kept.push(t);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** BIO tags of `tokens` for `spans`: aligned, one layer chosen, then B- on the first token and I- on the rest. */
export function bioTags(tokens: readonly Token[], spans: readonly NativeSpan[], ctx: TagContext): { tags: string[]; kept: TokenSpan[] } {
  const placed: TokenSpan[] = [];
  for (const s of spans) {
    const t = alignSpan(tokens, s, ctx);
    if (t) placed.push(t);
  }
  const kept = chooseLayer(placed, ctx);
  const tags = tokens.map(() => OUTSIDE);
  for (const { span, first, last } of kept) {
    tags[first] = `B-${span.label}`;
    for (let i = first + 1; i <= last; i++) tags[i] = `I-${span.label}`;
  }
  return { tags, kept };
}

/** A run of tokens with one label, as read back from BIO tags. */
export interface TagRun {
  label: string;
  first: number;
  last: number;
}

/**
 * The spans of a BIO sequence. An I- tag that does not continue a span of the
 * same label (after O, or after another label) is ill-formed: it is reported
 * through `onIllFormed` and starts a new span, as most readers do.
 */
export function readBio(tags: readonly string[], onIllFormed?: (index: number, tag: string) => void): TagRun[] {
  const runs: TagRun[] = [];
  let open: TagRun | null = null;
  tags.forEach((tag, i) => {
    const m = /^([BI])-(.+)$/.exec(tag);
    if (!m) {
      if (tag !== OUTSIDE) onIllFormed?.(i, tag);
      open = null;
      return;
    }
    const [, kind, label] = m as unknown as [string, 'B' | 'I', string];
    if (kind === 'I' && open && open.label === label) {
      open.last = i;
      return;
    }
    if (kind === 'I') onIllFormed?.(i, tag);
    open = { label, first: i, last: i };
    runs.push(open);
  });
  return runs;
}
