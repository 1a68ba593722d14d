// The web worker that trains and runs the model that learns from the annotator, off the UI thread.

import { handleModelRequest, type ModelRequest, type ModelWorkerState } from './model-protocol';

const state: ModelWorkerState = { model: null };
const scope = self as unknown as { onmessage: ((e: MessageEvent<ModelRequest>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (e) => scope.postMessage(handleModelRequest(state, e.data));
