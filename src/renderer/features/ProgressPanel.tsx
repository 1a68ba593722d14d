// Corpus progress at a glance: documents done, in progress, skipped, and spans per label.

import type { CorpusEntry, DocMeta } from '../../core/ipc/contract';
import type { LabelSchema } from '../../core/model/schema';
import type { CurvePoint } from '../../core/suggest/learn/learning-curve';
import type { DocState } from '../db/db';
import { LearningCurve } from '../suggest/LearningCurve';
import { plural } from '../../core/text/plural';
import './panels.css';

/** The statuses drawn on the bar, left to right; "todo" is the bar's background. */
const SEGMENTS = ['done', 'in-progress', 'skipped'] as const;

/** Props of {@link ProgressPanel}. */
export interface ProgressPanelProps {
  documents: CorpusEntry[];
  states: Map<string, DocState>;
  schema: LabelSchema;
  /** The model's learning curve (null while computed); not shown when undefined. */
  curve?: CurvePoint[] | null;
}

/** The progress bar and label counts. */
export function ProgressPanel({ documents, states, schema, curve }: ProgressPanelProps) {
  const counts = { done: 0, 'in-progress': 0, skipped: 0, todo: 0 };
  let unsure = 0;
  const labels: Record<string, number> = {};
  for (const d of documents) {
    const st = states.get(d.docId);
    counts[st?.status ?? 'todo']++;
    if ((st as (DocState & { meta?: DocMeta }) | undefined)?.meta?.unsure) unsure++;
    for (const [l, n] of Object.entries(st?.labelCounts ?? {})) labels[l] = (labels[l] ?? 0) + n;
  }
  const total = documents.length || 1;
  const pct = (n: number) => `${(100 * n) / total}%`;
  return (
    <div className="progress" data-testid="progress">
      <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={documents.length} aria-valuenow={counts.done} aria-label="Documents done">
        {/* A segment only for a status some document has: an empty one would still show (and once did, grey, for "skipped"). */}
        {SEGMENTS.filter((status) => counts[status] > 0).map((status) => (
          <span key={status} className={`seg ${status}`} style={{ width: pct(counts[status]) }} data-segment={status} title={`${plural(counts[status], 'document')} ${status.replace('-', ' ')}`} />
        ))}
      </div>
      <div className="progress-text" data-testid="progress-text">
        {counts.done} of {documents.length} done · {counts['in-progress']} in progress{counts.skipped ? ` · ${counts.skipped} skipped` : ''}{unsure ? ` · ${unsure} unsure` : ''}
      </div>
      <div className="label-counts">
        {schema.labels.map((l) => (
          <span key={l.name} className="label-count" style={{ ['--c' as string]: l.color }} data-label-count={l.name}>
            {l.name} {labels[l.name] ?? 0}
          </span>
        ))}
      </div>
      {curve !== undefined ? <LearningCurve points={curve} /> : null}
    </div>
  );
}
