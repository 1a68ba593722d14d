// What the LearningCurve component shows, as plain functions: its caption and the SVG paths of precision and recall.

import type { CurvePoint } from '../../core/suggest/learn/learning-curve';
import { plural } from '../../core/text/plural';

/** The chart's size in CSS pixels, and the inner margin that keeps the strokes inside it. */
export const CHART = { width: 220, height: 80, pad: 4 } as const;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The SVG path of one series over the points, documents on x (0 to the last point), the ratio on y. */
export function seriesPath(points: readonly CurvePoint[], pick: (p: CurvePoint) => number): string {
  const maxX = Math.max(1, ...points.map((p) => p.documents));
  return points
    .map((p, i) => {
      const x = CHART.pad + ((CHART.width - 2 * CHART.pad) * p.documents) / maxX;
      const y = CHART.height - CHART.pad - (CHART.height - 2 * CHART.pad) * pick(p);
      return `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** The caption: the state of the curve in one sentence. */
export function curveCaption(points: readonly CurvePoint[] | null): string {
  if (points === null) return 'Learning curve: computing…';
  if (!points.length) return 'Learning curve: label two documents to see how well the model learns from you.';
  const last = points[points.length - 1]!;
  return `Model suggestions after ${plural(last.documents, 'document')}: precision ${pct(last.precision)}, recall ${pct(last.recall)}`;
}

/** One row of the accessible table under the chart. */
export function curveRows(points: readonly CurvePoint[]): { documents: number; precision: string; recall: string }[] {
  return points.map((p) => ({ documents: p.documents, precision: pct(p.precision), recall: pct(p.recall) }));
}
