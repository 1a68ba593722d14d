// The annotation guidelines inside the app: what each label covers, in the project's words, from the schema.

import type { LabelSchema } from '../../core/model/schema';

/** The guide; the selected span's label is shown first. */
export function GuidePanel({ schema, focusLabel }: { schema: LabelSchema; focusLabel?: string }) {
  const labels = [...schema.labels].sort((a, b) => (a.name === focusLabel ? -1 : b.name === focusLabel ? 1 : 0));
  return (
    <div className="guide" data-testid="guide">
      <p className="hint">Offsets are exact characters. Spans may overlap and nest: a FIGURE and an ORG usually sit inside a CLAIM.</p>
      {labels.map((l) => (
        <section key={l.name} data-guide={l.name}>
          <h3>
            <span className="span-row-label" style={{ background: l.color }}>{l.name}</span> <kbd>{l.hotkey}</kbd> <span className="muted">{l.group}</span>
          </h3>
          <p>{l.help}</p>
          {l.attrs.length ? <p className="muted">Attributes: {l.attrs.map((a) => `${a.name} (${a.type}${a.values ? `: ${a.values.join(', ')}` : ''})`).join('; ')}</p> : null}
        </section>
      ))}
      <section>
        <h3>Relations</h3>
        <ul>
          {schema.relations.map((r) => (
            <li key={r.name}><kbd>{r.hotkey}</kbd> {r.name}: from {r.head.join('/') || 'any'} to {r.tail.join('/') || 'any'}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
