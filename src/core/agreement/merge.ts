// Builds the candidate gold of several annotators' documents: the spans all agree on, and every conflict with its competing sides.
//
// A variant is one (start, end, label) with the annotators who marked exactly it. A variant
// every annotator of the document marked is settled: it is gold under any strategy. Every
// other variant is contested and belongs to exactly one conflict: the connected groups of
// contested variants that compete,
//   - same label, overlapping, different offsets -> "boundary";
//   - different labels over the same region -> "label": the same offsets, or labels of one
//     group (entity with entity: ORG "Chint Electric Co., Ltd." against PRODUCT "Chint
//     Electric") sharing at least `labelOverlap` of their union (default half). Spans of
//     different groups nest by design (a FIGURE or an ORG inside its CLAIM, GUIDELINES.md)
//     and compete only at the same offsets; a short entity inside a long one of its group
//     (LOC "Shanghai" in a POLICY name) shares too little to compete;
// and a conflict also says whether a side was marked by no more than half the annotators
// ("minority") or by more than half but not all ("partial"). The strategy only proposes
// which sides to accept (union: any support; majority: at least k; unanimous: all); the
// curator's decisions (./curation) override the proposal conflict by conflict.

import { DEFAULT_SCHEMA } from '../model/schema';
import type { AttrValue } from '../model/types';
import type { Corpus, CorpusDocument } from './corpus';
import { goldSpanId, stableId } from './ids';
import { forEachPosition } from './positions';

/** How the candidate gold decides by default. */
export type MergeStrategy = 'union' | 'majority' | 'unanimous';

/** Every strategy. */
export const MERGE_STRATEGIES: readonly MergeStrategy[] = ['union', 'majority', 'unanimous'];

/** Share of their union two spans of different labels must have in common to compete for one region. */
export const DEFAULT_LABEL_OVERLAP = 0.5;

/** Options of {@link buildCuration}. */
export interface MergeOptions {
  strategy: MergeStrategy;
  /** Majority only: supporters needed (at least k of n). Default: more than half of the document's annotators. */
  min?: number;
  /** Overlap (intersection over union) from which spans of different labels of one group compete; default {@link DEFAULT_LABEL_OVERLAP}. */
  labelOverlap?: number;
  /** The group of a label; default: the group of the default schema, and one shared group for labels it does not have. */
  groupOf?: (label: string) => string;
}

/** Groups of the default schema's labels. */
const DEFAULT_GROUPS = new Map(DEFAULT_SCHEMA.labels.map((l) => [l.name, l.group as string]));

/** The group of a label under the default schema: claim, figure or entity; "other" for labels the schema does not have. */
export function defaultGroupOf(label: string): string {
  return DEFAULT_GROUPS.get(label) ?? 'other';
}

/** One annotator's span behind a candidate. */
export interface SupportingSpan {
  readonly annotator: string;
  /** The span's id in that annotator's export. */
  readonly id: string;
  readonly attrs: Readonly<Record<string, AttrValue>>;
}

/** A span the gold may contain: one variant and who marked it. */
export interface Candidate {
  /** The gold span id, derived from document, offsets and label. */
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly text: string;
  /** Per attribute, the value most supporters gave (ties: the smallest JSON). */
  readonly attrs: Readonly<Record<string, AttrValue>>;
  /** Annotators who marked exactly this, sorted. */
  readonly sources: readonly string[];
  /** Their spans, in the order of `sources`. */
  readonly spans: readonly SupportingSpan[];
  /** Attribute keys on which the supporters differ (a supporter without the key differs too). */
  readonly attrDisagreements: readonly string[];
  /** Set on a span the curator corrected ({@link DocumentCuration.edits}): the id of the candidate it was built from. */
  readonly editedFrom?: string;
}

