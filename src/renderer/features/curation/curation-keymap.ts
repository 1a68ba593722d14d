// The curation view's shortcuts as one table (id, keys, when, describe): the key handler, the footer and the help overlay read it.
//
// Same shape and key names as the app's keymap tables (prosemirror-keymap's: "Mod-z",
// "Alt-Shift-ArrowLeft"; a printable key carries Shift in itself: "J", "?"). `{label}` stands
// for the schema's label hotkeys.

/** When a binding applies: anywhere in the view, while the key list is open, while adjudicating, on a step, with a gold span selected. */
export type CurationWhen = 'anywhere' | 'help' | 'curating' | 'conflict' | 'gold';

/** One shortcut. */
export interface CurationBinding {
  readonly id: string;
  readonly keys: readonly string[];
  readonly when: CurationWhen;
  readonly describe: string;
  /** How the keys are shown when not one by one. */
  readonly display?: string;
}

/** The slot of a label's hotkey. */
export const LABEL_SLOT = '{label}';

/** The curation keymap, in the order keys are tried. */
export const CURATION_KEYMAP: readonly CurationBinding[] = [
  { id: 'undo', keys: ['Mod-z'], when: 'anywhere', describe: 'undo the last decision or edit' },
  { id: 'redo', keys: ['Mod-Shift-z', 'Mod-y'], when: 'anywhere', describe: 'redo' },
  { id: 'help', keys: ['?'], when: 'anywhere', describe: 'show these keys' },
  { id: 'close-help', keys: ['Escape'], when: 'help', describe: 'close this list' },
  { id: 'next-open-conflict', keys: ['j', 'n'], when: 'curating', describe: 'next open conflict (across documents, most disagreement first)' },
  { id: 'previous-conflict', keys: ['k'], when: 'curating', describe: 'previous conflict' },
  { id: 'next-conflict', keys: ['J', 'N'], when: 'curating', describe: 'next conflict, decided or not' },
  { id: 'previous-open-conflict', keys: ['K'], when: 'curating', describe: 'previous open conflict' },
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

/** What a key press is made of. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The name of a key press in the table's spelling. */
export function keyName(e: KeyPress): string {
  const mod = e.ctrlKey || e.metaKey;
  const printable = Array.from(e.key).length === 1;
  if (printable && !mod && !e.altKey) return e.key;
  return `${mod ? 'Mod-' : ''}${e.altKey ? 'Alt-' : ''}${e.shiftKey ? 'Shift-' : ''}${printable ? e.key.toLowerCase() : e.key}`;
}

/** The bindings a key press matches whose `when` holds, in table order, with the label hotkey for the slot. */
export function matchCurationKey(press: KeyPress, active: (when: CurationWhen) => boolean, labels: ReadonlySet<string>): { binding: CurationBinding; key: string }[] {
  const pressed = keyName(press);
  const out: { binding: CurationBinding; key: string }[] = [];
  for (const binding of CURATION_KEYMAP) {
    if (!active(binding.when)) continue;
    if (binding.keys.includes(pressed)) out.push({ binding, key: pressed });
    else if (binding.keys.includes(LABEL_SLOT) && labels.has(pressed)) out.push({ binding, key: pressed });
  }
  return out;
}

/** Single keys the table binds, which a schema label cannot use as its hotkey here. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(CURATION_KEYMAP.flatMap((b) => b.keys).filter((k) => Array.from(k).length === 1).map((k) => k.toLowerCase()));

/** A key name as people read it: "Mod-Shift-z" -> "Ctrl+Shift+Z", "Alt-ArrowLeft" -> "Alt+←". */
export function formatKey(name: string): string {
  const shown: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', [LABEL_SLOT]: 'label key' };
  const parts = name.split(/-(?!$)/);
  const key = parts.pop()!;
  const mods = parts.map((m) => (m === 'Mod' ? 'Ctrl' : m));
  return [...mods, shown[key] ?? (mods.length && key.length === 1 ? key.toUpperCase() : key)].join('+');
}
