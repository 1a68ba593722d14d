// The curator's side of a merge, as pure functions over a persistent state: list the options of a conflict, decide it, read the gold.
//
// The curation view holds a CurationState and replaces it with what these functions return;
// a state is never changed in place, unchanged documents are shared between states, and
// the state is plain data (no Maps, no classes), so it can be stored and restored as JSON.

import type { Candidate, Conflict, CurationState, DocumentCuration, RelationCandidate } from './merge';

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

/** The gold spans of a document as it stands: settled spans and the accepted sides, in the format's order. */
export function goldSpans(doc: DocumentCuration): Candidate[] {
  const out = [...doc.settled];
  const decided = hasDecisions(doc);
  for (const c of doc.conflicts) {
    const accepted = decided ? acceptedSides(doc, c) : c.proposed;
    for (const s of c.sides) if (accepted.includes(s.id)) out.push(s);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The gold relations of a document as it stands: those whose head and tail are gold and
 * that enough annotators drew (the document's threshold, as for spans).
 */
export function goldRelations(doc: DocumentCuration, spans: readonly Candidate[] = goldSpans(doc)): RelationCandidate[] {
  const ids = new Set(spans.map((s) => s.id));
  return doc.relations.filter((r) => ids.has(r.head) && ids.has(r.tail) && r.sources.length >= doc.threshold);
}
