// The curation view's shortcuts as one table: its key handler, its footer, its help overlay and the
// schema validator's reserved keys all read them from here.

import { LABEL_SLOT, type Keymap } from './keymap';

/**
 * When a curation binding applies: `anywhere` in the view, `help` while its key list is
 * open, `curating` while a merge is shown, `conflict` when the place in view is a
 * conflict, `gold` when a gold span is selected.
 */
export type CurationWhen = 'anywhere' | 'help' | 'curating' | 'conflict' | 'gold';

/** The curation view's keymap, in the order the keys are tried. */
export const CURATION_KEYMAP: Keymap<CurationWhen> = [
  { id: 'undo', keys: ['Mod-z'], when: 'anywhere', describe: 'undo the last decision or edit' },
  { id: 'redo', keys: ['Mod-Shift-z', 'Mod-y'], when: 'anywhere', describe: 'redo' },
  { id: 'help', keys: ['?'], when: 'anywhere', describe: 'show these keys' },
  { id: 'close-help', keys: ['Escape'], when: 'help', describe: 'close this list' },
  { id: 'next-open-conflict', keys: ['j', 'n'], when: 'curating', describe: 'next open conflict (across documents, most disagreement first)' },
  { id: 'previous-conflict', keys: ['k'], when: 'curating', describe: 'previous conflict' },
  { id: 'next-conflict', keys: ['J', 'N'], when: 'curating', describe: 'next conflict, decided or not' },
  { id: 'previous-open-conflict', keys: ['K'], when: 'curating', describe: 'previous conflict still open' },
  { id: 'take-annotator', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], when: 'conflict', describe: 'keep exactly what annotator k (numbered in the lanes) marked or drew here', display: '1 … 9' },
  { id: 'keep-both', keys: ['b'], when: 'conflict', describe: 'keep both (all) sides; take the relation' },
  { id: 'keep-neither', keys: ['x'], when: 'conflict', describe: 'keep neither side; refuse the relation' },
  { id: 'undo-decision', keys: ['u'], when: 'conflict', describe: 'undo the decision (back to the strategy’s proposal)' },
  { id: 'previous-gold', keys: ['['], when: 'curating', describe: 'previous gold span' },
  { id: 'next-gold', keys: [']'], when: 'curating', describe: 'next gold span' },
  { id: 'move-end', keys: ['Alt-ArrowLeft', 'Alt-ArrowRight'], when: 'gold', describe: 'move the gold span’s end' },
  { id: 'move-start', keys: ['Alt-Shift-ArrowLeft', 'Alt-Shift-ArrowRight'], when: 'gold', describe: 'move the gold span’s start' },
  { id: 'relabel', keys: [LABEL_SLOT], when: 'gold', describe: 'relabel the gold span' },
  { id: 'deselect', keys: ['Escape'], when: 'curating', describe: 'deselect the gold span' },
];
