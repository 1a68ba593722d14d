// The curation session as plain data: what is stored, how a state is rebuilt from the inputs, and the order the curator walks.
//
// Only the inputs (the exports' raw text) and the curator's own work (strategy, decisions,
// edits, position) are stored. The candidate gold is rebuilt from them with the same core
// functions the CLI uses (corpusFromFiles, buildCuration), which are deterministic and give
// conflicts ids derived from their content, so every decision finds its conflict again.

import {
  buildCuration,
  corpusFromFiles,
  type AgreementReport,
  type Corpus,
  type CurationState,
  type DocumentCuration,
  type InputFile,
  type MergeStrategy,
  type SpanEdit,
} from '../../../core/agreement';
import type { LineError } from '../../../core/format/read';

/** The tag of the stored decisions, so a later version can tell what it reads. */
export const SESSION_FORMAT = 'marginalia-curation/1';

/** Record ids in the `curation` table: the curator's work, saved after every decision, and the inputs, saved when they change. */
export const RECORD_ID = 'current';
export const INPUTS_RECORD_ID = 'current/inputs';

/** The strategy and its k. */
export interface StrategyChoice {
  strategy: MergeStrategy;
  /** Majority only: at least k supporters; null is "more than half" of each document's annotators. */
  min: number | null;
}

/** One document's decisions and edits, as stored. */
export interface StoredDocument {
  decisions: Record<string, string[]>;
  edits: Record<string, SpanEdit>;
}

/** The curator's work: small, written after every decision. */
export interface StoredSession {
  format: typeof SESSION_FORMAT;
  choice: StrategyChoice;
  /** Per doc_id; documents without decisions or edits are left out. */
  documents: Record<string, StoredDocument>;
  /** Where the curator was, and on which tab. */
  position: { docId: string | null; conflictId: string | null; view?: 'overview' | 'curate' };
}

/** The inputs: each export's name and text, in the order loaded, and the files that could not be read. */
export interface StoredInputs {
  files: InputFile[];
  refused: LineError[];
}

/** Builds the corpus of the inputs, exactly as `marginalia agreement` and `merge` do for the same files in the same order. */
export function corpusOf(inputs: StoredInputs): Corpus {
  return corpusFromFiles(inputs.files, inputs.refused);
}

/** A record without a prototype: doc ids, conflict ids and span ids are data, never Object.prototype's. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * The curation of a corpus under a strategy, with the stored decisions and edits put back
 * where their conflict or span still exists. Returns how many were put back and how many
 * no longer apply (the inputs changed under them).
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
    return { ...doc, decisions, edits };
  });
  for (const [docId, saved] of Object.entries(stored)) {
    if (!seen.has(docId)) dropped += Object.keys(saved.decisions ?? {}).length + Object.keys(saved.edits ?? {}).length;
  }
  return { state: { ...base, documents }, kept, dropped };
}

/** The curator's decisions and edits of a state, to store. */
export function storedDocuments(state: CurationState): Record<string, StoredDocument> {
  const out = record<StoredDocument>();
  for (const d of state.documents) {
    const decisions = Object.keys(d.decisions);
    const edits = Object.keys(d.edits ?? {});
    if (decisions.length === 0 && edits.length === 0) continue;
    out[d.docId] = { decisions: { ...d.decisions } as Record<string, string[]>, edits: { ...(d.edits ?? {}) } };
  }
  return out;
}

/** Conflicts of a document the curator decided. */
export function decidedCount(doc: DocumentCuration): number {
  let n = 0;
  for (const c of doc.conflicts) if (Object.prototype.hasOwnProperty.call(doc.decisions, c.id)) n++;
  return n;
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

/** A place in the walk: a document and one of its conflicts (null: the document has none). */
export interface Place {
  docId: string;
  conflictId: string | null;
}

/**
 * The conflict `by` steps from `from` in the walk (documents in `order`, conflicts by
 * position), wrapping around; with `undecidedOnly`, only conflicts without a decision count.
 * Null when there is none.
 */
export function stepConflict(state: CurationState, order: readonly string[], from: Place | null, by: 1 | -1, undecidedOnly = false): Place | null {
  const byId = new Map(state.documents.map((d) => [d.docId, d]));
  const walk: Place[] = [];
  for (const docId of order) {
    const doc = byId.get(docId);
    if (!doc) continue;
    for (const c of doc.conflicts) walk.push({ docId, conflictId: c.id });
  }
  if (walk.length === 0) return null;
  const ok = (p: Place) => !undecidedOnly || !Object.prototype.hasOwnProperty.call(byId.get(p.docId)!.decisions, p.conflictId!);
  let i = from ? walk.findIndex((p) => p.docId === from.docId && p.conflictId === from.conflictId) : -1;
  if (i < 0 && from) {
    // Not on a conflict: the walk resumes at the first conflict of this or a later document.
    const rank = new Map(order.map((id, r) => [id, r]));
    const docIndex = rank.get(from.docId) ?? -1;
    let next = walk.findIndex((p) => rank.get(p.docId)! >= docIndex);
    if (next < 0) next = walk.length;
    i = by === 1 ? next - 1 : next;
  }
  for (let k = 1; k <= walk.length; k++) {
    const p = walk[(((i + by * k) % walk.length) + walk.length) % walk.length]!;
    if (ok(p)) return p;
  }
  return null;
}
