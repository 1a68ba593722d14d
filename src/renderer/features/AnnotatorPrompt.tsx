// Asks for the annotator's name on first run; every span and export carries it. The name is checked with the hosts'
// own rule (core/ipc/annotator-name.ts), so a name the journal could not be saved under is refused here, with why.

import { useState } from 'react';
import { ANNOTATOR_NAME_MAX_CHARS, annotatorNameProblem, RESERVED_ANNOTATOR_NAMES } from '../../core/ipc/annotator-name';

/** Why `trimmed` cannot be a name, in words for the prompt; null when it can. */
function problemOf(trimmed: string): string | null {
  if (trimmed === '') return null;
  if ((RESERVED_ANNOTATOR_NAMES as readonly string[]).includes(trimmed)) return `“${trimmed}” is reserved; choose another name.`;
  const problem = annotatorNameProblem(trimmed);
  if (!problem) return null;
  return problem.message.charAt(0).toUpperCase() + problem.message.slice(1) + '.';
}

/** A modal form; calls `onDone` with the trimmed name. */
export function AnnotatorPrompt({ initial, onDone }: { initial?: string; onDone: (name: string) => void }) {
  const [name, setName] = useState(initial ?? '');
  const trimmed = name.trim();
  const problem = problemOf(trimmed);
  const valid = trimmed.length > 0 && problem === null;
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
          <input autoFocus value={name} maxLength={ANNOTATOR_NAME_MAX_CHARS * 2} onChange={(e) => setName(e.target.value)} placeholder="e.g. alice" />
        </label>
        {problem ? (
          <p className="error" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="submit" disabled={!valid}>
          Start annotating
        </button>
      </form>
    </div>
  );
}
