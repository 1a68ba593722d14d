// Spans that could not be re-anchored after the file changed: listed for the annotator to place or delete, never dropped.

import type { Span } from '../../core/model/types';
import { plural } from '../../core/text/plural';

/** Props of {@link OrphanPanel}. */
export interface OrphanPanelProps {
  orphans: Span[];
  colorOf: (label: string) => string;
  /** Places a span on the current text selection. */
  onPlace: (span: Span) => void;
  onDelete: (span: Span) => void;
}

/** The review panel. */
export function OrphanPanel({ orphans, colorOf, onPlace, onDelete }: OrphanPanelProps) {
  return (
    <section className="orphans" aria-label="Spans to place" data-testid="orphans">
      <h3>{plural(orphans.length, 'span')} to place</h3>
      <p className="hint">The text changed and these could not be placed with confidence. Select where one belongs and press Place, or delete it.</p>
      <ul>
        {orphans.map((s) => (
          <li key={s.id} data-orphan={s.id}>
            <span className="span-row-label" style={{ background: colorOf(s.label) }}>{s.label}</span>
            <span className="orphan-quote" title={`…${s.quote.prefix}[${s.quote.exact}]${s.quote.suffix}…`}>
              <span className="muted">{s.quote.prefix.slice(-12)}</span>
              <b>{s.quote.exact}</b>
              <span className="muted">{s.quote.suffix.slice(0, 12)}</span>
            </span>
            {/* Placed on mousedown: the text selection is read before the click can disturb it; Enter works too. */}
            <button
              onMouseDown={(e) => {
                e.preventDefault();
                onPlace(s);
              }}
              onKeyDown={(e) => e.key === 'Enter' && onPlace(s)}
            >
              Place
            </button>
            <button onClick={() => onDelete(s)} aria-label={`Delete ${s.quote.exact}`}>Delete</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
