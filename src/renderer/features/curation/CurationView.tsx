// The team lead's view: load annotators' exports, read agreement, adjudicate conflicts, export gold (built by the curation work).

import type { LabelSchema } from '../../../core/model/schema';

/** Props of {@link CurationView}. */
export interface CurationViewProps {
  schema: LabelSchema;
  hostKind: 'electron' | 'browser';
  onExit: () => void;
}

/** The curation view. */
export function CurationView({ onExit }: CurationViewProps) {
  return (
    <div className="curation">
      <button onClick={onExit}>Back to annotating</button>
    </div>
  );
}
