// Why the editor's element says contenteditable="plaintext-only": React, before every commit of any of
// the app's roots, saves the selection of the focused element when that element's `contentEditable` is
// "true", and it does so by walking every node of it and reading every text node's whole value. The
// focused element is the document view, so each panel update copied the open document's text: about
// 25 ms per commit for 1,000,000 characters, on the path of the next key. "plaintext-only" keeps the caret,
// the selection and the keys (ProseMirror reads its own `editable` prop, not the attribute), and React
// leaves it alone. The text is never edited here: the view refuses every change to it.

import type { EditorView } from 'prosemirror-view';

/** Marks the view's element "plaintext-only" where the browser knows the value (elsewhere it stays "true"); returns the view. */
export function plaintextOnly(view: EditorView): EditorView {
  try {
    view.dom.contentEditable = 'plaintext-only';
  } catch {
    // A browser without "plaintext-only" throws: the element stays "true", and React walks it as before.
  }
  return view;
}
