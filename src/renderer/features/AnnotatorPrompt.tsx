// Asks for the annotator's name on first run; every span and export carries it.

import { useState } from 'react';

/** Longest name accepted: a name, not a paragraph. */
const NAME_MAX = 64;

/** A modal form; calls `onDone` with the trimmed name. */
export function AnnotatorPrompt({ initial, onDone }: { initial?: string; onDone: (name: string) => void }) {
  const [name, setName] = useState(initial ?? '');
  const trimmed = name.trim();
  const valid = trimmed.length > 0 && trimmed.length <= NAME_MAX && trimmed !== 'adjudicated' && trimmed !== 'suggester';
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="annotator-title">
      <form
        className="modal"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onDone(trimmed);
        }}
      >
        <h2 id="annotator-title">Who is annotating?</h2>
        <p>Your name goes on every span you mark and on every export, so a team lead can tell annotators apart.</p>
        <label>
          Annotator name
          <input autoFocus value={name} maxLength={NAME_MAX} onChange={(e) => setName(e.target.value)} placeholder="e.g. alice" />
        </label>
        {trimmed === 'adjudicated' || trimmed === 'suggester' ? <p className="error">“{trimmed}” is reserved; choose another name.</p> : null}
        <button type="submit" disabled={!valid}>
          Start annotating
        </button>
      </form>
    </div>
  );
}
