// The export dialog speaks the dialog's language: converter warnings name command-line flags (`--labels`, alignment
// modes) that the dialog does not have, so they are reworded here, one table, before the annotator reads them.

import type { ConvertWarning } from '../../core/format/convert-types';

/** A CLI phrasing and what the dialog says instead; the first match of each entry is replaced, in table order. */
const REWORDINGS: readonly (readonly [RegExp, string])[] = [
  [/;?\s*pick a layer with --labels/g, '; to tag it too, export its label on its own (tick only that label under Labels)'],
  [/\(alignment strict; use expand or contract to move it\)/g, '(a boundary falls inside a word: move it to a word boundary to have the span tagged)'],
  [/\(alignment expand\)/g, '(widened to whole words)'],
  [/\(alignment contract\)/g, '(narrowed to the whole words inside it)'],
  [/--labels\b/g, 'the Labels choice'],
  [/--without-text\b/g, '“include the document text” unticked'],
  [/--offsets\s+utf16\b/g, 'UTF-16 offsets'],
  [/--offsets\s+codepoint\b/g, 'character (code point) offsets'],
  [/--alignment\s+(\w+)/g, '$1 alignment'],
  [/--status\b/g, 'the Documents choice'],
  [/--annotator\b/g, 'the Annotations choice'],
];

/** A converter's warning in the dialog's words. */
export function warningInUiWords(message: string): string {
  let out = message;
  for (const [pattern, words] of REWORDINGS) out = out.replace(pattern, words);
  return out;
}

/** Warnings of one document, for the dialog's list. */
export interface DocumentWarnings {
  /** The document's path (or its id when the corpus no longer lists it; empty for warnings of no document). */
  document: string;
  messages: string[];
}

/**
 * Warnings grouped by document, in the order they came, reworded, each document
 * named by `nameOf` (its path) rather than its `sha256:` id.
 */
export function warningsByDocument(warnings: readonly ConvertWarning[], nameOf: (docId: string) => string | undefined = () => undefined): DocumentWarnings[] {
  const groups = new Map<string, string[]>();
  for (const w of warnings) {
    const name = w.docId ? (nameOf(w.docId) ?? w.docId) : '';
    (groups.get(name) ?? groups.set(name, []).get(name)!).push(warningInUiWords(w.message));
  }
  return [...groups].map(([document, messages]) => ({ document, messages }));
}
