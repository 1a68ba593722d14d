// The model that learns from the annotator: a greedy BIO tagger over tokens, trained by an averaged perceptron on accepted spans and rejected suggestions.
//
// Prodigy's loop without a server: every document the annotator labelled is a training
// example (its spans are the truth, every other token is outside), and a suggestion the
// annotator rejected teaches "not this" even in a document not labelled yet. Training a
// few hundred documents takes well under a second, so the worker simply retrains from
// scratch when the labels change.

import { OffsetMap } from '../../model/offsets';
import type { Utf16 } from '../../model/types';
import { makeSuggestion, parseSuggestionKey, type SpanLike, type Suggestion } from '../suggestions';
import { contextFeatures, tokenFeatures } from './features';
import { Perceptron, type PerceptronState } from './perceptron';
import { tokenize, type Token } from './tokens';
import { prng } from '../../model/prng';

/** One document as the model learns from it; offsets are code points. */
export interface TrainingDoc {
  text: string;
  /** The annotator's spans (only those of the model's labels are read). */
  spans: readonly SpanLike[];
  /** Suggestions the annotator rejected: their tokens are outside any span of their label. */
  rejected?: readonly SpanLike[];
}

/** A training document from what the store holds: the text, the annotator's spans, and the keys of the suggestions rejected in it. */
export function toTrainingDoc(text: string, spans: readonly SpanLike[], rejectedKeys: Iterable<string> = []): TrainingDoc {
  const rejected: SpanLike[] = [];
  for (const k of rejectedKeys) {
    const r = parseSuggestionKey(k);
    if (r) rejected.push(r);
  }
  return { text, spans: spans.map((s) => ({ start: s.start, end: s.end, label: s.label })), rejected };
}

/** Options of {@link SpanModel.train}. */
export interface TrainOptions {
  /** The labels to learn; by default the entity labels. */
  labels?: readonly string[];
  /** Passes over the training documents (default 5). */
  epochs?: number;
  /** Seed of the shuffle between passes, so that training is repeatable. */
  seed?: number;
}

/** The entity labels learned by default; FIGURE has its parser and CLAIM is a sentence, not a token run. */
export const LEARNED_LABELS = ['PERSON', 'ORG', 'LOC', 'PRODUCT', 'EVENT', 'POLICY'] as const;
const OUTSIDE = 'O';
const DEFAULT_EPOCHS = 5;

/** Gold tags of the tokens: B-/I- for tokens wholly inside a span of a learned label, longer spans first. */
function goldTags(tokens: readonly Token[], spans: readonly SpanLike[], map: OffsetMap, labels: ReadonlySet<string>): string[] {
  const tags = tokens.map(() => OUTSIDE);
  const sorted = spans.filter((s) => labels.has(s.label)).sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const s of sorted) {
    const from = map.toUtf16(s.start as never) as number;
    const to = map.toUtf16(s.end as never) as number;
    const inside = tokens.map((t, i) => (t.start >= from && t.end <= to ? i : -1)).filter((i) => i >= 0);
    if (!inside.length || inside.some((i) => tags[i] !== OUTSIDE)) continue;
    inside.forEach((i, k) => (tags[i] = `${k === 0 ? 'B' : 'I'}-${s.label}`));
  }
  return tags;
}

const allowedCache = new Map<string, (tag: string) => boolean>();
/** Whether `tag` may follow `prev`: an I- tag continues a span of its own label. One function per previous tag, made once. */
function allowedAfter(prev: string): (tag: string) => boolean {
  let f = allowedCache.get(prev);
  if (!f) {
    const label = prev === OUTSIDE ? null : prev.slice(2);
    f = (tag) => tag.charCodeAt(0) !== 73 /* I */ || (label !== null && tag.slice(2) === label);
    allowedCache.set(prev, f);
  }
  return f;
}

/** A span tagger that learns from the annotator's labels. Immutable once trained. */
export class SpanModel {
  private constructor(
    private readonly perceptron: Perceptron,
    readonly labels: readonly string[],
    /** Documents it was trained on. */
    readonly documents: number,
  ) {}

