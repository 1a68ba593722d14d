// The export options every format shares, applied to a native line before it is converted: label filter, with/without text.

import type { NativeLine } from './native';
import type { ExportOptions } from './convert-types';

/**
 * A copy of `line` with only the spans whose label is in `options.labels`
 * (all when the list is empty or absent), only the relations whose two
 * endpoints are kept, and no `text` when `options.withText` is false. The
 * input line is not changed.
 */
export function applyExportOptions(line: NativeLine, options: Pick<ExportOptions, 'labels' | 'withText'>): NativeLine {
  const keep = options.labels && options.labels.length > 0 ? new Set(options.labels) : null;
  const spans = keep ? line.spans.filter((s) => keep.has(s.label)) : line.spans;
  const ids = new Set(spans.map((s) => s.id));
  const relations = keep ? (line.relations ?? []).filter((r) => ids.has(r.head) && ids.has(r.tail)) : line.relations ?? [];
  const out: NativeLine = { ...line, spans, relations };
  if (options.withText === false) delete out.text;
  return out;
}

/** Parses a `--labels A,B` list: trimmed, empty items dropped. */
export function parseLabelList(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
