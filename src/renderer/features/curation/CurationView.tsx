// The team lead's view: load annotators' exports, read agreement, adjudicate conflicts by keyboard, export the gold.
//
// Every figure and every gold byte comes from src/core/agreement, the functions the CLI runs
// (corpusFromFiles, computeAgreement, buildCuration, resolveConflict, serializeGold), so the
// app and `marginalia agreement` / `merge` agree on the same files. The state is a persistent
// value: each decision makes a new one, which is saved (IndexedDB, via ./store) and kept on
// an in-memory undo stack.

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import { NoticeBar, type Notice } from '../NoticeBar';
import {
  acceptedSides,
  computeAgreement,
  conflictCounts,
  CurationError,
  curationProgress,
  editGoldSpan,
  goldSpanId,
  goldSpans,
  isDecided,
  MERGE_STRATEGIES,
  resolveConflict,
  serializeGold,
  type ConflictChoice,
  type Corpus,
  type CurationState,
  type DocumentCuration,
  type MergeStrategy,
  type SpanEdit,
} from '../../../core/agreement';
import { labelDef, type LabelSchema } from '../../../core/model/schema';
import { downloadUrlOf, host } from '../../api/client';
import { isTypingTarget } from '../../app/keys';
import { db } from '../../db/db';
import { exportFileName } from '../export';
import { CurateDoc, annotatorChoice } from './CurateDoc';
import { fmt, shortDocId } from './figures';
import { readPickedFiles } from './inputs';
import { Overview } from './Overview';
import { corpusOf, decidedCount, disagreementOrder, rebuild, SESSION_FORMAT, stepConflict, storedDocuments, type Place, type StoredInputs, type StoredSession, type StrategyChoice } from './session';
import { clearCuration, CurationSaver, loadCuration, saveInputs } from './store';
import './curation.css';

/** Props of {@link CurationView}. */
export interface CurationViewProps {
  schema: LabelSchema;
  hostKind: 'electron' | 'browser';
  onExit: () => void;
}


/** The loaded inputs and the corpus read from them. */
interface Loaded {
  inputs: StoredInputs;
  corpus: Corpus;
}

/** How long an info notice stays: long enough to read two sentences. */
const NOTICE_MS = 8000;

/** States kept for Ctrl+Z: a long session of decisions, each sharing all but one document with the last. */
const UNDO_DEPTH = 500;

/** Colours for labels the schema does not know (another team's export): distinct, readable under text. */
const FALLBACK_COLORS = ['#7f8c8d', '#c0392b', '#16a085', '#8e44ad', '#d35400', '#2c3e50', '#27ae60', '#b7950b'];

