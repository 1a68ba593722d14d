// The ProseMirror schema of a document: paragraphs of plain text, one per line of the file, nothing else.

import { Schema, type Node } from 'prosemirror-model';

/** Paragraphs of text; no marks: spans are decorations, never part of the document. */
export const docSchema = new Schema({
  nodes: {
    doc: { content: 'paragraph*' },
    paragraph: {
      content: 'text*',
      toDOM: () => ['p', { class: 'line' }, 0],
      parseDOM: [{ tag: 'p' }],
    },
    text: {},
  },
});

/** Paragraph nodes for lines of text (empty lines included, as empty paragraphs). */
export function paragraphsOf(lines: readonly string[]): Node[] {
  const paragraph = docSchema.nodes.paragraph!;
  return lines.map((line) => paragraph.create(null, line ? docSchema.text(line) : null));
}

/** The ProseMirror doc of lines of a text: line i of `text.split("\n")` is paragraph i (empty lines included). */
export function linesToDoc(lines: readonly string[]): Node {
  return docSchema.nodes.doc!.create(null, paragraphsOf(lines));
}
