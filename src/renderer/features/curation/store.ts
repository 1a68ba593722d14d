// Keeps the curation in IndexedDB: the inputs, the curator's decisions after every one, and the gold as annotator "adjudicated".
//
// Writes go through one queue ({@link CurationSaver}) so that a burst of key presses ends in
// the store in order, the last state winning: each run writes the latest session record and
// the gold of every document touched since the previous run, in one transaction each.

import {
  ADJUDICATED,
  goldRelationId,
  goldRelations,
  goldSpans,
  undecidedConflicts,
  type CurationState,
  type DocumentCuration,
} from '../../../core/agreement';
import { OffsetMap } from '../../../core/model/offsets';
import { quoteOf } from '../../../core/model/quote';
import type { CodePoint, Relation, Span } from '../../../core/model/types';
import { applyChange, countLabels } from '../../db/annotations';
import type { MarginaliaDb } from '../../db/db';
import { INPUTS_RECORD_ID, RECORD_ID, SESSION_FORMAT, type StoredInputs, type StoredSession } from './session';

/** What the store holds of a curation, if anything. */
export interface LoadedCuration {
  inputs: StoredInputs;
  session: StoredSession | null;
}

function isSession(v: unknown): v is StoredSession {
  return typeof v === 'object' && v !== null && (v as StoredSession).format === SESSION_FORMAT;
}

function isInputs(v: unknown): v is StoredInputs {
  return typeof v === 'object' && v !== null && Array.isArray((v as StoredInputs).files);
}

/** Reads the stored curation; null when none was started (or it was cleared). */
export async function loadCuration(db: MarginaliaDb): Promise<LoadedCuration | null> {
  const [inputs, session] = await db.curation.bulkGet([INPUTS_RECORD_ID, RECORD_ID]);
  if (!inputs || !isInputs(inputs.state)) return null;
  return { inputs: { files: inputs.state.files, refused: inputs.state.refused ?? [] }, session: session && isSession(session.state) ? session.state : null };
}

/** Stores the inputs (when files are added or removed). */
export async function saveInputs(db: MarginaliaDb, inputs: StoredInputs): Promise<void> {
  await db.curation.put({ id: INPUTS_RECORD_ID, state: inputs, updatedAt: new Date().toISOString() });
}

/** Forgets the curation. The gold already written as "adjudicated" stays: it is the team's data, exported or not. */
export async function clearCuration(db: MarginaliaDb): Promise<void> {
  await db.curation.bulkDelete([INPUTS_RECORD_ID, RECORD_ID]);
}

/**
 * Writes the gold of one document as annotator "adjudicated", replacing what that annotator
 * had there: gold spans keep their creation time when they were already stored, the status
 * is "done" once no conflict awaits a decision.
 */
export async function writeGold(db: MarginaliaDb, doc: DocumentCuration, now = new Date().toISOString()): Promise<void> {
  const text = doc.text ?? '';
  const map = new OffsetMap(text);
  const gold = goldSpans(doc);
  const relations = goldRelations(doc, gold);
  const [oldSpans, oldRelations] = await Promise.all([
    db.spans.where('[docId+annotator]').equals([doc.docId, ADJUDICATED]).toArray(),
    db.relations.where('[docId+annotator]').equals([doc.docId, ADJUDICATED]).primaryKeys(),
  ]);
  const created = new Map(oldSpans.map((s) => [s.id, s.createdAt]));
  const spans: Span[] = gold.map((c) => ({
    id: c.id,
    docId: doc.docId,
    annotator: ADJUDICATED,
    label: c.label,
    start: c.start as CodePoint,
    end: c.end as CodePoint,
    attrs: { ...c.attrs },
    sources: [...c.sources],
    quote: doc.text === null ? { exact: c.text, prefix: '', suffix: '' } : quoteOf(text, c.start as CodePoint, c.end as CodePoint, map),
    createdAt: created.get(c.id) ?? now,
    updatedAt: now,
  }));
  const rels: Relation[] = relations.map((r) => ({ id: goldRelationId(doc.docId, r.label, r.head, r.tail), docId: doc.docId, annotator: ADJUDICATED, label: r.label, head: r.head, tail: r.tail, createdAt: now }));
  const keep = new Set(spans.map((s) => s.id));
  const keepRel = new Set(rels.map((r) => r.id));
  await applyChange(db, doc.docId, ADJUDICATED, {
    deleteSpanIds: oldSpans.map((s) => s.id).filter((id) => !keep.has(id)),
    putSpans: spans,
    deleteRelationIds: (oldRelations as string[]).filter((id) => !keepRel.has(id)),
    putRelations: rels,
    status: undecidedConflicts(doc).length === 0 ? 'done' : 'in-progress',
    counts: { spanCount: spans.length, labelCounts: countLabels(spans) },
  });
}

/** Where the saver stands, for the "Saved" line. */
export interface SaveStatus {
  pending: boolean;
  savedAt: string | null;
  error: string | null;
}

/**
 * The write queue of a curation session. `save` takes the latest state and the documents it
 * changed; runs never overlap, and a run writes what accumulated while the previous one ran.
 */
export class CurationSaver {
  private state: CurationState | null = null;
  private session: StoredSession | null = null;
  private readonly dirty = new Set<string>();
  private running: Promise<void> | null = null;
  private listeners = new Set<() => void>();
  status: SaveStatus = { pending: false, savedAt: null, error: null };

  constructor(private readonly db: MarginaliaDb) {}

  /** Queues the session record and the gold of `docIds` (all documents when omitted). */
  save(state: CurationState, session: StoredSession, docIds?: Iterable<string>): void {
    this.state = state;
    this.session = session;
    for (const id of docIds ?? state.documents.map((d) => d.docId)) this.dirty.add(id);
    this.setStatus({ ...this.status, pending: true });
    this.running ??= this.run();
  }

  /** Resolves once everything queued so far is written. */
  async flushed(): Promise<void> {
    while (this.running) await this.running;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    for (const l of this.listeners) l();
  }

  private async run(): Promise<void> {
    try {
      while (this.session) {
        const session = this.session;
        const state = this.state!;
        const ids = [...this.dirty];
        this.session = null;
        this.dirty.clear();
        const byId = new Map(state.documents.map((d) => [d.docId, d]));
        const db = this.db;
        const now = new Date().toISOString();
        await db.curation.put({ id: RECORD_ID, state: session, updatedAt: now });
        for (const id of ids) {
          const doc = byId.get(id);
          if (doc) await writeGold(db, doc, now);
        }
        if (!this.session) this.setStatus({ pending: false, savedAt: now, error: null });
      }
    } catch (e) {
      this.setStatus({ pending: false, savedAt: this.status.savedAt, error: `Not saved: ${(e as Error).message ?? e}` });
    } finally {
      this.running = null;
    }
  }
}
