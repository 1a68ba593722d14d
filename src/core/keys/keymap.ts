// The shape of a keymap table and the one way a key press is named, matched and shown: every view's
// shortcuts are data (id, keys, when, description) and the renderer binds what each id does.
//
// Key names follow prosemirror-keymap: modifiers `Mod-` (Ctrl, or ⌘ on a Mac), `Alt-`, `Shift-`
// in that order, then the `KeyboardEvent.key` value ("ArrowLeft", "Enter", "z"). A printable
// character pressed without Mod or Alt carries Shift in itself ("G", "?", "]"), so it is named
// without `Shift-`; with Mod or Alt a letter is named in lower case and Shift is spelled out
// ("Mod-Shift-z"). Two slots stand for the schema's keys: `{label}` (a label's hotkey) and
// `{relation}` (a relation's), so the schema's keys are bound through the table too.

/** What a key press is made of: the fields of a DOM `KeyboardEvent` this module reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** One shortcut: the data half. The renderer binds `run` by `id`. */
export interface KeyBinding<When extends string = string> {
  /** Stable name the renderer binds its handler to. */
  readonly id: string;
  /** Key names (see the module comment); several keys may share one binding. */
  readonly keys: readonly string[];
  /** The view state in which the binding applies; the renderer decides what each state means. */
  readonly when: When;
  /** What the binding does, in the overlay's and the schema validator's words. */
  readonly describe: string;
  /** How the overlay shows the keys when they are not single key names ("mouse drag"). */
  readonly display?: string;
}

/** A keymap table: the bindings of one view, in the order they are tried. */
export type Keymap<When extends string = string> = readonly KeyBinding<When>[];

/** The slot of a label's hotkey in a key name. */
export const LABEL_SLOT = '{label}';
/** The slot of a relation's hotkey in a key name. */
export const RELATION_SLOT = '{relation}';

/** The name of a key press (see the module comment). */
export function keyName(e: KeyPress): string {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key === ' ' ? 'Space' : e.key;
  const printable = Array.from(key).length === 1;
  if (printable && !mod && !e.altKey) return key;
  return `${mod ? 'Mod-' : ''}${e.altKey ? 'Alt-' : ''}${e.shiftKey ? 'Shift-' : ''}${printable ? key.toLowerCase() : key}`;
}

/** The schema's hotkeys, for the `{label}` and `{relation}` slots. */
export interface KeySlots {
  labels: ReadonlySet<string>;
  relations: ReadonlySet<string>;
}

/** What a key press matched: the binding, and the schema hotkey when it came through a slot. */
export interface KeyMatch<When extends string> {
  binding: KeyBinding<When>;
  /** The key name as written in the binding. */
  key: string;
  /** The label or relation hotkey (lower case) when the binding's key is a slot. */
  hotkey?: string;
}

/** Whether one binding key matches a pressed key name; returns the hotkey for a slot, true for a plain match. */
function matchKey(bindingKey: string, pressed: string, slots: KeySlots): string | boolean {
  if (bindingKey === pressed) return true;
  const single = Array.from(pressed).length === 1;
  if (!single) return false;
  const lower = pressed.toLowerCase();
  const shifted = pressed !== lower;
  if (bindingKey === LABEL_SLOT && !shifted && slots.labels.has(pressed)) return pressed;
  if (bindingKey === `Shift-${LABEL_SLOT}` && shifted && slots.labels.has(lower)) return lower;
  if (bindingKey === RELATION_SLOT && slots.relations.has(pressed)) return pressed;
  return false;
}

/**
 * Every binding a key press matches, in table order, among those whose `when` holds. The
 * dispatcher runs them in turn until one handles the key.
 */
export function matchBindings<When extends string>(
  keymap: Keymap<When>,
  press: KeyPress,
  active: (when: When) => boolean,
  slots: KeySlots = { labels: new Set(), relations: new Set() },
): KeyMatch<When>[] {
  const pressed = keyName(press);
  const out: KeyMatch<When>[] = [];
  for (const binding of keymap) {
    for (const key of binding.keys) {
      const m = matchKey(key, pressed, slots);
      if (m === false) continue;
      if (active(binding.when)) out.push(typeof m === 'string' ? { binding, key, hotkey: m } : { binding, key });
      break;
    }
  }
  return out;
}

/** Arrow and named keys as people read them. */
const SHOWN: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  [LABEL_SLOT]: 'label key',
  [RELATION_SLOT]: 'relation key',
  Backspace: 'Backspace',
  Escape: 'Esc',
};

/** One key name as the overlay shows it: "Mod-Shift-z" → "Ctrl+Shift+Z" (⌘ on a Mac). */
export function formatKey(name: string, opts: { mac?: boolean } = {}): string {
  const parts = name === '-' ? ['-'] : name.split(/-(?!$)/);
  const key = parts.pop()!;
  const mods = parts.map((m) => (m === 'Mod' ? (opts.mac ? '⌘' : 'Ctrl') : m === 'Alt' && opts.mac ? '⌥' : m));
  const shown = SHOWN[key] ?? (Array.from(key).length === 1 && mods.length ? key.toUpperCase() : key);
  return [...mods, shown].join('+');
}

/** A binding's keys as the overlay shows them. */
export function formatBinding(binding: KeyBinding, opts: { mac?: boolean } = {}): string {
  return binding.display ?? binding.keys.map((k) => formatKey(k, opts)).join(' / ');
}
