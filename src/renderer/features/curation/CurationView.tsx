// The team lead's view: load annotators' exports, read agreement, adjudicate conflicts and relations by keyboard, export the gold.
//
// Every figure and every gold byte comes from src/core/agreement, the functions the CLI runs,
// so the app and `marginalia agreement` / `merge` agree on the same files. The view's state is
// core/agreement/curation-reducer's: each action makes a new value, one effect saves it
// (./use-curation-save), and the gold goes out through the streamed export sink (./export-gold).

import { useCallback, useEffect, useReducer, useRef, useState, type DragEvent } from 'react';
import { computeAgreement, type Corpus } from '../../../core/agreement';
import { curationReducer, INITIAL_CURATION, type CurationAction } from '../../../core/agreement/curation-reducer';
import { labelDef, type LabelSchema } from '../../../core/model/schema';
import { downloadUrlOf, host } from '../../api/client';
import { db } from '../../db/db';
import { NoticeBar, type Notice } from '../NoticeBar';
import { AdjudicateView } from './AdjudicateView';
import { CurationHeader } from './CurationHeader';
import { exportGold } from './export-gold';
import { readPickedFiles } from './inputs';
import { KeysFooter, KeysHelp } from './KeysHelp';
import { Overview } from './Overview';
import { corpusOf, type StoredInputs } from './session';
import { clearCuration, loadCuration, saveInputs } from './store';
import { useCurationKeys } from './use-curation-keys';
import { useCurationSave } from './use-curation-save';
import './curation.css';
import { plural } from '../../../core/text/plural';

/** Props of {@link CurationView}. */
export interface CurationViewProps {
  schema: LabelSchema;
  hostKind: 'electron' | 'browser';
  onExit: () => void;
}

/** How long an info notice stays: long enough to read two sentences. */
const NOTICE_MS = 8000;

/** Colours for labels the schema does not know (another team's export): distinct, readable under text. */
const FALLBACK_COLORS = ['#7f8c8d', '#c0392b', '#16a085', '#8e44ad', '#d35400', '#2c3e50', '#27ae60', '#b7950b'];


/** The action that loads a corpus: its agreement report is computed once here. */
function inputsAction(corpus: Corpus, extra: Omit<Extract<CurationAction, { type: 'setInputs' }>, 'type' | 'corpus' | 'report'> = {}): CurationAction {
  return { type: 'setInputs', corpus, report: corpus.documents.length ? computeAgreement(corpus) : null, ...extra };
}

