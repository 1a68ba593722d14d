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

/** The ProseMirror doc of a text: line i of `text.split("\n")` is paragraph i (empty lines included). */
export function textToDoc(text: string): Node {
  const paragraph = docSchema.nodes.paragraph!;
  const lines = text.split('\n');
  return docSchema.nodes.doc!.create(
    null,
    lines.map((line) => paragraph.create(null, line ? docSchema.text(line) : null)),
  );
}
