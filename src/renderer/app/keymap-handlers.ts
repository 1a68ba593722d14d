// What each binding of the workbench keymap (src/core/keys/workbench-keys.ts) does: handlers by
// id, and what each `when` of the table means in the workbench's state.

import type { WorkbenchWhen } from '../../core/keys/workbench-keys';
import type { CorpusInfo } from '../../core/ipc/contract';
import type { LabelSchema } from '../../core/model/schema';
import type { WorkbenchActions } from './actions';
import type { DocSuggestion } from './assist';
import type { DocSession } from './doc-session';
import type { LinkMode } from './link-mode';
import type { Suggestions } from './use-suggestions';
import { arrowDirection, type KeyHandler } from './use-workbench-keys';

/** The overlays a key can open or close. */
type Overlay = 'find' | 'search' | 'shortcuts' | 'export';

/** When each `when` of the workbench keymap holds. */
export function keyContexts(state: {
  overlays: { shortcuts: boolean };
  corpus: CorpusInfo | null;
  session: DocSession | null;
  link: LinkMode | null;
  focusedSuggestion: DocSuggestion | undefined;
}): (when: WorkbenchWhen) => boolean {
  const { session, link } = state;
  const document = session !== null && link === null;
  return (when) => {
    switch (when) {
      case 'anywhere':
        return true;
      case 'overlay':
        return state.overlays.shortcuts;
      case 'corpus':
        return state.corpus !== null;
      case 'document':
        return document;
      case 'linking':
        return session !== null && link !== null;
      case 'suggestion':
        return document && state.focusedSuggestion !== undefined && !session.selectedId;
      case 'span':
        return document && session.selectedId !== null;
    }
  };
}

/** The handlers of the workbench keymap's ids. */
export function keyHandlers(ctx: {
  actions: WorkbenchActions;
  schema: LabelSchema;
  suggestions: Suggestions;
  toggle: (overlay: Overlay | 'shortcuts', open: boolean) => void;
  openSibling: (by: 1 | -1) => void;
  shortcutsOpen: boolean;
}): Partial<Record<string, KeyHandler>> {
  const { actions, schema, suggestions } = ctx;
  const focused = () => suggestions.focused;
  return {
    undo: () => actions.undoRedo('undo'),
    redo: () => actions.undoRedo('redo'),
    'search-corpus': () => ctx.toggle('search', true),
    export: () => ctx.toggle('export', true),
    shortcuts: () => ctx.toggle('shortcuts', !ctx.shortcutsOpen),
    'close-shortcuts': () => ctx.toggle('shortcuts', false),
    'next-document': () => ctx.openSibling(1),
    'previous-document': () => ctx.openSibling(-1),
    find: () => ctx.toggle('find', true),
    'toggle-done': () => actions.toggleDone(),
    'link-cancel': () => actions.finishLink(null),
    'link-confirm': () => actions.confirmLink(),
    'link-next': () => actions.moveLink(1),
    'link-previous': () => actions.moveLink(-1),
    'accept-all-like': () => {
      const f = focused();
      if (f) actions.acceptSuggestions(suggestions.open.filter((s) => s.kind === f.kind && s.label === f.label));
    },
    'accept-suggestion': () => {
      const f = focused();
      if (f) actions.acceptSuggestions([f]);
    },
    'reject-suggestion': () => {
      const f = focused();
      if (f) actions.rejectSuggestions([f]);
    },
    'unfocus-suggestion': () => suggestions.focus(null),
    'next-suggestion': () => actions.focusSuggestion(1),
    'previous-suggestion': () => actions.focusSuggestion(-1),
    'next-span': () => actions.stepSpan(1),
    'previous-span': () => actions.stepSpan(-1),
    'select-sentence': () => actions.selectSentence(),
    'delete-span': () => actions.deleteSelected(),
    'edit-attributes': () => actions.editAttributes(),
    'move-end': (m) => actions.resize('end', arrowDirection(m.key)),
    'move-start': (m) => actions.resize('start', arrowDirection(m.key)),
    'word-end': (m) => actions.wordStep('end', arrowDirection(m.key)),
    'word-start': (m) => actions.wordStep('start', arrowDirection(m.key)),
    'shrink-to-inside': () => actions.shrinkToInside(),
    deselect: () => actions.deselect(),
    label: (m) => labelByKey(schema, m.hotkey, false, actions),
    'label-exact': (m) => labelByKey(schema, m.hotkey, true, actions),
    link: (m) => {
      const relation = schema.relations.find((r) => r.hotkey === m.hotkey);
      if (!relation) return false;
      actions.startLink(relation.name);
    },
  };
}

function labelByKey(schema: LabelSchema, hotkey: string | undefined, exact: boolean, actions: WorkbenchActions): boolean {
  const label = schema.labels.find((l) => l.hotkey === hotkey);
  if (!label) return false;
  actions.label(label.name, exact);
  return true;
}
