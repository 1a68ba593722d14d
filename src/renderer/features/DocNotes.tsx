// The document's own note: a free-text comment and an "unsure" flag on the whole document (the journal's `doc-meta`).

import type { DocMeta } from '../../core/ipc/contract';
import { hasNotes, notesSummary, withNotes } from './notes';
import { NotesFields } from './NotesFields';
import './panels.css';

/** Props of {@link DocNotes}. */
export interface DocNotesProps {
  docId: string;
  /** The document's note as stored; undefined when it has none. */
  meta: DocMeta | undefined;
  /** Stores the document's whole note (what the journal's `doc-meta` op carries); cleared fields are absent. */
  onChange: (meta: DocMeta) => void;
}

/** A small disclosure: closed and one line when the document has no note, open when it has one. */
export function DocNotes({ docId, meta, onChange }: DocNotesProps) {
  const notes = meta ?? {};
  const summary = notesSummary(notes);
  return (
    <details className="doc-notes" open={hasNotes(notes)} data-testid="doc-notes" key={docId}>
      <summary title={summary || 'A comment or an unsure flag on the whole document'}>
        Document note{notes.unsure ? <> <span className="unsure-flag">unsure</span></> : null}
        {notes.comment ? <span className="muted"> · {summary.replace(/^unsure · /, '')}</span> : null}
      </summary>
      <NotesFields
        on="document"
        ownerId={docId}
        notes={notes}
        onComment={(comment) => onChange(withNotes(notes, { comment }))}
        onUnsure={(unsure) => onChange(withNotes(notes, { unsure }))}
      />
    </details>
  );
}
