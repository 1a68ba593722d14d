// Relations under adjudication: each relation an annotator drew, whether it is in the gold and why not, and the curator's take or refusal.
//
// A relation is carried into the gold whenever both its ends are gold, whatever the strategy,
// unless the curator refuses it; one not every annotator drew is "contested" and is a step of
// the curator's walk (./curation-walk), decided by the same keys as a span conflict.

import { candidateOf, goldIdOf, goldSpans, relationDecision, relationKey } from './curation';
import { CurationError } from './curation';
import type { Candidate, CurationState, DocumentCuration, RelationCandidate } from './merge';

/** Why a relation is, or is not, in the gold. */
export type RelationStatus =
  /** Both ends are gold and nobody refused it. */
  | 'gold'
  /** The curator refused it. */
  | 'refused'
  /** Its head, its tail, or both are not gold (the curator's span decisions left them out). */
  | 'end-missing';

/** One relation as the curation view lists it. */
export interface RelationRow {
  /** The key its decision is stored by ({@link relationKey}). */
  readonly key: string;
  readonly relation: RelationCandidate;
  /** Its ends, as the annotators marked them (before the curator's edits). */
  readonly head: Candidate;
  readonly tail: Candidate;
  /** Not every annotator of the document drew it: the curator decides it. */
  readonly contested: boolean;
  /** The curator's decision: taken, refused, or none. */
  readonly decision: boolean | undefined;
  readonly status: RelationStatus;
  /** Where the relation sits in the text (the earlier of its ends), to order it among the conflicts. */
  readonly start: number;
}

/** Every relation of a document with its status, in text order (then label, key). */
export function relationRows(doc: DocumentCuration, gold: readonly Candidate[] = goldSpans(doc)): RelationRow[] {
  if (doc.relations.length === 0) return [];
  const goldIds = new Set(gold.map((s) => s.id));
  const out: RelationRow[] = [];
  for (const r of doc.relations) {
    const head = candidateOf(doc, r.head);
    const tail = candidateOf(doc, r.tail);
    if (!head || !tail) continue;
    const key = relationKey(doc, r);
    const decision = relationDecision(doc, key);
    const endsGold = goldIds.has(goldIdOf(doc, r.head)) && goldIds.has(goldIdOf(doc, r.tail));
    const status: RelationStatus = decision === false ? 'refused' : endsGold ? 'gold' : 'end-missing';
    out.push({ key, relation: r, head, tail, contested: r.sources.length < doc.annotators.length, decision, status, start: Math.min(head.start, tail.start) });
  }
  return out.sort((a, b) => a.start - b.start || cmp(a.relation.label, b.relation.label) || cmp(a.key, b.key));
}

/** The relations of a document the curator decides: those not every annotator drew. */
export function contestedRelations(doc: DocumentCuration): RelationRow[] {
  return relationRows(doc).filter((r) => r.contested);
}

/**
 * Takes (`true`), refuses (`false`) or forgets the decision on (`null`) a relation of a
 * document: a new state. A taken relation is gold once both its ends are. Throws
 * {@link CurationError} for an unknown document or relation.
 */
export function decideRelation(state: CurationState, docId: string, key: string, take: boolean | null): CurationState {
  const index = state.documents.findIndex((d) => d.docId === docId);
  if (index < 0) throw new CurationError(`no document ${docId}`);
  const doc = state.documents[index]!;
  if (!doc.relations.some((r) => relationKey(doc, r) === key)) throw new CurationError(`document ${docId} has no relation ${key}`);
  const decisions: Record<string, boolean> = Object.assign(Object.create(null) as Record<string, boolean>, doc.relationDecisions);
  if (take === null) delete decisions[key];
  else decisions[key] = take;
  const documents = [...state.documents];
  documents[index] = { ...doc, relationDecisions: decisions };
  return { ...state, documents };
}

/** Relations an annotator drew that the gold leaves out, counted by why. */
export interface RelationsLeftOut {
  /** Their head or tail is not gold. */
  readonly endMissing: number;
  /** The curator refused them. */
  readonly refused: number;
}

/** What the gold of a state leaves out of the annotators' relations, so the view can say so before and after an export. */
export function relationsLeftOut(state: CurationState): RelationsLeftOut {
  let endMissing = 0;
  let refused = 0;
  for (const d of state.documents) {
    for (const r of relationRows(d)) {
      if (r.status === 'end-missing') endMissing++;
      else if (r.status === 'refused') refused++;
    }
  }
  return { endMissing, refused };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
