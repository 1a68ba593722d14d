// The open document's annotations in memory: every action is one step that is painted, persisted and undoable.
//
// The session is plain TypeScript (no React, no DOM view): it changes its span index and
// history, tells its listeners what changed at once (the editor paints the change in the
// same task), tells React after the frame that shows it, and persists after that frame.

import { emptyChange, record, redo, stepFor, undo, type ChangeSet, type History } from '../../core/model/history';
import { OffsetMap } from '../../core/model/offsets';
import type { DocMeta } from '../../core/ipc/contract';
import type { DocStatus, Relation, Span } from '../../core/model/types';
import type { DocAnnotations } from '../db/annotations';
import { afterPaint } from './after-paint';
import { SessionStore, type PersistFn, type SaveState } from './session-store';
import { SpanIndex } from './span-index';

export type { SaveState } from './session-store';

/** What changed in a session, as the editor needs it to repaint only that. */
export type SessionEvent =
  /** Spans to paint (added or changed, placed) and span ids to take off the page. */
  | { type: 'spans'; paint: Span[]; unpaint: string[] }
  /** The relations changed; here is the whole (short) list. */
  | { type: 'relations'; relations: readonly Relation[] }
  /** The selected span changed (null: none); `scroll` brings it into view, `collapse` puts the caret after it. */
  | { type: 'select'; id: string | null; scroll: boolean; collapse: boolean };

/**
 * One annotator's session on one document. Listeners of {@link on} hear each change at once;
 * React reads it through `subscribe`/`version`, told after the paint.
 */
export class DocSession {
  readonly map: OffsetMap;
  readonly index: SpanIndex;
  private state: { status: DocStatus; history: History; selectedId: string | null; version: number; meta: DocMeta | undefined };
  private readonly rejectedKeys: Set<string>;
  private relationList: Relation[];
  private readonly relationById: Map<string, Relation>;
  private readonly store: SessionStore;
  private readonly listeners = new Set<(urgent: boolean) => void>();
  private readonly eventListeners = new Set<(event: SessionEvent) => void>();
  private notifyScheduled = false;
  /** Ids deleted while the rest of a long document's spans were still being read: they must not come back with them. */
  private goneWhileArriving: Set<string> | null = null;

  constructor(
    readonly docId: string,
    readonly annotator: string,
    readonly path: string,
    readonly text: string,
    init: DocAnnotations,
    /** Stores one change (IndexedDB, then the journal): the one place a session's writes go. */
    persist: PersistFn,
    /** `init` holds only the opening spans of a long document; the rest come through {@link arrive}. */
    partial = false,
  ) {
    if (partial) this.goneWhileArriving = new Set();
    this.map = new OffsetMap(text);
    this.index = new SpanIndex(init.spans);
    this.relationList = [...init.relations];
    this.relationById = new Map(this.relationList.map((r) => [r.id, r]));
    this.state = { status: init.state?.status ?? 'todo', history: init.history, selectedId: null, version: 0, meta: init.state?.meta };
    this.rejectedKeys = new Set(init.rejected);
    this.store = new SessionStore(persist, (status) => {
      if (status === this.state.status) return;
      this.state.status = status;
      this.notify();
    });
  }

  // --- Reading -------------------------------------------------------------------------------

  /** The document's status (todo, in progress, done, skipped). */
  get status(): DocStatus {
    return this.state.status;
  }

  /** The undo history: a persistent value, replaced by each action. */
  get history(): History {
    return this.state.history;
  }

  /** The selected span's id, or null. */
  get selectedId(): string | null {
    return this.state.selectedId;
  }

  /** A number that changes with every change, for React. */
  get version(): number {
    return this.state.version;
  }

  /** The document's own note (comment, unsure flag), if any. */
  get meta(): DocMeta | undefined {
    return this.state.meta;
  }

  /** The suggestion keys rejected for good. */
  get rejected(): ReadonlySet<string> {
    return this.rejectedKeys;
  }

  /** Every span in reading order (orphans included). */
  get spans(): readonly Span[] {
    return this.index.all;
  }

  get relations(): readonly Relation[] {
    return this.relationList;
  }

  /** A span of this document by id. */
  span(id: string): Span | undefined {
    return this.index.get(id);
  }