/** The curation view. */
export function CurationView({ schema, hostKind, onExit }: CurationViewProps) {
  const [model, dispatch] = useReducer(curationReducer, INITIAL_CURATION);
  const [loading, setLoading] = useState(true);
  const [inputs, setInputs] = useState<StoredInputs | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dragging, setDragging] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const { saver, status: saveStatus } = useCurationSave(model);
  useCurationKeys({ model, dispatch, schema, helpOpen, setHelpOpen });
  const ready = !loading && model.corpus !== null && (inputs?.files.length ?? 0) > 0;

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

  // What the reducer says becomes the notice; info notices go by themselves, errors and export results stay until dismissed.
  useEffect(() => {
    if (model.message) setNotice({ ...model.message });
  }, [model.message]);
  useEffect(() => {
    if (!notice || notice.kind === 'error' || notice.path) return;
    const timer = setTimeout(() => setNotice((n) => (n === notice ? null : n)), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  // Start-up: the stored inputs and decisions, rebuilt into the same state.
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const stored = await loadCuration(db);
        if (!live) return;
        if (stored && stored.inputs.files.length > 0) {
          const pos = stored.session?.position;
          setInputs(stored.inputs);
          dispatch(
            inputsAction(corpusOf(stored.inputs), {
              ...(stored.session ? { choice: stored.session.choice, stored: stored.session.documents } : { stored: {} }),
              place: pos?.docId ? { docId: pos.docId, conflictId: pos.conflictId } : null,
              view: pos?.view === 'curate' ? 'curate' : 'overview',
              fromStore: true,
            }),
          );
        }
      } catch (e) {
        if (live) setNotice({ kind: 'error', text: `The stored curation cannot be read: ${(e as Error).message ?? e}` });
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  /** Stores new inputs and rebuilds the curation from them. */
  const applyInputs = useCallback(async (next: StoredInputs, message: string) => {
    setInputs(next);
    dispatch(inputsAction(corpusOf(next), { message }));
    await saveInputs(db, next);
  }, []);

  const addFiles = useCallback(
    async (files: readonly File[]) => {
      if (!files.length) return;
      const current = inputs ?? { files: [], refused: [] };
      const picked = await readPickedFiles(files, current.files);
      const next: StoredInputs = { files: [...current.files, ...picked.added], refused: [...current.refused, ...picked.refused] };
      const corpus = corpusOf(next);
      const errors = corpus.errors.length - (model.corpus?.errors.length ?? 0);
      const message = [
        `Read ${plural(picked.added.length, 'file')}: ${plural(corpus.documents.length, 'document')}, ${plural(corpus.annotators.length, 'annotator')}.`,
        errors > 0 ? `${plural(errors, 'line')} left out (see Problems).` : '',
        picked.duplicates.length ? `Already loaded, skipped: ${picked.duplicates.join(', ')}.` : '',
        corpus.sourceConflicts.length ? `${corpus.sourceConflicts.length} source${corpus.sourceConflicts.length === 1 ? ' has' : 's have'} two different texts (kept apart).` : '',
      ]
        .filter(Boolean)
        .join(' ');
      await applyInputs(next, message);
    },
    [applyInputs, inputs, model.corpus],
  );

  const removeFile = useCallback(
    (name: string) => {
      if (!inputs) return;
      void applyInputs({ files: inputs.files.filter((f) => f.file !== name), refused: inputs.refused.filter((e) => e.file !== name) }, `Removed ${name}.`);
    },
    [applyInputs, inputs],
  );

  const clearAll = useCallback(async () => {
    await saver.flushed();
    await clearCuration(db);
    setInputs(null);
    setConfirmClear(false);
    dispatch({ type: 'clear', message: 'The loaded exports and decisions are forgotten. The gold already written as "adjudicated" stays in the annotation store.' });
  }, [saver]);

  const runExport = useCallback(async () => {
    const state = model.curation;
    if (!state) return;
    setExporting(true);
    try {
      await saver.flushed();
      const done = await exportGold(host.api, state);
      if (!done) return setNotice({ kind: 'info', text: 'Export canceled.' });
      const { endMissing, refused } = done.leftOut;
      const leftOut = endMissing || refused ? ` ${plural(endMissing + refused, 'relation')} of the annotators left out (${[endMissing ? `${endMissing} with an end not in the gold` : '', refused ? `${refused} refused` : ''].filter(Boolean).join(', ')}).` : '';
      setNotice({
        kind: 'info',
        text: `Gold of ${plural(done.documents, 'document')} (${plural(done.relations, 'relation')}) written to ${done.path}${done.open ? ` (${done.open} still "in-progress": their open conflicts follow the strategy)` : ''}.${leftOut}`,
        path: done.path,
        ...(hostKind === 'browser' ? { download: { url: downloadUrlOf(done.path), name: done.path.split(/[\\/]/).pop() ?? 'gold.jsonl' } } : {}),
      });
    } catch (e) {
      setNotice({ kind: 'error', text: `The gold was not written: ${(e as Error).message ?? e}` });
    } finally {
      setExporting(false);
    }
  }, [hostKind, model.curation, saver]);

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

  const { corpus, report, curation, view } = model;
  const pickerInput = <input ref={picker} type="file" multiple accept=".jsonl" hidden onChange={(e) => { void addFiles([...(e.target.files ?? [])]); e.target.value = ''; }} data-testid="curation-files" />;

  return (
    <div className={`curation${dragging ? ' dragging' : ''}`} {...dropProps} data-testid="curation">
      <CurationHeader
        model={model}
        dispatch={dispatch}
        ready={ready}
        saveStatus={saveStatus}
        exporting={exporting}
        onExit={() => void saver.flushed().then(onExit)}
        onExport={() => void runExport()}
        onAdd={() => picker.current?.click()}
        onHelp={() => setHelpOpen((o) => !o)}
        picker={pickerInput}
      />

      {loading ? <div className="loading">Loading the curation…</div> : null}

      {!loading && !ready ? (
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

      {ready && inputs && corpus && curation && report && view === 'overview' ? (
        <main className="cur-main">
          <Overview
            files={inputs.files}
            corpus={corpus}
            report={report}
            state={curation}
            order={model.order}
            onCurate={(docId) => dispatch({ type: 'openDocument', docId })}
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
      {ready && corpus && !report ? (
        <main className="cur-main">
          <p className="pad">No valid line was read from the files: nothing to compare. Their problems:</p>
          <ul className="problems pad">
            {corpus.errors.map((e, i) => (
              <li key={i}>
                <code>{e.line > 0 ? `${e.file}:${e.line}` : e.file}</code> {e.message}
              </li>
            ))}
          </ul>
        </main>
      ) : null}

      {ready && curation && report && view === 'curate' ? <AdjudicateView model={model} dispatch={dispatch} schema={schema} colorOf={colorOf} /> : null}

      {ready && view === 'curate' ? <KeysFooter schema={schema} /> : null}

      {helpOpen ? <KeysHelp schema={schema} onClose={() => setHelpOpen(false)} /> : null}

      {dragging ? <div className="drop-overlay">Drop the exports to add them to the merge</div> : null}

      {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(null)} testId="curation-notice" /> : null}
    </div>
  );
}
