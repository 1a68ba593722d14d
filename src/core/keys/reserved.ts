// The single keys the app keeps for itself, derived from the views' keymaps, so that the schema
// validator refuses a label hotkey that a view already answers, in that view's own words.

import { CURATION_KEYMAP } from './curation-keys';
import { type Keymap } from './keymap';
import { WORKBENCH_KEYMAP } from './workbench-keys';

/** The views whose keymaps the schema must stay clear of, with the name each is reserved under. */
const VIEWS: readonly [string, Keymap][] = [
  ['workbench', WORKBENCH_KEYMAP],
  ['curation', CURATION_KEYMAP],
];

/**
 * The one-character key a binding key takes from the schema (lower case, as hotkeys are
 * matched), or null for a named key, a key with Mod or Alt, or a schema slot.
 */
function singleKey(name: string): string | null {
  if (name === 'Space') return ' ';
  return Array.from(name).length === 1 ? name.toLowerCase() : null;
}

/**
 * Each reserved single key with what it does in each view ("[": "workbench: previous span;
 * curation: previous gold span"). A key whose upper case is bound too says so ("G: …").
 */
export function reservedHotkeys(views: readonly [string, Keymap][] = VIEWS): Map<string, string> {
  const uses = new Map<string, string[]>();
  for (const [view, keymap] of views) {
    for (const binding of keymap) {
      for (const key of binding.keys) {
        const single = singleKey(key);
        if (single === null) continue;
        const what = `${view}: ${key === single || key === 'Space' ? '' : `${key} `}${binding.describe}`;
        const list = uses.get(single) ?? uses.set(single, []).get(single)!;
        if (!list.includes(what)) list.push(what);
      }
    }
  }
  return new Map([...uses].map(([key, list]) => [key, list.join('; ')]));
}
