// The curator's side of a merge, as pure functions over a persistent state: list the options of a conflict, decide it, correct a gold span, read the gold.
//
// The curation view holds a CurationState and replaces it with what these functions return;
// a state is never changed in place, unchanged documents are shared between states, and
// the state is plain data (no Maps, no classes), so it can be stored and restored as JSON.

import { OffsetMap, sliceCodePoints } from '../model/offsets';
import type { AttrValue } from '../model/types';
import { goldRelationId, goldSpanId } from './ids';
import type { Candidate, Conflict, CurationState, DocumentCuration, RelationCandidate, SpanEdit } from './merge';

/** What the curator decides for one conflict. */
export type ConflictChoice =
  /** Accept one side (and reject the others). */
  | { readonly kind: 'side'; readonly side: string }
  /** Accept every side ("both" when there are two). */
  | { readonly kind: 'all' }
  /** Accept none. */
  | { readonly kind: 'none' }
  /** Accept exactly these sides. */
  | { readonly kind: 'sides'; readonly sides: readonly string[] };

/** One option the view can offer for a conflict. */
export interface ConflictOption {
  readonly choice: ConflictChoice;
  /** A short description, e.g. `ORG [0, 24) alice, bob`, `both`, `neither`. */
  readonly title: string;
  /** The side ids the option keeps. */
  readonly accepts: readonly string[];
}

/** Thrown for a conflict or side id the state does not have. */
export class CurationError extends Error {
  override name = 'CurationError';
}

function describe(side: Candidate): string {
  return `${side.label} [${side.start}, ${side.end}) ${side.sources.join(', ')}`;
}

/** The options of a conflict: each side alone, then all of them ("both" for two), then none ("neither"). */
export function conflictOptions(conflict: Conflict): ConflictOption[] {
  const out: ConflictOption[] = conflict.sides.map((s) => ({ choice: { kind: 'side', side: s.id }, title: describe(s), accepts: [s.id] }));
  if (conflict.sides.length > 1) out.push({ choice: { kind: 'all' }, title: conflict.sides.length === 2 ? 'both' : 'all', accepts: conflict.sides.map((s) => s.id) });
  out.push({ choice: { kind: 'none' }, title: conflict.sides.length === 1 ? 'reject' : 'neither', accepts: [] });
  return out;
}

/** Where a conflict is: its document's index and the conflict. */
export function findConflict(state: CurationState, conflictId: string): { documentIndex: number; conflict: Conflict } | null {
  for (let i = 0; i < state.documents.length; i++) {
    const conflict = state.documents[i]!.conflicts.find((c) => c.id === conflictId);
    if (conflict) return { documentIndex: i, conflict };
  }
  return null;
}

function acceptedBy(conflict: Conflict, choice: ConflictChoice): string[] {
  const ids = new Set(conflict.sides.map((s) => s.id));
  const check = (id: string) => {
    if (!ids.has(id)) throw new CurationError(`conflict ${conflict.id} has no side ${id}`);
    return id;
  };
  switch (choice.kind) {
    case 'side':
      return [check(choice.side)];
    case 'all':
      return [...ids];
    case 'none':
      return [];
    case 'sides':
      // In the order of the sides, without repeats.
      for (const id of choice.sides) check(id);
      return conflict.sides.map((s) => s.id).filter((id) => choice.sides.includes(id));
  }
}

/**
 * Decides a conflict: a new state in which the conflict accepts what `choice` says, or,
 * with `null`, goes back to the strategy's proposal. Throws {@link CurationError} for an
 * unknown conflict or side.
 */
export function resolveConflict(state: CurationState, conflictId: string, choice: ConflictChoice | null): CurationState {
  const found = findConflict(state, conflictId);
  if (!found) throw new CurationError(`no conflict ${conflictId}`);
  const doc = state.documents[found.documentIndex]!;
  const decisions: Record<string, readonly string[]> = { ...doc.decisions };
  if (choice === null) delete decisions[conflictId];
  else decisions[conflictId] = acceptedBy(found.conflict, choice);
  const documents = [...state.documents];
  documents[found.documentIndex] = { ...doc, decisions };
  return { ...state, documents };
}

