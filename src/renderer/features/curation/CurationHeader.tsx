// The curation view's top bar: back to the workbench, the two tabs, the strategy, progress over every decision asked for, the save state and the gold export.

import type { Dispatch, ReactNode } from 'react';
import { conflictCounts, MERGE_STRATEGIES, type MergeStrategy } from '../../../core/agreement';
import type { CurationAction, CurationModel } from '../../../core/agreement/curation-reducer';
import { walkProgress } from '../../../core/agreement/curation-walk';
import type { SaveStatus } from './store';

/** Props of {@link CurationHeader}. */
export interface CurationHeaderProps {
  model: CurationModel;
  dispatch: Dispatch<CurationAction>;
  ready: boolean;
  saveStatus: SaveStatus;
  exporting: boolean;
  onExit: () => void;
  onExport: () => void;
  onAdd: () => void;
  onHelp: () => void;
  /** The hidden file input. */
  picker: ReactNode;
}

/** The top bar. */
export function CurationHeader({ model, dispatch, ready, saveStatus, exporting, onExit, onExport, onAdd, onHelp, picker }: CurationHeaderProps) {
  const { curation, choice, view, place, order, corpus } = model;
  const progress = curation ? walkProgress(curation) : { steps: 0, decided: 0 };
  const counts = curation ? conflictCounts(curation) : null;
  const pct = progress.steps ? (100 * progress.decided) / progress.steps : 100;
  const annotators = corpus?.annotators.length ?? 0;
  return (
    <header className="cur-top">
      <button onClick={onExit} title="Back to the annotation workbench">← Annotate</button>
      <h1>Curation</h1>
      {ready ? (
        <>
          <nav className="cur-tabs" role="tablist">
            <button role="tab" aria-selected={view === 'overview'} className={view === 'overview' ? 'active' : ''} onClick={() => dispatch({ type: 'setView', view: 'overview' })} data-testid="tab-overview">
              Inputs &amp; agreement
            </button>
            <button
              role="tab"
              aria-selected={view === 'curate'}
              className={view === 'curate' ? 'active' : ''}
              onClick={() => (place ? dispatch({ type: 'setView', view: 'curate' }) : order[0] && dispatch({ type: 'openDocument', docId: order[0] }))}
              data-testid="tab-curate"
            >
              Adjudicate
            </button>
          </nav>
          <label className="strategy" title="What the candidate gold keeps before any decision: every conflict is marked whatever the strategy">
            Strategy{' '}
            <select
              value={choice.strategy}
              onChange={(e) => dispatch({ type: 'setStrategy', choice: { strategy: e.target.value as MergeStrategy, min: e.target.value === 'majority' ? choice.min : null } })}
              data-testid="strategy"
            >
              {MERGE_STRATEGIES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          {choice.strategy === 'majority' ? (
            <label className="strategy" title="Supporters a span needs: at least k of the document's annotators (empty: more than half of them)">
              at least{' '}
              <input
                type="number"
                min={1}
                max={Math.max(1, annotators)}
                value={choice.min ?? ''}
                placeholder="auto"
                onChange={(e) => {
                  const v = e.target.value === '' ? null : Math.max(1, Math.floor(Number(e.target.value)));
                  if (v === null || Number.isFinite(v)) dispatch({ type: 'setStrategy', choice: { strategy: 'majority', min: v } });
                }}
                data-testid="strategy-min"
              />
              <span className="muted"> of {annotators}</span>
            </label>
          ) : null}
          <div className="cur-progress" data-testid="curation-progress" title={counts ? `boundary ${counts.boundary} · label ${counts.label} · minority ${counts.minority} · partial ${counts.partial} · relations ${progress.steps - counts.total}` : ''}>
            <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={progress.steps} aria-valuenow={progress.decided} aria-label="Conflicts resolved">
              <span style={{ width: `${pct}%` }} />
            </div>
            <span data-testid="curation-progress-text">
              {progress.decided} of {progress.steps} resolved
            </span>
          </div>
          <span className="save-state" data-testid="curation-save" data-pending={saveStatus.pending}>
            {saveStatus.error ?? (saveStatus.pending ? 'Saving…' : saveStatus.savedAt ? 'Saved' : '')}
          </span>
        </>
      ) : null}
      <span className="spacer" />
      {picker}
      {!ready ? (
        <button onClick={onAdd} title="Add annotators' native JSONL exports (or drop them on this view)">
          Add exports…
        </button>
      ) : (
        <button className="primary" onClick={onExport} disabled={exporting} data-testid="export-gold" title="Native JSONL, annotator “adjudicated”, each span with its sources">
          Export gold
        </button>
      )}
      <button onClick={onHelp} title="Keys (?)">?</button>
    </header>
  );
}
