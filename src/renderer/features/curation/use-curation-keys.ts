// Binds the curation keymap to the reducer: each binding id names one action, dispatched on the key press.

import { useEffect, useRef, type Dispatch } from 'react';
import type { CurationAction, CurationModel } from '../../../core/agreement/curation-reducer';
import type { LabelSchema } from '../../../core/model/schema';
import { isTypingTarget } from '../../app/keys';
import { matchCurationKey, RESERVED_KEYS, type CurationWhen } from './curation-keymap';

/** What the key handler reads: the latest of each, at the time of the key press. */
export interface CurationKeyContext {
  model: CurationModel;
  dispatch: Dispatch<CurationAction>;
  schema: LabelSchema;
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
}

/** The action of a binding, or `false` when it does not apply after all. */
function actionOf(id: string, key: string, ctx: CurationKeyContext): CurationAction | 'help' | 'close-help' | false {
  const arrow = key.endsWith('ArrowLeft') ? -1 : 1;
  switch (id) {
    case 'undo':
      return { type: 'undo' };
    case 'redo':
      return { type: 'redo' };
    case 'help':
      return 'help';
    case 'close-help':
      return 'close-help';
    case 'next-open-conflict':
      return { type: 'step', by: 1, openOnly: true };
    case 'previous-conflict':
      return { type: 'step', by: -1, openOnly: false };
    case 'next-conflict':
      return { type: 'step', by: 1, openOnly: false };
    case 'previous-open-conflict':
      return { type: 'step', by: -1, openOnly: true };
    case 'take-annotator':
      return { type: 'decide', choice: { kind: 'annotator', index: Number(key) - 1 } };
    case 'keep-both':
      return { type: 'decide', choice: { kind: 'all' } };
    case 'keep-neither':
      return { type: 'decide', choice: { kind: 'none' } };
    case 'undo-decision':
      return { type: 'decide', choice: null };
    case 'previous-gold':
      return { type: 'stepGold', by: -1 };
    case 'next-gold':
      return { type: 'stepGold', by: 1 };
    case 'move-end':
      return { type: 'edit', edit: { kind: 'move', edge: 'end', by: arrow } };
    case 'move-start':
      return { type: 'edit', edit: { kind: 'move', edge: 'start', by: arrow } };
    case 'relabel': {
      const label = ctx.schema.labels.find((l) => l.hotkey === key.toLowerCase() && !RESERVED_KEYS.has(l.hotkey));
      return label ? { type: 'edit', edit: { kind: 'relabel', label: label.name } } : false;
    }
    case 'deselect':
      return { type: 'selectGold', id: null };
  }
  return false;
}

/** Listens for the curation keys on the window (capture: before the workbench behind the view). */
export function useCurationKeys(ctx: CurationKeyContext): void {
  const latest = useRef(ctx);
  latest.current = ctx;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target)) return;
      // The workbench behind this view listens on window too: its keys must not reach the document it still holds.
      e.stopPropagation();
      const c = latest.current;
      const curating = c.model.view === 'curate' && c.model.curation !== null;
      if (curating && (e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement).closest?.('button, a, summary, select')) return;
      const active = (when: CurationWhen) =>
        when === 'anywhere' ||
        (when === 'help' && c.helpOpen) ||
        (when === 'curating' && curating) ||
        (when === 'conflict' && curating && !!c.model.place?.conflictId) ||
        (when === 'gold' && curating && !!c.model.selectedGold);
      const labels = new Set(c.schema.labels.map((l) => l.hotkey).filter((k) => !RESERVED_KEYS.has(k)));
      for (const { binding, key } of matchCurationKey(e, active, labels)) {
        const action = actionOf(binding.id, key, c);
        if (action === false) continue;
        e.preventDefault();
        if (action === 'help') c.setHelpOpen(!c.helpOpen);
        else if (action === 'close-help') c.setHelpOpen(false);
        else c.dispatch(action);
        return;
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
