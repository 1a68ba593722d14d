// Gathers several annotators' native exports into documents matched by doc_id, naming every line it must leave out.
//
// What agreement and merge stand on: one entry per (document, annotator), offsets checked
// against the text, duplicate and contradictory lines refused with the file and line of
// both, and documents that share a `source` but not their text flagged (they are kept
// apart, never merged: their doc_ids differ because their texts do).

import { compareSpans, type NativeLine, type NativeRelation, type NativeSpan } from '../format/native';
import { readNativeJsonl, type LineError, type ReadLine } from '../format/read';
import { OffsetMap } from '../model/offsets';
import { chosenSource } from './doc-stream';
import type { AttrValue, CodePoint } from '../model/types';

/** One annotator's work on one document, as read and checked. */
export interface Annotation {
  readonly annotator: string;
  /** Where the line came from. */
  readonly file: string;
  readonly line: number;
  readonly source: string;
  readonly status: string;
  readonly updatedAt: string;
  /** Spans in the format's order ({@link compareSpans}). */
  readonly spans: readonly NativeSpan[];
  readonly relations: readonly NativeRelation[];
}

/** One document and every annotation of it. */
export interface CorpusDocument {
  readonly docId: string;
  /** The source of the first line read for it. */
  readonly source: string;
  /** The text, when any line carried it (exports "without text" do not). */
  readonly text: string | null;
  /** Length in code points, when the text is known. */
  readonly length: number | null;
  /** Annotators who covered it, sorted. */
  readonly annotators: readonly string[];
  /** Their annotations, in the order of `annotators`. */
  readonly annotations: readonly Annotation[];
}

/** Documents that share a source path but not their text: an annotator worked on another version of the file. */
export interface SourceConflict {
  readonly source: string;
  readonly documents: readonly { readonly docId: string; readonly annotators: readonly string[] }[];
}

