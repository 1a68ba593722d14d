// The adjudication tab: documents by disagreement on the left (with what is decided in each), the current document's lanes and cards beside.

import { useMemo, type Dispatch } from 'react';
import type { CurationAction, CurationModel } from '../../../core/agreement/curation-reducer';
import { walkSteps } from '../../../core/agreement/curation-walk';
import type { LabelSchema } from '../../../core/model/schema';
import { CurateDoc } from './CurateDoc';
import { fmt, shortDocId } from './figures';

/** Props of {@link AdjudicateView}. */
export interface AdjudicateViewProps {
  model: CurationModel;
  dispatch: Dispatch<CurationAction>;
  schema: LabelSchema;
  colorOf: (label: string) => string;
}

/** The adjudication tab. */
export function AdjudicateView({ model, dispatch, schema, colorOf }: AdjudicateViewProps) {
  const { curation, report, order, place } = model;
  const docById = useMemo(() => new Map((curation?.documents ?? []).map((d) => [d.docId, d])), [curation]);
  const f1ById = useMemo(() => new Map((report?.per_document ?? []).map((d) => [d.doc_id, d.overall.f1_overlap])), [report]);
  const currentDoc = place ? docById.get(place.docId) ?? null : null;
  return (
    <div className="cur-body">
      <aside className="cur-docs" aria-label="Documents by disagreement">
        <div className="cur-docs-head">Documents by disagreement</div>
        <ul>
          {order.map((id) => {
            const d = docById.get(id)!;
            const steps = walkSteps(d);
            const decided = steps.filter((s) => s.decided).length;
            return (
              <li key={id}>
                <button className={`cur-doc-row${place?.docId === id ? ' active' : ''}`} onClick={() => dispatch({ type: 'openDocument', docId: id })} data-doc-id={id}>
                  <span className="title">{d.source || shortDocId(id)}</span>
                  <span className="meta">
                    <span title="F1 overlap">F1 {fmt(f1ById.get(id))}</span>
                    <span className={steps.length && decided === steps.length ? 'all-done' : ''}>{steps.length ? `${decided}/${steps.length} resolved` : 'no conflict'}</span>
                  </span>
                  <span className="mini-bar"><span style={{ width: `${steps.length ? (100 * decided) / steps.length : 100}%` }} /></span>
                </button>
              </li>
            );
          })}
        </ul>
        <label className="advance inline" title="Off: a decision stays on its conflict and j goes to the next open one">
          <input type="checkbox" checked={model.advance} onChange={(e) => (dispatch({ type: 'setAdvance', advance: e.target.checked }), e.target.blur())} data-testid="advance" /> Next open conflict after a decision
        </label>
      </aside>
      {currentDoc ? (
        <CurateDoc
          doc={currentDoc}
          schema={schema}
          colorOf={colorOf}
          conflictId={place?.conflictId ?? null}
          selectedGold={model.selectedGold}
          onPickConflict={(id) => dispatch({ type: 'goTo', place: { docId: currentDoc.docId, conflictId: id } })}
          onSelectGold={(id) => dispatch({ type: 'selectGold', id })}
          onChoose={(choice) => dispatch({ type: 'decide', choice })}
          onDecideRelation={(key, take) => dispatch({ type: 'decideRelation', docId: currentDoc.docId, key, take })}
          onEdit={(edit) => dispatch({ type: 'edit', edit })}
          onChooseAttribute={(key, value) => dispatch({ type: 'chooseAttribute', key, value })}
        />
      ) : (
        <p className="pad muted">Choose a document.</p>
      )}
    </div>
  );
}
