// The document's own note: a free-text comment and an "unsure" flag on the whole document (the journal's `doc-meta`).

import { useState } from 'react';
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
export function DocNotes(props: DocNotesProps) {
  // Keyed by document: each document starts open or closed by its own note.
  return <DocNotesFor key={props.docId} {...props} />;
}

function DocNotesFor({ docId, meta, onChange }: DocNotesProps) {
  const notes = meta ?? {};
  const [open, setOpen] = useState(hasNotes(notes));
  const summary = notesSummary(notes);
  return (
    <details className="doc-notes" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="doc-notes">
      <summary title={summary || 'A comment or an unsure flag on the whole document'}>
        Document note{notes.unsure ? <> <span className="unsure-flag">unsure</span></> : null}
        {/* Closed, the summary shows the comment's start; open, the box shows it whole. */}
        {notes.comment && !open ? <span className="muted"> · {notesSummary({ comment: notes.comment })}</span> : null}
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
