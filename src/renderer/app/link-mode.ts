// Choosing a relation's target by keyboard: the candidate spans the schema allows, nearest first.

import type { LabelSchema, RelationDef } from '../../core/model/schema';
import { labelDef } from '../../core/model/schema';
import type { Span } from '../../core/model/types';

/** An open "link to…" choice. */
export interface LinkMode {
  relation: RelationDef;
  headId: string;
  /** Candidate tail span ids, nearest to the head first. */
  candidates: string[];
  index: number;
}

/** Spans that may be the tail of `relation` from `head`: allowed label groups, not the head, nearest first. */
export function linkCandidates(schema: LabelSchema, relation: RelationDef, head: Span, spans: readonly Span[]): string[] {
  const allowed = (s: Span) => {
    if (s.id === head.id) return false;
    if (relation.tail.length === 0) return true;
    const group = labelDef(schema, s.label)?.group;
    return group !== undefined && relation.tail.includes(group);
  };
  const distance = (s: Span) => (s.end <= head.start ? head.start - s.end : s.start >= head.end ? s.start - head.end : 0);
  return spans.filter(allowed).sort((a, b) => distance(a) - distance(b) || a.start - b.start).map((s) => s.id);
}
