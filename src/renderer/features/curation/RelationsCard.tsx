// Relations under adjudication: the card of the relation the curator is on (each annotator by number, take or refuse), and every relation of the document with who drew it and whether the gold keeps it.

import type { RelationRow, RelationStatus } from '../../../core/agreement/curation-relations';
import type { CurateDocProps } from './CurateDoc';
import { clip } from './curate-text';

/** What a status means, in the card's words. */
const STATUS_TEXT: Record<RelationStatus, string> = {
  gold: 'in the gold',
  refused: 'refused',
  'end-missing': 'left out: an end is not in the gold',
};

/** `cites: “Exports rose…” → “12%”`. */
function RelationText({ row, colorOf }: { row: RelationRow; colorOf: (label: string) => string }) {
  return (
    <span className="relation-text">
      <b>{row.relation.label}</b>: <span className="label-chip" style={{ ['--c' as string]: colorOf(row.head.label) }}>{row.head.label}</span> “{clip(row.head.text)}” →{' '}
      <span className="label-chip" style={{ ['--c' as string]: colorOf(row.tail.label) }}>{row.tail.label}</span> “{clip(row.tail.text)}”
    </span>
  );
}

/** The relation step the curator is on: taken or refused by the same keys as a span conflict. */
export function RelationStepCard(props: CurateDocProps & { row: RelationRow; steps: number }) {
  const { doc, row, colorOf, onDecideRelation } = props;
  const decided = row.decision !== undefined;
  const take = (yes: boolean | null) => onDecideRelation(row.key, yes);
  return (
    <div className={`cur-card conflict-card relation-card${decided ? ' decided' : ''}`} data-testid="conflict-card" data-conflict-id={row.key} data-decided={decided} data-status={row.status}>
      <div className="conflict-head">
        <h3>Relation drawn by {row.relation.sources.length} of {doc.annotators.length}</h3>
        <span className="kinds"><span className="kind kind-relation">relation</span></span>
      </div>
      <blockquote className="region"><RelationText row={row} colorOf={colorOf} /></blockquote>
      <ol className="options">
        {doc.annotators.map((a, i) => {
          const drew = row.relation.sources.includes(a);
          return (
            <li key={a}>
              <button className={`option${decided && row.decision === drew ? ' active' : ''}`} onClick={() => take(drew)} data-option={`annotator-${i + 1}`}>
                <kbd>{i + 1}</kbd>
                <span className="who">{a}</span>
                <span className="what">{drew ? 'drew it: take it' : <i className="muted">did not draw it: refuse it</i>}</span>
              </button>
            </li>
          );
        })}
        <li>
          <button className={`option${row.decision === true ? ' active' : ''}`} onClick={() => take(true)} data-option="all">
            <kbd>b</kbd>
            <span className="who">take</span>
            <span className="what muted">gold whenever both ends are</span>
          </button>
        </li>
        <li>
          <button className={`option${row.decision === false ? ' active' : ''}`} onClick={() => take(false)} data-option="none">
            <kbd>x</kbd>
            <span className="who">refuse</span>
            <span className="what muted">never in the gold</span>
          </button>
        </li>
      </ol>
      <p className="decision" data-testid="conflict-decision">
        <b>{decided ? (row.decision ? 'Taken' : 'Refused') : 'Open'}</b>: {STATUS_TEXT[row.status]}
        {decided ? (
          <>
            {' '}· <button className="link-like" onClick={() => take(null)}>undo (u)</button>
          </>
        ) : (
          ' (without a decision a relation follows its ends)'
        )}
      </p>
    </div>
  );
}

/** Every relation of the document: who drew it, whether the gold keeps it, and take/refuse. */
export function RelationsCard(props: CurateDocProps & { rows: readonly RelationRow[]; current: string | null }) {
  const { doc, rows, current, colorOf, onDecideRelation, onPickConflict } = props;
  if (rows.length === 0) return null;
  const leftOut = rows.filter((r) => r.status !== 'gold').length;
  return (
    <div className="cur-card relations-card" data-testid="relations">
      <h3>
        Relations <span className="muted">{rows.length - leftOut} of {rows.length} in the gold</span>
      </h3>
      {leftOut ? (
        <p className="left-out" data-testid="relations-left-out">
          {leftOut} left out: {rows.filter((r) => r.status === 'end-missing').length} with an end not in the gold, {rows.filter((r) => r.status === 'refused').length} refused.
        </p>
      ) : null}
      <ul className="relation-rows">
        {rows.map((r) => (
          <li key={r.key} className={`relation-row status-${r.status}${r.key === current ? ' current' : ''}`} data-relation-key={r.key} data-status={r.status}>
            <button className="link-like relation-go" onClick={() => r.contested && onPickConflict(r.key)} disabled={!r.contested} title={r.contested ? 'Go to this relation' : 'Every annotator drew it'}>
              <RelationText row={r} colorOf={colorOf} />
            </button>
            <span className="relation-who">
              {doc.annotators.map((a, i) => (
                <span key={a} className={r.relation.sources.includes(a) ? 'drew' : 'not'} title={`${a} ${r.relation.sources.includes(a) ? 'drew it' : 'did not draw it'}`}>
                  {i + 1}
                </span>
              ))}
            </span>
            <span className="relation-status">{STATUS_TEXT[r.status]}</span>
            <span className="relation-actions">
              <button onClick={() => onDecideRelation(r.key, true)} aria-pressed={r.decision === true} title="Take: gold whenever both ends are">take</button>
              <button onClick={() => onDecideRelation(r.key, false)} aria-pressed={r.decision === false} title="Refuse: never in the gold">refuse</button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
