// doccano sequence-labelling JSONL: {"text", "label": [[start, end, "LABEL"]]}. doccano counts offsets in
// UTF-16 code units (JavaScript string indices) unless its project counts grapheme clusters; both are offered.

import type { NativeLine } from './native';
import { ConvertError, type ExportOptions, type Exporter, type ImportContext, type OffsetUnit } from './convert-types';
import { applyExportOptions } from './export-options';
import { buildNativeLine, normalizeImported, type ImportedRelation, type ImportedSpan } from './import-line';
import { UnitMap } from './offset-units';
import { requireText } from './spacy';

/** doccano's default unit: its frontend slices JavaScript strings (UTF-16). */
export const DOCCANO_DEFAULT_OFFSETS: OffsetUnit = 'utf16';

/** One record of doccano's JSONL; keys other than text and label are stored by doccano as metadata. */
export interface DoccanoRecord {
  text: string;
  label: Array<[number, number, string]>;
  doc_id: string;
  annotator: string;
  source: string;
}

/** The doccano record of one native line, offsets in `unit`; spans that cannot be expressed in it are reported. */
export function toDoccanoRecord(line: NativeLine, unit: OffsetUnit, options: ExportOptions = {}): DoccanoRecord {
  const text = requireText(line, 'doccano');
  const map = new UnitMap(text, unit);
  const label: Array<[number, number, string]> = [];
  for (const s of line.spans) {
    const a = map.fromCodePoint(s.start);
    const b = map.fromCodePoint(s.end);
    if (a === null || b === null) {
      options.warn?.({
        docId: line.doc_id,
        annotator: line.annotator,
        spanId: s.id,
        message: `${s.label} span ${JSON.stringify(s.id)} has a boundary inside a grapheme cluster: doccano cannot place it; left out`,
      });
      continue;
    }
    label.push([a, b, s.label]);
  }
  return { text, label, doc_id: line.doc_id, annotator: line.annotator, source: line.source };
}

/** Exporter to doccano JSONL. */
export function doccanoExporter(options: ExportOptions = {}): Exporter {
  const unit = options.offsets ?? DOCCANO_DEFAULT_OFFSETS;
  return {
    layout: 'file',
    write: (line) => [{ file: '', data: JSON.stringify(toDoccanoRecord(applyExportOptions(line, options), unit, options)) + '\n' }],
    end: () => [],
  };
}

/**
 * The native line of one doccano record: the `label` form ([[start, end,
 * "LABEL"]]) or the relation-project form ("entities" with start_offset and
 * end_offset, "relations" with from_id, to_id and type).
 */
export function fromDoccanoRecord(record: unknown, ctx: ImportContext, where: string): NativeLine {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new ConvertError('a record must be a JSON object');
  const r = record as Record<string, unknown>;
  if (typeof r.text !== 'string') throw new ConvertError('field "text" must be a string');
  const unit = ctx.offsets ?? DOCCANO_DEFAULT_OFFSETS;
  const map = new UnitMap(r.text, unit);
  const norm = normalizeImported(r.text);
  const at = (n: unknown): number => {
    const cp = Number.isInteger(n) ? map.toCodePoint(n as number) : null;
    if (cp === null) throw new ConvertError(`offset ${JSON.stringify(n)} is not a ${unit} offset of the text`);
    return norm.map(cp);
  };
  const spans: ImportedSpan[] = [];
  const relations: ImportedRelation[] = [];
  if (Array.isArray(r.label)) {
    for (const l of r.label) {
      if (!Array.isArray(l) || typeof l[2] !== 'string') throw new ConvertError('a label must be [start, end, "LABEL"]');
      spans.push({ start: at(l[0]), end: at(l[1]), label: l[2] });
    }
  } else if (Array.isArray(r.entities)) {
    for (const e of r.entities as Array<Record<string, unknown>>) {
      if (typeof e?.label !== 'string') throw new ConvertError('an entity needs a string "label"');
      spans.push({ id: e.id === undefined ? undefined : `s${String(e.id)}`, start: at(e.start_offset), end: at(e.end_offset), label: e.label });
    }
    for (const rel of (Array.isArray(r.relations) ? r.relations : []) as Array<Record<string, unknown>>) {
      if (typeof rel?.type !== 'string') throw new ConvertError('a relation needs a string "type"');
      relations.push({
        id: rel.id === undefined ? undefined : `r${String(rel.id)}`,
        label: rel.type,
        head: `s${String(rel.from_id)}`,
        tail: `s${String(rel.to_id)}`,
      });
    }
  } else if (r.label !== undefined) throw new ConvertError('field "label" must be an array');
  return buildNativeLine(
    {
      text: norm.text,
      annotator: typeof r.annotator === 'string' ? r.annotator : undefined,
      source: typeof r.source === 'string' ? r.source : where,
      spans,
      relations,
    },
    ctx,
  );
}
