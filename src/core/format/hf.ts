// Hugging Face token classification JSONL: {"id", "tokens", "ner_tags"} with BIO tag ids and a labels.json
// beside it listing the tag names in id order, ready for datasets.load_dataset("json") and a ClassLabel cast.

import type { NativeLine } from './native';
import { ConvertError, type ExportOptions, type Exporter, type ImportContext, type OutputChunk } from './convert-types';
import { applyExportOptions } from './export-options';
import { OUTSIDE, readBio, tokenLayer } from './bio';
import { joinTokens, wordTokenTable } from './tokens';
import { idList, tokensJson } from './json-text';
import { buildNativeLine, type ImportedSpan } from './import-line';
import { requireText } from './spacy';
import { DEFAULT_SCHEMA } from '../model/schema';

/** The side file with the tag names, index = tag id. */
export const HF_LABELS_FILE = 'labels.json';

/**
 * The tag list, grown as labels appear: O, then B- and I- of each label in
 * order. Known labels come first in a fixed order (the `--labels` list, else
 * the default schema's), so exports of one project share tag ids; a label
 * met later is appended, never reordering ids already written.
 */
export class TagSet {
  readonly names: string[] = [OUTSIDE];
  private readonly ids = new Map<string, number>([[OUTSIDE, 0]]);

  constructor(labels: readonly string[]) {
    for (const l of labels) this.add(l);
  }

  private add(label: string): void {
    if (this.ids.has(`B-${label}`)) return;
    for (const p of ['B-', 'I-']) {
      this.ids.set(p + label, this.names.length);
      this.names.push(p + label);
    }
  }

  /** The id of a tag, adding its label if new. */
  id(tag: string): number {
    if (!this.ids.has(tag)) this.add(tag.slice(2));
    return this.ids.get(tag)!;
  }
}

/** The label order of tag ids: the filter's labels when given, else the default schema's. */
export function defaultLabelOrder(options: ExportOptions): string[] {
  return options.labels && options.labels.length > 0 ? [...options.labels] : DEFAULT_SCHEMA.labels.map((l) => l.name);
}

/**
 * What one line's hf record holds before tag ids are given: the record's id, its tokens
 * already as JSON, and its tags as local codes (0 is O; 2k+1 is B- and 2k+2 is I- of
 * `labels[k]`, labels in the order they first tag a token). Tag ids depend on the lines
 * before (a new label is appended to the {@link TagSet}), so this part can be computed for
 * many lines at once, in any order, and {@link hfRecordText} gives ids in line order.
 */
export interface HfLinePart {
  id: string;
  tokensJson: string;
  labels: string[];
  codes: Uint32Array;
}

/** The {@link HfLinePart} of one line (export options applied); warnings go to `options.warn`. */
export function hfLinePart(line: NativeLine, options: ExportOptions = {}): HfLinePart {
  const l = applyExportOptions(line, options);
  const text = requireText(l, 'hf');
  const tokens = wordTokenTable(text, options.locale, options.zhTokens ?? 'chars');
  const kept = tokenLayer(tokens, l.spans, { docId: l.doc_id, annotator: l.annotator, alignment: options.alignment, warn: options.warn });
  const codes = new Uint32Array(tokens.count);
  const labels: string[] = [];
  const index = new Map<string, number>();
  for (const { span, first, last } of kept) {
    let k = index.get(span.label);
    if (k === undefined) {
      k = labels.length;
      labels.push(span.label);
      index.set(span.label, k);
    }
    codes[first] = 2 * k + 1;
    for (let i = first + 1; i <= last; i++) codes[i] = 2 * k + 2;
  }
  return { id: `${l.doc_id}/${l.annotator}`, tokensJson: tokensJson(tokens), labels, codes };
}

/**
 * The JSONL line (with its LF) of a record, tag ids given through `tags`: the bytes
 * `JSON.stringify({ id, tokens, ner_tags }) + "\n"` writes, labels added to `tags` in the same order.
 */
export function hfRecordText(part: HfLinePart, tags: TagSet): string {
  const ids = [tags.id(OUTSIDE)];
  for (const label of part.labels) ids.push(tags.id(`B-${label}`), tags.id(`I-${label}`));
  const ner = idList(part.codes, ids);
  return `{"id":${JSON.stringify(part.id)},"tokens":${part.tokensJson},"ner_tags":[${ner}]}\n`;
}

/** Exporter to hf JSONL plus labels.json. */
export function hfExporter(options: ExportOptions = {}): Exporter {
  const tags = new TagSet(defaultLabelOrder(options));
  return {
    layout: 'file',
    write: (line) => [{ file: '', data: hfRecordText(hfLinePart(line, options), tags) }],
    end: () => [hfLabelsChunk(tags)],
  };
}

/**
 * The native line of one hf record. Tags are ids into `tagNames` (labels.json)
 * or tag strings. The text is rebuilt from the tokens ({@link joinTokens}):
 * the format keeps no whitespace, so offsets are over that text, and the
 * doc_id is its hash. The annotator comes from the `doc_id/annotator` id.
 */
export function fromHfRecord(record: unknown, tagNames: readonly string[] | null, ctx: ImportContext, where: string): NativeLine {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new ConvertError('a record must be a JSON object');
  const r = record as Record<string, unknown>;
  if (!Array.isArray(r.tokens) || !r.tokens.every((t) => typeof t === 'string')) throw new ConvertError('field "tokens" must be an array of strings');
  const raw = r.ner_tags ?? r.tags;
  if (!Array.isArray(raw) || raw.length !== r.tokens.length) throw new ConvertError('field "ner_tags" must be an array as long as "tokens"');
  const tags = raw.map((t) => {
    if (typeof t === 'string') return t;
    if (Number.isInteger(t) && tagNames && tagNames[t as number] !== undefined) return tagNames[t as number]!;
    throw new ConvertError(`tag ${JSON.stringify(t)} is not a tag name nor an id in ${HF_LABELS_FILE}`);
  });
  const { text, ranges } = joinTokens(r.tokens as string[]);
  const id = typeof r.id === 'string' ? r.id : typeof r.id === 'number' ? String(r.id) : where;
  const slash = id.indexOf('/');
  const annotator = id.startsWith('sha256:') && slash > 0 ? id.slice(slash + 1) : undefined;
  const spans: ImportedSpan[] = readBio(tags, (i, tag) =>
    ctx.warn?.({ docId: id, message: `token ${i} has tag ${tag} that does not continue a span: read as the start of one` }),
  ).map((run) => ({ start: ranges[run.first]!.start, end: ranges[run.last]!.end, label: run.label }));
  return buildNativeLine({ text, annotator, source: where, spans }, ctx);
}

/** The labels.json chunk of a finished export: the tag names in id order. */
export function hfLabelsChunk(tags: TagSet): OutputChunk {
  return { file: HF_LABELS_FILE, data: JSON.stringify(tags.names, null, 2) + '\n', complete: true };
}
