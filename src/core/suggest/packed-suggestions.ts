// Suggestions and spans packed into typed arrays for a worker's messages: posting 20,000 suggestions as objects made
// the UI thread build 20,000 objects and 100,000 strings to receive them (garbage a long document's scroll then paid
// for in collections); packed, the arrays are handed over without a copy and only the suggestions are built.

import type { AttrValue } from '../model/types';
import { sharedStrings, type SharedStrings } from '../model/shared-strings';
import { suggestionKey, type SpanLike, type Suggestion, type SuggestionKind, type SuggestionSource } from './suggestions';

/** Suggestions as arrays: suggestion `i` has label `names[labels[i]]`, code points `starts[i]`..`ends[i]`, UTF-16 `from[i]`..`to[i]`. */
export interface PackedSuggestions {
  starts: Int32Array;
  ends: Int32Array;
  /** UTF-16 offsets of each suggestion's text in the document. */
  from: Int32Array;
  to: Int32Array;
  kinds: Uint16Array;
  labels: Uint16Array;
  /** `NO_NAME` for a suggestion without a source. */
  sources: Uint16Array;
  /** NaN for a suggestion without a score. */
  scores: Float64Array;
  /** The kinds, labels and sources, each once. */
  names: string[];
  /** Each suggestion's attributes; null for none. */
  attrs: (Readonly<Record<string, AttrValue>> | null)[];
}

/** Past the last index a Uint16Array holds: marks "no name". */
const NO_NAME = 0xffff;
/** The attributes of every suggestion that has none: one shared, frozen object. */
const NO_ATTRS: Readonly<Record<string, AttrValue>> = Object.freeze({});

/** The strings of a packed list, each once (`names`), and the index of each (`of`). */
function nameTable(): { names: string[]; of(s: string): number } {
  const names: string[] = [];
  const index = new Map<string, number>();
  return {
    names,
    of(s) {
      let i = index.get(s);
      if (i === undefined) {
        if (names.length >= NO_NAME) throw new Error(`more than ${NO_NAME} distinct names in one packed list`);
        index.set(s, (i = names.push(s) - 1));
      }
      return i;
    },
  };
}

/** The document's spans packed into arrays (cheap to post): label `labels[labelOf[i]]`, range `starts[i]`..`ends[i]`. */
export interface PackedSpans {
  starts: Int32Array;
  ends: Int32Array;
  labelOf: Uint16Array;
  labels: string[];
}

/** Packs spans (the parts a suggestion finder reads). */
export function packSpans(spans: readonly SpanLike[]): PackedSpans {
  const table = nameTable();
  const p: PackedSpans = { starts: new Int32Array(spans.length), ends: new Int32Array(spans.length), labelOf: new Uint16Array(spans.length), labels: table.names };
  spans.forEach((s, i) => {
    p.starts[i] = s.start;
    p.ends[i] = s.end;
    p.labelOf[i] = table.of(s.label);
  });
  return p;
}

/** The spans of a packed list. */
export function unpackSpans(p: PackedSpans): SpanLike[] {
  return Array.from(p.starts, (start, i) => ({ start, end: p.ends[i]!, label: p.labels[p.labelOf[i]!]! }));
}

/** Packs `items`; `toUtf16` turns a code point of the document into its UTF-16 offset. */
export function packSuggestions(items: readonly Suggestion[], toUtf16: (codePoint: number) => number): PackedSuggestions {
  const table = nameTable();
  const n = items.length;
  const p: PackedSuggestions = {
    starts: new Int32Array(n),
    ends: new Int32Array(n),
    from: new Int32Array(n),
    to: new Int32Array(n),
    kinds: new Uint16Array(n),
    labels: new Uint16Array(n),
    sources: new Uint16Array(n),
    scores: new Float64Array(n),
    names: table.names,
    attrs: new Array<Readonly<Record<string, AttrValue>> | null>(n),
  };
  items.forEach((s, i) => {
    p.starts[i] = s.start;
    p.ends[i] = s.end;
    p.from[i] = toUtf16(s.start);
    p.to[i] = toUtf16(s.end);
    p.kinds[i] = table.of(s.kind);
    p.labels[i] = table.of(s.label);
    p.sources[i] = s.source === undefined ? NO_NAME : table.of(s.source);
    p.scores[i] = s.score ?? NaN;
    p.attrs[i] = Object.keys(s.attrs).length ? s.attrs : null;
  });
  return p;
}

/** The buffers of a packed list, to hand over with the message (the sender's copy becomes unusable). */
export function packedBuffers(p: PackedSuggestions): ArrayBuffer[] {
  return [p.starts, p.ends, p.from, p.to, p.kinds, p.labels, p.sources, p.scores].map((a) => a.buffer as ArrayBuffer);
}

/** The suggestions of a packed list, each with its text from `text`; repeated strings are shared through `shared`
 * (the attributes' objects are kept, their strings shared in place: a received message's objects are its own). */
export function unpackSuggestions(p: PackedSuggestions, text: string, shared: SharedStrings = sharedStrings): (Suggestion & { text: string })[] {
  const names = p.names.map((s) => shared.get(s));
  const out = new Array<Suggestion & { text: string }>(p.starts.length);
  for (let i = 0; i < out.length; i++) {
    const kind = names[p.kinds[i]!]! as SuggestionKind;
    const label = names[p.labels[i]!]!;
    const start = p.starts[i]! as Suggestion['start'];
    const end = p.ends[i]! as Suggestion['end'];
    const attrs = p.attrs[i];
    const source = p.sources[i]!;
    const score = p.scores[i]!;
    // The fields in makeSuggestion's order: one object shape for every suggestion.
    out[i] = {
      key: suggestionKey(kind, label, start, end),
      kind,
      label,
      start,
      end,
      attrs: attrs ? shared.attrs(attrs as Record<string, AttrValue>) : NO_ATTRS,
      source: source === NO_NAME ? undefined : (names[source] as SuggestionSource),
      score: Number.isNaN(score) ? undefined : score,
      text: text.slice(p.from[i], p.to[i]),
    };
  }
  return out;
}
