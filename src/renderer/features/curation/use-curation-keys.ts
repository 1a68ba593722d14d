// Binds the curation keymap (src/core/keys/curation-keys.ts) to the reducer: each binding id names one action, dispatched through the app's keymap dispatcher.

import type { Dispatch } from 'react';
import type { CurationAction, CurationModel } from '../../../core/agreement/curation-reducer';
import { CURATION_KEYMAP, type CurationWhen } from '../../../core/keys/curation-keys';
import type { LabelSchema } from '../../../core/model/schema';
import { arrowDirection, useKeymap, type KeyHandler } from '../../app/use-keymap';

/** Single keys the curation table binds: a schema label with one of them as its hotkey is relabelled with the select instead. */
export const CURATION_RESERVED: ReadonlySet<string> = new Set(CURATION_KEYMAP.flatMap((b) => b.keys).filter((k) => Array.from(k).length === 1).map((k) => k.toLowerCase()));

/** What the key handlers read: the latest of each, at the time of the key press. */
export interface CurationKeyContext {
  model: CurationModel;
  dispatch: Dispatch<CurationAction>;
  schema: LabelSchema;
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
}

/** The action of each binding id that maps straight onto one. */
const ACTIONS: Record<string, (key: string) => CurationAction> = {
  undo: () => ({ type: 'undo' }),
  redo: () => ({ type: 'redo' }),
  'next-open-conflict': () => ({ type: 'step', by: 1, openOnly: true }),
  'previous-conflict': () => ({ type: 'step', by: -1, openOnly: false }),
  'next-conflict': () => ({ type: 'step', by: 1, openOnly: false }),
  'previous-open-conflict': () => ({ type: 'step', by: -1, openOnly: true }),
  'take-annotator': (key) => ({ type: 'decide', choice: { kind: 'annotator', index: Number(key) - 1 } }),
  'keep-both': () => ({ type: 'decide', choice: { kind: 'all' } }),
  'keep-neither': () => ({ type: 'decide', choice: { kind: 'none' } }),
  'undo-decision': () => ({ type: 'decide', choice: null }),
  'previous-gold': () => ({ type: 'stepGold', by: -1 }),
  'next-gold': () => ({ type: 'stepGold', by: 1 }),
  'move-end': (key) => ({ type: 'edit', edit: { kind: 'move', edge: 'end', by: arrowDirection(key) } }),
  'move-start': (key) => ({ type: 'edit', edit: { kind: 'move', edge: 'start', by: arrowDirection(key) } }),
  deselect: () => ({ type: 'selectGold', id: null }),
};

/** Listens for the curation keys (exclusive: the workbench behind the view hears none of them). */
export function useCurationKeys(ctx: CurationKeyContext): void {
  const { model, dispatch, schema, helpOpen, setHelpOpen } = ctx;
  const curating = model.view === 'curate' && model.curation !== null;
  const handlers: Partial<Record<string, KeyHandler<CurationWhen>>> = {
    help: () => setHelpOpen(!helpOpen),
    'close-help': () => setHelpOpen(false),
    relabel: (match) => {
      const label = schema.labels.find((l) => l.hotkey === match.hotkey && !CURATION_RESERVED.has(l.hotkey));
      if (!label) return false;
      dispatch({ type: 'edit', edit: { kind: 'relabel', label: label.name } });
    },
  };
  // match.key is the binding's key that matched: "3" for annotator 3, "Alt-ArrowLeft" for a move.
  for (const [id, make] of Object.entries(ACTIONS)) handlers[id] = (match) => dispatch(make(match.key));
  useKeymap(
    CURATION_KEYMAP,
    {
      enabled: true,
      active: (when) =>
        when === 'anywhere' ||
        (when === 'help' && helpOpen) ||
        (when === 'curating' && curating) ||
        (when === 'conflict' && curating && !!model.place?.conflictId) ||
        (when === 'gold' && curating && !!model.selectedGold),
      slots: { labels: new Set(schema.labels.map((l) => l.hotkey).filter((k) => !CURATION_RESERVED.has(k))), relations: new Set() },
      handlers,
    },
    { exclusive: true },
  );
}
