// The workbench's key dispatcher: its keymap (src/core/keys/workbench-keys.ts) bound through useKeymap.

import type { WorkbenchWhen } from '../../core/keys/workbench-keys';
import { WORKBENCH_KEYMAP } from '../../core/keys/workbench-keys';
import { useKeymap, type KeyHandler as AnyKeyHandler, type KeymapContext } from './use-keymap';

export { arrowDirection } from './use-keymap';

/** A handler bound to a workbench keymap id. */
export type KeyHandler = AnyKeyHandler<WorkbenchWhen>;

/** Dispatches key presses to the workbench's handlers of the latest render. */
export function useWorkbenchKeys(context: KeymapContext<WorkbenchWhen>): void {
  useKeymap(WORKBENCH_KEYMAP, context);
}
