// Lets the user pick a file's encoding where the guess is uncertain, each candidate shown decoded so the right one is obvious.

import { useState } from 'react';
import type { CorpusEntry } from '../../core/ipc/contract';

/** Props of {@link EncodingChooser}. */
export interface EncodingChooserProps {
  entry: CorpusEntry;
  /** Applies an encoding (null: back to detection); rejects with a readable reason. */
  onChoose: (encoding: string | null) => Promise<void>;
  onClose: () => void;
}

/** The chooser. */
export function EncodingChooser({ entry, onChoose, onClose }: EncodingChooserProps) {
  const [error, setError] = useState<string | null>(null);
  const choose = (enc: string | null) => onChoose(enc).catch((e: Error) => setError(e.message));
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Choose the encoding">
      <div className="modal" data-no-hotkeys onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>Which encoding reads right?</h2>
        <p><code>{entry.path}</code> is decoded as <b>{entry.encoding}</b>{entry.encodingChosen ? ' (your choice)' : entry.encodingUncertain ? ', but that is a guess' : ''}.</p>
        <ul className="encodings">
          {(entry.encodingCandidates ?? []).map((c) => (
            <li key={c.encoding}>
              <button onClick={() => void choose(c.encoding)} autoFocus={c.encoding === entry.encoding} data-encoding={c.encoding}>
                {c.encoding}
              </button>
              <span className="muted"> {Math.round(c.score * 100)}%</span>
              <div className="preview">{c.preview}</div>
            </li>
          ))}
        </ul>
        {error ? <p className="error" role="alert">{error}</p> : null}
        <div className="modal-actions">
          {entry.encodingChosen ? <button onClick={() => void choose(null)}>Detect again</button> : null}
          <button onClick={onClose}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
