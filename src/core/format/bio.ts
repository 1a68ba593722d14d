// BIO tagging of word tokens from code-point spans, and back: one layer of non-overlapping spans,
// chosen by a written rule, with every span that cannot be tagged reported by document and id.

import type { NativeSpan } from './native';
import type { Alignment, Warn } from './convert-types';
import { TokenTable, type Token } from './token-table';

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
function firstEndingAfter(tokens: TokenTable, cp: number): number {
  const { end } = tokens;
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (end[mid]! <= cp) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function warnSpan(ctx: TagContext, span: NativeSpan, message: string): void {
  ctx.warn?.({ docId: ctx.docId, annotator: ctx.annotator, spanId: span.id, message });
}

/** "token "TEXT" [start, end)" for a message. */
function describeToken(tokens: TokenTable, i: number): string {
  return `token ${JSON.stringify(tokens.tokenText(i))} [${tokens.start[i]}, ${tokens.end[i]})`;
}

/**
 * Places a span on tokens. Aligned: its start is a token's start and its end a
 * token's end. Otherwise `strict` reports it and returns null; `expand` takes
 * every token it touches and `contract` only the tokens wholly inside it, and
 * both report the move. Spans over whitespace only are reported and dropped.
 */
export function alignSpan(tokens: TokenTable, span: NativeSpan, ctx: TagContext): TokenSpan | null {
  const { start, end, count } = tokens;
  const first = firstEndingAfter(tokens, span.start);
  let last = first;
  while (last + 1 < count && start[last + 1]! < span.end) last++;
  const touched = first < count && start[first]! < span.end;
  if (!touched) {
    warnSpan(ctx, span, `${describe(span)} covers no token (only whitespace): not tagged`);
    return null;
  }
  const fStart = start[first]!;
  const lEnd = end[last]!;
  if (fStart === span.start && lEnd === span.end) return { span, first, last };
  if (fStart >= span.start && lEnd <= span.end) {
    // Only whitespace at the edges, which no token holds: the span is its tokens.
    const edges = [fStart > span.start ? `begins with ${whitespaceName(Array.from(span.text).slice(0, fStart - span.start).join(''))}` : '', lEnd < span.end ? `ends with ${whitespaceName(Array.from(span.text).slice(lEnd - span.start).join(''))}` : '']
      .filter(Boolean)
      .join(' and ');
    warnSpan(ctx, span, `${describe(span)} ${edges}: tagged on tokens [${fStart}, ${lEnd}) without it (tokens hold no whitespace)`);
    return { span, first, last };
  }
  const where = fStart < span.start ? `starts inside ${describeToken(tokens, first)}` : `ends inside ${describeToken(tokens, last)}`;
  const mode = ctx.alignment ?? 'strict';
  if (mode === 'strict') {
    warnSpan(ctx, span, `${describe(span)} ${where}: not tagged (alignment strict; use expand or contract to move it)`);
    return null;
  }
  if (mode === 'expand') {
    warnSpan(ctx, span, `${describe(span)} ${where}: tagged on tokens [${fStart}, ${lEnd}) (alignment expand)`);
    return { span, first, last };
  }
  let a = first;
  let b = last;
  if (start[a]! < span.start) a++;
  if (end[b]! > span.end) b--;
  if (a > b) {
    warnSpan(ctx, span, `${describe(span)} ${where} and holds no whole token: not tagged (alignment contract)`);
    return null;
  }
  warnSpan(ctx, span, `${describe(span)} ${where}: tagged on tokens [${start[a]}, ${end[b]}) (alignment contract)`);
  return { span, first: a, last: b };
}

/** The order of the layer rule: longest first (in code points), then the earlier start, then label, then id. */
function layerOrder(a: TokenSpan, b: TokenSpan): number {
  return (
    b.span.end - b.span.start - (a.span.end - a.span.start) ||
    a.span.start - b.span.start ||
    (a.span.label < b.span.label ? -1 : a.span.label > b.span.label ? 1 : 0) ||
    (a.span.id < b.span.id ? -1 : a.span.id > b.span.id ? 1 : 0)
  );
}

function byFirstToken(a: TokenSpan, b: TokenSpan): number {
  return a.first - b.first;
}

/** Per token, 1 + the index in the layer order of the span that took it (0: none); reused from one call to the next. */
let owners = new Int32Array(1024);

/**
 * The layer rule for overlapping spans: longest first (in code points), then
 * the earlier start, then label, then id. Spans are taken in that order and
 * a span that shares a token with one already taken is reported and left out.
 */
export function chooseLayer(placed: readonly TokenSpan[], ctx: TagContext): TokenSpan[] {
  const order = [...placed].sort(layerOrder);
  let tokens = 0;
  for (const t of order) tokens = Math.max(tokens, t.last + 1);
  // Grown for a long document, given back for a short one.
  if (owners.length < tokens || (owners.length > 1 << 20 && tokens < owners.length / 4)) owners = new Int32Array(Math.max(tokens, 1024));
  const owner = owners;
  owner.fill(0, 0, tokens);
  const kept: TokenSpan[] = [];
  for (let k = 0; k < order.length; k++) {
    const t = order[k]!;
    let clash = 0;
    for (let i = t.first; i <= t.last && clash === 0; i++) clash = owner[i]!;
    if (clash !== 0) {
      warnSpan(ctx, t.span, `${describe(t.span)} overlaps ${describe(order[clash - 1]!.span)}, which is kept (longest first): not tagged; pick a layer with --labels`);
      continue;
    }
    owner.fill(k + 1, t.first, t.last + 1);
    kept.push(t);
  }
  return kept.sort(byFirstToken);
}

/** The layer of `spans` on `tokens` hf and conll tag: each span aligned ({@link alignSpan}), then {@link chooseLayer}; sorted by first token. */
export function tokenLayer(tokens: TokenTable, spans: readonly NativeSpan[], ctx: TagContext): TokenSpan[] {
  const placed: TokenSpan[] = [];
  for (const s of spans) {
    const t = alignSpan(tokens, s, ctx);
    if (t) placed.push(t);
  }
  return chooseLayer(placed, ctx);
}

/** BIO tags of `tokens` for `spans`: aligned, one layer chosen, then B- on the first token and I- on the rest. */
export function bioTags(tokens: readonly Token[] | TokenTable, spans: readonly NativeSpan[], ctx: TagContext): { tags: string[]; kept: TokenSpan[] } {
  const table = tokens instanceof TokenTable ? tokens : TokenTable.of(tokens);
  const kept = tokenLayer(table, spans, ctx);
  const tags = new Array<string>(table.count).fill(OUTSIDE);
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
