// The workbench's shortcuts as one table: the key dispatcher, the `?` overlay and the schema
// validator's reserved keys are all derived from it. A new shortcut is one line here and one
// handler bound to its id in the renderer.

import { LABEL_SLOT, RELATION_SLOT, type Keymap } from './keymap';

/**
 * When a workbench binding applies: `anywhere`; `overlay` while the key list is open;
 * `corpus` with a corpus open; `document` with a document open and no relation being
 * linked; `linking` while a relation's target is being chosen; `suggestion` when a
 * suggestion is focused and no span is selected; `span` when a span is selected (not linking).
 */
export type WorkbenchWhen = 'anywhere' | 'overlay' | 'corpus' | 'document' | 'linking' | 'suggestion' | 'span';

/** The workbench's keymap, in the order the keys are tried: the first binding whose handler takes the key wins. */
export const WORKBENCH_KEYMAP: Keymap<WorkbenchWhen> = [
  { id: 'select-text', keys: [], when: 'document', describe: 'select text (snaps to words)', display: 'Shift+arrows, mouse drag' },
  { id: 'undo', keys: ['Mod-z'], when: 'anywhere', describe: 'undo' },
  { id: 'redo', keys: ['Mod-Shift-z', 'Mod-y'], when: 'anywhere', describe: 'redo' },
  { id: 'search-corpus', keys: ['Mod-Shift-f'], when: 'anywhere', describe: 'find across the corpus' },
  { id: 'export', keys: ['Mod-e'], when: 'corpus', describe: 'export the corpus' },
  { id: 'shortcuts', keys: ['?'], when: 'anywhere', describe: 'this list' },
  { id: 'close-shortcuts', keys: ['Escape'], when: 'overlay', describe: 'close this list' },
  { id: 'next-document', keys: ['Alt-ArrowDown'], when: 'corpus', describe: 'next document' },
  { id: 'previous-document', keys: ['Alt-ArrowUp'], when: 'corpus', describe: 'previous document' },
  { id: 'find', keys: ['Mod-f'], when: 'document', describe: 'find in the document' },
  { id: 'toggle-done', keys: ['Mod-Shift-Enter'], when: 'document', describe: 'mark the document done (again: in progress)' },
  { id: 'link-cancel', keys: ['Escape'], when: 'linking', describe: 'cancel the link' },
  { id: 'link-confirm', keys: ['Enter'], when: 'linking', describe: 'link to the chosen target' },
  { id: 'link-next', keys: ['Tab', 'ArrowDown', 'ArrowRight'], when: 'linking', describe: 'next link target' },
  { id: 'link-previous', keys: ['Shift-Tab', 'ArrowUp', 'ArrowLeft'], when: 'linking', describe: 'previous link target' },
  { id: 'accept-all-like', keys: ['Shift-Enter'], when: 'suggestion', describe: 'accept every open suggestion of the focused one’s kind and label' },
  { id: 'accept-suggestion', keys: ['Enter'], when: 'suggestion', describe: 'accept the focused suggestion' },
  { id: 'reject-suggestion', keys: ['Backspace', 'Delete'], when: 'suggestion', describe: 'reject the focused suggestion for good' },
  { id: 'unfocus-suggestion', keys: ['Escape'], when: 'suggestion', describe: 'leave the suggestion' },
  { id: 'next-suggestion', keys: ['g'], when: 'document', describe: 'next open suggestion (in document order, from the last one judged)' },
  { id: 'previous-suggestion', keys: ['G'], when: 'document', describe: 'previous open suggestion' },
  { id: 'next-span', keys: [']'], when: 'document', describe: 'next span' },
  { id: 'previous-span', keys: ['['], when: 'document', describe: 'previous span' },
  { id: 'select-sentence', keys: ['x'], when: 'document', describe: 'select the sentence under the caret' },
  { id: 'delete-span', keys: ['Delete', 'Backspace'], when: 'span', describe: 'delete the selected span (its relations too)' },
  { id: 'edit-attributes', keys: ['Enter'], when: 'span', describe: 'edit the selected span’s attributes (Esc returns)' },
  { id: 'move-end', keys: ['Alt-ArrowLeft', 'Alt-ArrowRight'], when: 'span', describe: 'move the selected span’s end by one character' },
  { id: 'move-start', keys: ['Alt-Shift-ArrowLeft', 'Alt-Shift-ArrowRight'], when: 'span', describe: 'move the selected span’s start by one character' },
  { id: 'word-end', keys: ['Mod-Alt-ArrowLeft', 'Mod-Alt-ArrowRight'], when: 'span', describe: 'move the selected span’s end by one word (Chinese words too)' },
  { id: 'word-start', keys: ['Mod-Alt-Shift-ArrowLeft', 'Mod-Alt-Shift-ArrowRight'], when: 'span', describe: 'move the selected span’s start by one word' },
  { id: 'shrink-to-inside', keys: ['-'], when: 'span', describe: 'shrink the selected span to the figure or entity inside it' },
  { id: 'deselect', keys: ['Escape'], when: 'document', describe: 'deselect' },
  { id: 'label', keys: [LABEL_SLOT], when: 'document', describe: 'label the selection (snapped to whole words), or relabel the selected span' },
  { id: 'label-exact', keys: [`Shift-${LABEL_SLOT}`], when: 'document', describe: 'label the selection exactly as selected (character precision)' },
  { id: 'link', keys: [RELATION_SLOT], when: 'span', describe: 'link the selected span: Tab / ↓ ↑ pick a target, Enter confirms, Esc cancels' },
  { id: 'activate-control', keys: ['Space'], when: 'anywhere', describe: 'activate the focused button (Enter too)' },
];
