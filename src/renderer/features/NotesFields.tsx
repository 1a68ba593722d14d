// The comment box and the "unsure" box of a note, shared by the span panel and the document notes.

import { normalizeComment, type Notes } from './notes';
import './panels.css';

/** Props of {@link NotesFields}. */
export interface NotesFieldsProps {
  /** What the note is on, for labels: "span" or "document". */
  on: string;
  /** Identifies the owner (span or document id): the comment box starts afresh when it changes. */
  ownerId: string;
  notes: Notes;
  /** A changed comment, normalized; `undefined` clears it. Called when the box loses the keyboard (Esc, Tab, Ctrl+Enter, a click away). */
  onComment?: (comment: string | undefined) => void;
  onUnsure?: (unsure: boolean) => void;
}

/** The two fields; each is shown only when the caller can store it. */
export function NotesFields({ on, ownerId, notes, onComment, onUnsure }: NotesFieldsProps) {
  return (
    <div className="notes" data-testid={`${on}-notes`}>
      {onUnsure ? (
        <label className="unsure" title={`Flag this ${on} for review`}>
          {/* Uncontrolled, reset when the stored flag changes: the click shows at once even when the app re-renders after the paint. */}
          <input type="checkbox" key={`${ownerId}\u0000${String(notes.unsure === true)}`} defaultChecked={notes.unsure === true} onChange={(e) => onUnsure(e.target.checked)} data-testid={`${on}-unsure`} /> unsure
        </label>
      ) : null}
      {onComment ? (
        <textarea
          key={`${ownerId}\u0000${notes.comment ?? ''}`}
          defaultValue={notes.comment ?? ''}
          placeholder={`Comment on this ${on}`}
          aria-label={`Comment on this ${on}`}
          rows={2}
          data-testid={`${on}-comment`}
          onBlur={(e) => {
            const next = normalizeComment(e.target.value);
            if (next !== notes.comment) onComment(next);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              (e.target as HTMLTextAreaElement).blur();
            }
          }}
        />
      ) : null}
    </div>
  );
}
