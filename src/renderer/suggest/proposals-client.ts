// The UI's handle on the proposals worker: sends the text and the lexicon once each, keeps the text's figures
// (a find for a new lexicon gets them from here, not from the worker), and hands back each stage of a find when its last page came.

import type { Dictionary } from '../../core/suggest/dictionary';
import type { SpanLike } from '../../core/suggest/suggestions';
import { packSpans, unpackSuggestions } from '../../core/suggest/packed-suggestions';
import { PROPOSAL_STAGES, type ProposalStage, type ProposalsReply, type ProposalsRequest, type TextSuggestion } from './proposals-protocol';

/** Something that takes requests and answers with replies: a Worker, or (in tests) an engine behind a function. */
export interface ProposalsPort {
  postMessage(message: ProposalsRequest): void;
  onmessage: ((e: MessageEvent<ProposalsReply>) => void) | null;
  terminate?(): void;
}

/** What a find calls back with: each stage's whole list, sorted, once its last page arrived (the figures of a text it already had: the same list). */
export type StageListener = (stage: ProposalStage, items: TextSuggestion[]) => void;

/** Requests to the proposals worker. */
export class ProposalsClient {
  private next = 1;
  private text: string | null = null;
  private textId = 0;
  private readonly lexiconIds = new WeakMap<Dictionary, number>();
  private lexiconSent: Dictionary | null = null;
  private readonly finds = new Map<number, { listener: StageListener; textId: number; text: string; pages: Record<ProposalStage, TextSuggestion[]> }>();
  /** The figures of the current text, once a find delivered them whole. */
  private figures: { textId: number; items: TextSuggestion[] } | null = null;

  constructor(private readonly port: ProposalsPort) {
    port.onmessage = (e) => this.receive(e.data);
  }

  /** A client on a new worker (the bundler turns the URL into the worker's own file). */
  static start(): ProposalsClient {
    return new ProposalsClient(new Worker(new URL('./proposals.worker.ts', import.meta.url), { type: 'module' }) as unknown as ProposalsPort);
  }

  /**
   * Finds the proposals of `text` beside `dictionary`, skipping lexicon hits over `spans`; `listener`
   * hears the figures, the lexicon hits, then the NLP entities. Returns a function that cancels it.
   */
  find(text: string, dictionary: Dictionary, spans: readonly SpanLike[], listener: StageListener): () => void {
    if (text !== this.text) {
      this.text = text;
      this.port.postMessage({ type: 'text', textId: ++this.textId, text });
    }
    let lexiconId = this.lexiconIds.get(dictionary);
    if (lexiconId === undefined) this.lexiconIds.set(dictionary, (lexiconId = this.next++));
    if (this.lexiconSent !== dictionary) {
      this.lexiconSent = dictionary;
      this.port.postMessage({ type: 'lexicon', lexiconId, entries: dictionary.entryList() });
    }
    const id = this.next++;
    const textId = this.textId;
    this.finds.set(id, { listener, textId, text, pages: { figures: [], lexicon: [], entities: [] } });
    const known = this.figures?.textId === textId ? this.figures.items : null;
    this.port.postMessage({ type: 'find', id, textId, lexiconId, spans: packSpans(spans), figures: !known });
    if (known) queueMicrotask(() => this.finds.has(id) && listener('figures', known));
    return () => this.finds.delete(id);
  }

  private receive(reply: ProposalsReply): void {
    const find = this.finds.get(reply.id);
    if (!find) return;
    if (reply.type === 'stopped') {
      // A newer find of the same worker goes on; what this one delivered stays delivered.
      this.finds.delete(reply.id);
      return;
    }
    if (reply.type === 'error') {
      // Nothing to show rather than a document that never finishes finding.
      this.finds.delete(reply.id);
      for (const stage of PROPOSAL_STAGES) find.listener(stage, []);
      return;
    }
    const pages = find.pages[reply.stage];
    for (const s of unpackSuggestions(reply.items, find.text)) pages.push(s);
    if (!reply.done) return;
    find.pages[reply.stage] = [];
    if (reply.stage === 'figures' && find.textId === this.textId) this.figures = { textId: find.textId, items: pages };
    if (reply.stage === 'entities') this.finds.delete(reply.id);
    find.listener(reply.stage, pages);
  }

  /** Stops the worker. */
  stop(): void {
    this.port.terminate?.();
    this.finds.clear();
  }
}

let shared: ProposalsClient | null = null;
/** The app's one proposals worker, started on first use. */
export function proposalsClient(): ProposalsClient {
  shared ??= ProposalsClient.start();
  return shared;
}