/**
 * The decision on a conflict, if any. Conflict ids are "c" and 12 base32 digits, which no
 * property of Object.prototype is, so a plain lookup is safe even on a revived JSON object.
 */
function decisionOf(doc: DocumentCuration, conflictId: string): readonly string[] | undefined {
  const d = doc.decisions[conflictId];
  return Array.isArray(d) ? d : undefined;
}

/** Whether the curator decided anything in the document (a fast path: most documents of a fresh merge have no decision). */
function hasDecisions(doc: DocumentCuration): boolean {
  for (const _ in doc.decisions) return true;
  return false;
}

/** Whether the curator decided the conflict. */
export function isDecided(doc: DocumentCuration, conflictId: string): boolean {
  return decisionOf(doc, conflictId) !== undefined;
}

/** The side ids a conflict currently accepts: the curator's decision, else the strategy's proposal. */
export function acceptedSides(doc: DocumentCuration, conflict: Conflict): readonly string[] {
  return decisionOf(doc, conflict.id) ?? conflict.proposed;
}

/** The conflicts of a document nobody decided yet, in order. */
export function undecidedConflicts(doc: DocumentCuration): Conflict[] {
  if (!hasDecisions(doc)) return [...doc.conflicts];
  return doc.conflicts.filter((c) => !isDecided(doc, c.id));
}

/** Counts over the whole state, for a progress bar. */
export function curationProgress(state: CurationState): { conflicts: number; decided: number } {
  let conflicts = 0;
  let decided = 0;
  for (const d of state.documents) {
    conflicts += d.conflicts.length;
    for (const c of d.conflicts) if (isDecided(d, c.id)) decided++;
  }
  return { conflicts, decided };
}