/** A curator's correction of one gold span: its new offsets (code points, end exclusive) and label. */
export interface SpanEdit {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** Why a conflict is one. */
export type ConflictKind = 'label' | 'boundary' | 'minority' | 'partial';

/** A group of competing contested spans, for the curator to decide. */
export interface Conflict {
  /** Derived from the document and the sides: stable across runs. */
  readonly id: string;
  readonly docId: string;
  /** The region the sides cover together. */
  readonly start: number;
  readonly end: number;
  /** Sorted. */
  readonly kinds: readonly ConflictKind[];
  /** The competing spans, in the format's order (start, end, label, id). */
  readonly sides: readonly Candidate[];
  /** Every annotator of the document: the sides they marked (empty: none of them). */
  readonly byAnnotator: Readonly<Record<string, readonly string[]>>;
  /** Side ids the strategy accepts, before any decision. */
  readonly proposed: readonly string[];
}

/** A relation the gold may contain, between two candidates. */
export interface RelationCandidate {
  readonly label: string;
  /** Candidate ids. */
  readonly head: string;
  readonly tail: string;
  /** Annotators who drew it, sorted. */
  readonly sources: readonly string[];
}

/** One document under curation. A persistent value: the functions of ./curation return new ones. */
export interface DocumentCuration {
  readonly docId: string;
  readonly source: string;
  readonly text: string | null;
  /** Annotators who covered the document, sorted. */
  readonly annotators: readonly string[];
  /** The latest `updated_at` of its annotations. */
  readonly updatedAt: string;
  /** Supporters a span or relation needs to be proposed (k). */
  readonly threshold: number;
  /** Spans every annotator marked: always gold. */
  readonly settled: readonly Candidate[];
  /** Ordered by start, end, id. */
  readonly conflicts: readonly Conflict[];
  /** The curator's decisions: conflict id -> accepted side ids (replacing the proposal). */
  readonly decisions: Readonly<Record<string, readonly string[]>>;
  /**
   * The curator's corrections of gold spans: candidate id -> its new offsets and label
   * (./curation `editGoldSpan`). Absent in a fresh merge; a candidate that is not gold keeps
   * its edit for when it is accepted again.
   */
  readonly edits?: Readonly<Record<string, SpanEdit>>;
  readonly relations: readonly RelationCandidate[];
  /**
   * The curator's relation decisions (./curation-relations): relation key -> taken (true) or
   * refused (false). Absent in a fresh merge; without a decision a relation is gold whenever
   * both its ends are.
   */
  readonly relationDecisions?: Readonly<Record<string, boolean>>;
  /**
   * The curator's choice of attribute values where supporters differ (./curation
   * `chooseAttribute`): candidate id -> attribute key -> value, replacing the vote. Absent in a
   * fresh merge.
   */
  readonly attrChoices?: Readonly<Record<string, Readonly<Record<string, AttrValue>>>>;
}

/** The whole curation: documents sorted by doc_id. */
export interface CurationState {
  readonly strategy: MergeStrategy;
  readonly min: number | null;
  readonly annotators: readonly string[];
  readonly documents: readonly DocumentCuration[];
}

/** Supporters needed on a document of `n` annotators. Capped at n: "at least 3" on a document two covered means both. */
export function thresholdFor(strategy: MergeStrategy, n: number, min?: number): number {
  if (n <= 0) return 1;
  switch (strategy) {
    case 'union':
      return 1;
    case 'unanimous':
      return n;
    case 'majority':
      return Math.min(n, min ?? Math.floor(n / 2) + 1);
  }
}

/** Builds the curation of a corpus: settled spans, conflicts and proposals for every document. */
export function buildCuration(corpus: Corpus, options: MergeOptions): CurationState {
  if (options.min !== undefined && (!Number.isInteger(options.min) || options.min < 1)) throw new RangeError(`min must be a positive integer, not ${options.min}`);
  if (options.min !== undefined && options.strategy !== 'majority') throw new RangeError(`min applies to the majority strategy only, not ${options.strategy}`);
  return {
    strategy: options.strategy,
    min: options.min ?? null,
    annotators: [...corpus.annotators],
    documents: corpus.documents.map((d) => curateDocument(d, options)),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Canonical JSON of an attribute value, for voting and comparing. */
function valueKey(v: AttrValue): string {
  return JSON.stringify(v);
}

/** Shared by every candidate without attributes; never written to (the state is persistent). */
const NO_ATTRS: Readonly<Record<string, AttrValue>> = Object.freeze(Object.create(null) as Record<string, AttrValue>);
const NONE: readonly string[] = Object.freeze([]);
const ONLY_FIRST: readonly number[] = Object.freeze([0]);

/** A candidate from its supporters' spans (in annotator order). */
function candidateOf(docId: string, start: number, end: number, label: string, text: string, spans: readonly SupportingSpan[]): Candidate {
  const sources = spans.map((s) => s.annotator);
  const id = goldSpanId(docId, start, end, label);
  if (spans.every((s) => isEmpty(s.attrs))) return { id, start, end, label, text, attrs: NO_ATTRS, sources, spans, attrDisagreements: NONE };
  const keys = new Set<string>();
  for (const s of spans) for (const k of Object.keys(s.attrs)) keys.add(k);
  const attrs: Record<string, AttrValue> = Object.create(null);
  const disagreements: string[] = [];
  for (const key of [...keys].sort(cmp)) {
    const votes = new Map<string, { value: AttrValue; count: number }>();
    let missing = 0;
    for (const s of spans) {
      if (!Object.prototype.hasOwnProperty.call(s.attrs, key)) {
        missing++;
        continue;
      }
      const value = s.attrs[key]!;
      const vk = valueKey(value);
      const vote = votes.get(vk);
      if (vote) vote.count++;
      else votes.set(vk, { value, count: 1 });
    }
    let best: [string, { value: AttrValue; count: number }] | null = null;
    for (const entry of votes) if (!best || entry[1].count > best[1].count || (entry[1].count === best[1].count && entry[0] < best[0])) best = entry;
    if (best) attrs[key] = best[1].value;
    if (votes.size > 1 || missing > 0) disagreements.push(key);
  }
  return { id, start, end, label, text, attrs, sources, spans, attrDisagreements: disagreements };
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** Intersection over union of two ranges; identical empty ranges count as one region. */
function jaccard(a: Candidate, b: Candidate): number {
  if (a.start === b.start && a.end === b.end) return 1;
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 0 : inter / union;
}

function curateDocument(doc: CorpusDocument, options: MergeOptions): DocumentCuration {
  const n = doc.annotators.length;
  const threshold = thresholdFor(options.strategy, n, options.min);
  const labelOverlap = options.labelOverlap ?? DEFAULT_LABEL_OVERLAP;

  // Variants in the format's order, walking every annotator's sorted spans position by position.
  const k = doc.annotations.length;
  const lists = doc.annotations.map((a) => a.spans);
  // Span id -> candidate, only for annotators who drew relations.
  const spanCandidate = doc.annotations.map((a) => (a.relations.length > 0 ? new Map<string, Candidate>() : null));
  const settled: Candidate[] = [];
  const contested: Candidate[] = [];
  forEachPosition(lists, (start, end, from, to) => {
    // Labels at this position, each with its supporters in annotator order.
    const labels: string[] = [];
    const supporters: SupportingSpan[][] = [];
    const texts: string[] = [];
    for (let r = 0; r < k; r++) {
      const list = lists[r]!;
      for (let p = from[r]!; p < to[r]!; p++) {
        const span = list[p]!;
        let i = labels.indexOf(span.label);
        if (i < 0) {
          i = labels.push(span.label) - 1;
          supporters.push([]);
          texts.push(span.text);
        }
        const group = supporters[i]!;
        // A span marked twice by one annotator is one vote.
        if (group.length === 0 || group[group.length - 1]!.annotator !== doc.annotators[r]) group.push({ annotator: doc.annotators[r]!, id: span.id, attrs: span.attrs });
      }
    }
    // Labels arrive sorted within each annotator; across annotators they may not be.
    const order = labels.length === 1 ? ONLY_FIRST : labels.map((_, i) => i).sort((x, y) => cmp(labels[x]!, labels[y]!));
    for (const i of order) {
      const c = candidateOf(doc.docId, start, end, labels[i]!, texts[i]!, supporters[i]!);
      (c.sources.length === n ? settled : contested).push(c);
      for (let r = 0; r < k; r++) {
        const map = spanCandidate[r];
        if (!map) continue;
        const list = lists[r]!;
        for (let p = from[r]!; p < to[r]!; p++) if (list[p]!.label === c.label) map.set(list[p]!.id, c);
      }
    }
  });

  const conflicts = conflictsOf(doc, contested, threshold, labelOverlap, options.groupOf ?? defaultGroupOf);

  // Relations: by label and the candidates of their ends.
  const relations = new Map<string, { label: string; head: string; tail: string; sources: Set<string> }>();
  doc.annotations.forEach((a, r) => {
    const map = spanCandidate[r];
    if (!map) return;
    for (const rel of a.relations) {
      const head = map.get(rel.head);
      const tail = map.get(rel.tail);
      if (!head || !tail) continue;
      const key = `${rel.label}\u0000${head.id}\u0000${tail.id}`;
      let entry = relations.get(key);
      if (!entry) relations.set(key, (entry = { label: rel.label, head: head.id, tail: tail.id, sources: new Set() }));
      entry.sources.add(a.annotator);
    }
  });

  let updatedAt = '';
  for (const a of doc.annotations) if (a.updatedAt > updatedAt) updatedAt = a.updatedAt;
  return {
    docId: doc.docId,
    source: doc.source,
    text: doc.text,
    annotators: [...doc.annotators],
    updatedAt,
    threshold,
    settled,
    conflicts,
    decisions: {},
    relations: [...relations.values()]
      .map((r) => ({ label: r.label, head: r.head, tail: r.tail, sources: [...r.sources].sort(cmp) }))
      .sort((a, b) => cmp(a.head, b.head) || cmp(a.tail, b.tail) || cmp(a.label, b.label)),
  };
}

/** Groups contested candidates into conflicts by a sweep over their starts. */
function conflictsOf(doc: CorpusDocument, contested: readonly Candidate[], threshold: number, labelOverlap: number, groupOf: (label: string) => string): Conflict[] {
  const n = doc.annotators.length;
  const parent = contested.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const kindsOf = new Map<number, Set<ConflictKind>>();
  const edges: [number, number, ConflictKind][] = [];
  // contested is sorted by start; active holds earlier candidates that still reach the current start.
  const active: number[] = [];
  for (let i = 0; i < contested.length; i++) {
    const c = contested[i]!;
    let kept = 0;
    for (const j of active) {
      const d = contested[j]!;
      if (d.end > c.start || (d.start === c.start && d.end === c.end)) active[kept++] = j;
    }
    active.length = kept;
    for (const j of active) {
      const d = contested[j]!;
      if (d.label === c.label) {
        if (d.end > c.start) edges.push([j, i, 'boundary']);
      } else if ((d.start === c.start && d.end === c.end) || (groupOf(d.label) === groupOf(c.label) && jaccard(c, d) >= labelOverlap)) edges.push([j, i, 'label']);
    }
    active.push(i);
  }
  for (const [a, b] of edges) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[ra] = rb;
  }
  for (const [a, , kind] of edges) {
    const root = find(a);
    let set = kindsOf.get(root);
    if (!set) kindsOf.set(root, (set = new Set()));
    set.add(kind);
  }
  const groups = new Map<number, Candidate[]>();
  contested.forEach((c, i) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(c);
  });
  const out: Conflict[] = [];
  for (const [root, sides] of groups) {
    const kinds = new Set<ConflictKind>(kindsOf.get(root) ?? []);
    for (const s of sides) kinds.add(2 * s.sources.length <= n ? 'minority' : 'partial');
    const byAnnotator: Record<string, string[]> = Object.create(null);
    for (const a of doc.annotators) byAnnotator[a] = [];
    for (const s of sides) for (const a of s.sources) byAnnotator[a]!.push(s.id);
    out.push({
      id: stableId('c', [doc.docId, ...sides.map((s) => s.id)]),
      docId: doc.docId,
      start: Math.min(...sides.map((s) => s.start)),
      end: Math.max(...sides.map((s) => s.end)),
      kinds: [...kinds].sort(cmp),
      sides,
      byAnnotator,
      proposed: sides.filter((s) => s.sources.length >= threshold).map((s) => s.id),
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || cmp(a.id, b.id));
}
