// The open document's annotations in memory: every action is one step that is painted, persisted and undoable.

import { applyToLists, emptyChange, record, redo, stepFor, undo, type ChangeSet, type History } from '../../core/model/history';
import { OffsetMap } from '../../core/model/offsets';
import type { DocStatus, Relation, Span } from '../../core/model/types';
import { applyChange, countLabels, type DocAnnotations } from '../db/annotations';
import type { MarginaliaDb } from '../db/db';
import type { EditorHandle } from '../editor/Editor';
import { sortSpans } from './span-factory';

/** What a session reports about saving, for the "saved" indicator. */
export interface SaveState {
  pending: number;
  error: string | null;
  /** When the last write committed. */
  savedAt: string | null;
}

/**
 * One annotator's session on one document. React reads it through
 * `subscribe`/`version` (useSyncExternalStore); the editor is painted directly
 * with the change, so an action costs the size of the change, not of the document.
 */
export class DocSession {
  readonly map: OffsetMap;
  spans: Span[];
  relations: Relation[];
  status: DocStatus;
  history: History;
  rejected: Set<string>;
  selectedId: string | null = null;
  save: SaveState = { pending: 0, error: null, savedAt: null };
  version = 0;
  editor: EditorHandle | null = null;
  private readonly listeners = new Set<() => void>();
  private byId: Map<string, Span>;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: MarginaliaDb,
    readonly docId: string,
    readonly annotator: string,
    readonly path: string,
    readonly text: string,
    init: DocAnnotations,
    /** Called after every committed write (the journal listens here). */
    private readonly onPersisted?: (change: ChangeSet & { status?: DocStatus }) => Promise<void>,
  ) {
    this.map = new OffsetMap(text);
    this.spans = sortSpans([...init.spans]);
    this.relations = init.relations;
    this.byId = new Map(this.spans.map((s) => [s.id, s]));
    this.status = init.state?.status ?? 'todo';
    this.history = init.history;
    this.rejected = new Set(init.rejected);
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A number that changes with every change, for React. */
  getVersion = (): number => this.version;

  private emit(): void {
    this.version++;
    // The editor is painted directly; lists and panels follow after the frame that shows the change.
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.notifyScheduled = false;
        for (const l of this.listeners) l();
      }),
    );
  }

  private notifyScheduled = false;
  private readonly saveListeners = new Set<() => void>();
  /** Changes with every change of {@link save}; told at once, so "Saved" is never shown while a write is pending. */
  saveVersion = 0;

  /** Subscribes to the save state alone, notified synchronously. */
  subscribeSave = (listener: () => void): (() => void) => {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  };

  private setSave(next: SaveState): void {
    this.save = next;
    this.saveVersion++;
    for (const l of this.saveListeners) l();
  }

  /** A span of this document by id. */
  span(id: string): Span | undefined {
    return this.byId.get(id);
  }

  /** The spans placed in the text (not orphaned). */
  get placedSpans(): Span[] {
    return this.spans.filter((x) => !x.orphaned);
  }

  /** Spans waiting for the annotator to place or delete them after the text changed. */
  get orphanedSpans(): Span[] {
    return this.spans.filter((x) => x.orphaned);
  }

  /** The relations that touch a span. */
  relationsOf(id: string): Relation[] {
    return this.relations.filter((r) => r.head === id || r.tail === id);
  }

  /** Applies a change in memory and on screen, then persists it (in order) with the history and counts. */
  private apply(change: ChangeSet, history: History, extra: { status?: DocStatus; rejected?: string[] } = {}): void {
    const next = applyToLists({ spans: this.spans, relations: this.relations }, change);
    this.spans = sortSpans(next.spans);
    this.relations = next.relations;
    this.byId = new Map(this.spans.map((s) => [s.id, s]));
    this.history = history;
    if (extra.status) this.status = extra.status;
    if (this.selectedId && !this.byId.has(this.selectedId)) this.selectedId = null;
    // Orphaned spans (not placed after a text change) are listed for review, never painted.
    const orphans = change.putSpans.filter((x) => x.orphaned).map((x) => x.id);
    this.editor?.update(change.putSpans.filter((x) => !x.orphaned), orphans.length ? [...change.deleteSpanIds, ...orphans] : change.deleteSpanIds);
    // Each dispatch costs a pass over a long document's paragraphs: redraw links only when they changed.
    if (change.putRelations.length || change.deleteRelationIds.length || change.deleteSpanIds.length) this.editor?.setRelations(this.relations);
    this.persist({ ...change, status: extra.status }, history, extra.rejected);
    this.emit();
  }

  private persist(change: ChangeSet & { status?: DocStatus }, history: History, rejected?: string[]): void {
    this.setSave({ ...this.save, pending: this.save.pending + 1 });
    const counts = { spanCount: this.spans.length, labelCounts: countLabels(this.spans) };
    const status = change.status;
    // Handed to the store at once: writes queued while one commits go together in the next transaction.
    const stored = applyChange(this.db, this.docId, this.annotator, { ...change, status, history, rejected, counts });
    stored.catch(() => undefined);
    this.writes = this.writes.then(async () => {
      try {
        const state = await stored;
        if (!status && state.status !== this.status) this.status = state.status;
      } catch (e) {
        const err = e as Error;
        const why = err.name === 'QuotaExceededError' ? "the browser's storage is full" : err.message;
        this.setSave({ ...this.save, pending: this.save.pending - 1, error: `Not saved in this browser (${why}); the change is still on screen — free some space, then undo and redo it.` });
        this.emit();
        return;
      }
      try {
        await this.onPersisted?.(change);
        this.setSave({ pending: this.save.pending - 1, error: null, savedAt: new Date().toISOString() });
      } catch (e) {
        this.setSave({ ...this.save, pending: this.save.pending - 1, error: `Saved in this browser, but not in the journal on disk: ${(e as Error).message}` });
      }
      this.emit();
    });
  }

  /** Resolves when every write so far has committed (or failed). */
  flushed(): Promise<unknown> {
    return this.writes;
  }

  /** Records and applies one user action. */
  commit(label: string, change: Partial<ChangeSet>): void {
    const full: ChangeSet = { ...emptyChange(), ...change };
    if (!full.putSpans.length && !full.deleteSpanIds.length && !full.putRelations.length && !full.deleteRelationIds.length) return;
    const step = stepFor(label, { span: (id) => this.byId.get(id), relation: (id) => this.relations.find((r) => r.id === id) }, full);
    this.apply(full, record(this.history, step));
  }

  /** Deletes spans and every relation that touches them, as one undoable step. */
  deleteSpans(ids: string[]): void {
    const gone = new Set(ids);
    const relations = this.relations.filter((r) => gone.has(r.head) || gone.has(r.tail)).map((r) => r.id);
    this.commit(ids.length === 1 ? `delete ${this.byId.get(ids[0]!)?.label ?? 'span'}` : `delete ${ids.length} spans`, { deleteSpanIds: ids, deleteRelationIds: relations });
  }

  /** Replaces one span with an updated copy (label, bounds, attributes). */
  updateSpan(label: string, span: Span): void {
    this.commit(label, { putSpans: [{ ...span, updatedAt: new Date().toISOString() }] });
  }

  /** Undoes the last action; false when there is none. */
  undo(): string | false {
    const u = undo(this.history);
    if (!u) return false;
    this.apply(u.change, u.history);
    return u.step.label;
  }

  /** Redoes the last undone action; false when there is none. */
  redo(): string | false {
    const r = redo(this.history);
    if (!r) return false;
    this.apply(r.change, r.history);
    return r.step.label;
  }

  /** Sets the document's status. */
  setStatus(status: DocStatus): void {
    this.status = status;
    this.persist({ ...emptyChange(), status }, this.history);
    this.emit();
  }

  /** Marks a span as selected (null: none) and tells the editor. */
  select(id: string | null, scroll = false, collapse = false): void {
    this.selectedId = id && this.byId.has(id) ? id : null;
    this.editor?.select(this.selectedId, scroll, collapse);
    this.emit();
  }

  /** Remembers rejected suggestions for good. */
  reject(keys: string[]): void {
    for (const k of keys) this.rejected.add(k);
    this.persist(emptyChange(), this.history, [...this.rejected]);
    this.emit();
  }
}
