// Annotators mark text, they never edit it: the one plugin that keeps the document as it was opened.

import { Plugin } from 'prosemirror-state';
import { isArrival } from './progressive-text';

/** Refuses every change to the document: annotators mark text, they never edit it. */
export const readOnlyText = new Plugin({
  // The one change let through: more of a long text arriving at its end.
  filterTransaction: (tr) => !tr.docChanged || isArrival(tr),
  props: {
    handlePaste: () => true,
    handleDrop: () => true,
    handleTextInput: () => true,
    handleDOMEvents: {
      beforeinput: (_view, event) => {
        event.preventDefault();
        return true;
      },
    },
  },
});
