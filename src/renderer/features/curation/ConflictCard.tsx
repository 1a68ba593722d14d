// The card of the current span conflict: each annotator's version by number, both, neither, and the decision as it stands.

import { acceptedSides, isDecided, type Candidate, type Conflict, type DocumentCuration } from '../../../core/agreement';
import type { CurateDocProps } from './CurateDoc';
import { annotatorChoice, clip } from './curate-text';
import { plural } from '../../../core/text/plural';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Shown when the place is a document without a step. */
export function NoConflict({ doc }: { doc: DocumentCuration }) {
  return (
    <div className="cur-card conflict-card" data-testid="conflict-card">
      <h3>{doc.conflicts.length === 0 ? 'No conflict in this document' : 'No conflict selected'}</h3>
      <p className="muted">
        {doc.conflicts.length === 0
          ? `Every annotator of this document marked the same ${plural(doc.settled.length, 'span')}.`
          : 'Press j for the next conflict, or click one in the text.'}
      </p>
    </div>
  );
}

/** The current span conflict. */
export function ConflictCard(props: CurateDocProps & { conflict: Conflict; region: string }) {
  const { doc, conflict, colorOf, onChoose } = props;
  const index = doc.conflicts.indexOf(conflict);
  const accepted = acceptedSides(doc, conflict);
  const decided = isDecided(doc, conflict.id);
  const side = (id: string) => conflict.sides.find((s) => s.id === id)!;
  const region = props.region || conflict.sides.map((s) => s.text).join(' / ');
  const chip = (c: Candidate) => (
    <span className="label-chip" style={{ ['--c' as string]: colorOf(c.label) }}>{c.label}</span>
  );
  return (
    <div className={`cur-card conflict-card${decided ? ' decided' : ''}`} data-testid="conflict-card" data-conflict-id={conflict.id} data-decided={decided}>
      <div className="conflict-head">
        <h3>
          Conflict {index + 1} of {doc.conflicts.length}
        </h3>
        <span className="kinds">
          {conflict.kinds.map((k) => <span key={k} className={`kind kind-${k}`}>{k}</span>)}
        </span>
      </div>
      <blockquote className="region" title={`[${conflict.start}, ${conflict.end}) in code points`}>{clip(region)}</blockquote>
      <ol className="options">
        {doc.annotators.map((a, i) => {
          const mine = conflict.byAnnotator[a] ?? [];
          const active = decided && sameSet(accepted, mine);
          return (
            <li key={a}>
              <button className={`option${active ? ' active' : ''}`} onClick={() => onChoose(annotatorChoice(conflict, a))} data-option={`annotator-${i + 1}`}>
                <kbd>{i + 1}</kbd>
                <span className="who">{a}</span>
                <span className="what">
                  {mine.length === 0 ? <i className="muted">marked nothing here</i> : mine.map((id) => (
                    <span key={id} className="side-text">
                      {chip(side(id))} {clip(side(id).text)}
                    </span>
                  ))}
                </span>
              </button>
            </li>
          );
        })}
        {conflict.sides.length > 1 ? (
          <li>
            <button className={`option${decided && accepted.length === conflict.sides.length ? ' active' : ''}`} onClick={() => onChoose({ kind: 'all' })} data-option="all">
              <kbd>b</kbd>
              <span className="who">{conflict.sides.length === 2 ? 'both' : 'all'}</span>
              <span className="what muted">keep every side</span>
            </button>
          </li>
        ) : null}
        <li>
          <button className={`option${decided && accepted.length === 0 ? ' active' : ''}`} onClick={() => onChoose({ kind: 'none' })} data-option="none">
            <kbd>x</kbd>
            <span className="who">neither</span>
            <span className="what muted">keep nothing here</span>
          </button>
        </li>
      </ol>
      {conflict.sides.length > 2 ? (
        <details className="sides">
          <summary>Keep one side only</summary>
          {conflict.sides.map((s) => (
            <button key={s.id} className="option small" onClick={() => onChoose({ kind: 'side', side: s.id })}>
              {chip(s)} {clip(s.text)} <span className="muted">{s.sources.join(', ')}</span>
            </button>
          ))}
        </details>
      ) : null}
      <p className="decision" data-testid="conflict-decision">
        {decided ? (
          <>
            <b>Decided</b>: {accepted.length ? accepted.map((id) => `${side(id).label} “${clip(side(id).text)}”`).join(', ') : 'nothing'} · <button className="link-like" onClick={() => onChoose(null)}>undo (u)</button>
          </>
        ) : (
          <>
            <b>Open</b>: the strategy proposes {conflict.proposed.length ? conflict.proposed.map((id) => `${side(id).label} “${clip(side(id).text)}”`).join(', ') : 'nothing'}
          </>
        )}
      </p>
    </div>
  );
}

