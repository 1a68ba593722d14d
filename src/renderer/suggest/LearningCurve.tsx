// The learning curve for the progress panel: how precise and complete the model's suggestions are on the documents labelled later, by documents labelled so far.

import type { CurvePoint } from '../../core/suggest/learn/learning-curve';
import { CHART, curveCaption, curveRows, seriesPath } from './learning-curve-view';

/** Props of {@link LearningCurve}. */
export interface LearningCurveProps {
  /** The curve; null while it is computed (see useLearningCurve). */
  points: CurvePoint[] | null;
}

/**
 * A small chart of precision (solid) and recall (dashed) against documents labelled, with
 * the same figures as a table for screen readers and tests. Says so when there are too few
 * documents yet.
 */
export function LearningCurve({ points }: LearningCurveProps) {
  if (!points || !points.length) {
    return (
      <div className="learning-curve" data-testid="learning-curve">
        {curveCaption(points)}
      </div>
    );
  }
  return (
    <figure className="learning-curve" data-testid="learning-curve">
      <figcaption>{curveCaption(points)}</figcaption>
      <svg width={CHART.width} height={CHART.height} role="img" aria-label="Precision and recall of the model's suggestions by documents labelled">
        <path d={seriesPath(points, (p) => p.precision)} fill="none" stroke="currentColor" strokeWidth={2} data-series="precision" />
        <path d={seriesPath(points, (p) => p.recall)} fill="none" stroke="currentColor" strokeDasharray="4 3" strokeWidth={2} data-series="recall" />
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
          {curveRows(points).map((r) => (
            <tr key={r.documents} data-documents={r.documents}>
              <td>{r.documents}</td>
              <td>{r.precision}</td>
              <td>{r.recall}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
