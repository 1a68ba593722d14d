// The suggestion model shared by the figure detector, the dictionary matcher and the UI: one proposed span with a stable key.

import type { AttrValue, CodePoint } from '../model/types';

/** What found a suggestion: the figure detector, the corpus dictionary, the NLP entity rules, or the model that learns from the annotator. */
export type SuggestionKind = 'figure' | 'dictionary' | 'entity' | 'model';

/** Where a suggestion comes from, as the UI and exports name it. */
export type SuggestionSource = 'parser' | 'lexicon' | 'nlp' | 'model';

/** The source of each kind, and the score a suggestion of that kind gets when its finder gives none. */
export const SOURCE_OF_KIND: Readonly<Record<SuggestionKind, { source: SuggestionSource; score: number }>> = {
  // The figure rules measure P ≈ 1.0 on the held-out set; the lexicon repeats the annotator's own labels.
  figure: { source: 'parser', score: 0.95 },
  dictionary: { source: 'lexicon', score: 0.9 },
  entity: { source: 'nlp', score: 0.5 },
  model: { source: 'model', score: 0.5 },
};

/**
 * A proposed span the annotator can accept or reject. Immutable: the detectors build new
 * ones on every run. Offsets are code points over the normalized text, end exclusive.
 */
export interface Suggestion {
  /** `${kind}:${label}:${start}:${end}`: the same proposal gets the same key on every run, so a rejection sticks. */
  readonly key: string;
  readonly kind: SuggestionKind;
  readonly label: string;
  readonly start: CodePoint;
  readonly end: CodePoint;
  /** For figures: value, unit, approx. For entities: `canonical` when the corpus knows it. */
  readonly attrs: Readonly<Record<string, AttrValue>>;
  /**
   * What found it. Always set by {@link makeSuggestion}; optional in the type only so that
   * suggestions written out by hand (tests, older code) still type-check: read it through
   * {@link sourceOf}.
   */
  readonly source?: SuggestionSource;
  /** How likely it is right, 0..1 (for ordering and thresholds; not a calibrated probability); see {@link scoreOf}. */
  readonly score?: number;
}

/** The stable key of a suggestion. */
export function suggestionKey(kind: SuggestionKind, label: string, start: number, end: number): string {
  return `${kind}:${label}:${start}:${end}`;
}

/** The source of a suggestion, from its kind when it was built without one. */
export function sourceOf(s: Pick<Suggestion, 'kind' | 'source'>): SuggestionSource {
  return s.source ?? SOURCE_OF_KIND[s.kind].source;
}

/** The score of a suggestion, the default of its kind when it was built without one. */
export function scoreOf(s: Pick<Suggestion, 'kind' | 'score'>): number {
  return s.score ?? SOURCE_OF_KIND[s.kind].score;
}

const KEY = /^(figure|dictionary|entity|model):(.+):(\d+):(\d+)$/;

/**
 * The range and label a suggestion key names (`figure:FIGURE:3:9`), or null for a string that
 * is not a key: how stored rejections become "not this" examples for the learning model.
 */
export function parseSuggestionKey(key: string): SpanLike | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const start = Number(m[3]);
  const end = Number(m[4]);
  return end > start ? { start, end, label: m[2]! } : null;
}

/** Builds a suggestion with its key. */
export function makeSuggestion(
  kind: SuggestionKind,
  label: string,
  start: CodePoint,
  end: CodePoint,
  attrs: Readonly<Record<string, AttrValue>>,
  score: number = SOURCE_OF_KIND[kind].score,
): Suggestion {
  return { key: suggestionKey(kind, label, start, end), kind, label, start, end, attrs, source: SOURCE_OF_KIND[kind].source, score };
}

/** The part of a span that decides whether a suggestion is already done. */
export interface SpanLike {
  start: number;
  end: number;
  label: string;
}

/** Options of {@link mergeSuggestions}. */
export interface MergeOptions {
  /** The document's real spans: a suggestion with the same start, end and label is already done. */
  spans?: readonly SpanLike[];
  /** Keys the annotator rejected. */
  rejected?: ReadonlySet<string>;
}

/** Orders suggestions by start, end, label, then kind, the order of the native format. */
export function compareSuggestions(a: Suggestion, b: Suggestion): number {
  return a.start - b.start || a.end - b.end || cmp(a.label, b.label) || cmp(a.kind, b.kind);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Merges lists of suggestions for one document (figures first, then dictionary hits, say)
 * into one sorted list, dropping those that an existing span already covers with the same
 * start, end and label, those whose key was rejected, and repeats of the same label and
 * range (the earlier list wins, so a figure's attrs beat a dictionary hit's).
 */
export function mergeSuggestions(lists: ReadonlyArray<readonly Suggestion[]>, options: MergeOptions = {}): Suggestion[] {
  const done = new Set<string>();
  for (const s of options.spans ?? []) done.add(`${s.label}:${s.start}:${s.end}`);
  const rejected = options.rejected ?? new Set<string>();
  const out: Suggestion[] = [];
  for (const list of lists) {
    for (const s of list) {
      const at = `${s.label}:${s.start}:${s.end}`;
      if (done.has(at) || rejected.has(s.key)) continue;
      done.add(at);
      out.push(s);
    }
  }
  return out.sort(compareSuggestions);
}

/**
 * Merges lists already sorted by {@link compareSuggestions} in one linear pass, keeping the
 * first list's suggestion where two lists propose the same label and range: what
 * {@link mergeSuggestions} does without its sort, for the long lists of a long document.
 */
export function mergeSorted<S extends Suggestion>(lists: ReadonlyArray<readonly S[]>): S[] {
  let out: S[] = [];
  for (const list of lists) {
    if (!out.length) {
      out = [...list];
      continue;
    }
    if (!list.length) continue;
    const merged: S[] = [];
    let i = 0;
    let j = 0;
    while (i < out.length || j < list.length) {
      const a = out[i];
      const b = list[j];
      if (!b || (a && compareRange(a, b) <= 0)) {
        merged.push(a!);
        i++;
        if (b && compareRange(a!, b) === 0) j++;
      } else {
        merged.push(b);
        j++;
      }
    }
    out = merged;
  }
  return out;
}

function compareRange(a: Suggestion, b: Suggestion): number {
  return a.start - b.start || a.end - b.end || cmp(a.label, b.label);
}
