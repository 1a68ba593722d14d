// The ProseMirror schema of a document: paragraphs of plain text, one per line of the file, in sections of
// SECTION_LINES lines. The sections are for the browser: each is skipped whole by layout and paint while off
// screen (content-visibility), and ProseMirror redraws only the sections a change touches, so a long document
// costs its sections (about 70 for 1 MB), not its thousands of paragraphs, on every frame and transaction.

import { Fragment, Schema, type Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';

/** Lines per section. */
export const SECTION_LINES = 32;

/** Sections of paragraphs of text; no marks: spans are decorations, never part of the document. */
export const docSchema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section: {
      content: 'paragraph+',
      toDOM: () => ['div', { class: 'section' }, 0],
      parseDOM: [{ tag: 'div.section' }],
    },
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

/** Sections of SECTION_LINES paragraphs (the last may be shorter). */
function sectionsOf(paragraphs: readonly Node[]): Node[] {
  const section = docSchema.nodes.section!;
  const out: Node[] = [];
  for (let i = 0; i < paragraphs.length; i += SECTION_LINES) out.push(section.create(null, paragraphs.slice(i, i + SECTION_LINES)));
  return out;
}

/** The ProseMirror doc of lines of a text: line i of `text.split("\n")` is paragraph i (empty lines included). */
export function linesToDoc(lines: readonly string[]): Node {
  return docSchema.nodes.doc!.create(null, sectionsOf(paragraphsOf(lines.length ? lines : [''])));
}

/** Appends lines at the end of the doc: the last section filled up to SECTION_LINES first, then new sections. */
export function appendLines(state: EditorState, lines: readonly string[]): Transaction {
  const tr = state.tr;
  const last = state.doc.lastChild!;
  const room = Math.min(lines.length, SECTION_LINES - last.childCount);
  // The end of the last section's content is just before its closing token.
  if (room > 0) tr.insert(state.doc.content.size - 1, Fragment.from(paragraphsOf(lines.slice(0, room))));
  if (room < lines.length) tr.insert(tr.doc.content.size, Fragment.from(sectionsOf(paragraphsOf(lines.slice(room)))));
  return tr;
}