/** Keys the curation view takes for itself; a schema label bound to one of them is relabelled with the select instead. */
const RESERVED_KEYS = new Set(['j', 'k', 'n', 'b', 'x', 'u', '[', ']', '?', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

const DEFAULT_CHOICE: StrategyChoice = { strategy: 'majority', min: null };

function sessionOf(state: CurationState, choice: StrategyChoice, place: Place | null, view: 'overview' | 'curate'): StoredSession {
  return { format: SESSION_FORMAT, choice, documents: storedDocuments(state), position: { docId: place?.docId ?? null, conflictId: place?.conflictId ?? null, view } };
}

/** The gold id (edits applied) of the first side a conflict accepts, to select after moving to it. */
function goldOfConflict(doc: DocumentCuration, conflictId: string | null): string | null {
  const conflict = conflictId ? doc.conflicts.find((c) => c.id === conflictId) : undefined;
  if (!conflict) return null;
  const accepted = acceptedSides(doc, conflict);
  const gold = goldSpans(doc);
  for (const id of accepted) {
    const g = gold.find((s) => (s.editedFrom ?? s.id) === id);
    if (g) return g.id;
  }
  return null;
}

/** The curation view. */
export function CurationView({ schema, hostKind, onExit }: CurationViewProps) {
  const [phase, setPhase] = useState<'loading' | 'empty' | 'ready'>('loading');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [choice, setChoice] = useState<StrategyChoice>(DEFAULT_CHOICE);
  const [state, setState] = useState<CurationState | null>(null);
  const [place, setPlace] = useState<Place | null>(null);
  const [selectedGold, setSelectedGold] = useState<string | null>(null);
  const [view, setView] = useState<'overview' | 'curate'>('overview');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [advance, setAdvance] = useState(true);
  const [dragging, setDragging] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const undo = useRef<{ done: CurationState[]; undone: CurationState[] }>({ done: [], undone: [] });
  const picker = useRef<HTMLInputElement>(null);
  const saver = useMemo(() => new CurationSaver(db), []);
  const saveStatus = useSyncExternalStore(
    useCallback((l: () => void) => saver.subscribe(l), [saver]),
    () => saver.status,
  );

  const report = useMemo(() => (loaded && loaded.corpus.documents.length ? computeAgreement(loaded.corpus) : null), [loaded]);
  const order = useMemo(() => (report && state ? disagreementOrder(report, state) : []), [report, state]);
  const docById = useMemo(() => new Map((state?.documents ?? []).map((d) => [d.docId, d])), [state]);
  const f1ById = useMemo(() => new Map((report?.per_document ?? []).map((d) => [d.doc_id, d.overall.f1_overlap])), [report]);
  const progress = state ? curationProgress(state) : { conflicts: 0, decided: 0 };
  const currentDoc = place ? docById.get(place.docId) ?? null : null;

  const colorOf = useCallback(
    (label: string) => {
      const def = labelDef(schema, label)?.color;
      if (def) return def;
      let h = 0;
      for (let i = 0; i < label.length; i++) h = (h * 31 + label.charCodeAt(i)) >>> 0;
      return FALLBACK_COLORS[h % FALLBACK_COLORS.length]!;
    },
    [schema],
  );

  // Info notices go by themselves, errors and export results (with their path) stay until dismissed.
  useEffect(() => {
    if (!notice || notice.kind === 'error' || notice.path) return;
    const timer = setTimeout(() => setNotice((n) => (n === notice ? null : n)), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // The tab is part of the place a reload comes back to.
  const switchView = useCallback(
    (next: 'overview' | 'curate') => {
      setView(next);
      if (state) saver.save(state, sessionOf(state, choice, place, next), []);
    },
    [choice, place, saver, state],
  );

  // Start-up: the stored inputs and decisions, rebuilt into the same state.
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const stored = await loadCuration(db);
        if (!live) return;
        if (!stored || stored.inputs.files.length === 0) return setPhase('empty');
        const corpus = corpusOf(stored.inputs);
        const savedChoice = stored.session?.choice ?? DEFAULT_CHOICE;
        const { state: next, dropped } = rebuild(corpus, savedChoice, stored.session?.documents ?? {});
        setLoaded({ inputs: stored.inputs, corpus });
        setChoice(savedChoice);
        setState(next);
        const pos = stored.session?.position;
        const doc = pos?.docId ? next.documents.find((d) => d.docId === pos.docId) : undefined;
        if (doc) {
          const conflictId = pos!.conflictId && doc.conflicts.some((c) => c.id === pos!.conflictId) ? pos!.conflictId : (doc.conflicts[0]?.id ?? null);
          setPlace({ docId: doc.docId, conflictId });
          setSelectedGold(goldOfConflict(doc, conflictId));
        }
        setView(pos?.view === 'curate' && doc ? 'curate' : 'overview');
        if (dropped) setNotice({ kind: 'info', text: `${dropped} stored decision${dropped === 1 ? '' : 's'} no longer match the inputs and were set aside.` });
        setPhase('ready');
      } catch (e) {
        if (!live) return;
        setNotice({ kind: 'error', text: `The stored curation cannot be read: ${(e as Error).message ?? e}` });
        setPhase('empty');
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  /** Makes `next` the state: undo stack, React, and the store (the gold of `docIds`). */
  const commit = useCallback(
    (next: CurationState, docIds: readonly string[], nextPlace: Place | null = place) => {
      if (state) {
        undo.current.done.push(state);
        if (undo.current.done.length > UNDO_DEPTH) undo.current.done.shift();
        undo.current.undone = [];
      }
      setState(next);
      saver.save(next, sessionOf(next, choice, nextPlace, view), docIds);
    },
    [choice, place, saver, state, view],
  );

  /** Moves to a place and selects the gold span of its conflict; `save` also stores the place, so a reload comes back to it. */
  const goTo = useCallback(
    (next: Place | null, on: CurationState | null = state, save = true, nextView = view) => {
      setPlace(next);
      const doc = next && on ? on.documents.find((d) => d.docId === next.docId) : undefined;
      setSelectedGold(doc ? goldOfConflict(doc, next!.conflictId) : null);
      if (on && save) saver.save(on, sessionOf(on, choice, next, nextView), []);
    },
    [choice, saver, state, view],
  );

  const openDocument = useCallback(
    (docId: string) => {
      const doc = docById.get(docId);
      if (!doc) return;
      const firstOpen = doc.conflicts.find((c) => !isDecided(doc, c.id)) ?? doc.conflicts[0];
      setView('curate');
      goTo({ docId, conflictId: firstOpen?.id ?? null }, state, true, 'curate');
    },
    [docById, goTo, state],
  );

  /** Reads new inputs (or the same with fewer files) into a new corpus and state, keeping every decision that still applies. */
  const applyInputs = useCallback(
    async (inputs: StoredInputs, nextChoice: StrategyChoice, message?: string) => {
      const corpus = corpusOf(inputs);
      const { state: next, kept, dropped } = rebuild(corpus, nextChoice, state ? storedDocuments(state) : {});
      setLoaded({ inputs, corpus });
      setChoice(nextChoice);
      setState(next);
      undo.current = { done: [], undone: [] };
      const stillThere = place && next.documents.some((d) => d.docId === place.docId) ? place : null;
      setPlace(stillThere);
      if (!stillThere) setSelectedGold(null);
      setPhase(inputs.files.length ? 'ready' : 'empty');
      await saveInputs(db, inputs);
      saver.save(next, sessionOf(next, nextChoice, stillThere, view));
      const parts = [message ?? '', kept || dropped ? `${kept} decision${kept === 1 ? '' : 's'} kept${dropped ? `, ${dropped} no longer apply` : ''}.` : ''].filter(Boolean);
      if (parts.length) setNotice({ kind: 'info', text: parts.join(' ') });
    },
    [place, saver, state, view],
  );

  const addFiles = useCallback(
    async (files: readonly File[]) => {
      if (!files.length) return;
      const current = loaded?.inputs ?? { files: [], refused: [] };
      const picked = await readPickedFiles(files, current.files);
      const inputs: StoredInputs = { files: [...current.files, ...picked.added], refused: [...current.refused, ...picked.refused] };
      const corpus = corpusOf(inputs);
      const errors = corpus.errors.length - (loaded?.corpus.errors.length ?? 0);
      const message = [
        `Read ${picked.added.length} file${picked.added.length === 1 ? '' : 's'}: ${corpus.documents.length} document${corpus.documents.length === 1 ? '' : 's'}, ${corpus.annotators.length} annotator${corpus.annotators.length === 1 ? '' : 's'}.`,
        errors > 0 ? `${errors} line${errors === 1 ? '' : 's'} left out (see Problems).` : '',
        picked.duplicates.length ? `Already loaded, skipped: ${picked.duplicates.join(', ')}.` : '',
        corpus.sourceConflicts.length ? `${corpus.sourceConflicts.length} source${corpus.sourceConflicts.length === 1 ? ' has' : 's have'} two different texts (kept apart).` : '',
      ]
        .filter(Boolean)
        .join(' ');
      await applyInputs(inputs, choice, message);
      if (!place) setView('overview');
    },
    [choice, loaded, place, applyInputs],
  );

  const removeFile = useCallback(
    (name: string) => {
      if (!loaded) return;
      const inputs: StoredInputs = { files: loaded.inputs.files.filter((f) => f.file !== name), refused: loaded.inputs.refused.filter((e) => e.file !== name) };
      void applyInputs(inputs, choice, `Removed ${name}.`);
    },
    [choice, loaded, applyInputs],
  );

  const changeStrategy = useCallback(
    (next: StrategyChoice) => {
      if (!loaded) return;
      void applyInputs(loaded.inputs, next, `Strategy: ${next.strategy}${next.strategy === 'majority' ? (next.min === null ? ' (more than half)' : ` (at least ${next.min})`) : ''}.`);
    },
    [loaded, applyInputs],
  );

  const clearAll = useCallback(async () => {
    await saver.flushed();
    await clearCuration(db);
    setLoaded(null);
    setState(null);
    setPlace(null);
    setSelectedGold(null);
    setConfirmClear(false);
    undo.current = { done: [], undone: [] };
    setPhase('empty');
    setNotice({ kind: 'info', text: 'The loaded exports and decisions are forgotten. The gold already written as "adjudicated" stays in the annotation store.' });
  }, [saver]);

  // --- Deciding and editing -------------------------------------------------------------

  const decide = useCallback(
    (c: ConflictChoice | null) => {
      if (!state || !place?.conflictId) return;
      let next: CurationState;
      try {
        next = resolveConflict(state, place.conflictId, c);
      } catch (e) {
        setNotice({ kind: 'error', text: (e as Error).message });
        return;
      }
      // After a decision, on to the next open conflict (staying put when none is left).
      const target = (c !== null && advance ? stepConflict(next, order, place, 1, true) : null) ?? place;
      commit(next, [place.docId], target);
      goTo(target, next, false);
      const after = curationProgress(next);
      if (c !== null && after.decided === after.conflicts && curationProgress(state).decided < after.conflicts) {
        setNotice({ kind: 'info', text: `All ${after.conflicts} conflicts are resolved: export the gold when you are ready.` });
      }
    },
    [advance, commit, goTo, order, place, state],
  );

  const editSelected = useCallback(
    (make: (g: { start: number; end: number; label: string }) => SpanEdit | null) => {
      if (!state || !currentDoc || !selectedGold) return;
      const g = goldSpans(currentDoc).find((s) => s.id === selectedGold);
      if (!g) return;
      const original = g.editedFrom ?? g.id;
      let next = state;
      // Correcting a span of an open conflict decides the conflict as it stands.
      const owner = currentDoc.conflicts.find((c) => c.sides.some((s) => s.id === original));
      if (owner && !isDecided(currentDoc, owner.id)) next = resolveConflict(next, owner.id, { kind: 'sides', sides: [...acceptedSides(currentDoc, owner)] });
      const edit = make(g);
      try {
        next = editGoldSpan(next, currentDoc.docId, original, edit);
      } catch (e) {
        if (e instanceof CurationError) return; // at the text's edge, or an empty span: nothing to do
        throw e;
      }
      commit(next, [currentDoc.docId]);
      setSelectedGold(edit ? goldSpanId(currentDoc.docId, edit.start, edit.end, edit.label) : original);
    },
    [commit, currentDoc, selectedGold, state],
  );

  const move = useCallback(
    (edge: 'start' | 'end', by: number) => editSelected((g) => ({ start: g.start + (edge === 'start' ? by : 0), end: g.end + (edge === 'end' ? by : 0), label: g.label })),
    [editSelected],
  );
  const relabel = useCallback((label: string) => editSelected((g) => ({ start: g.start, end: g.end, label })), [editSelected]);
  const resetEdit = useCallback(() => editSelected(() => null), [editSelected]);

  const stepGold = useCallback(
    (by: 1 | -1) => {
      if (!currentDoc) return;
      const gold = goldSpans(currentDoc);
      if (!gold.length) return;
      const i = selectedGold ? gold.findIndex((g) => g.id === selectedGold) : -1;
      let next = gold[(i + by + gold.length) % gold.length]!;
      if (i < 0) {
        const conflict = currentDoc.conflicts.find((c) => c.id === place?.conflictId);
        const at = conflict?.start ?? 0;
        next = (by === 1 ? gold.find((g) => g.start >= at) : [...gold].reverse().find((g) => g.start < at)) ?? next;
      }
      setSelectedGold(next.id);
    },
    [currentDoc, place, selectedGold],
  );

  const undoRedo = useCallback(
    (which: 'undo' | 'redo') => {
      if (!state) return;
      const from = which === 'undo' ? undo.current.done : undo.current.undone;
      const to = which === 'undo' ? undo.current.undone : undo.current.done;
      const prev = from.pop();
      if (!prev) return setNotice({ kind: 'info', text: `Nothing to ${which}.` });
      to.push(state);
      // The documents whose decisions or edits differ between the two states.
      const changed = prev.documents.filter((d, i) => d !== state.documents[i]).map((d) => d.docId);
      setState(prev);
      saver.save(prev, sessionOf(prev, choice, place, view), changed);
      if (currentDoc) {
        const doc = prev.documents.find((d) => d.docId === currentDoc.docId);
        if (doc) setSelectedGold(goldOfConflict(doc, place?.conflictId ?? null));
      }
    },
    [choice, currentDoc, place, saver, state, view],
  );

  // --- Export ------------------------------------------------------------------------------

  const exportGold = useCallback(async () => {
    if (!state) return;
    setExporting(true);
    try {
      await saver.flushed();
      const content = serializeGold(state);
      const name = exportFileName('gold', 'adjudicated');
      const res = await host.api.saveExport({ suggestedName: name, content });
      if ('canceled' in res) return setNotice({ kind: 'info', text: 'Export canceled.' });
      const open = state.documents.filter((d) => d.conflicts.some((c) => !isDecided(d, c.id))).length;
      setNotice({
        kind: 'info',
        text: `Gold of ${state.documents.length} document${state.documents.length === 1 ? '' : 's'} written to ${res.path}${open ? ` (${open} still "in-progress": their open conflicts follow the strategy)` : ''}.`,
        path: res.path,
        ...(hostKind === 'browser' ? { download: { url: downloadUrlOf(res.path), name: res.path.split(/[\\/]/).pop() ?? name } } : {}),
      });
    } catch (e) {
      setNotice({ kind: 'error', text: `The gold was not written: ${(e as Error).message ?? e}` });
    } finally {
      setExporting(false);
    }
  }, [hostKind, saver, state]);

  // --- Keyboard ------------------------------------------------------------------------------

  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  keys.current = (e: KeyboardEvent) => {
    if (isTypingTarget(e.target)) return;
    // The workbench behind this view listens on window too: its keys (delete, relabel, undo)
    // must not reach the document it still holds while the lead curates.
    e.stopPropagation();
    const handled = () => e.preventDefault();
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && !e.altKey) {
      const k = e.key.toLowerCase();
      if (k === 'z') return handled(), undoRedo(e.shiftKey ? 'redo' : 'undo');
      if (k === 'y') return handled(), undoRedo('redo');
      return;
    }
    if (e.key === '?') return handled(), setHelpOpen((o) => !o);
    if (e.key === 'Escape' && helpOpen) return setHelpOpen(false);
    if (view !== 'curate' || !state) return;
    if ((e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement).closest?.('button, a, summary, select')) return;
    if (e.altKey && !ctrl) {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') return handled(), move(e.shiftKey ? 'start' : 'end', e.key === 'ArrowLeft' ? -1 : 1);
      return;
    }
    if (ctrl) return;
    const step = (by: 1 | -1, undecidedOnly: boolean) => {
      const next = stepConflict(state, order, place, by, undecidedOnly);
      if (next) goTo(next);
      else setNotice({ kind: 'info', text: undecidedOnly ? 'Every conflict is decided.' : 'No conflict to go to.' });
    };
    switch (e.key) {
      case 'j':
      case 'n':
        return handled(), step(1, false);
      case 'k':
        return handled(), step(-1, false);
      case 'J':
      case 'N':
        return handled(), step(1, true);
      case 'K':
        return handled(), step(-1, true);
      case 'b':
        return handled(), decide({ kind: 'all' });
      case 'x':
        return handled(), decide({ kind: 'none' });
      case 'u':
        return handled(), decide(null);
      case ']':
        return handled(), stepGold(1);
      case '[':
        return handled(), stepGold(-1);
      case 'Escape':
        return setSelectedGold(null);
    }
    if (/^[1-9]$/.test(e.key) && currentDoc && place?.conflictId) {
      const a = currentDoc.annotators[Number(e.key) - 1];
      const conflict = currentDoc.conflicts.find((c) => c.id === place.conflictId);
      if (a && conflict) return handled(), decide(annotatorChoice(conflict, a));
      return;
    }
    const label = schema.labels.find((l) => l.hotkey === e.key.toLowerCase() && !RESERVED_KEYS.has(l.hotkey));
    if (label && selectedGold) return handled(), relabel(label.name);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keys.current(e);
    // Capture: this view answers before the workbench's own window listener.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  // Exports dropped anywhere on the view. Enter and leave fire for every child crossed: a depth count tells when the drag really left.
  const dragDepth = useRef(0);
  const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');
  const dropProps = {
    onDragEnter: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      dragDepth.current++;
      setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      dragDepth.current = 0;
      setDragging(false);
      void addFiles([...e.dataTransfer.files]);
    },
  };

  const counts = state ? conflictCounts(state) : null;
  const pct = progress.conflicts ? (100 * progress.decided) / progress.conflicts : 100;

  return (
    <div className={`curation${dragging ? ' dragging' : ''}`} {...dropProps} data-testid="curation">
      <header className="cur-top">
        <button onClick={() => void saver.flushed().then(onExit)} title="Back to the annotation workbench">← Annotate</button>
        <h1>Curation</h1>
        {phase === 'ready' ? (
          <>
            <nav className="cur-tabs" role="tablist">
              <button role="tab" aria-selected={view === 'overview'} className={view === 'overview' ? 'active' : ''} onClick={() => switchView('overview')} data-testid="tab-overview">
                Inputs &amp; agreement
              </button>
              <button
                role="tab"
                aria-selected={view === 'curate'}
                className={view === 'curate' ? 'active' : ''}
                onClick={() => (place ? switchView('curate') : order[0] && openDocument(order[0]))}
                data-testid="tab-curate"
              >
                Adjudicate
              </button>
            </nav>
            <label className="strategy" title="What the candidate gold keeps before any decision: every conflict is marked whatever the strategy">
              Strategy{' '}
              <select
                value={choice.strategy}
                onChange={(e) => changeStrategy({ strategy: e.target.value as MergeStrategy, min: e.target.value === 'majority' ? choice.min : null })}
                data-testid="strategy"
              >
                {MERGE_STRATEGIES.map((s) => <option key={s} value={s}>{s}</option>)}
              </select>
            </label>
            {choice.strategy === 'majority' ? (
              <label className="strategy" title="Supporters a span needs: at least k of the document's annotators (empty: more than half of them)">
                at least{' '}
                <input
                  type="number"
                  min={1}
                  max={Math.max(1, loaded?.corpus.annotators.length ?? 1)}
                  value={choice.min ?? ''}
                  placeholder="auto"
                  onChange={(e) => {
                    const v = e.target.value === '' ? null : Math.max(1, Math.floor(Number(e.target.value)));
                    if (v === null || Number.isFinite(v)) changeStrategy({ strategy: 'majority', min: v });
                  }}
                  data-testid="strategy-min"
                />
                <span className="muted"> of {loaded?.corpus.annotators.length ?? 0}</span>
              </label>
            ) : null}
            <div className="cur-progress" data-testid="curation-progress" title={counts ? `boundary ${counts.boundary} · label ${counts.label} · minority ${counts.minority} · partial ${counts.partial}` : ''}>
              <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={progress.conflicts} aria-valuenow={progress.decided} aria-label="Conflicts resolved">
                <span style={{ width: `${pct}%` }} />
              </div>
              <span data-testid="curation-progress-text">
                {progress.decided} of {progress.conflicts} resolved
              </span>
            </div>
            <span className="save-state" data-testid="curation-save" data-pending={saveStatus.pending}>
              {saveStatus.error ?? (saveStatus.pending ? 'Saving…' : saveStatus.savedAt ? 'Saved' : '')}
            </span>
          </>
        ) : null}
        <span className="spacer" />
        <input ref={picker} type="file" multiple accept=".jsonl" hidden onChange={(e) => { void addFiles([...(e.target.files ?? [])]); e.target.value = ''; }} data-testid="curation-files" />
        {phase !== 'ready' ? (
          <button onClick={() => picker.current?.click()} title="Add annotators' native JSONL exports (or drop them on this view)">
            Add exports…
          </button>
        ) : null}
        {phase === 'ready' ? (
          <button className="primary" onClick={() => void exportGold()} disabled={exporting} data-testid="export-gold" title="Native JSONL, annotator “adjudicated”, each span with its sources">
            Export gold
          </button>
        ) : null}
        <button onClick={() => setHelpOpen((o) => !o)} title="Keys (?)">?</button>
      </header>

      {phase === 'loading' ? <div className="loading">Loading the curation…</div> : null}

      {phase === 'empty' ? (
        <div className="cur-empty">
          <div className="drop-zone" data-testid="drop-zone">
            <h2>Merge annotators' exports</h2>
            <p>
              Drop the native JSONL exports of several annotators here, or <button onClick={() => picker.current?.click()}>choose files…</button>
            </p>
            <p className="muted">
              Documents are matched by doc_id. You will see who covered what, the agreement per label and per pair, and every conflict to adjudicate.
              The files stay in this browser profile until you clear them; the gold is exported as native JSONL with annotator “adjudicated”.
            </p>
          </div>
        </div>
      ) : null}

      {phase === 'ready' && loaded && state && report && view === 'overview' ? (
        <main className="cur-main">
          <Overview
            files={loaded.inputs.files}
            corpus={loaded.corpus}
            report={report}
            state={state}
            order={order}
            onCurate={openDocument}
            onRemoveFile={removeFile}
            onAdd={() => picker.current?.click()}
            clear={
              confirmClear ? (
                <span className="confirm">
                  Forget these exports and every decision? <button onClick={() => void clearAll()}>Forget</button> <button onClick={() => setConfirmClear(false)}>Keep</button>
                </span>
              ) : (
                <button onClick={() => setConfirmClear(true)} title="Start over with other exports (the gold already written stays)">Clear…</button>
              )
            }
          />
        </main>
      ) : null}
      {phase === 'ready' && loaded && !report ? (
        <main className="cur-main">
          <p className="pad">No valid line was read from the files: nothing to compare. Their problems:</p>
          <ul className="problems pad">
            {loaded.corpus.errors.map((e, i) => (
              <li key={i}>
                <code>{e.line > 0 ? `${e.file}:${e.line}` : e.file}</code> {e.message}
              </li>
            ))}
          </ul>
        </main>
      ) : null}

      {phase === 'ready' && state && report && view === 'curate' ? (
        <div className="cur-body">
          <aside className="cur-docs" aria-label="Documents by disagreement">
            <div className="cur-docs-head">Documents by disagreement</div>
            <ul>
              {order.map((id) => {
                const d = docById.get(id)!;
                const decided = decidedCount(d);
                const f = f1ById.get(id);
                return (
                  <li key={id}>
                    <button className={`cur-doc-row${place?.docId === id ? ' active' : ''}`} onClick={() => openDocument(id)} data-doc-id={id}>
                      <span className="title">{d.source || shortDocId(id)}</span>
                      <span className="meta">
                        <span title="F1 overlap">F1 {fmt(f)}</span>
                        <span className={d.conflicts.length && decided === d.conflicts.length ? 'all-done' : ''}>
                          {d.conflicts.length ? `${decided}/${d.conflicts.length} resolved` : 'no conflict'}
                        </span>
                      </span>
                      <span className="mini-bar"><span style={{ width: `${d.conflicts.length ? (100 * decided) / d.conflicts.length : 100}%` }} /></span>
                    </button>
                  </li>
                );
              })}
            </ul>
            <label className="advance inline">
              <input type="checkbox" checked={advance} onChange={(e) => (setAdvance(e.target.checked), e.target.blur())} /> Next open conflict after a decision
            </label>
          </aside>
          {currentDoc ? (
            <CurateDoc
              doc={currentDoc}
              schema={schema}
              colorOf={colorOf}
              conflictId={place?.conflictId ?? null}
              selectedGold={selectedGold}
              onPickConflict={(id) => {
                setPlace({ docId: currentDoc.docId, conflictId: id });
                if (state) saver.save(state, sessionOf(state, choice, { docId: currentDoc.docId, conflictId: id }, view), []);
              }}
              onSelectGold={setSelectedGold}
              onChoose={decide}
              onMove={move}
              onRelabel={relabel}
              onResetEdit={resetEdit}
            />
          ) : (
            <p className="pad muted">Choose a document.</p>
          )}
        </div>
      ) : null}

      {view === 'curate' && phase === 'ready' ? (
        <footer className="cur-keys" data-testid="curation-keys">
          <kbd>j</kbd>/<kbd>k</kbd> next/previous conflict · <kbd>J</kbd> next open · <kbd>1</kbd>–<kbd>9</kbd> keep what annotator k marked · <kbd>b</kbd> both · <kbd>x</kbd> neither · <kbd>u</kbd> undo decision ·{' '}
          <kbd>[</kbd>/<kbd>]</kbd> gold span · <kbd>Alt</kbd>+<kbd>←</kbd>/<kbd>→</kbd> end · <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> start ·{' '}
          {schema.labels.filter((l) => !RESERVED_KEYS.has(l.hotkey)).map((l) => `${l.hotkey} ${l.name}`).join(' · ')} · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo
        </footer>
      ) : null}

      {helpOpen ? <KeysHelp schema={schema} onClose={() => setHelpOpen(false)} /> : null}

      {dragging ? <div className="drop-overlay">Drop the exports to add them to the merge</div> : null}

      {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(null)} testId="curation-notice" /> : null}
    </div>
  );
}

function KeysHelp({ schema, onClose }: { schema: LabelSchema; onClose: () => void }) {
  const rows: [string, string][] = [
    ['j / n', 'next conflict (across documents, most disagreement first)'],
    ['k', 'previous conflict'],
    ['J / K', 'next / previous conflict still open'],
    ['1 … 9', 'keep exactly what annotator k (numbered in the lanes) marked here'],
    ['b', 'keep both (all) sides'],
    ['x', 'keep neither side'],
    ['u', 'undo the decision (back to the strategy’s proposal)'],
    ['[ / ]', 'previous / next gold span'],
    ['Alt+← / Alt+→', 'move the gold span’s end'],
    ['Alt+Shift+← / →', 'move the gold span’s start'],
    ...schema.labels.filter((l) => !RESERVED_KEYS.has(l.hotkey)).map((l): [string, string] => [l.hotkey, `relabel the gold span ${l.name}`]),
    ['Esc', 'deselect the gold span'],
    ['Ctrl+Z / Ctrl+Shift+Z', 'undo / redo'],
  ];
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal cur-help" onClick={(e) => e.stopPropagation()} role="dialog" aria-label="Curation keys">
        <h2>Curation keys</h2>
        <table>
          <tbody>
            {rows.map(([k, what]) => (
              <tr key={k}>
                <td><kbd>{k}</kbd></td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
