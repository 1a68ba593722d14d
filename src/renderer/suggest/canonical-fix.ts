// An entity suggestion accepted before the lexicon knew its canonical id (an NLP proposal, or a lexicon hit read before the id was given)
// gets the id as soon as the lexicon knows it, whatever the timing.

import type { Span } from '../../core/model/types';
import type { Dictionary } from '../../core/suggest/dictionary';
import type { Suggestion } from '../../core/suggest/suggestions';

/** What the fix reads of the tracker: the proposals at a label and range. */
export interface ProposalsAt {
  proposalsAt(label: string, start: number, end: number): readonly Suggestion[];
}

/** What the fix needs of the session: a span by id, and an undoable update. */
export interface CanonicalTarget {
  span(id: string): Span | undefined;
  updateSpan(label: string, span: Span): void;
}

/** The proposals that name an entity: the NLP rules' and the lexicon's (whose hit may predate the id, read a moment before it was typed). */
const ENTITY_KINDS: ReadonlySet<Suggestion['kind']> = new Set(['entity', 'dictionary']);

/** Ids of the spans just put that an entity proposal (NLP or lexicon) of the same label and range made, and that have no canonical id. */
export function acceptedWithoutCanonical(put: readonly Span[], proposals: ProposalsAt): string[] {
  return put.filter((s) => !s.attrs.canonical && proposals.proposalsAt(s.label, s.start, s.end).some((p) => ENTITY_KINDS.has(p.kind))).map((s) => s.id);
}

/**
 * For each pending span id: gives the span the canonical id the lexicon knows for its text and
 * label (one undoable "set canonical" step), and forgets it once it has one or is gone. Ids the
 * lexicon does not know yet stay pending, for the next lexicon.
 */
export function canonicalFix(session: CanonicalTarget, dictionary: Dictionary, pending: Set<string>): void {
  for (const id of [...pending]) {
    const span = session.span(id);
    if (!span || span.attrs.canonical) {
      pending.delete(id);
      continue;
    }
    const canonical = dictionary.canonicalOf(span.quote.exact, span.label);
    if (!canonical) continue;
    pending.delete(id);
    session.updateSpan('set canonical', { ...span, attrs: { ...span.attrs, canonical } });
  }
}
