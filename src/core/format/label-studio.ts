// Label Studio task JSON: a JSON array of tasks, one per document, with one annotation per annotator.
// Label Studio's Text tag counts value.start/end in code points (its own frontend tests say so); utf16 is offered for old versions.

import type { NativeLine } from './native';
import { ConvertError, type ExportOptions, type Exporter, type ImportContext, type OffsetUnit, type OutputChunk } from './convert-types';
import { applyExportOptions } from './export-options';
import { buildNativeLine, normalizeImported, type ImportedRelation, type ImportedSpan } from './import-line';
import { UnitMap } from './offset-units';
import { OffsetMap } from '../model/offsets';
import type { CodePoint } from '../model/types';
import { requireText } from './spacy';

/** Label Studio's unit for Text regions since its offsets were fixed for emoji (2022). */
export const LABEL_STUDIO_DEFAULT_OFFSETS: OffsetUnit = 'codepoint';
/** Name of the Labels control in the labeling config we write. */
export const LS_FROM_NAME = 'label';
/** Name of the Text object in the labeling config we write. */
export const LS_TO_NAME = 'text';
/** Side file with a labeling config that matches the export. */
export const LS_CONFIG_FILE = 'label-studio-config.xml';

/** A region result (type "labels"). */
interface LsLabelsResult {
  id: string;
  from_name: string;
  to_name: string;
  type: 'labels';
  value: { start: number; end: number; text: string; labels: string[] };
  /** Label Studio's per-region meta: `text` is the note its editor shows; `unsure` is Marginalia's flag. */
  meta?: { text?: string[]; unsure?: boolean };
}

/** A relation result (type "relation"). */
interface LsRelationResult {
  type: 'relation';
  from_id: string;
  to_id: string;
  direction: 'right';
  labels: string[];
}

/** One task: the document in `data`, one annotation per native line of it. */
export interface LsTask {
  data: { text: string; doc_id: string; source: string; annotators: string[]; document_notes?: Record<string, { comment?: string; unsure?: boolean }> };
  annotations: Array<{ result: Array<LsLabelsResult | LsRelationResult>; ground_truth: boolean }>;
}

function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A labeling config for the labels and relations seen, so the tasks import as they are. */
export function labelStudioConfig(labels: Iterable<string>, relations: Iterable<string>): string {
  const rel = [...relations];
  return [
    '<View>',
    ...(rel.length ? ['  <Relations>', ...rel.map((r) => `    <Relation value="${xmlAttr(r)}"/>`), '  </Relations>'] : []),
    `  <Labels name="${LS_FROM_NAME}" toName="${LS_TO_NAME}">`,
    ...[...labels].map((l) => `    <Label value="${xmlAttr(l)}"/>`),
    '  </Labels>',
    `  <Text name="${LS_TO_NAME}" value="$text"/>`,
    '</View>',
    '',
  ].join('\n');
}

/**
 * Exporter to a Label Studio JSON array. Consecutive lines of one document
 * (native files are sorted by doc_id) become one task with one annotation per
 * annotator, so a task is held only until the next document starts. The array
 * brackets are streamed; `label-studio-config.xml` is written beside.
 */
export function labelStudioExporter(options: ExportOptions = {}): Exporter {
  const unit = options.offsets ?? LABEL_STUDIO_DEFAULT_OFFSETS;
  const labels = new Set<string>();
  const relationLabels = new Set<string>();
  let pending: LsTask | null = null;
  let count = 0;
  const flush = (): OutputChunk[] => {
    if (!pending) return [];
    const data = (count === 0 ? '[\n' : ',\n') + JSON.stringify(pending);
    count++;
    pending = null;
    return [{ file: '', data }];
  };
  return {
    layout: 'file',
    write(raw) {
      const line = applyExportOptions(raw, options);
      const text = requireText(line, 'label-studio');
      const out = pending && pending.data.doc_id !== line.doc_id ? flush() : [];
      const map = new UnitMap(text, unit);
      const result: Array<LsLabelsResult | LsRelationResult> = [];
      for (const s of line.spans) {
        labels.add(s.label);
        result.push({
          id: s.id,
          from_name: LS_FROM_NAME,
          to_name: LS_TO_NAME,
          type: 'labels',
          value: { start: map.fromCodePoint(s.start)!, end: map.fromCodePoint(s.end)!, text: s.text, labels: [s.label] },
          ...(s.comment !== undefined || s.unsure ? { meta: { ...(s.comment !== undefined ? { text: [s.comment] } : {}), ...(s.unsure ? { unsure: true } : {}) } } : {}),
        });
      }
      for (const r of line.relations) {
        relationLabels.add(r.label);
        result.push({ type: 'relation', from_id: r.head, to_id: r.tail, direction: 'right', labels: [r.label] });
      }
      if (!pending) pending = { data: { text, doc_id: line.doc_id, source: line.source, annotators: [] }, annotations: [] };
      pending.data.annotators.push(line.annotator);
      if (line.comment !== undefined || line.unsure) {
        pending.data.document_notes ??= {};
        pending.data.document_notes[line.annotator] = { ...(line.comment !== undefined ? { comment: line.comment } : {}), ...(line.unsure ? { unsure: true } : {}) };
      }
      pending.annotations.push({ result, ground_truth: line.annotator === 'adjudicated' });
      return out;
    },
    end() {
      const out = flush();
      out.push({ file: '', data: count === 0 ? '[]\n' : '\n]\n' });
      out.push({ file: LS_CONFIG_FILE, data: labelStudioConfig([...labels].sort(), [...relationLabels].sort()), complete: true });
      return out;
    },
  };
}