/** Everything read: documents sorted by doc_id, annotators sorted, and the lines left out. */
export interface Corpus {
  readonly annotators: readonly string[];
  readonly documents: readonly CorpusDocument[];
  /** Lines left out and why (the reader's errors first, then this module's). */
  readonly errors: readonly LineError[];
  readonly sourceConflicts: readonly SourceConflict[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How an error names a span; built only on error, as a large study has hundreds of thousands of spans. */
function spanName(index: number, id: string): string {
  return `span ${index + 1} (id "${id}")`;
}

function isOffset(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** The attributes of every span without any: one frozen object, since nothing downstream writes to attributes. */
const NO_ATTRS: Record<string, AttrValue> = Object.freeze(Object.create(null) as Record<string, AttrValue>);

/** Copies attributes into a prototype-less object, so a `__proto__` key stays data. */
function copyAttrs(attrs: Record<string, unknown>): Record<string, AttrValue> {
  const keys = Object.keys(attrs);
  if (keys.length === 0) return NO_ATTRS;
  const out: Record<string, AttrValue> = Object.create(null);
  for (const k of keys) out[k] = attrs[k] as AttrValue;
  return out;
}

interface Checked {
  spans: NativeSpan[];
  relations: NativeRelation[];
  length: number | null;
}

/** Checks one line's spans and relations; returns the problem, or the cleaned-up content. */
function checkLine(value: NativeLine): string | Checked {
  const raw = value as unknown as Record<string, unknown>;
  if (typeof raw.annotator !== 'string' || raw.annotator === '') return 'field "annotator" must be a non-empty string';
  if (raw.source !== undefined && typeof raw.source !== 'string') return 'field "source" must be a string';
  if (raw.text !== undefined && typeof raw.text !== 'string') return 'field "text" must be a string';
  const text = typeof raw.text === 'string' ? raw.text : null;
  const map = text === null ? null : new OffsetMap(text);
  const length = map ? map.codePointLength : null;
  const spans: NativeSpan[] = [];
  const ids = new Set<string>();
  const rawSpans = raw.spans as unknown[];
  for (let i = 0; i < rawSpans.length; i++) {
    const s = rawSpans[i];
    if (!isObject(s)) return `span ${i + 1}: must be an object`;
    if (typeof s.id !== 'string' || s.id === '') return `span ${i + 1}: field "id" must be a non-empty string`;
    if (ids.has(s.id)) return `${spanName(i, s.id as string)}: the id is used twice in this line`;
    ids.add(s.id);
    if (typeof s.label !== 'string' || s.label === '') return `${spanName(i, s.id as string)}: field "label" must be a non-empty string`;
    if (!isOffset(s.start) || !isOffset(s.end)) return `${spanName(i, s.id as string)}: "start" and "end" must be non-negative integers (code points)`;
    if (s.start > s.end) return `${spanName(i, s.id as string)}: start ${s.start} is after end ${s.end}`;
    if (length !== null && s.end > length) return `${spanName(i, s.id as string)}: end ${s.end} is past the end of the text (${length} code points)`;
    if (s.attrs !== undefined && !isObject(s.attrs)) return `${spanName(i, s.id as string)}: field "attrs" must be an object`;
    let spanText = typeof s.text === 'string' ? s.text : '';
    if (text !== null && map) {
      const from = map.toUtf16(s.start as CodePoint);
      const to = map.toUtf16(s.end as CodePoint);
      // Compare in place; slice only when the line gave no text or the wrong one.
      if (typeof s.text !== 'string' || s.text.length !== to - from || !text.startsWith(s.text, from)) {
        const sliced = text.slice(from, to);
        if (typeof s.text === 'string') return `${spanName(i, s.id as string)}: text ${JSON.stringify(s.text)} is not the text at [${s.start}, ${s.end}) (${JSON.stringify(sliced)}); offsets must be code points`;
        spanText = sliced;
      }
    }
    spans.push({ id: s.id, start: s.start, end: s.end, label: s.label, text: spanText, attrs: copyAttrs(isObject(s.attrs) ? s.attrs : {}) });
  }
  const relations: NativeRelation[] = [];
  const rawRelations = (raw.relations as unknown[] | undefined) ?? [];
  for (let i = 0; i < rawRelations.length; i++) {
    const r = rawRelations[i];
    const where = `relation ${i + 1}`;
    if (!isObject(r)) return `${where}: must be an object`;
    for (const k of ['id', 'label', 'head', 'tail'] as const) if (typeof r[k] !== 'string') return `${where}: field "${k}" must be a string`;
    for (const k of ['head', 'tail'] as const) if (!ids.has(r[k] as string)) return `${where} (id "${r.id as string}"): ${k} "${r[k] as string}" is not a span of this line`;
    relations.push({ id: r.id as string, label: r.label as string, head: r.head as string, tail: r.tail as string });
  }
  spans.sort(compareSpans);
  return { spans, relations, length };
}

/**
 * Checks the spans of a line without text against the document's text from another line,
 * and fills in their `text` from it. Returns the problem, if any.
 */
function checkAgainstText(spans: NativeSpan[], text: string): string | null {
  const map = new OffsetMap(text);
  for (const s of spans) {
    if (s.end > map.codePointLength) return `span "${s.id}" ends at ${s.end}, past the end of the text (${map.codePointLength} code points)`;
    const sliced = text.slice(map.toUtf16(s.start as CodePoint), map.toUtf16(s.end as CodePoint));
    if (s.text !== '' && s.text !== sliced) return `span "${s.id}": text ${JSON.stringify(s.text)} is not the text at [${s.start}, ${s.end}) (${JSON.stringify(sliced)})`;
    s.text = sliced;
  }
  return null;
}

interface DocBuilder {
  docId: string;
  source: string;
  text: string | null;
  textFrom: { file: string; line: number } | null;
  length: number | null;
  byAnnotator: Map<string, Annotation>;
}

/**
 * Builds a corpus line by line, so that a caller reading large files can let each file's
 * content and parsed lines go before reading the next. Lines count in the order added
 * (files in command-line order, lines in file order): the first of two contradictory lines
 * wins, and the error names both.
 */
export class CorpusBuilder {
  private readonly errors: LineError[] = [];
  private readonly docs = new Map<string, DocBuilder>();

  /** Keeps errors met elsewhere (an unreadable file, a reader's errors). */
  addErrors(errors: readonly LineError[]): void {
    for (const e of errors) this.errors.push(e);
  }

  /** Reads one file's content (native JSONL) and adds its lines and errors. */
  addFile(file: string, content: string): void {
    const read = readNativeJsonl(content, file);
    this.addErrors(read.errors);
    for (const l of read.lines) this.addLine(l);
  }

  /** Adds one parsed line, or names what is wrong with it. */
  addLine({ file, line, value }: ReadLine): void {
    const errors = this.errors;
    const checked = checkLine(value);
    if (typeof checked === 'string') {
      errors.push({ file, line, message: checked });
      return;
    }
    const text = typeof value.text === 'string' ? value.text : null;
    const doc = this.docs.get(value.doc_id);
    if (!doc) {
      this.docs.set(value.doc_id, {
        docId: value.doc_id,
        source: value.source ?? '',
        text,
        textFrom: text === null ? null : { file, line },
        length: checked.length,
        byAnnotator: new Map([[value.annotator, annotationOf(file, line, value, checked)]]),
      });
      return;
    }
    const earlier = doc.byAnnotator.get(value.annotator);
    if (earlier) {
      errors.push({ file, line, message: `doc_id ${value.doc_id} by "${value.annotator}" was already read from ${earlier.file}:${earlier.line}; this line is left out` });
      return;
    }
    if (text !== null) {
      if (doc.text === null) {
        // Lines read earlier had no text: their spans must fit this one, and take their text from it.
        let problem: string | null = null;
        for (const a of doc.byAnnotator.values()) {
          const p = checkAgainstText(a.spans.map((s) => ({ ...s })), text);
          if (p) problem = `${p} in ${a.file}:${a.line}, read earlier for the same doc_id`;
        }
        if (problem) {
          errors.push({ file, line, message: `this line's text does not fit the spans of another line: ${problem}; this line is left out` });
          return;
        }
        for (const a of doc.byAnnotator.values()) checkAgainstText(a.spans as NativeSpan[], text);
        doc.text = text;
        doc.textFrom = { file, line };
        doc.length = checked.length;
      } else if (doc.text !== text) {
        errors.push({ file, line, message: `the text differs from ${doc.textFrom!.file}:${doc.textFrom!.line} for the same doc_id ${value.doc_id}; this line is left out` });
        return;
      }
    } else if (doc.text !== null) {
      const problem = checkAgainstText(checked.spans, doc.text);
      if (problem) {
        errors.push({ file, line, message: `${problem} (text of doc_id ${value.doc_id} from ${doc.textFrom!.file}:${doc.textFrom!.line}); this line is left out` });
        return;
      }
    }
    doc.byAnnotator.set(value.annotator, annotationOf(file, line, value, checked));
  }

  /** The corpus of every line added: documents sorted by doc_id, annotators sorted. */
  build(): Corpus {
    const annotators = new Set<string>();
    const documents: CorpusDocument[] = [];
    for (const doc of [...this.docs.values()].sort((a, b) => cmp(a.docId, b.docId))) {
      const names = [...doc.byAnnotator.keys()].sort(cmp);
      for (const n of names) annotators.add(n);
      const annotations = names.map((n) => doc.byAnnotator.get(n)!);
      // Annotators who name different sources: the choice must not depend on which file came first.
      const source = chosenSource({ annotations })?.source ?? doc.source;
      documents.push({ docId: doc.docId, source, text: doc.text, length: doc.length, annotators: names, annotations });
    }
    return { annotators: [...annotators].sort(cmp), documents, errors: [...this.errors], sourceConflicts: sourceConflicts(documents) };
  }
}

function annotationOf(file: string, line: number, value: NativeLine, checked: Checked): Annotation {
  return {
    annotator: value.annotator,
    file,
    line,
    source: value.source ?? '',
    status: typeof value.status === 'string' ? value.status : '',
    updatedAt: typeof value.updated_at === 'string' ? value.updated_at : '',
    spans: checked.spans,
    relations: checked.relations,
  };
}

/**
 * Builds the corpus from the lines {@link readNativeJsonl} returned, in the order given.
 * `readErrors` are kept at the head of the errors.
 */
export function collectCorpus(lines: readonly ReadLine[], readErrors: readonly LineError[] = []): Corpus {
  const builder = new CorpusBuilder();
  builder.addErrors(readErrors);
  for (const l of lines) builder.addLine(l);
  return builder.build();
}

/** One input file's name and content, read by the caller (the CLI, or a file picker). */
export interface InputFile {
  readonly file: string;
  readonly content: string;
}

/**
 * Reads several native JSONL files (in the order given) into a corpus. `unreadable` are
 * errors the caller met before (a file that could not be read), kept first.
 */
export function corpusFromFiles(files: readonly InputFile[], unreadable: readonly LineError[] = []): Corpus {
  const builder = new CorpusBuilder();
  builder.addErrors(unreadable);
  for (const { file, content } of files) builder.addFile(file, content);
  return builder.build();
}

/** Groups the documents by every source any of their lines named; a source with two doc_ids is a conflict. */
function sourceConflicts(documents: readonly CorpusDocument[]): SourceConflict[] {
  const bySource = new Map<string, Map<string, Set<string>>>();
  for (const d of documents) {
    for (const a of d.annotations) {
      if (a.source === '') continue;
      let docs = bySource.get(a.source);
      if (!docs) bySource.set(a.source, (docs = new Map()));
      let names = docs.get(d.docId);
      if (!names) docs.set(d.docId, (names = new Set()));
      names.add(a.annotator);
    }
  }
  const out: SourceConflict[] = [];
  for (const [source, docs] of [...bySource.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    if (docs.size < 2) continue;
    out.push({
      source,
      documents: [...docs.entries()].sort((a, b) => cmp(a[0], b[0])).map(([docId, names]) => ({ docId, annotators: [...names].sort(cmp) })),
    });
  }
  return out;
}

/** Which documents each annotator covered: annotator -> doc_ids, both sorted. */
export function coverage(corpus: Corpus): Map<string, string[]> {
  const out = new Map<string, string[]>(corpus.annotators.map((a) => [a, []]));
  for (const d of corpus.documents) for (const a of d.annotators) out.get(a)!.push(d.docId);
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
