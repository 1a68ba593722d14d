// The learning curve of the model that learns from the annotator: its suggestions' precision and recall on the documents the annotator labels later, by documents labelled so far.

import { scoreSpans, sumScores } from '../score';
import { SpanModel, type TrainingDoc, type TrainOptions } from './span-model';

/** One point of the curve. */
export interface CurvePoint {
  /** Documents labelled (and trained on) so far. */
  documents: number;
  /** Of the model's suggestions on the later documents, how many the annotator labelled exactly so. */
  precision: number;
  /** Of the annotator's later spans, how many the model suggested exactly. */
  recall: number;
  f1: number;
  /** Suggestions made and spans to find, over the later documents. */
  predicted: number;
  gold: number;
}

/** Options of {@link learningCurve}. */
export interface CurveOptions extends TrainOptions {
  /** Numbers of documents to train on; by default 1, 2, 4, 8, … below the number of documents. */
  steps?: readonly number[];
  /** How many later documents each point is measured on (default: all the later ones). */
  window?: number;
}

/** 1, 2, 4, 8, … up to (not including) n. */
export function doublingSteps(n: number): number[] {
  const out: number[] = [];
  for (let k = 1; k < n; k *= 2) out.push(k);
  if (n > 1 && out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

/**
 * The curve over `docs` in the order the annotator labelled them: for each step n, a model
 * trained on the first n documents suggests spans in the documents after them, scored
 * exactly (same start, end, label) against the annotator's own spans of the learned labels.
 */
export function learningCurve(docs: readonly TrainingDoc[], options: CurveOptions = {}): CurvePoint[] {
  const steps = options.steps ?? doublingSteps(docs.length);
  const points: CurvePoint[] = [];
  for (const n of steps) {
    if (n < 1 || n >= docs.length) continue;
    const model = SpanModel.train(docs.slice(0, n), options);
    const labels = new Set(model.labels);
    const later = docs.slice(n, options.window ? n + options.window : undefined);
    const total = sumScores(later.map((d) => scoreSpans(d.spans.filter((s) => labels.has(s.label)), model.predict(d.text))));
    points.push({
      documents: n,
      precision: total.exact.precision,
      recall: total.exact.recall,
      f1: total.exact.f1,
      predicted: total.exact.tp + total.exact.fp,
      gold: total.exact.tp + total.exact.fn,
    });
  }
  return points;
}