/**
 * The native lines of one Label Studio task: one per annotation (or per
 * prediction when a task has no annotations). The annotator is taken from
 * `data.annotators` (what we export), else `completed_by`, else the context's.
 * Offsets are read in `ctx.offsets` (default code points); when a region's
 * `value.text` matches the text only in the other unit, that unit is used
 * and the switch reported.
 */
export function fromLabelStudioTask(task: unknown, ctx: ImportContext, where: string): NativeLine[] {
  if (typeof task !== 'object' || task === null || Array.isArray(task)) throw new ConvertError('a task must be a JSON object');
  const t = task as Record<string, unknown>;
  const data = (typeof t.data === 'object' && t.data !== null ? t.data : {}) as Record<string, unknown>;
  if (typeof data.text !== 'string') throw new ConvertError('task.data.text must be a string');
  const original = data.text;
  const norm = normalizeImported(original);
  const unit = ctx.offsets ?? LABEL_STUDIO_DEFAULT_OFFSETS;
  const other: OffsetUnit = unit === 'utf16' ? 'codepoint' : 'utf16';
  const maps = { [unit]: new UnitMap(original, unit), [other]: new UnitMap(original, other) } as Record<OffsetUnit, UnitMap>;
  const cpMap = new OffsetMap(original);
  const sliceIn = (u: OffsetUnit, a: number, b: number): string | null => {
    const m = maps[u];
    const s = m.toCodePoint(a);
    const e = m.toCodePoint(b);
    if (s === null || e === null || s > e) return null;
    return original.slice(cpMap.toUtf16(s as CodePoint), cpMap.toUtf16(e as CodePoint));
  };
  const annotations = Array.isArray(t.annotations) && t.annotations.length > 0 ? t.annotations : Array.isArray(t.predictions) ? t.predictions : [];
  const names = Array.isArray(data.annotators) ? data.annotators : [];
  return (annotations as unknown[]).map((a, i) => {
    const ann = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
    const named = names[i];
    const annotator =
      typeof named === 'string' ? named : ann.completed_by !== undefined && ann.completed_by !== null ? `ls-user-${String(ann.completed_by)}` : typeof ann.model_version === 'string' ? `prediction:${ann.model_version}` : undefined;
    const spans: ImportedSpan[] = [];
    const relations: ImportedRelation[] = [];
    for (const r of (Array.isArray(ann.result) ? ann.result : []) as Array<Record<string, unknown>>) {
      if (r?.type === 'relation') {
        const label = Array.isArray(r.labels) && typeof r.labels[0] === 'string' ? r.labels[0] : 'related';
        const [head, tail] = r.direction === 'left' ? [r.to_id, r.from_id] : [r.from_id, r.to_id];
        relations.push({ label, head: String(head), tail: String(tail) });
        continue;
      }
      const v = (r?.value ?? {}) as Record<string, unknown>;
      const ls = (Array.isArray(v.labels) ? v.labels : Array.isArray(v[String(r?.type)]) ? v[String(r?.type)] : null) as unknown[] | null;
      if (!ls || !Number.isInteger(v.start) || !Number.isInteger(v.end)) continue; // not a text region (choices, textarea…)
      let u = unit;
      if (typeof v.text === 'string' && sliceIn(unit, v.start as number, v.end as number) !== v.text && sliceIn(other, v.start as number, v.end as number) === v.text) {
        u = other;
        ctx.warn?.({ docId: where, spanId: String(r.id), message: `region ${String(r.id)}: value.text matches the text in ${other} offsets, not ${unit}; read as ${other}` });
      }
      const s = maps[u].toCodePoint(v.start as number);
      const e = maps[u].toCodePoint(v.end as number);
      if (s === null || e === null) throw new ConvertError(`region ${String(r.id)}: offsets ${String(v.start)}–${String(v.end)} fall inside a character`);
      const meta = (typeof r.meta === 'object' && r.meta !== null ? r.meta : {}) as Record<string, unknown>;
      const comment = Array.isArray(meta.text) ? meta.text.filter((x): x is string => typeof x === 'string').join('\n') : undefined;
      ls.forEach((label, k) => {
        if (typeof label !== 'string') return;
        spans.push({
          id: r.id === undefined ? undefined : k === 0 ? String(r.id) : `${String(r.id)}-${k + 1}`,
          start: norm.map(s),
          end: norm.map(e),
          label,
          ...(comment ? { comment } : {}),
          ...(meta.unsure === true ? { unsure: true } : {}),
        });
      });
    }
    const notes = typeof data.document_notes === 'object' && data.document_notes !== null && typeof annotator === 'string' ? ((data.document_notes as Record<string, unknown>)[annotator] as Record<string, unknown> | undefined) : undefined;
    return buildNativeLine(
      {
        text: norm.text,
        annotator,
        source: typeof data.source === 'string' ? data.source : where,
        spans,
        relations,
        ...(typeof notes?.comment === 'string' ? { comment: notes.comment } : {}),
        ...(notes?.unsure === true ? { unsure: true } : {}),
      },
      ctx,
    );
  });
}
