// Writes the gold of a curation as native JSONL: one "adjudicated" line per document, byte for byte the same for the same inputs.

import { compareLines, NATIVE_FORMAT, serializeNativeLine, type NativeLine, type NativeRelation, type NativeSpan } from '../format/native';
import type { AttrValue } from '../model/types';
import { goldRelations, goldSpans, undecidedConflicts } from './curation';
import { goldRelationId } from './ids';
import type { CurationState, DocumentCuration } from './merge';

/** The annotator name of gold lines. */
export const ADJUDICATED = 'adjudicated';

function sortedAttrs(attrs: Readonly<Record<string, AttrValue>>): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = Object.create(null);
  for (const k of Object.keys(attrs).sort()) out[k] = attrs[k]!;
  return out;
}

/**
 * The gold line of one document. Its status is "done" when no conflict awaits a decision
 * and "in-progress" otherwise, so a candidate gold with open conflicts says so in the file.
 */
export function goldLine(doc: DocumentCuration): NativeLine {
  const candidates = goldSpans(doc);
  const spans: NativeSpan[] = candidates.map((c) => ({
    id: c.id,
    start: c.start,
    end: c.end,
    label: c.label,
    text: c.text,
    attrs: sortedAttrs(c.attrs),
    sources: [...c.sources],
  }));
  const relations: NativeRelation[] = goldRelations(doc, candidates)
    .map((r) => ({ id: goldRelationId(doc.docId, r.label, r.head, r.tail), label: r.label, head: r.head, tail: r.tail, sources: [...r.sources] }))
    .sort((a, b) => cmp(a.head, b.head) || cmp(a.tail, b.tail) || cmp(a.label, b.label) || cmp(a.id, b.id));
  const line: NativeLine = {
    format: NATIVE_FORMAT,
    doc_id: doc.docId,
    source: doc.source,
    text: doc.text ?? '',
    annotator: ADJUDICATED,
    status: undecidedConflicts(doc).length === 0 ? 'done' : 'in-progress',
    updated_at: doc.updatedAt,
    spans,
    relations,
  };
  if (doc.text === null) delete line.text;
  return line;
}

/** Every gold line, in the format's line order. */
export function goldLines(state: CurationState): NativeLine[] {
  return state.documents.map(goldLine).sort(compareLines);
}

/** The gold file: the lines serialized, each ending in "\n". */
export function serializeGold(state: CurationState): string {
  return serializeGoldLines(goldLines(state));
}

/** Gold lines (from {@link goldLines}) as the file's content. */
export function serializeGoldLines(lines: readonly NativeLine[]): string {
  return lines.map((l) => serializeNativeLine(l) + '\n').join('');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
