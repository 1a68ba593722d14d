// The card of the selected gold span: its text, offsets and sources, its boundaries and label to correct, and where its annotators gave different attributes.

import type { Candidate } from '../../../core/agreement';
import type { CurateDocProps } from './CurateDoc';
import { clip } from './curate-text';

/** The selected gold span. */
export function GoldSpanCard(props: CurateDocProps & { span: Candidate | null }) {
  const { span, schema, colorOf, onEdit } = props;
  const onMove = (edge: 'start' | 'end', by: number) => onEdit({ kind: 'move', edge, by });
  if (!span) {
    return (
      <div className="cur-card gold-card muted" data-testid="gold-span">
        <h3>Gold span</h3>
        <p>Click a span in the gold lane, or press [ / ] to step through them, to correct its boundaries or label.</p>
      </div>
    );
  }
  const labels = schema.labels.some((l) => l.name === span.label) ? schema.labels.map((l) => l.name) : [span.label, ...schema.labels.map((l) => l.name)];
  return (
    <div className="cur-card gold-card" data-testid="gold-span" data-gold-id={span.id} data-start={span.start} data-end={span.end} data-label={span.label}>
      <h3>
        Gold span <span className="label-chip" style={{ ['--c' as string]: colorOf(span.label) }}>{span.label}</span>
        {span.editedFrom ? <span className="edited">edited</span> : null}
      </h3>
      <blockquote className="region">{clip(span.text)}</blockquote>
      <div className="gold-meta">
        <span className="offsets">[{span.start}, {span.end})</span>
        <span>from {span.sources.join(', ')}</span>
      </div>
      <div className="gold-edit">
        <span className="edge">
          start <button onClick={() => onMove('start', -1)} aria-label="Move start left" title="Alt+Shift+←">◀</button>
          <button onClick={() => onMove('start', 1)} aria-label="Move start right" title="Alt+Shift+→">▶</button>
        </span>
        <span className="edge">
          end <button onClick={() => onMove('end', -1)} aria-label="Move end left" title="Alt+←">◀</button>
          <button onClick={() => onMove('end', 1)} aria-label="Move end right" title="Alt+→">▶</button>
        </span>
        <select aria-label="Gold span label" value={span.label} onChange={(e) => (onEdit({ kind: 'relabel', label: e.target.value }), e.target.blur())}>
          {labels.map((l) => <option key={l}>{l}</option>)}
        </select>
        {span.editedFrom ? <button onClick={() => onEdit({ kind: 'reset' })}>Reset</button> : null}
      </div>
      <AttributeDisagreements {...props} span={span} />
    </div>
  );
}

/** A JSON scalar as the card shows it; a missing key as a dash. */
function shown(v: unknown): string {
  return v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** Where the span's annotators gave different attribute values (a FIGURE's value, a unit): each one's value, to take for the gold, and the gold's (the vote, or the curator's choice). */
function AttributeDisagreements({ doc, span, onChooseAttribute }: CurateDocProps & { span: Candidate }) {
  if (span.attrDisagreements.length === 0) return null;
  const chosen = doc.attrChoices?.[span.editedFrom ?? span.id];
  const has = (o: object | undefined, k: string) => o !== undefined && Object.prototype.hasOwnProperty.call(o, k);
  return (
    <table className="attr-disagreements" data-testid="attr-disagreements">
      <caption>Attributes the annotators differ on (click a value to take it)</caption>
      <thead>
        <tr>
          <th scope="col">attribute</th>
          {span.spans.map((s) => <th key={s.annotator} scope="col">{s.annotator}</th>)}
          <th scope="col">gold</th>
        </tr>
      </thead>
      <tbody>
        {span.attrDisagreements.map((key) => (
          <tr key={key} data-attr={key}>
            <th scope="row">{key}</th>
            {span.spans.map((s) => (
              <td key={s.annotator}>
                {has(s.attrs, key) ? (
                  <button className="attr-value" aria-pressed={JSON.stringify(span.attrs[key]) === JSON.stringify(s.attrs[key])} onClick={() => onChooseAttribute(key, s.attrs[key])} data-annotator={s.annotator}>
                    {shown(s.attrs[key])}
                  </button>
                ) : (
                  shown(undefined)
                )}
              </td>
            ))}
            <td className="gold-value" data-chosen={has(chosen, key)}>
              {shown(has(span.attrs, key) ? span.attrs[key] : undefined)}
              {has(chosen, key) ? (
                <>
                  {' '}
                  <button className="link-like" onClick={() => onChooseAttribute(key, undefined)} title="Back to the value most annotators gave">vote</button>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
