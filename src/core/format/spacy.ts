// spaCy / Prodigy JSONL: {"text", "spans": [{"start", "end", "label"}], "meta"}, offsets in code points,
// which is what Python's str and spaCy's Doc.char_span count.

import type { NativeLine } from './native';
import { ConvertError, type ExportOptions, type Exporter, type ImportContext, type OutputChunk } from './convert-types';
import { applyExportOptions } from './export-options';
import { buildNativeLine, normalizeImported, type ImportedSpan } from './import-line';

/** One record of the spaCy/Prodigy JSONL. */
export interface SpacyRecord {
  text: string;
  spans: Array<{ start: number; end: number; label: string }>;
  /** Where the record came from; Prodigy shows it, spaCy ignores it. */
  meta: { doc_id: string; annotator: string; source: string };
}

/** Throws when a line cannot be converted to a format that needs the document text. */
export function requireText(line: NativeLine, format: string): string {
  if (typeof line.text !== 'string') {
    throw new ConvertError(`document ${line.doc_id} (${line.annotator}) has no text (exported without text): ${format} needs it`);
  }
  return line.text;
}

/** The spaCy record of one native line. */
export function toSpacyRecord(line: NativeLine): SpacyRecord {
  return {
    text: requireText(line, 'spacy'),
    spans: line.spans.map((s) => ({ start: s.start, end: s.end, label: s.label })),
    meta: { doc_id: line.doc_id, annotator: line.annotator, source: line.source },
  };
}

/** Exporter to spaCy/Prodigy JSONL: one record per native line. */
export function spacyExporter(options: ExportOptions = {}): Exporter {
  return {
    layout: 'file',
    write(line): OutputChunk[] {
      return [{ file: '', data: JSON.stringify(toSpacyRecord(applyExportOptions(line, options))) + '\n' }];
    },
    end: () => [],
  };
}

/**
 * The native line of one spaCy/Prodigy record. Accepts Prodigy's extra span
 * keys (token_start, token_end, text) and ignores them; `meta.annotator` and
 * `meta.source` are kept when present. Text is normalized (BOM, CRLF) with the
 * offsets moved to match.
 */
export function fromSpacyRecord(record: unknown, ctx: ImportContext, where: string): NativeLine {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new ConvertError('a record must be a JSON object');
  const r = record as Record<string, unknown>;
  if (typeof r.text !== 'string') throw new ConvertError('field "text" must be a string');
  if (r.spans !== undefined && !Array.isArray(r.spans)) throw new ConvertError('field "spans" must be an array');
  const norm = normalizeImported(r.text);
  const spans: ImportedSpan[] = [];
  for (const s of (r.spans as unknown[] | undefined) ?? []) {
    if (typeof s !== 'object' || s === null) throw new ConvertError('a span must be an object');
    const o = s as Record<string, unknown>;
    if (!Number.isInteger(o.start) || !Number.isInteger(o.end) || typeof o.label !== 'string') {
      throw new ConvertError('a span needs integer "start" and "end" and a string "label"');
    }
    spans.push({ start: norm.map(o.start as number), end: norm.map(o.end as number), label: o.label });
  }
  const meta = typeof r.meta === 'object' && r.meta !== null ? (r.meta as Record<string, unknown>) : {};
  return buildNativeLine(
    {
      text: norm.text,
      annotator: typeof meta.annotator === 'string' ? meta.annotator : undefined,
      source: typeof meta.source === 'string' ? meta.source : where,
      spans,
    },
    ctx,
  );
}
