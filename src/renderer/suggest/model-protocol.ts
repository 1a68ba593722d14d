// The messages between the UI and the model worker, and the worker's handling of them as a plain function (so tests run it without a Worker).

import { learningCurve, type CurvePoint } from '../../core/suggest/learn/learning-curve';
import { SpanModel, type TrainingDoc } from '../../core/suggest/learn/span-model';
import type { Suggestion } from '../../core/suggest/suggestions';

/** A request to the worker; `id` pairs it with its reply. */
export type ModelRequest =
  | { type: 'train'; id: number; docs: TrainingDoc[]; labels?: string[] }
  | { type: 'predict'; id: number; text: string; minScore?: number }
  | { type: 'curve'; id: number; docs: TrainingDoc[]; labels?: string[]; steps?: number[] };

/** The worker's reply to one request. */
export type ModelReply =
  | { type: 'trained'; id: number; documents: number }
  | { type: 'suggestions'; id: number; suggestions: Suggestion[] }
  | { type: 'curve'; id: number; points: CurvePoint[] }
  | { type: 'error'; id: number; message: string };

/** What the worker keeps between messages: the last trained model. */
export interface ModelWorkerState {
  model: SpanModel | null;
}

/**
 * Handles one request: trains (replacing the model), predicts with the current model (no
 * model yet: no suggestions), or computes the learning curve of some documents. Errors are
 * replies, never thrown across the worker boundary.
 */
export function handleModelRequest(state: ModelWorkerState, req: ModelRequest): ModelReply {
  try {
    switch (req.type) {
      case 'train':
        state.model = SpanModel.train(req.docs, req.labels ? { labels: req.labels } : {});
        return { type: 'trained', id: req.id, documents: state.model.documents };
      case 'predict':
        return { type: 'suggestions', id: req.id, suggestions: state.model ? state.model.predict(req.text, { minScore: req.minScore }) : [] };
      case 'curve':
        return { type: 'curve', id: req.id, points: learningCurve(req.docs, { ...(req.labels ? { labels: req.labels } : {}), ...(req.steps ? { steps: req.steps } : {}) }) };
    }
  } catch (e) {
    return { type: 'error', id: req.id, message: (e as Error).message };
  }
}
