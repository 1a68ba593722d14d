// `convert --to hf` on several cores: validated lines go in ordered chunks to worker threads that cut words
// (src/cli/hf-worker.ts), and come back in input order to be given tag ids and written: the same bytes as one thread.

import { Worker } from 'node:worker_threads';
import type { ExportOptions } from '../core/format/convert-types';
import type { NativeLine } from '../core/format/native';
import type { HfJob, HfJobResult, HfLineResult } from './hf-worker';

/** Lines per job: a few hundred KB of text, enough to pay for the message, small enough to keep every core busy. */
export const HF_JOB_LINES = 16;
/** Jobs waiting or running per worker: reading stays at most this far ahead, so memory is bounded. */
export const HF_JOBS_IN_FLIGHT_PER_WORKER = 2;

/**
 * The code that starts a worker: workers do not inherit the tsx loader the CLI runs under, so each
 * registers it before importing hf-worker.ts (the worker itself is TypeScript, like the rest of the CLI).
 * When the CLI runs from its bundle (bin/marginalia.js), this module is a chunk of it, and the worker
 * is the bundle's own hf-worker.js beside it, plain JavaScript.
 */
function workerSource(): string {
  if (!import.meta.url.endsWith('.ts')) return `import(${JSON.stringify(new URL('./hf-worker.js', import.meta.url).href)})`;
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./hf-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
}

/** A fixed set of hf worker threads; jobs are dealt round-robin and each result is matched to its job. */
export class HfWorkers {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (r: HfLineResult[]) => void; reject: (e: Error) => void }>();
  private seq = 0;
  private failure: Error | null = null;

  constructor(count: number, options: ExportOptions) {
    // Functions do not cross threads: the worker collects warnings itself.
    const { warn: _warn, ...data } = options;
    const source = workerSource();
    for (let i = 0; i < count; i++) {
      const w = new Worker(source, { eval: true, workerData: data });
      w.on('message', (r: HfJobResult) => {
        const p = this.pending.get(r.seq);
        this.pending.delete(r.seq);
        p?.resolve(r.results);
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`an hf worker thread stopped (exit code ${code})`));
      });
      this.workers.push(w);
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  /** Converts one chunk of lines; resolves to one result per line, in order. */
  run(lines: NativeLine[]): Promise<HfLineResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.seq++;
    const job: HfJob = { seq, lines };
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.workers[seq % this.workers.length]!.postMessage(job);
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.failure ??= new Error('hf workers closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
