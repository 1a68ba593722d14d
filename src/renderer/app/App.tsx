// The workbench: corpus sidebar, document view with its label bar, span list; every action persisted at once.

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CorpusEntry, CorpusInfo, HostInfo } from '../../core/ipc/contract';
import { OffsetMap } from '../../core/model/offsets';
import { DEFAULT_SCHEMA, labelDef } from '../../core/model/schema';
import type { DocStatus, Span } from '../../core/model/types';
import { host } from '../api/client';
import { allDocStates, applyChange, getSetting, loadAnnotations, setSetting, type AnnotationChange } from '../db/annotations';
import { db } from '../db/db';
import { Editor, type EditorHandle } from '../editor/Editor';
import { AnnotatorPrompt } from '../features/AnnotatorPrompt';
import { DocList } from '../features/DocList';
import { buildNativeExport, exportFileName } from '../features/export';
import { LabelBar } from '../features/LabelBar';
import { SpanList } from '../features/SpanList';
import { DEFAULT_FONT, FONT_STACKS } from './fonts';
import { hasCommandModifier, isTypingTarget } from './keys';
import { makeSpan, sortSpans, trimRange } from './span-factory';

/** The open document. */
interface OpenDoc {
  entry: CorpusEntry;
  docId: string;
  text: string;
  map: OffsetMap;
  spans: Span[];
  status: DocStatus;
}

/** A message to the user: what happened, where a file went, what went wrong. */
interface Notice {
  kind: 'info' | 'error';
  text: string;
  download?: { url: string; name: string };
}

const schema = DEFAULT_SCHEMA;
const colorOf = (label: string) => labelDef(schema, label)?.color ?? '#999999';

