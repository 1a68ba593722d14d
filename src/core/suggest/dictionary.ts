// Dictionary suggestions: labelled strings from elsewhere in the corpus, found again in a text with one Aho-Corasick pass.
//
// Hand-written because no well-kept matcher is installed and the algorithm is small: a
// trie over UTF-16 units with failure links, so a text is scanned once whatever the number
// of entries (thousands of names cost the same scan as ten).

import { OffsetMap } from '../model/offsets';
import { DEFAULT_SCHEMA } from '../model/schema';
import type { AttrValue, Utf16 } from '../model/types';
import { makeSuggestion, type SpanLike, type Suggestion } from './suggestions';

/** One labelled string, e.g. from a span of another document. */
export interface DictionaryEntry {
  text: string;
  label: string;
  /** Copied onto the suggestion (e.g. `canonical`). */
  attrs?: Record<string, AttrValue>;
}

/** Options of {@link Dictionary.find}. */
export interface FindOptions {
  /** The document's real spans: a hit overlapping a real span of the same label is not suggested. */
  spans?: readonly SpanLike[];
  /** A prebuilt offset map of the text. */
  map?: OffsetMap;
}

/** Shortest entry kept, in code points: single characters ("港", "A") would match everywhere and mean nothing. */
export const MIN_ENTRY_LENGTH = 2;

/** A trie node's child key packs (node, UTF-16 unit) into one number: node * 2^16 + unit, exact below 2^53. */
const UNIT_RANGE = 0x10000;

const LATIN_WORD = /[\p{Script=Latin}\p{Nd}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A compiled dictionary. Build it once per corpus state (O(total entry length)), then
 * {@link Dictionary.find} in each document (O(text length + hits)).
 */
export class Dictionary {
  /** Child of (node, unit), keyed node * UNIT_RANGE + unit. */
  private readonly next = new Map<number, number>();
  private readonly fail: number[] = [0];
  /** Entry indices ending at each node (its own, not its suffixes'). */
  private readonly out: number[][] = [[]];
  /** The nearest node on the failure chain that ends an entry, -1 if none ("output link"). */
  private readonly outLink: number[] = [-1];
  /** Entries by index: label groups sharing one text. */
  private readonly entries: { text: string; length: number; items: DictionaryEntry[] }[] = [];

  /** Number of distinct strings in the dictionary. */
  get size(): number {
    return this.entries.length;
  }

  /** Every entry kept (one per string and label), to rebuild the same dictionary elsewhere (a worker). */
  entryList(): DictionaryEntry[] {
    return this.entries.flatMap((e) => e.items.map((x) => ({ text: e.text, label: x.label, ...(x.attrs ? { attrs: x.attrs } : {}) })));
  }

  /** The canonical id the corpus gives `text` (trimmed) under `label`, if any. */
  canonicalOf(text: string, label: string): string | undefined {
    if (!this.byText) this.byText = new Map(this.entries.map((e) => [e.text, e]));
    const c = this.byText.get(text.trim())?.items.find((x) => x.label === label)?.attrs?.canonical;
    return typeof c === 'string' && c ? c : undefined;
  }

  private byText: Map<string, { items: DictionaryEntry[] }> | undefined;

  /** The distinct strings of the dictionary: the extra words that snapping keeps whole (`extraWords(dictionary.texts())`). */
  texts(): string[] {
    return this.entries.map((e) => e.text);
  }

  constructor(entries: Iterable<DictionaryEntry>) {
    const byText = new Map<string, { text: string; length: number; items: DictionaryEntry[] }>();
    for (const e of entries) {
      const text = e.text.trim();
      if ([...text].length < MIN_ENTRY_LENGTH) continue;
      let group = byText.get(text);
      if (!group) {
        group = { text, length: text.length, items: [] };
        byText.set(text, group);
      }
      // One entry per label; a later entry with a canonical id fills in one without (the annotator's id wins over a bare mention).
      const at = group.items.findIndex((x) => x.label === e.label);
      if (at < 0) group.items.push(e);
      else if (!hasCanonical(group.items[at]!) && hasCanonical(e)) group.items[at] = e;
    }
    for (const group of byText.values()) {
      const index = this.entries.length;
      this.entries.push(group);
      let node = 0;
      for (let i = 0; i < group.text.length; i++) {
        const key = node * UNIT_RANGE + group.text.charCodeAt(i);
        let child = this.next.get(key);
        if (child === undefined) {
          child = this.fail.length;
          this.fail.push(0);
          this.out.push([]);
          this.outLink.push(-1);
          this.next.set(key, child);
        }
        node = child;
      }
      this.out[node]!.push(index);
    }
    this.link();
  }

  /** Breadth-first failure links: each node's longest proper suffix that is also a trie path. */
  private link(): void {
    const children = new Map<number, [number, number][]>();
    for (const [key, child] of this.next) {
      const parent = Math.floor(key / UNIT_RANGE);
      const unit = key % UNIT_RANGE;
      const list = children.get(parent);
      if (list) list.push([unit, child]);
      else children.set(parent, [[unit, child]]);
    }
    const queue: number[] = [];
    for (const [, child] of children.get(0) ?? []) {
      this.fail[child] = 0;
      queue.push(child);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi]!;
      for (const [unit, child] of children.get(node) ?? []) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.next.has(f * UNIT_RANGE + unit)) f = this.fail[f]!;
        const target = this.next.get(f * UNIT_RANGE + unit);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const fc = this.fail[child]!;
        this.outLink[child] = this.out[fc]!.length > 0 ? fc : this.outLink[fc]!;
        queue.push(child);
      }
    }
  }

  /** Every occurrence of every entry in `text`, as [start, end, entry index] in UTF-16 units. */
  private occurrences(text: string): [number, number, number][] {
    const hits: [number, number, number][] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let child = this.next.get(node * UNIT_RANGE + unit);
      while (child === undefined && node !== 0) {
        node = this.fail[node]!;
        child = this.next.get(node * UNIT_RANGE + unit);
      }
      node = child ?? 0;
      for (let n = this.out[node]!.length > 0 ? node : this.outLink[node]!; n > 0; n = this.outLink[n]!) {
        for (const index of this.out[n]!) hits.push([i + 1 - this.entries[index]!.length, i + 1, index]);
      }
    }
    return hits;
  }

  /**
   * Dictionary suggestions for `text`: every occurrence of an entry, whole words only
   * where the entry starts or ends with a Latin letter or digit (CJK entries match
   * anywhere), leftmost-longest where occurrences overlap ("Shanghai Institute" wins over
   * "Shanghai"), minus those overlapping a real span of the same label. One suggestion per
   * label when a string has several.
   */
  find(text: string, options: FindOptions = {}): Suggestion[] {
    const hits = this.occurrences(text).filter(([s, e, index]) => this.wholeWord(text, s, e, this.entries[index]!.text));
    hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const map = options.map ?? new OffsetMap(text);
    const taken = new SpanIndex(options.spans ?? []);
    const out: Suggestion[] = [];
    let reach = 0;
    for (const [s, e, index] of hits) {
      if (s < reach) continue;
      reach = e;
      const start = map.toCodePoint(s as Utf16);
      const end = map.toCodePoint(e as Utf16);
      for (const entry of this.entries[index]!.items) {
        if (taken.overlaps(entry.label, start, end)) continue;
        out.push(makeSuggestion('dictionary', entry.label, start, end, { ...(entry.attrs ?? {}) }));
      }
    }
    return out;
  }

  private wholeWord(text: string, s: number, e: number, entry: string): boolean {
    if (LATIN_WORD.test(entry.charAt(0)) && s > 0 && LETTER_OR_DIGIT.test(text.charAt(s - 1))) return false;
    if (LATIN_WORD.test(entry.charAt(entry.length - 1)) && e < text.length && LETTER_OR_DIGIT.test(text.charAt(e))) return false;
    return true;
  }
}

