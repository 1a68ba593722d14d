// The annotation model shared by every layer: documents, spans, relations, in code points.

/** An offset counted in Unicode code points (what Python's `str` indexes). */
export type CodePoint = number & { readonly __unit: 'codepoint' };
/** An offset counted in UTF-16 code units (what JavaScript strings index). */
export type Utf16 = number & { readonly __unit: 'utf16' };

/** The text around a span, so it can be found again when the file changes. */
export interface TextQuote {
  /** The span's own text. */
  exact: string;
  /** Up to {@link QUOTE_CONTEXT} code points before the span. */
  prefix: string;
  /** Up to {@link QUOTE_CONTEXT} code points after the span. */
  suffix: string;
}

/** An attribute value as stored and exported: JSON scalars only. */
export type AttrValue = string | number | boolean | null;

/** One labelled region of a document, as stored in IndexedDB. */
export interface Span {
  id: string;
  /** `sha256:<hex>` of the document's normalized text. */
  docId: string;
  annotator: string;
  label: string;
  /** Code points from the start of the normalized text. */
  start: CodePoint;
  /** Code points, exclusive. */
  end: CodePoint;
  attrs: Record<string, AttrValue>;
  quote: TextQuote;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  /** Set when the text changed and the span could not be placed with confidence. */
  orphaned?: boolean;
  /** On adjudicated spans: the annotators who marked this span (exported as `sources`). */
  sources?: string[];
  /** The annotator's free-text note on the span (native `comment`, brat `#` AnnotatorNotes, Label Studio `meta.text`). */
  comment?: string;
  /** The annotator flagged the span as unsure (native `unsure`). */
  unsure?: boolean;
}

/** A directed, labelled link between two spans of one document. */
export interface Relation {
  id: string;
  docId: string;
  annotator: string;
  label: string;
  /** Span id of the head (for `cites`: the claim). */
  head: string;
  /** Span id of the tail (for `cites`: the figure). */
  tail: string;
  createdAt?: string;
}

/** Where an annotator stands with one document. */
export type DocStatus = 'todo' | 'in-progress' | 'done' | 'skipped';

/** Every status, in the order the UI cycles through them. */
export const DOC_STATUSES: readonly DocStatus[] = ['todo', 'in-progress', 'done', 'skipped'];