  /** Trains a model on `docs` (documents with spans, and rejections). */
  static train(docs: readonly TrainingDoc[], options: TrainOptions = {}): SpanModel {
    const labels = options.labels ?? LEARNED_LABELS;
    const labelSet = new Set(labels);
    const tags = [OUTSIDE, ...labels.flatMap((l) => [`B-${l}`, `I-${l}`])];
    const p = new Perceptron(tags);
    const examples = docs.map((d) => {
      const tokens = tokenize(d.text);
      const map = new OffsetMap(d.text);
      const labelled = d.spans.some((s) => labelSet.has(s.label));
      const gold = goldTags(tokens, d.spans, map, labelSet);
      // Rejected suggestions: in a document not labelled yet, only their tokens (and one either side) are known to be outside.
      let train: boolean[] = tokens.map(() => labelled);
      if (!labelled) {
        for (const r of d.rejected ?? []) {
          const from = map.toUtf16(r.start as never) as number;
          const to = map.toUtf16(r.end as never) as number;
          tokens.forEach((t, i) => {
            if (t.end > from && t.start < to) for (const k of [i - 1, i, i + 1]) if (k >= 0 && k < tokens.length) train[k] = true;
          });
        }
      }
      if (!train.some(Boolean)) train = [];
      const context = train.length ? tokens.map((_, k) => (train[k] ? contextFeatures(tokens, k) : [])) : [];
      return { tokens, gold, train, context };
    });
    const random = prng(options.seed ?? 1);
    const order = examples.map((_, i) => i);
    for (let epoch = 0; epoch < (options.epochs ?? DEFAULT_EPOCHS); epoch++) {
      for (const i of order) {
        const { tokens, gold, train, context } = examples[i]!;
        if (!train.length) continue;
        let prev = OUTSIDE;
        for (let k = 0; k < tokens.length; k++) {
          if (!train[k]) {
            prev = gold[k]!;
            continue;
          }
          const features = tokenFeatures(tokens, k, prev, context[k]);
          const guess = p.predict(features, allowedAfter(prev)).tag;
          p.update(gold[k]!, guess, features);
          prev = guess;
        }
      }
      for (let k = order.length - 1; k > 0; k--) {
        const j = Math.floor(random() * (k + 1));
        [order[k], order[j]] = [order[j]!, order[k]!];
      }
    }
    p.average();
    return new SpanModel(p, labels, docs.filter((d) => d.spans.some((s) => labelSet.has(s.label))).length);
  }

  /**
   * The model's suggestions for `text` (kind `model`, source `model`), each scored by the
   * mean over its tokens of a logistic of the perceptron's margin: 0.5 is a coin toss.
   */
  predict(text: string, options: { map?: OffsetMap; minScore?: number } = {}): Suggestion[] {
    const tokens = tokenize(text);
    const map = options.map ?? new OffsetMap(text);
    const out: Suggestion[] = [];
    let prev = OUTSIDE;
    let open: { label: string; from: number; to: number; scores: number[] } | null = null;
    const close = () => {
      if (!open) return;
      const score = open.scores.reduce((a, b) => a + b, 0) / open.scores.length;
      if (score >= (options.minScore ?? 0)) {
        out.push(makeSuggestion('model', open.label, map.toCodePoint(open.from as Utf16), map.toCodePoint(open.to as Utf16), {}, Math.round(score * 1000) / 1000));
      }
      open = null;
    };
    for (let k = 0; k < tokens.length; k++) {
      const { tag, margin } = this.perceptron.predict(tokenFeatures(tokens, k, prev), allowedAfter(prev));
      const confidence = 1 / (1 + Math.exp(-margin));
      if (tag.startsWith('B-')) {
        close();
        open = { label: tag.slice(2), from: tokens[k]!.start, to: tokens[k]!.end, scores: [confidence] };
      } else if (tag.startsWith('I-') && open) {
        open.to = tokens[k]!.end;
        open.scores.push(confidence);
      } else close();
      prev = tag;
    }
    close();
    return out;
  }

  /** A plain-data form (for a worker message). */
  toState(): { perceptron: PerceptronState; labels: string[]; documents: number } {
    return { perceptron: this.perceptron.toState(), labels: [...this.labels], documents: this.documents };
  }

  static fromState(state: ReturnType<SpanModel['toState']>): SpanModel {
    return new SpanModel(Perceptron.fromState(state.perceptron), state.labels, state.documents);
  }
}
