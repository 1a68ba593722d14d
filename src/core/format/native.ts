// The native JSONL format (marginalia/1): one line per (document, annotator), in a stable order and byte-stable form.

import { OffsetMap } from '../model/offsets';
import type { AttrValue, DocStatus, Relation, Span } from '../model/types';

/** The format tag every line carries. */
export const NATIVE_FORMAT = 'marginalia/1';

/** A span as exported: code-point offsets over the line's `text`. */
export interface NativeSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  text: string;
  attrs: Record<string, AttrValue>;
  /** The annotator's free-text note on the span. */
  comment?: string;
  /** The annotator flagged the span as unsure. */
  unsure?: boolean;
  /** On adjudicated lines: the annotators who marked this span. */
  sources?: string[];
}

/** A relation as exported. */
export interface NativeRelation {
  id: string;
  label: string;
  head: string;
  tail: string;
  /** On adjudicated lines: the annotators who drew this relation. */
  sources?: string[];
}

/** One line of a native export. */
export interface NativeLine {
  format: typeof NATIVE_FORMAT;
  doc_id: string;
  source: string;
  /** The normalized text; omitted only in exports made "without text". */
  text?: string;
  annotator: string;
  status: DocStatus;
  updated_at: string;
  spans: NativeSpan[];
  relations: NativeRelation[];
  /** The annotator's free-text note on the document. */
  comment?: string;
  /** The annotator flagged the document as unsure. */
  unsure?: boolean;
}

/** What the writer needs of one annotated document. */
export interface ExportDocument {
  docId: string;
  source: string;
  text: string;
  annotator: string;
  status: DocStatus;
  /** Used when the document has no spans to date it by. */
  updatedAt?: string;
  spans: readonly Span[];
  relations: readonly Relation[];
  /** The annotator's note on the document. */
  comment?: string;
  /** The annotator flagged the document as unsure. */
  unsure?: boolean;
}

/** Options of {@link toNativeLine}. */
export interface NativeLineOptions {
  /** Leave the document text out of the line (spans keep their `text`). */
  withoutText?: boolean;
}

/** Orders spans as the format requires: start, end, label, then id so that the order is total. */
export function compareSpans(a: Pick<NativeSpan, 'start' | 'end' | 'label' | 'id'>, b: Pick<NativeSpan, 'start' | 'end' | 'label' | 'id'>): number {
  return a.start - b.start || a.end - b.end || cmp(a.label, b.label) || cmp(a.id, b.id);
}

/** Orders lines: doc_id, then annotator. */
export function compareLines(a: Pick<NativeLine, 'doc_id' | 'annotator'>, b: Pick<NativeLine, 'doc_id' | 'annotator'>): number {
  return cmp(a.doc_id, b.doc_id) || cmp(a.annotator, b.annotator);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `attrs` with its keys sorted, so that equal attributes serialize to equal bytes. */
function sortedAttrs(attrs: Record<string, AttrValue>): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = Object.create(null);
  for (const k of Object.keys(attrs).sort()) out[k] = attrs[k]!;
  return out;
}

/**
 * Builds the native line of one document. Span `text` is sliced from the
 * document text by code points, so `text[start:end] == span.text` in Python
 * holds by construction.
 */
export function toNativeLine(doc: ExportDocument, options: NativeLineOptions = {}): NativeLine {
  const map = new OffsetMap(doc.text);
  const spans: NativeSpan[] = doc.spans
    .filter((s) => !s.orphaned)
    .map((s) => ({
      id: s.id,
      start: s.start,
      end: s.end,
      label: s.label,
      text: doc.text.slice(map.toUtf16(s.start), map.toUtf16(s.end)),
      attrs: sortedAttrs(s.attrs ?? {}),
      ...(s.comment ? { comment: s.comment } : {}),
      ...(s.unsure ? { unsure: true } : {}),
      ...(s.sources ? { sources: [...s.sources].sort() } : {}),
    }))
    .sort(compareSpans);
  const kept = new Set(spans.map((s) => s.id));
  const relations: NativeRelation[] = doc.relations
    .filter((r) => kept.has(r.head) && kept.has(r.tail))
    .map((r) => ({ id: r.id, label: r.label, head: r.head, tail: r.tail }))
    .sort((a, b) => cmp(a.head, b.head) || cmp(a.tail, b.tail) || cmp(a.label, b.label) || cmp(a.id, b.id));
  let updated = doc.updatedAt ?? '';
  for (const s of doc.spans) if (s.updatedAt > updated) updated = s.updatedAt;
  const line: NativeLine = {
    format: NATIVE_FORMAT,
    doc_id: doc.docId,
    source: doc.source,
    text: doc.text,
    annotator: doc.annotator,
    status: doc.status,
    updated_at: updated,
    spans,
    relations,
    ...(doc.comment ? { comment: doc.comment } : {}),
    ...(doc.unsure ? { unsure: true } : {}),
  };
  if (options.withoutText) delete line.text;
  return line;
}

/** Serializes one line (no trailing newline). Key order is the order of {@link NativeLine}. */
export function serializeNativeLine(line: NativeLine): string {
  return JSON.stringify(line);
}

/** The whole export of several documents: lines in the stable order, each ending in "\n". */
export function serializeNativeExport(docs: readonly ExportDocument[], options: NativeLineOptions = {}): string {
  return docs
    .map((d) => toNativeLine(d, options))
    .sort(compareLines)
    .map((l) => serializeNativeLine(l) + '\n')
    .join('');
}
