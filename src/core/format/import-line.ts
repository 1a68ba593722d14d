// Builds native lines from what importers read: normalizes foreign text the way Marginalia
// normalizes files (BOM, CRLF) while moving offsets with it, and sorts spans and relations as the format requires.

import { NATIVE_FORMAT, compareSpans, type NativeLine, type NativeRelation, type NativeSpan } from './native';
import { OffsetMap } from '../model/offsets';
import type { AttrValue, CodePoint, DocStatus } from '../model/types';
import { DOC_STATUSES } from '../model/types';
import type { ImportContext } from './convert-types';

/** Foreign text made native, with a map from its code point offsets to the normalized text's. */
export interface NormalizedText {
  text: string;
  /** Code point offset in the normalized text of a code point offset in the original. */
  map(cp: number): number;
}

/**
 * Normalizes imported text as {@link normalizeText} does (leading BOM removed,
 * CRLF and lone CR to LF) and returns how offsets move: each removed
 * character shifts every later offset left by one.
 */
export function normalizeImported(original: string): NormalizedText {
  const removed: number[] = []; // code point offsets (in the original) of removed characters, ascending
  let out = '';
  let cp = 0;
  let i = 0;
  if (original.charCodeAt(0) === 0xfeff) {
    removed.push(0);
    i = 1;
    cp = 1;
  }
  let from = i;
  for (; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c === 0x0d) {
      out += original.slice(from, i);
      if (original.charCodeAt(i + 1) === 0x0a) removed.push(cp);
      else out += '\n';
      from = i + 1;
    }
    // Count code points: a high surrogate followed by a low one is one character.
    if (!(c >= 0xd800 && c <= 0xdbff && (original.charCodeAt(i + 1) & 0xfc00) === 0xdc00)) cp++;
  }
  out += original.slice(from);
  if (removed.length === 0) return { text: out, map: (n) => n };
  return {
    text: out,
    map(n) {
      // Removed characters strictly before n shift it left; one at n itself also does (n points after it).
      let lo = 0;
      let hi = removed.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (removed[mid]! < n) lo = mid + 1;
        else hi = mid;
      }
      return n - lo;
    },
  };
}

/** A span as an importer finds it: code point offsets over the normalized text. */
export interface ImportedSpan {
  id?: string;
  start: number;
  end: number;
  label: string;
  attrs?: Record<string, AttrValue>;
  sources?: string[];
  comment?: string;
  unsure?: boolean;
}

/** A relation as an importer finds it. */
export interface ImportedRelation {
  id?: string;
  label: string;
  head: string;
  tail: string;
}

/** Everything an importer knows about one (document, annotator). */
export interface ImportedDocument {
  /** Normalized text. */
  text: string;
  annotator?: string;
  source: string;
  status?: string;
  updatedAt?: string;
  spans: ImportedSpan[];
  relations?: ImportedRelation[];
  comment?: string;
  unsure?: boolean;
}

/**
 * The native line of an imported document: doc_id hashed from the text, span
 * text sliced by code points, spans without an id numbered `s1`, `s2`, … in
 * the format's order (so the same input always gives the same ids), spans out
 * of range or empty reported and left out, relations to missing spans reported
 * and left out.
 */
export function buildNativeLine(doc: ImportedDocument, ctx: ImportContext): NativeLine {
  const docId = `sha256:${ctx.sha256Hex(doc.text)}`;
  const annotator = doc.annotator || ctx.annotator || 'imported';
  const warn = (message: string, spanId?: string) => ctx.warn?.({ docId, annotator, spanId, message });
  const map = new OffsetMap(doc.text);
  const length = map.codePointLength;
  const valid = doc.spans.filter((s) => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > length || s.start >= s.end) {
      warn(`span [${s.start}, ${s.end}) ${s.label} is empty or outside the text (${length} code points): left out`, s.id);
      return false;
    }
    return true;
  });
  const order = [...valid].sort((a, b) => compareSpans({ ...a, id: a.id ?? '' }, { ...b, id: b.id ?? '' }));
  const used = new Set(valid.map((s) => s.id).filter((id): id is string => !!id));
  let next = 1;
  const fresh = (prefix: string, taken: Set<string>) => {
    while (taken.has(`${prefix}${next}`)) next++;
    const id = `${prefix}${next++}`;
    taken.add(id);
    return id;
  };
  const spans: NativeSpan[] = [];
  const seen = new Set<string>();
  for (const s of order) {
    let id = s.id;
    if (!id || seen.has(id)) {
      if (id) warn(`duplicate span id ${JSON.stringify(id)}: renumbered`, id);
      id = fresh('s', used);
    }
    seen.add(id);
    const span: NativeSpan = {
      id,
      start: s.start,
      end: s.end,
      label: s.label,
      text: doc.text.slice(map.toUtf16(s.start as CodePoint), map.toUtf16(s.end as CodePoint)),
      attrs: sortedAttrs(s.attrs ?? {}),
    };
    if (typeof s.comment === 'string' && s.comment !== '') span.comment = s.comment;
    if (s.unsure === true) span.unsure = true;
    if (s.sources) span.sources = [...s.sources];
    spans.push(span);
  }
  spans.sort(compareSpans);
  const spanIds = new Set(spans.map((s) => s.id));
  const relIds = new Set((doc.relations ?? []).map((r) => r.id).filter((id): id is string => !!id));
  next = 1;
  const relations: NativeRelation[] = [];
  const seenRel = new Set<string>();
  for (const r of doc.relations ?? []) {
    if (!spanIds.has(r.head) || !spanIds.has(r.tail)) {
      warn(`relation ${r.label} ${r.head} → ${r.tail} names a span that is not there: left out`, r.id);
      continue;
    }
    let id = r.id;
    if (!id || seenRel.has(id)) id = fresh('r', relIds);
    seenRel.add(id);
    relations.push({ id, label: r.label, head: r.head, tail: r.tail });
  }
  relations.sort((a, b) => cmp(a.head, b.head) || cmp(a.tail, b.tail) || cmp(a.label, b.label) || cmp(a.id, b.id));
  const status = (DOC_STATUSES as readonly string[]).includes(doc.status ?? '') ? (doc.status as DocStatus) : 'done';
  return {
    format: NATIVE_FORMAT,
    doc_id: docId,
    source: doc.source,
    text: doc.text,
    annotator,
    status,
    updated_at: doc.updatedAt && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(doc.updatedAt) ? doc.updatedAt : '',
    spans,
    relations,
    ...(typeof doc.comment === 'string' && doc.comment !== '' ? { comment: doc.comment } : {}),
    ...(doc.unsure === true ? { unsure: true } : {}),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Attribute names that would be prototypes, not data, in a plain JavaScript object. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** A prototype-free copy of `attrs`, keys sorted, scalar values only. */
export function sortedAttrs(attrs: Record<string, unknown>): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = Object.create(null);
  for (const k of Object.keys(attrs).sort()) {
    const v = attrs[k];
    if (RESERVED.has(k)) continue;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}
