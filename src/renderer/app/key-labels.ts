// A binding's key as buttons' titles show it ("Undo (Ctrl+Z)"), read from the workbench keymap.

import { formatKey } from '../../core/keys/keymap';
import { WORKBENCH_KEYMAP } from '../../core/keys/workbench-keys';

/** " (Ctrl+Z)" for a binding id, the first of its keys; "" for an id without keys. */
export function keyHint(id: string): string {
  const key = WORKBENCH_KEYMAP.find((b) => b.id === id)?.keys[0];
  return key ? ` (${formatKey(key)})` : '';
}
