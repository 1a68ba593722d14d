// The curator's own work as plain data (strategy, decisions, edits, relation decisions) and how a curation is rebuilt from it.
//
// Only the inputs and this work are stored; the candidate gold is rebuilt from them with the
// functions the CLI uses (buildCuration), which are deterministic and give conflicts ids
// derived from their content, so every decision finds its conflict again.

import { relationKey } from './curation';
import type { AgreementReport } from './report';
import type { Corpus } from './corpus';
import type { AttrValue } from '../model/types';
import { buildCuration, type CurationState, type DocumentCuration, type MergeStrategy, type SpanEdit } from './merge';

/** The strategy and its k. */
export interface StrategyChoice {
  strategy: MergeStrategy;
  /** Majority only: at least k supporters; null is "more than half" of each document's annotators. */
  min: number | null;
}

/** The strategy a new curation starts with. */
export const DEFAULT_CHOICE: StrategyChoice = { strategy: 'majority', min: null };

/** One document's decisions and edits, as stored. */
export interface StoredDocument {
  decisions: Record<string, string[]>;
  edits: Record<string, SpanEdit>;
  /** Relation key -> taken (true) or refused (false); absent in sessions stored before relations were adjudicated. */
  relations?: Record<string, boolean>;
  /** Candidate id -> attribute key -> the chosen value; absent in sessions stored before attributes were chosen. */
  attrs?: Record<string, Record<string, AttrValue>>;
}

/** A record without a prototype: doc ids, conflict ids and span ids are data, never Object.prototype's. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * The curation of a corpus under a strategy, with the stored decisions, edits and relation
 * decisions put back where their conflict, span or relation still exists. Returns how many
 * were put back and how many no longer apply (the inputs changed under them).
 */
export function rebuild(corpus: Corpus, choice: StrategyChoice, stored: Readonly<Record<string, StoredDocument>>): { state: CurationState; kept: number; dropped: number } {
  const base = buildCuration(corpus, { strategy: choice.strategy, ...(choice.strategy === 'majority' && choice.min !== null ? { min: choice.min } : {}) });
  let kept = 0;
  let dropped = 0;
  const seen = new Set<string>();
  const documents = base.documents.map((doc): DocumentCuration => {
    const saved = stored[doc.docId];
    if (!saved) return doc;
    seen.add(doc.docId);
    const decisions = record<string[]>();
    for (const [conflictId, sides] of Object.entries(saved.decisions ?? {})) {
      const conflict = doc.conflicts.find((c) => c.id === conflictId);
      const ids = conflict ? new Set(conflict.sides.map((s) => s.id)) : null;
      if (ids && Array.isArray(sides) && sides.every((s) => ids.has(s))) {
        decisions[conflictId] = conflict!.sides.map((s) => s.id).filter((id) => sides.includes(id));
        kept++;
      } else dropped++;
    }
    const candidates = new Set([...doc.settled.map((c) => c.id), ...doc.conflicts.flatMap((c) => c.sides.map((s) => s.id))]);
    const edits = record<SpanEdit>();
    for (const [id, edit] of Object.entries(saved.edits ?? {})) {
      if (candidates.has(id) && doc.text !== null) {
        edits[id] = { start: edit.start, end: edit.end, label: edit.label };
        kept++;
      } else dropped++;
    }
    const keys = new Set(doc.relations.map((r) => relationKey(doc, r)));
    const relationDecisions = record<boolean>();
    for (const [key, take] of Object.entries(saved.relations ?? {})) {
      if (keys.has(key) && typeof take === 'boolean') {
        relationDecisions[key] = take;
        kept++;
      } else dropped++;
    }
    const attrChoices = record<Record<string, AttrValue>>();
    for (const [id, chosen] of Object.entries(saved.attrs ?? {})) {
      const candidate = candidates.has(id) ? [...doc.settled, ...doc.conflicts.flatMap((c) => c.sides)].find((c) => c.id === id) : undefined;
      const keys = Object.keys(chosen ?? {}).filter((k) => candidate?.attrDisagreements.includes(k));
      if (!candidate || keys.length === 0) {
        dropped++;
        continue;
      }
      attrChoices[id] = Object.assign(record<AttrValue>(), Object.fromEntries(keys.map((k) => [k, chosen[k]!])));
      kept++;
    }
    return { ...doc, decisions, edits, relationDecisions, attrChoices };
  });
  for (const [docId, saved] of Object.entries(stored)) {
    if (!seen.has(docId)) dropped += Object.keys(saved.decisions ?? {}).length + Object.keys(saved.edits ?? {}).length + Object.keys(saved.relations ?? {}).length + Object.keys(saved.attrs ?? {}).length;
  }
  return { state: { ...base, documents }, kept, dropped };
}

/** The curator's decisions, edits and relation decisions of a state, to store. */
export function storedDocuments(state: CurationState): Record<string, StoredDocument> {
  const out = record<StoredDocument>();
  for (const d of state.documents) {
    const decisions = Object.keys(d.decisions);
    const edits = Object.keys(d.edits ?? {});
    const relations = Object.keys(d.relationDecisions ?? {});
    const attrs = Object.keys(d.attrChoices ?? {});
    if (decisions.length === 0 && edits.length === 0 && relations.length === 0 && attrs.length === 0) continue;
    out[d.docId] = {
      decisions: { ...d.decisions } as Record<string, string[]>,
      edits: { ...(d.edits ?? {}) },
      relations: { ...(d.relationDecisions ?? {}) },
      attrs: Object.fromEntries(attrs.map((id) => [id, { ...d.attrChoices![id] }])),
    };
  }
  return out;
}

/**
 * Document ids from most to least disagreement: overall f1_overlap ascending (the CLI's
 * "lowest agreement" order), then more conflicts first; documents without a figure (one
 * annotator) go last.
 */
export function disagreementOrder(report: AgreementReport, state: CurationState): string[] {
  const f1 = new Map(report.per_document.map((d) => [d.doc_id, d.overall.f1_overlap]));
  const conflicts = new Map(state.documents.map((d) => [d.docId, d.conflicts.length]));
  return state.documents
    .map((d) => d.docId)
    .sort((a, b) => {
      const fa = f1.get(a) ?? null;
      const fb = f1.get(b) ?? null;
      if (fa === null && fb !== null) return 1;
      if (fb === null && fa !== null) return -1;
      return (fa ?? 0) - (fb ?? 0) || (conflicts.get(b) ?? 0) - (conflicts.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
    });
}