/** The gold spans of a document as it stands: settled spans and the accepted sides (with the curator's edits), in the format's order. */
export function goldSpans(doc: DocumentCuration): Candidate[] {
  let out = [...doc.settled];
  const decided = hasDecisions(doc);
  for (const c of doc.conflicts) {
    const accepted = decided ? acceptedSides(doc, c) : c.proposed;
    for (const s of c.sides) if (accepted.includes(s.id)) out.push(s);
  }
  if (doc.edits && !isEmptyRecord(doc.edits)) out = withEdits(doc, doc.edits, out);
  if (doc.attrChoices && !isEmptyRecord(doc.attrChoices)) out = withAttrChoices(doc.attrChoices, out);
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The key of a relation candidate, by which the curator's decision on it is stored: derived from its document, label and the candidate ids of its ends. */
export function relationKey(doc: DocumentCuration, r: RelationCandidate): string {
  return goldRelationId(doc.docId, r.label, r.head, r.tail);
}

/** The curator's decision on a relation: true (taken), false (refused) or undefined (none). Keys are "r" and base32 digits, never a property of Object.prototype. */
export function relationDecision(doc: DocumentCuration, key: string): boolean | undefined {
  const d = doc.relationDecisions?.[key];
  return typeof d === 'boolean' ? d : undefined;
}

/**
 * The gold relations of a document as it stands: every relation an annotator drew whose head
 * and tail are both gold, unless the curator refused it (relations are carried into the gold
 * with their ends, whatever the strategy: a `cites` drawn by one annotator between two spans
 * the curator took is not lost). A relation to an edited span follows it to its new id.
 */
export function goldRelations(doc: DocumentCuration, spans: readonly Candidate[] = goldSpans(doc)): RelationCandidate[] {
  const ids = new Set(spans.map((s) => s.id));
  const edits = doc.edits && !isEmptyRecord(doc.edits) ? doc.edits : null;
  const taken = doc.relations.filter((r) => relationDecision(doc, relationKey(doc, r)) !== false);
  if (!edits) return taken.filter((r) => ids.has(r.head) && ids.has(r.tail));
  // Edits may send two relations to the same ends: they become one, drawn by both sets of annotators.
  const byKey = new Map<string, RelationCandidate>();
  for (const r of taken) {
    const head = editedId(doc, edits, r.head);
    const tail = editedId(doc, edits, r.tail);
    const key = `${r.label}\u0000${head}\u0000${tail}`;
    const seen = byKey.get(key);
    byKey.set(key, { label: r.label, head, tail, sources: seen ? union(seen.sources, r.sources) : r.sources });
  }
  return [...byKey.values()]
    .filter((r) => ids.has(r.head) && ids.has(r.tail))
    .sort((a, b) => cmp(a.head, b.head) || cmp(a.tail, b.tail) || cmp(a.label, b.label));
}

/** The id a candidate has in the gold as it stands: its edited id when the curator corrected it, else its own. */
export function goldIdOf(doc: DocumentCuration, candidateId: string): string {
  return doc.edits ? editedId(doc, doc.edits, candidateId) : candidateId;
}

/**
 * The spans with the curator's attribute choices: a chosen value replaces the vote on a key the
 * supporters differ on (a relabelled span has no such key: its attributes meant another label).
 */
function withAttrChoices(choices: Readonly<Record<string, Readonly<Record<string, AttrValue>>>>, spans: readonly Candidate[]): Candidate[] {
  return spans.map((c) => {
    const chosen = choices[c.editedFrom ?? c.id];
    if (!chosen || typeof chosen !== 'object') return c;
    const keys = c.attrDisagreements.filter((k) => Object.prototype.hasOwnProperty.call(chosen, k));
    if (keys.length === 0) return c;
    const attrs: Record<string, AttrValue> = Object.assign(Object.create(null) as Record<string, AttrValue>, c.attrs);
    for (const k of keys) attrs[k] = chosen[k]!;
    return { ...c, attrs };
  });
}

/**
 * Chooses the gold value of attribute `key` of candidate `candidateId` (one of the values its
 * supporters gave, or any JSON scalar), or with `undefined` goes back to the vote: a new state.
 * Throws {@link CurationError} for an unknown document or candidate, or a key its supporters
 * agree on.
 */
export function chooseAttribute(state: CurationState, docId: string, candidateId: string, key: string, value: AttrValue | undefined): CurationState {
  const index = state.documents.findIndex((d) => d.docId === docId);
  if (index < 0) throw new CurationError(`no document ${docId}`);
  const doc = state.documents[index]!;
  const candidate = candidateOf(doc, candidateId);
  if (!candidate) throw new CurationError(`document ${docId} has no span ${candidateId}`);
  if (!candidate.attrDisagreements.includes(key)) throw new CurationError(`the annotators of span ${candidateId} agree on ${key}: nothing to choose`);
  const choices: Record<string, Readonly<Record<string, AttrValue>>> = Object.assign(Object.create(null) as Record<string, Readonly<Record<string, AttrValue>>>, doc.attrChoices);
  const mine: Record<string, AttrValue> = Object.assign(Object.create(null) as Record<string, AttrValue>, choices[candidateId]);
  if (value === undefined) delete mine[key];
  else mine[key] = value;
  if (isEmptyRecord(mine)) delete choices[candidateId];
  else choices[candidateId] = mine;
  const documents = [...state.documents];
  documents[index] = { ...doc, attrChoices: choices };
  return { ...state, documents };
}

/** Every candidate of a document, settled or a side of a conflict, by id. */
export function candidateOf(doc: DocumentCuration, id: string): Candidate | undefined {
  const settled = doc.settled.find((c) => c.id === id);
  if (settled) return settled;
  for (const c of doc.conflicts) for (const s of c.sides) if (s.id === id) return s;
  return undefined;
}

/** The edit of a candidate, if any (ids are "s" and base32 digits, never a property of Object.prototype). */
function editOf(edits: Readonly<Record<string, SpanEdit>>, id: string): SpanEdit | undefined {
  const e = edits[id];
  return e && typeof e === 'object' ? e : undefined;
}

function editedId(doc: DocumentCuration, edits: Readonly<Record<string, SpanEdit>>, id: string): string {
  const e = editOf(edits, id);
  return e ? goldSpanId(doc.docId, e.start, e.end, e.label) : id;
}

/**
 * The candidates with the edits applied. An edited span takes its new offsets, label and
 * text (and its id from them, as every gold span's), keeps its sources (the annotators whose
 * span the curator corrected) and keeps its attributes only if the label is unchanged (a
 * FIGURE's value means nothing on an ORG). Two spans that end up equal become one, with the
 * sources of both.
 */
function withEdits(doc: DocumentCuration, edits: Readonly<Record<string, SpanEdit>>, spans: readonly Candidate[]): Candidate[] {
  let map: OffsetMap | null = null;
  const byId = new Map<string, Candidate>();
  for (const c of spans) {
    const e = editOf(edits, c.id);
    let span = c;
    if (e && doc.text !== null) {
      map ??= new OffsetMap(doc.text);
      const sameLabel = e.label === c.label;
      span = {
        ...c,
        id: goldSpanId(doc.docId, e.start, e.end, e.label),
        start: e.start,
        end: e.end,
        label: e.label,
        text: sliceCodePoints(doc.text, e.start, e.end, map),
        attrs: sameLabel ? c.attrs : NO_ATTRS,
        attrDisagreements: sameLabel ? c.attrDisagreements : NONE,
        editedFrom: c.id,
      };
    }
    const seen = byId.get(span.id);
    if (!seen) {
      byId.set(span.id, span);
      continue;
    }
    const sources = union(seen.sources, span.sources);
    const spansBy = new Map([...seen.spans, ...span.spans].map((s) => [s.annotator, s]));
    byId.set(span.id, { ...seen, sources, spans: sources.map((a) => spansBy.get(a)!) });
  }
  return [...byId.values()];
}

const NO_ATTRS: Candidate['attrs'] = Object.freeze(Object.create(null) as Candidate['attrs']);
const NONE: readonly string[] = Object.freeze([]);

/**
 * Corrects a gold span: a new state in which the candidate `candidateId` of document
 * `docId` has the offsets and label of `edit`, or, with `null` (or an edit equal to the
 * candidate), its own again. The span counts in the gold only while it is gold (settled, or
 * an accepted side); the edit does not decide its conflict. Throws {@link CurationError} for
 * an unknown document or candidate, a document without text, or offsets outside the text.
 */
export function editGoldSpan(state: CurationState, docId: string, candidateId: string, edit: SpanEdit | null): CurationState {
  const index = state.documents.findIndex((d) => d.docId === docId);
  if (index < 0) throw new CurationError(`no document ${docId}`);
  const doc = state.documents[index]!;
  const candidate = candidateOf(doc, candidateId);
  if (!candidate) throw new CurationError(`document ${docId} has no span ${candidateId}`);
  const edits: Record<string, SpanEdit> = { ...doc.edits };
  if (edit === null || (edit.start === candidate.start && edit.end === candidate.end && edit.label === candidate.label)) {
    delete edits[candidateId];
  } else {
    if (doc.text === null) throw new CurationError(`document ${docId} has no text: its spans cannot be moved`);
    const length = new OffsetMap(doc.text).codePointLength;
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end) || edit.start < 0 || edit.end <= edit.start || edit.end > length) {
      throw new CurationError(`span [${edit.start}, ${edit.end}) is not a non-empty range of the text (${length} code points)`);
    }
    if (typeof edit.label !== 'string' || edit.label === '') throw new CurationError('a span needs a label');
    edits[candidateId] = { start: edit.start, end: edit.end, label: edit.label };
  }
  const documents = [...state.documents];
  documents[index] = { ...doc, edits };
  return { ...state, documents };
}

function isEmptyRecord(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort(cmp);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
