// The UI's handle on the model worker: typed requests that resolve to replies, one worker per app.

import type { CurvePoint } from '../../core/suggest/learn/learning-curve';
import type { TrainingDoc } from '../../core/suggest/learn/span-model';
import type { Suggestion } from '../../core/suggest/suggestions';
import type { ModelReply, ModelRequest } from './model-protocol';

/** Distributes `Omit` over a union, so each request keeps its own fields. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Something that takes requests and answers with replies: a Worker, or (in tests) a function. */
export interface ModelPort {
  postMessage(message: ModelRequest): void;
  onmessage: ((e: MessageEvent<ModelReply>) => void) | null;
  terminate?(): void;
}

/** Requests to the model worker as promises. */
export class ModelClient {
  private next = 1;
  private readonly pending = new Map<number, (reply: ModelReply) => void>();

  constructor(private readonly port: ModelPort) {
    port.onmessage = (e) => {
      const done = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      done?.(e.data);
    };
  }

  /** A client on a new worker (the bundler turns the URL into the worker's own file). */
  static start(): ModelClient {
    return new ModelClient(new Worker(new URL('./model.worker.ts', import.meta.url), { type: 'module' }) as unknown as ModelPort);
  }

  private ask(req: WithoutId<ModelRequest>): Promise<ModelReply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => (reply.type === 'error' ? reject(new Error(reply.message)) : resolve(reply)));
      this.port.postMessage({ ...req, id } as ModelRequest);
    });
  }

  /** Retrains on the annotator's documents (spans and rejections); resolves to the number of labelled documents learned from. */
  async train(docs: TrainingDoc[], labels?: string[]): Promise<number> {
    const r = await this.ask({ type: 'train', docs, labels });
    return r.type === 'trained' ? r.documents : 0;
  }

  /** The current model's suggestions for a text (none before the first training). */
  async suggest(text: string, minScore?: number): Promise<Suggestion[]> {
    const r = await this.ask({ type: 'predict', text, minScore });
    return r.type === 'suggestions' ? r.suggestions : [];
  }

  /** The learning curve over documents in the order they were labelled. */
  async curve(docs: TrainingDoc[], steps?: number[], labels?: string[]): Promise<CurvePoint[]> {
    const r = await this.ask({ type: 'curve', docs, steps, labels });
    return r.type === 'curve' ? r.points : [];
  }

  /** Stops the worker; pending requests never resolve. */
  stop(): void {
    this.port.terminate?.();
    this.pending.clear();
  }
}
