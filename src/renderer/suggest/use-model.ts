// React hooks over the model worker: retrain in the background when the annotator's labels change, suggest for the open document, compute the learning curve.

import { useEffect, useRef, useState } from 'react';
import type { CurvePoint } from '../../core/suggest/learn/learning-curve';
import type { TrainingDoc } from '../../core/suggest/learn/span-model';
import type { Suggestion } from '../../core/suggest/suggestions';
import { ModelClient } from './model-client';

/** Wait after the last change of the labels before retraining, so a burst of actions trains once. */
const RETRAIN_DELAY_MS = 1500;

let shared: ModelClient | null = null;
/** The app's one model worker, started on first use. */
export function modelClient(): ModelClient {
  shared ??= ModelClient.start();
  return shared;
}

/**
 * The model's suggestions for `text`, retrained on `docs` whenever `version` changes (the
 * caller passes a counter of label changes). Null until the first training is done.
 */
export function useModelSuggestions(text: string | null, docs: () => TrainingDoc[], version: unknown, client: ModelClient = modelClient()): Suggestion[] | null {
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const docsRef = useRef(docs);
  docsRef.current = docs;
  useEffect(() => {
    if (text === null) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void client
        .train(docsRef.current())
        .then(() => client.suggest(text))
        .then((s) => !cancelled && setSuggestions(s))
        .catch(() => !cancelled && setSuggestions([]));
    }, RETRAIN_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text, version, client]);
  return suggestions;
}

/** The learning curve of `docs` (in labelling order), recomputed when `version` changes; null while computing. */
export function useLearningCurve(docs: () => TrainingDoc[], version: unknown, client: ModelClient = modelClient()): CurvePoint[] | null {
  const [points, setPoints] = useState<CurvePoint[] | null>(null);
  const docsRef = useRef(docs);
  docsRef.current = docs;
  useEffect(() => {
    let cancelled = false;
    setPoints(null);
    void client.curve(docsRef.current()).then((p) => !cancelled && setPoints(p)).catch(() => !cancelled && setPoints([]));
    return () => {
      cancelled = true;
    };
  }, [version, client]);
  return points;
}