/** Real spans by label, sorted by start with a running maximum of ends: an overlap test is one binary search. */
class SpanIndex {
  private readonly byLabel = new Map<string, { starts: number[]; maxEnd: number[] }>();

  constructor(spans: readonly SpanLike[]) {
    const groups = new Map<string, SpanLike[]>();
    for (const s of spans) {
      const g = groups.get(s.label);
      if (g) g.push(s);
      else groups.set(s.label, [s]);
    }
    for (const [label, g] of groups) {
      g.sort((a, b) => a.start - b.start);
      const maxEnd: number[] = [];
      let m = -1;
      for (const s of g) maxEnd.push((m = Math.max(m, s.end)));
      this.byLabel.set(label, { starts: g.map((s) => s.start), maxEnd });
    }
  }

  /** Whether a span of `label` overlaps [start, end). */
  overlaps(label: string, start: number, end: number): boolean {
    const g = this.byLabel.get(label);
    if (!g) return false;
    let lo = 0;
    let hi = g.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (g.starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    // Spans [0, lo) start before `end`; one of them overlaps iff the furthest end passes `start`.
    return lo > 0 && g.maxEnd[lo - 1]! > start;
  }
}

/** A stored span as the dictionary reads it: its text is the quote's exact text. */
export interface SpanWithQuote {
  label: string;
  quote: { exact: string };
  attrs?: Record<string, AttrValue>;
}

/**
 * Dictionary entries from the spans of a corpus: each span's exact text under its label,
 * keeping its `canonical` attribute. Only `labels` are taken — by default the entity
 * labels of the default schema; claims are sentences and figures repeat ("20%"), so
 * neither makes a useful dictionary.
 */
export function entriesFromSpans(spans: Iterable<SpanWithQuote>, labels: ReadonlySet<string> = DEFAULT_ENTITY_LABELS): DictionaryEntry[] {
  const out: DictionaryEntry[] = [];
  for (const s of spans) {
    if (!labels.has(s.label)) continue;
    const canonical = s.attrs?.canonical;
    out.push({ text: s.quote.exact, label: s.label, attrs: canonical === undefined || canonical === null ? {} : { canonical } });
  }
  return out;
}

function hasCanonical(e: DictionaryEntry): boolean {
  const c = e.attrs?.canonical;
  return c !== undefined && c !== null && c !== '';
}

/** The entity labels of the default schema. */
export const DEFAULT_ENTITY_LABELS: ReadonlySet<string> = new Set(DEFAULT_SCHEMA.labels.filter((l) => l.group === 'entity').map((l) => l.name));
