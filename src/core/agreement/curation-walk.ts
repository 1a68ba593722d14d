// The curator's walk: every decision a curation asks for (span conflicts and contested relations) in one order, and how to step through it.
//
// Documents come in the order the view gives (most disagreement first); within a document the
// steps are in text order, a relation placed at the earlier of its ends. A step is open until
// the curator decides it.

import { isDecided, relationDecision } from './curation';
import { contestedRelations } from './curation-relations';
import type { CurationState, DocumentCuration } from './merge';

/** A place in the walk: a document and one of its steps (a conflict id or a relation key); null when the document has none. */
export interface Place {
  readonly docId: string;
  readonly conflictId: string | null;
}

/** One step of the walk. */
export interface WalkStep {
  readonly kind: 'span' | 'relation';
  /** The conflict id, or the relation key. */
  readonly id: string;
  readonly start: number;
  readonly decided: boolean;
}

/** The steps of one document, in text order (span conflicts before relations at one position). */
export function walkSteps(doc: DocumentCuration): WalkStep[] {
  const spans: WalkStep[] = doc.conflicts.map((c) => ({ kind: 'span', id: c.id, start: c.start, decided: isDecided(doc, c.id) }));
  if (doc.relations.length === 0) return spans;
  const relations: WalkStep[] = contestedRelations(doc).map((r) => ({ kind: 'relation', id: r.key, start: r.start, decided: relationDecision(doc, r.key) !== undefined }));
  return [...spans, ...relations].sort((a, b) => a.start - b.start || (a.kind === b.kind ? 0 : a.kind === 'span' ? -1 : 1));
}

/** Whether `id` names a relation step of the document (relation keys start with "r", conflict ids with "c"). */
export function isRelationStep(id: string | null): boolean {
  return id !== null && id.startsWith('r');
}

/** Decisions asked for and made over the whole state, span conflicts and contested relations together. */
export function walkProgress(state: CurationState): { steps: number; decided: number } {
  let steps = 0;
  let decided = 0;
  for (const d of state.documents) {
    for (const s of walkSteps(d)) {
      steps++;
      if (s.decided) decided++;
    }
  }
  return { steps, decided };
}

/** Where a step of the walk leads: the place, and whether it left the document it started from. */
export interface StepResult {
  readonly place: Place;
  readonly otherDocument: boolean;
}

/**
 * The step `by` places from `from` in the walk (documents in `order`, steps in text order),
 * wrapping around; with `openOnly`, decided steps are passed over. From a place that is not a
 * step (a document without conflicts, a step that no longer exists), the walk resumes at the
 * first step of this or a later document, so no open step is ever passed over. Null when no
 * step qualifies.
 */
export function stepFrom(state: CurationState, order: readonly string[], from: Place | null, by: 1 | -1, openOnly = false): StepResult | null {
  const byId = new Map(state.documents.map((d) => [d.docId, d]));
  const walk: (Place & { decided: boolean; rank: number })[] = [];
  order.forEach((docId, rank) => {
    const doc = byId.get(docId);
    if (!doc) return;
    for (const s of walkSteps(doc)) walk.push({ docId, conflictId: s.id, decided: s.decided, rank });
  });
  if (walk.length === 0) return null;
  let i = from ? walk.findIndex((p) => p.docId === from.docId && p.conflictId === from.conflictId) : -1;
  if (i < 0 && from) {
    const rank = order.indexOf(from.docId);
    let next = walk.findIndex((p) => p.rank >= rank);
    if (next < 0) next = walk.length;
    i = by === 1 ? next - 1 : next;
  }
  for (let k = 1; k <= walk.length; k++) {
    const p = walk[(((i + by * k) % walk.length) + walk.length) % walk.length]!;
    if (!openOnly || !p.decided) return { place: { docId: p.docId, conflictId: p.conflictId }, otherDocument: from !== null && p.docId !== from.docId };
  }
  return null;
}