  /** The selected span, if any. */
  get selected(): Span | undefined {
    return this.selectedId ? this.index.get(this.selectedId) : undefined;
  }

  /** The spans placed in the text (not orphaned), in reading order: the same array until the spans change (never mutate it). */
  get placedSpans(): Span[] {
    if (this.placed?.revision !== this.index.revision) {
      const all = this.index.all;
      this.placed = { revision: this.index.revision, spans: this.index.orphanCount ? all.filter((x) => !x.orphaned) : [...all] };
    }
    return this.placed.spans;
  }
  private placed: { revision: number; spans: Span[] } | null = null;

  /** Spans waiting for the annotator to place or delete them after the text changed. */
  get orphanedSpans(): Span[] {
    return this.index.orphanCount ? this.index.all.filter((x) => x.orphaned) : [];
  }

  /** The relations that touch a span. */
  relationsOf(id: string): Relation[] {
    return this.relationList.filter((r) => r.head === id || r.tail === id);
  }

  /** What the save indicator shows. */
  get save(): SaveState {
    return this.store.save;
  }

  /** Changes with every change of {@link save}. */
  get saveVersion(): number {
    return this.store.version;
  }

  /** Subscribes to the save state alone, told at once (never "Saved" while a write is pending). */
  subscribeSave = (listener: () => void): (() => void) => this.store.subscribe(listener);

  /** Resolves when every write so far has committed (or failed). */
  flushed(): Promise<unknown> {
    return this.store.flushed();
  }

  // --- Listening -----------------------------------------------------------------------------

