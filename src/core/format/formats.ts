// The registry of export formats: one place that names each format, makes its exporter and says what it cannot carry.
// The in-app export dialog and `marginalia convert` both start here.

import { plural } from '../text/plural';
import type { NativeLine } from './native';
import { serializeNativeLine } from './native';
import type { ExportOptions, Exporter, FormatName } from './convert-types';
import { applyExportOptions } from './export-options';
import { spacyExporter } from './spacy';
import { hfExporter } from './hf';
import { doccanoExporter } from './doccano';
import { labelStudioExporter } from './label-studio';
import { bratExporter } from './brat';
import { conllExporter } from './conll';

/** Exporter to native JSONL: the label filter and the without-text option applied, nothing else changed. */
export function nativeExporter(options: ExportOptions = {}): Exporter {
  return {
    layout: 'file',
    write: (line: NativeLine) => [{ file: '', data: serializeNativeLine(applyExportOptions(line, options)) + '\n' }],
    end: () => [],
  };
}

/** What the export dialog shows for a format. */
export interface FormatInfo {
  name: FormatName;
  title: string;
  /** Suggested file name (or folder name) of the output. */
  defaultOutput: string;
  layout: 'file' | 'folder';
  /** Needs the document text (everything but native). */
  needsText: boolean;
  /** Takes the `offsets` option, and its default. */
  offsets?: 'utf16' | 'codepoint';
  /** Tokenizes, so takes `alignment` and `locale`. */
  tokens: boolean;
}

/** Every format, in the order the dialog lists them. */
export const FORMATS: readonly FormatInfo[] = [
  { name: 'native', title: 'Marginalia JSONL', defaultOutput: 'annotations.jsonl', layout: 'file', needsText: false, tokens: false },
  { name: 'spacy', title: 'spaCy / Prodigy JSONL', defaultOutput: 'spacy.jsonl', layout: 'file', needsText: true, tokens: false },
  { name: 'hf', title: 'Hugging Face token classification', defaultOutput: 'hf.jsonl', layout: 'file', needsText: true, tokens: true },
  { name: 'doccano', title: 'doccano JSONL', defaultOutput: 'doccano.jsonl', layout: 'file', needsText: true, offsets: 'utf16', tokens: false },
  { name: 'label-studio', title: 'Label Studio tasks', defaultOutput: 'label-studio.json', layout: 'file', needsText: true, offsets: 'codepoint', tokens: false },
  { name: 'brat', title: 'brat standoff', defaultOutput: 'brat', layout: 'folder', needsText: true, tokens: false },
  { name: 'conll', title: 'CoNLL BIO', defaultOutput: 'conll.txt', layout: 'file', needsText: true, tokens: true },
];

/** Formats with a place for comments and unsure flags (brat: `#` notes and the manifest; Label Studio: `meta`). */
const CARRIES_NOTES: ReadonlySet<FormatName> = new Set(['native', 'brat', 'label-studio']);

/** How many comments and unsure flags a line holds (its own and its spans'). */
function notesOf(line: NativeLine): number {
  let n = (line.comment !== undefined ? 1 : 0) + (line.unsure ? 1 : 0);
  for (const s of line.spans) n += (s.comment !== undefined ? 1 : 0) + (s.unsure ? 1 : 0);
  return n;
}

/** The exporter of a format; formats without a place for comments and unsure flags report the ones they leave out. */
export function createExporter(format: FormatName, options: ExportOptions = {}): Exporter {
  const exporter = formatExporter(format, options);
  if (CARRIES_NOTES.has(format)) return exporter;
  return {
    ...exporter,
    write(line) {
      const n = notesOf(line);
      if (n > 0) options.warn?.({ docId: line.doc_id, annotator: line.annotator, message: `${plural(n, 'comment')} or unsure flags left out: ${format} has no place for them (native, brat and label-studio keep them)` });
      return exporter.write(line);
    },
  };
}

function formatExporter(format: FormatName, options: ExportOptions): Exporter {
  switch (format) {
    case 'native':
      return nativeExporter(options);
    case 'spacy':
      return spacyExporter(options);
    case 'hf':
      return hfExporter(options);
    case 'doccano':
      return doccanoExporter(options);
    case 'label-studio':
      return labelStudioExporter(options);
    case 'brat':
      return bratExporter(options);
    case 'conll':
      return conllExporter(options);
  }
}

/**
 * Converts lines in memory and returns every output file's full text, keyed
 * by file name ('' for the main output). For tests and small exports; large
 * ones should feed {@link Exporter.write} chunks to a stream.
 */
export function exportAll(format: FormatName, lines: Iterable<NativeLine>, options: ExportOptions = {}): Map<string, string> {
  const exporter = createExporter(format, options);
  const files = new Map<string, string>();
  const put = (chunks: ReturnType<Exporter['write']>) => {
    for (const c of chunks) files.set(c.file, c.complete ? c.data : (files.get(c.file) ?? '') + c.data);
  };
  for (const line of lines) put(exporter.write(line));
  put(exporter.end());
  return files;
}
