// The document's open suggestions, by kind and label: accept or reject one, or every one of a kind.

import type { DocSuggestion } from '../app/assist';

/** Props of {@link SuggestionsPanel}. */
export interface SuggestionsPanelProps {
  suggestions: DocSuggestion[];
  focusedKey: string | null;
  colorOf: (label: string) => string;
  onFocus: (s: DocSuggestion) => void;
  onAccept: (list: DocSuggestion[]) => void;
  onReject: (list: DocSuggestion[]) => void;
}

/** The panel. */
export function SuggestionsPanel({ suggestions, focusedKey, colorOf, onFocus, onAccept, onReject }: SuggestionsPanelProps) {
  const groups = new Map<string, DocSuggestion[]>();
  for (const s of suggestions) {
    const k = `${s.kind}:${s.label}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(s);
  }
  if (!suggestions.length) return <p className="empty">No open suggestions in this document.</p>;
  return (
    <div className="suggestions">
      <p className="hint">g / Shift+G step through them; Enter accepts, Backspace rejects, Shift+Enter accepts all of a kind.</p>
      {[...groups.entries()].map(([k, list]) => (
        <section key={k} className="suggestion-group" data-group={k}>
          <h3>
            <span className="span-row-label" style={{ background: colorOf(list[0]!.label) }}>{list[0]!.label}</span> {list[0]!.kind === 'figure' ? 'figures' : 'seen elsewhere'} ({list.length})
            <button onClick={() => onAccept(list)} data-testid={`accept-all-${k}`}>Accept all</button>
            <button onClick={() => onReject(list)}>Reject all</button>
          </h3>
          <ul>
            {list.map((s) => (
              <li key={s.key} className={s.key === focusedKey ? 'focused' : ''} data-suggestion-row={s.key}>
                <button className="link" onClick={() => onFocus(s)}>{s.text}</button>
                {s.kind === 'figure' && s.attrs.value != null ? <span className="muted"> = {String(s.attrs.value)} {String(s.attrs.unit ?? '')}</span> : null}
                <button onClick={() => onAccept([s])} aria-label={`Accept ${s.text}`}>✓</button>
                <button onClick={() => onReject([s])} aria-label={`Reject ${s.text}`}>✗</button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