  /**
   * Subscribes React to changes, told after the frame that shows them, or at once (`urgent`) for
   * a change made in a form, whose controlled fields must show it in the same event; returns the
   * unsubscribe function.
   */
  subscribe = (listener: (urgent: boolean) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Subscribes to what changed, told at once (the editor paints from here); returns the unsubscribe function. */
  on(listener: (event: SessionEvent) => void): () => void {
    this.eventListeners.add(listener);
    if (this.unheardPaint) listener({ type: 'spans', paint: this.unheardPaint, unpaint: [] });
    this.unheardPaint = null;
    return () => this.eventListeners.delete(listener);
  }

  private emit(event: SessionEvent): void {
    for (const l of this.eventListeners) l(event);
  }

  /** Counts a change and tells React after the paint, once per frame however many changes came; `urgent`: at once. */
  private notify(urgent = false): void {
    this.state.version++;
    if (urgent) {
      for (const l of this.listeners) l(true);
      return;
    }
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    afterPaint(() => {
      this.notifyScheduled = false;
      for (const l of this.listeners) l(false);
    });
  }

  /** True until the spans beyond the opening screens of a long document have arrived. */
  get arriving(): boolean {
    return this.goneWhileArriving !== null;
  }

  /**
   * The rest of the spans, read after the first paint: added to the index and painted, neither
   * recorded nor persisted (they are stored already). A span the annotator changed or deleted
   * meanwhile keeps what the annotator did.
   */
  arrive(spans: readonly Span[]): void {
    const gone = this.goneWhileArriving ?? new Set<string>();
    this.goneWhileArriving = null;
    const fresh = spans.filter((s) => !gone.has(s.id) && !this.index.has(s.id));
    for (const s of fresh) this.index.put(s);
    const paint = fresh.filter((x) => !x.orphaned);
    // Before the editor listens (its view not made yet), the paint waits for it: see {@link on}.
    if (this.eventListeners.size) this.emit({ type: 'spans', paint, unpaint: [] });
    else this.unheardPaint = paint;
    this.notify();
  }
  private unheardPaint: Span[] | null = null;

  // --- Changing ------------------------------------------------------------------------------

  /** Applies a change in memory and on screen, then persists it after the paint. */
  private apply(change: ChangeSet, history: History, extra: { status?: DocStatus; rejected?: string[]; urgent?: boolean } = {}): void {
    for (const id of change.deleteSpanIds) {
      this.index.delete(id);
      this.goneWhileArriving?.add(id);
    }
    for (const s of change.putSpans) this.index.put(s);
    for (const id of change.deleteRelationIds) this.relationById.delete(id);
    for (const r of change.putRelations) this.relationById.set(r.id, r);
    const relationsChanged = change.putRelations.length > 0 || change.deleteRelationIds.length > 0;
    if (relationsChanged) this.relationList = [...this.relationById.values()];
    this.state.history = history;
    if (extra.status) this.state.status = extra.status;
    // The store's rule, applied at once so the toolbar does not change a moment later: a first span starts the document.
    else if (this.state.status === 'todo' && this.index.size > 0) this.state.status = 'in-progress';
    if (this.state.selectedId && !this.index.has(this.state.selectedId)) this.state.selectedId = null;
    // Orphaned spans (not placed after a text change) are listed for review, never painted.
    const paint = change.putSpans.filter((x) => !x.orphaned);
    const unpaint = [...change.deleteSpanIds, ...change.putSpans.filter((x) => x.orphaned).map((x) => x.id)];
    this.emit({ type: 'spans', paint, unpaint });
    if (relationsChanged || change.deleteSpanIds.length) this.emit({ type: 'relations', relations: this.relationList });
    // Counted from the index when it holds the whole document; while spans are still arriving, the store counts.
    const counts = this.arriving ? undefined : { spanCount: this.index.size, labelCounts: this.index.labelCounts() };
    this.store.persist({ ...change, status: extra.status, history, rejected: extra.rejected, counts });
    this.notify(extra.urgent);
  }

  /** Records and applies one user action; false when the change is empty. `urgent`: made in a form (see {@link subscribe}). */
  commit(label: string, change: Partial<ChangeSet>, options: { urgent?: boolean } = {}): boolean {
    const full: ChangeSet = { ...emptyChange(), ...change };
    if (!full.putSpans.length && !full.deleteSpanIds.length && !full.putRelations.length && !full.deleteRelationIds.length) return false;
    const step = stepFor(label, { span: (id) => this.index.get(id), relation: (id) => this.relationById.get(id) }, full);
    this.apply(full, record(this.history, step), { urgent: options.urgent });
    return true;
  }

  /** Deletes spans and every relation that touches them, as one undoable step. */
  deleteSpans(ids: string[]): void {
    const gone = new Set(ids);
    const relations = this.relationList.filter((r) => gone.has(r.head) || gone.has(r.tail)).map((r) => r.id);
    this.commit(ids.length === 1 ? `delete ${this.index.get(ids[0]!)?.label ?? 'span'}` : `delete ${ids.length} spans`, { deleteSpanIds: ids, deleteRelationIds: relations });
  }

  /** Replaces one span with an updated copy (label, bounds, attributes). */
  updateSpan(label: string, span: Span): void {
    this.commit(label, { putSpans: [{ ...span, updatedAt: new Date().toISOString() }] });
  }

  /** Undoes the last action; its label, or false when there is none. */
  undo(): string | false {
    const u = undo(this.history);
    if (!u) return false;
    this.apply(u.change, u.history);
    return u.step.label;
  }

  /** Redoes the last undone action; its label, or false when there is none. */
  redo(): string | false {
    const r = redo(this.history);
    if (!r) return false;
    this.apply(r.change, r.history);
    return r.step.label;
  }

  /** Sets the document's status (chosen in a form or by key: React hears it at once). */
  setStatus(status: DocStatus): void {
    this.state.status = status;
    this.store.persist({ ...emptyChange(), status, history: this.history });
    this.notify(true);
  }

  /** Sets the document's note, whole (journaled as its `doc-meta`); made in a form, so React hears it at once. */
  setMeta(meta: DocMeta): void {
    this.state.meta = meta;
    this.store.persist({ ...emptyChange(), history: this.history, meta });
    this.notify(true);
  }

  /** Marks a span as selected (null: none) and tells the editor. */
  select(id: string | null, scroll = false, collapse = false): void {
    this.state.selectedId = id && this.index.has(id) ? id : null;
    this.emit({ type: 'select', id: this.selectedId, scroll, collapse });
    this.notify();
  }

  /** Remembers rejected suggestions for good. */
  reject(keys: string[]): void {
    for (const k of keys) this.rejectedKeys.add(k);
    this.store.persist({ ...emptyChange(), history: this.history, rejected: [...this.rejectedKeys] });
    this.notify();
  }
}
