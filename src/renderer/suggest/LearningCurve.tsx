// The learning curve for the progress panel: how precise and complete the model's suggestions are on the documents labelled later, by documents labelled so far.

import type { CurvePoint } from '../../core/suggest/learn/learning-curve';

/** Props of {@link LearningCurve}. */
export interface LearningCurveProps {
  /** The curve; null while it is computed. */
  points: CurvePoint[] | null;
}

const WIDTH = 220;
const HEIGHT = 80;
const PAD = 4;

function path(points: CurvePoint[], pick: (p: CurvePoint) => number): string {
  const maxX = Math.max(1, ...points.map((p) => p.documents));
  return points
    .map((p, i) => {
      const x = PAD + ((WIDTH - 2 * PAD) * p.documents) / maxX;
      const y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * pick(p);
      return `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * A small chart of precision and recall against documents labelled, with the same figures
 * as a table for screen readers and tests. Says so when there are too few documents.
 */
export function LearningCurve({ points }: LearningCurveProps) {
  if (points === null) return <div className="learning-curve" data-testid="learning-curve">Learning curve: computing…</div>;
  if (!points.length) {
    return (
      <div className="learning-curve" data-testid="learning-curve">
        Learning curve: label two documents to see how well the model learns from you.
      </div>
    );
  }
  const last = points[points.length - 1]!;
  return (
    <figure className="learning-curve" data-testid="learning-curve">
      <figcaption>
        Model suggestions after {last.documents} document{last.documents === 1 ? '' : 's'}: precision {pct(last.precision)}, recall {pct(last.recall)}
      </figcaption>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label="Precision and recall of the model's suggestions by documents labelled">
        <path d={path(points, (p) => p.precision)} fill="none" stroke="currentColor" strokeWidth={2} data-series="precision" />
        <path d={path(points, (p) => p.recall)} fill="none" stroke="currentColor" strokeDasharray="4 3" strokeWidth={2} data-series="recall" />
      </svg>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th>documents</th>
            <th>precision</th>
            <th>recall</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.documents} data-documents={p.documents}>
              <td>{p.documents}</td>
              <td>{pct(p.precision)}</td>
              <td>{pct(p.recall)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