export function App() {
  const [annotator, setAnnotator] = useState<string | null | undefined>(undefined);
  const [renaming, setRenaming] = useState(false);
  const [font, setFont] = useState(DEFAULT_FONT);
  const [hostInfo, setHostInfo] = useState<HostInfo | null>(null);
  const [corpus, setCorpus] = useState<CorpusInfo | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  const [doc, setDoc] = useState<OpenDoc | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const editor = useRef<EditorHandle>(null);
  const docRef = useRef<OpenDoc | null>(null);
  docRef.current = doc;

  const stateRows = useLiveQuery(() => (annotator ? allDocStates(db, annotator) : Promise.resolve([])), [annotator]);
  const states = useMemo(() => new Map((stateRows ?? []).map((s) => [s.docId, s])), [stateRows]);

  const fail = useCallback((what: string, e: unknown) => setNotice({ kind: 'error', text: `${what}: ${(e as Error).message ?? e}` }), []);

  // Start-up: the annotator's name and font from IndexedDB, the corpus from the host.
  useEffect(() => {
    void (async () => {
      try {
        setAnnotator((await getSetting(db, 'annotator')) ?? null);
        setFont((await getSetting(db, 'font')) ?? DEFAULT_FONT);
        if (navigator.storage?.persist) void navigator.storage.persist();
      } catch (e) {
        fail('The annotation store (IndexedDB) cannot be opened', e);
        setAnnotator(null);
      }
      try {
        setHostInfo(await host.api.hostInfo());
        setCorpus(await host.api.getCorpus());
        setRecent(await host.api.listRecentCorpora());
      } catch (e) {
        fail('Cannot load the corpus', e);
      }
    })();
  }, [fail]);

  const openDocument = useCallback(
    async (entry: CorpusEntry) => {
      if (!annotator) return;
      try {
        const text = await host.api.readDocument({ path: entry.path });
        const ann = await loadAnnotations(db, text.docId, annotator);
        setSelectedId(null);
        setDoc({ entry, docId: text.docId, text: text.text, map: new OffsetMap(text.text), spans: sortSpans(ann.spans), status: ann.state?.status ?? 'todo' });
      } catch (e) {
        fail(`Cannot open ${entry.path}`, e);
      }
    },
    [annotator, fail],
  );

  // Host events: another corpus opened from the menu, menu commands.
  const commands = useRef<{ exportAll: () => void; markDone: () => void }>({ exportAll: () => {}, markDone: () => {} });
  useEffect(
    () =>
      host.on((event, payload) => {
        if (event === 'corpusChanged') {
          setCorpus(payload as CorpusInfo);
          setDoc(null);
          void host.api.listRecentCorpora().then(setRecent);
        } else if (event === 'menuCommand') {
          const { command } = payload as { command: string };
          if (command === 'export') commands.current.exportAll();
          if (command === 'mark-done') commands.current.markDone();
        }
      }),
    [],
  );

  /** Persists a change of the open document; the UI has already shown it. */
  const persist = useCallback(
    async (d: OpenDoc, change: AnnotationChange) => {
      try {
        const state = await applyChange(db, d.docId, annotator!, change);
        setDoc((cur) => (cur && cur.docId === d.docId ? { ...cur, status: state.status } : cur));
      } catch (e) {
        fail('Not saved', e);
      }
    },
    [annotator, fail],
  );

  const selectSpan = useCallback((id: string | null, scroll = false) => {
    setSelectedId(id);
    editor.current?.select(id, scroll);
  }, []);

  const applyLabel = useCallback(
    (label: string) => {
      const d = docRef.current;
      if (!d || !annotator) return;
      const range = editor.current?.textSelection();
      if (range) {
        const trimmed = trimRange(d.text, range.start, range.end, d.map);
        if (!trimmed) return;
        const span = makeSpan({ text: d.text, map: d.map, docId: d.docId, annotator, label, ...trimmed });
        setDoc({ ...d, spans: sortSpans([...d.spans, span]) });
        editor.current?.update([span], []);
        editor.current?.clearTextSelection();
        selectSpan(span.id);
        void persist(d, { putSpans: [span] });
      } else if (selectedId) {
        const old = d.spans.find((s) => s.id === selectedId);
        if (!old || old.label === label) return;
        const span: Span = { ...old, label, updatedAt: new Date().toISOString() };
        setDoc({ ...d, spans: sortSpans(d.spans.map((s) => (s.id === span.id ? span : s))) });
        editor.current?.update([span], []);
        editor.current?.select(span.id);
        void persist(d, { putSpans: [span] });
      }
    },
    [annotator, persist, selectSpan, selectedId],
  );

  const deleteSelected = useCallback(() => {
    const d = docRef.current;
    if (!d || !selectedId) return;
    setDoc({ ...d, spans: d.spans.filter((s) => s.id !== selectedId) });
    editor.current?.update([], [selectedId]);
    selectSpan(null);
    void persist(d, { deleteSpanIds: [selectedId] });
  }, [persist, selectSpan, selectedId]);

  const setStatus = useCallback(
    (status: DocStatus) => {
      const d = docRef.current;
      if (!d) return;
      setDoc({ ...d, status });
      void persist(d, { status });
    },
    [persist],
  );

  const exportAll = useCallback(async () => {
    if (!corpus || !annotator) return;
    setBusy(true);
    try {
      const built = await buildNativeExport(db, host.api, corpus, annotator);
      if (built.documents === 0) {
        setNotice({ kind: 'info', text: 'Nothing to export yet: no document has spans or a status.' });
        return;
      }
      const name = exportFileName(corpus.name, annotator);
      const result = await host.api.saveExport({ suggestedName: name, content: built.content });
      if ('canceled' in result) return;
      const what = `Exported ${built.documents} document${built.documents === 1 ? '' : 's'} (${built.spans} spans) to ${result.path}`;
      const download =
        hostInfo?.kind === 'browser' ? { url: URL.createObjectURL(new Blob([built.content], { type: 'application/jsonl' })), name } : undefined;
      setNotice({ kind: 'info', text: what, download });
    } catch (e) {
      fail('Export failed', e);
    } finally {
      setBusy(false);
    }
  }, [annotator, corpus, fail, hostInfo]);

  commands.current = {
    exportAll: () => void exportAll(),
    markDone: () => setStatus('done'),
  };

  // The keyboard: label keys, Delete, Escape, Ctrl+Shift+Enter for done.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!annotator || renaming || isTypingTarget(e.target)) return;
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key === 'Enter') {
        e.preventDefault();
        setStatus(docRef.current?.status === 'done' ? 'in-progress' : 'done');
        return;
      }
      if (hasCommandModifier(e)) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        if (selectedId) {
          e.preventDefault();
          deleteSelected();
        }
        return;
      }
      if (e.key === 'Escape') {
        selectSpan(null);
        return;
      }
      const label = schema.labels.find((l) => l.hotkey === e.key.toLowerCase());
      if (label && docRef.current) {
        e.preventDefault();
        applyLabel(label.name);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [annotator, renaming, selectedId, applyLabel, deleteSelected, selectSpan, setStatus]);

  if (annotator === undefined) return <div className="loading">Loading…</div>;
  if (annotator === null || renaming) {
    return (
      <AnnotatorPrompt
        initial={annotator ?? ''}
        onDone={(name) => {
          void setSetting(db, 'annotator', name).then(() => {
            setAnnotator(name);
            setRenaming(false);
            setDoc(null);
          }, (e) => fail('Cannot save the name', e));
        }}
      />
    );
  }

  const doneCount = corpus ? corpus.documents.filter((d) => states.get(d.docId)?.status === 'done').length : 0;

  return (
    <div className="app">
      <header className="topbar">
        <h1>Marginalia</h1>
        <span className="corpus-name" title={corpus?.root}>{corpus ? corpus.name : 'No corpus'}</span>
        {corpus ? <span className="progress-text">{doneCount}/{corpus.documents.length} done</span> : null}
        <span className="spacer" />
        <label className="font-choice">
          Font{' '}
          <select value={font} onChange={(e) => { setFont(e.target.value); void setSetting(db, 'font', e.target.value); }}>
            {Object.keys(FONT_STACKS).map((f) => <option key={f}>{f}</option>)}
          </select>
        </label>
        <button className="annotator" onClick={() => setRenaming(true)} title="Change the annotator name" data-testid="annotator">
          Annotator: {annotator}
        </button>
        <button onClick={() => void exportAll()} disabled={busy || !corpus} data-testid="export">
          {busy ? 'Exporting…' : 'Export JSONL'}
        </button>
      </header>
      <aside className="sidebar">
        <div className="sidebar-head">
          {hostInfo?.kind === 'electron' ? (
            <button onClick={() => void host.api.openCorpus({}).then((c) => c && (setCorpus(c), setDoc(null))).catch((e) => fail('Cannot open the folder', e))}>
              Open folder…
            </button>
          ) : null}
          <select
            aria-label="Recent corpora"
            value=""
            onChange={(e) => {
              const path = e.target.value;
              if (path) void host.api.openCorpus({ path }).then((c) => c && (setCorpus(c), setDoc(null))).catch((err) => fail('Cannot open the corpus', err));
            }}
          >
            <option value="">Recent corpora…</option>
            {recent.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </div>
        {corpus ? (
          <>
            <div className="corpus-summary">
              {corpus.documents.length} documents{corpus.skipped.length ? `, ${corpus.skipped.length} skipped` : ''}
            </div>
            <DocList documents={corpus.documents} states={states} activePath={doc?.entry.path ?? null} onOpen={(e) => void openDocument(e)} />
            {corpus.skipped.length ? (
              <details className="skipped">
                <summary>Skipped files</summary>
                <ul>{corpus.skipped.map((s) => <li key={s.path}><code>{s.path}</code>: {s.reason}</li>)}</ul>
              </details>
            ) : null}
          </>
        ) : null}
      </aside>
      <main className="document" data-open-path={doc?.entry.path ?? ""}>
        {doc ? (
          <>
            <div className="doc-toolbar">
              <LabelBar labels={schema.labels} onApply={applyLabel} />
              <label className="status-choice">
                Status{' '}
                <select value={doc.status} onChange={(e) => setStatus(e.target.value as DocStatus)} data-testid="doc-status">
                  <option value="todo">todo</option>
                  <option value="in-progress">in progress</option>
                  <option value="done">done</option>
                  <option value="skipped">skipped</option>
                </select>
              </label>
              <button onClick={() => setStatus('done')} disabled={doc.status === 'done'} title="Ctrl+Shift+Enter" data-testid="mark-done">
                Mark done
              </button>
            </div>
            <Editor
              key={doc.docId}
              ref={editor}
              text={doc.text}
              spans={doc.spans}
              colorOf={colorOf}
              font={FONT_STACKS[font]}
              onSpanClick={(id) => selectSpan(id)}
            />
          </>
        ) : (
          <div className="placeholder">
            <p>Open a document from the list to start.</p>
            <p>Select text, then press a label key: {schema.labels.map((l) => `${l.hotkey} ${l.name}`).join(' · ')}.</p>
          </div>
        )}
      </main>
      <aside className="panel">
        <h2>Spans{doc ? ` (${doc.spans.length})` : ''}</h2>
        {doc ? <SpanList spans={doc.spans} selectedId={selectedId} colorOf={colorOf} onSelect={(id) => selectSpan(id, true)} /> : null}
        <p className="hint">Click a span to select it · Delete removes it · a label key relabels it · Esc deselects</p>
      </aside>
      {notice ? (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span data-testid="notice">{notice.text}</span>
          {notice.download ? (
            <a href={notice.download.url} download={notice.download.name}>
              Download
            </a>
          ) : null}
          <button onClick={() => setNotice(null)} aria-label="Dismiss">×</button>
        </div>
      ) : null}
    </div>
  );
}
