// The messages between the UI and the proposals worker, and the worker's work as a plain class (so tests run it without a Worker).
//
// The worker holds the open document's text and the corpus lexicon (each sent once), and answers
// a `find` in three stages: the figures (found once per text, and sent only to a client that does not
// have them: a new lexicon does not change them), the lexicon hits, then the NLP entity proposals,
// tagged block by block (compromise takes seconds on a long document). Each stage goes in pages of
// packed arrays, so that no single message costs the UI thread more than a few milliseconds to receive.

import { OffsetMap } from '../../core/model/offsets';
import type { CodePoint } from '../../core/model/types';
import { Dictionary, type DictionaryEntry } from '../../core/suggest/dictionary';
import { blockEntities, entitiesBesideLexicon, entityBlocks } from '../../core/suggest/document-proposals';
import { detectFigures } from '../../core/suggest/figures';
import { packedBuffers, packSuggestions, unpackSpans, type PackedSpans, type PackedSuggestions } from '../../core/suggest/packed-suggestions';
import { mergeSuggestions, type Suggestion } from '../../core/suggest/suggestions';

/** A suggestion with its text, as lists show it. */
export type TextSuggestion = Suggestion & { text: string };

/** A request to the proposals worker. */
export type ProposalsRequest =
  | { type: 'text'; textId: number; text: string }
  | { type: 'lexicon'; lexiconId: number; entries: DictionaryEntry[] }
  /** `figures`: whether to send the text's figures (a client that has them from an earlier find of the same text says no). */
  | { type: 'find'; id: number; textId: number; lexiconId: number; spans: PackedSpans; figures: boolean };

/** Which proposals a page carries: the text's figures, the lexicon's hits, or NLP entities; in this order. */
export type ProposalStage = 'figures' | 'lexicon' | 'entities';

/** The stages in the order a find delivers them. */
export const PROPOSAL_STAGES: readonly ProposalStage[] = ['figures', 'lexicon', 'entities'];

/** A reply: one page of a stage (the last one has `done`), a find given up for a newer one (`stopped`: no more pages), or an error. */
export type ProposalsReply =
  | { type: 'page'; id: number; stage: ProposalStage; items: PackedSuggestions; done: boolean }
  | { type: 'stopped'; id: number }
  | { type: 'error'; id: number; message: string };

/** Suggestions per page: small enough that receiving one is a short task on the UI thread. */
export const PAGE_SIZE = 250;

/** Sends a reply; `transfer` lists the buffers handed over with it. */
export type ReplyPoster = (reply: ProposalsReply, transfer?: ArrayBuffer[]) => void;

/** The worker's state and work: answers requests through `post`, yielding between entity blocks through `pause`. */
export class ProposalEngine {
  private text = '';
  private textId = -1;
  private map = new OffsetMap('');
  private dictionary = new Dictionary([]);
  private lexiconId = -1;
  /** The figures of the current text, found at its first find. */
  private figures: Suggestion[] | null = null;
  /** NLP proposals of the current text, by blocks done so far. */
  private nlp: { blocks: [number, number][]; done: number; list: Suggestion[] } = { blocks: [], done: 0, list: [] };
  /** The newest `find`: an older one stops at its next block. */
  private latest = -1;

  constructor(
    private readonly post: ReplyPoster,
    private readonly pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  ) {}

  /** Handles one request; errors become replies. */
  async handle(req: ProposalsRequest): Promise<void> {
    try {
      if (req.type === 'text') {
        this.text = req.text;
        this.textId = req.textId;
        this.map = new OffsetMap(req.text);
        this.nlp = { blocks: entityBlocks(req.text), done: 0, list: [] };
        this.figures = null;
      } else if (req.type === 'lexicon') {
        this.dictionary = new Dictionary(req.entries);
        this.lexiconId = req.lexiconId;
      } else {
        await this.find(req);
      }
    } catch (e) {
      this.post({ type: 'error', id: req.type === 'find' ? req.id : -1, message: (e as Error).message });
    }
  }

  private send(id: number, stage: ProposalStage, items: readonly Suggestion[]): void {
    const toUtf16 = (cp: number) => this.map.toUtf16(cp as CodePoint);
    for (let at = 0; at === 0 || at < items.length; at += PAGE_SIZE) {
      const page = packSuggestions(items.slice(at, at + PAGE_SIZE), toUtf16);
      this.post({ type: 'page', id, stage, items: page, done: at + PAGE_SIZE >= items.length }, packedBuffers(page));
    }
  }

  private async find(req: Extract<ProposalsRequest, { type: 'find' }>): Promise<void> {
    if (req.textId !== this.textId || req.lexiconId !== this.lexiconId) throw new Error(`find ${req.id}: text ${req.textId} or lexicon ${req.lexiconId} was not sent`);
    this.latest = req.id;
    // Finds queued behind this one (the lexicon read again meanwhile) are seen after a yield: only the newest does the work.
    await this.pause();
    if (this.latest !== req.id) return this.post({ type: 'stopped', id: req.id });
    if (req.figures) this.send(req.id, 'figures', (this.figures ??= mergeSuggestions([detectFigures(this.text, { map: this.map })])));
    const hits = mergeSuggestions([this.dictionary.find(this.text, { map: this.map, spans: unpackSpans(req.spans) })]);
    this.send(req.id, 'lexicon', hits);
    const nlp = this.nlp;
    while (nlp.done < nlp.blocks.length) {
      await this.pause();
      // A newer find (another document, a new lexicon) goes on from the blocks done; this one stops.
      if (this.latest !== req.id || this.nlp !== nlp) return this.post({ type: 'stopped', id: req.id });
      if (nlp.done < nlp.blocks.length) nlp.list.push(...blockEntities(this.text, nlp.blocks[nlp.done++]!, this.map));
    }
    const textOf = (s: Suggestion) => this.text.slice(this.map.toUtf16(s.start as CodePoint), this.map.toUtf16(s.end as CodePoint));
    this.send(req.id, 'entities', entitiesBesideLexicon(nlp.list, hits, this.dictionary, textOf));
  }
}
