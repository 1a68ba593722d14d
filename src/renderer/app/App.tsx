// The workbench: corpus sidebar, document view with its label bar, side panels; every action persisted and undoable.
//
// This component only composes: state lives in hooks (settings, corpus, schema, open document,
// suggestions, notices), actions in actions.ts over the pure commands of commands.ts, the keys
// in the keymap of src/core/keys bound in keymap-handlers.ts, the panes in their components.

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CorpusEntry } from '../../core/ipc/contract';
import { labelDef } from '../../core/model/schema';
import type { TextMatch } from '../../core/model/find';
import type { CodePoint } from '../../core/model/types';
import { downloadUrlOf, host } from '../api/client';
import { allDocStates } from '../db/annotations';
import { db } from '../db/db';
import type { EditorHandle } from '../editor/Editor';
import { AnnotatorPrompt } from '../features/AnnotatorPrompt';
import { CorpusSearch } from '../features/CorpusSearch';
import { CurationView } from '../features/curation/CurationView';
import { EncodingChooser } from '../features/EncodingChooser';
import { ExportDialog } from '../features/ExportDialog';
import { NoticeBar } from '../features/NoticeBar';
import { SchemaEditor } from '../features/SchemaEditor';
import { ShortcutsOverlay } from '../features/ShortcutsOverlay';
import type { SpanDetailsHandle } from '../features/SpanDetails';
import { workbenchActions, type PanelTab } from './actions';
import { figureAttrs } from './assist';
import { createSpan } from './commands';
import { DocumentPane } from './DocumentPane';
import { exportRunner } from './export-runner';
import { keyHandlers, keyContexts } from './keymap-handlers';
import type { LinkMode } from './link-mode';
import { SidePanel } from './SidePanel';
import { filterDocuments, Sidebar, type DocFilters } from './Sidebar';
import { makeSpan } from './span-factory';
import { TopBar } from './TopBar';
import { useCorpus, type CorpusListeners } from './use-corpus';
import { useCorpusLexicon } from './use-corpus-lexicon';
import { useLearningCurve } from '../suggest/use-model';
import { useModelSuggestionsFor, useTrainingDocs } from '../suggest/use-training-docs';
import { useDocument } from './use-document';
import { useNoticeFor, useNotices } from './use-notices';
import { usePendingClick } from './use-pending-click';
import { useSchema } from './use-schema';
import { useSettings } from './use-settings';
import { useSuggestions } from './use-suggestions';
import { useWorkbenchKeys } from './use-workbench-keys';
import './workbench.css';

/** The overlays and drawers of the workbench; at most one of each is open. */
interface Overlays {
  find: boolean;
  search: boolean;
  shortcuts: boolean;
  export: boolean;
  schema: boolean;
}

const CLOSED: Overlays = { find: false, search: false, shortcuts: false, export: false, schema: false };

export function App() {
  const notices = useNotices();
  const { fail, say } = notices;
  const settings = useSettings(fail);
  const annotator = settings.annotator ?? null;
  const [renaming, setRenaming] = useState(false);
  const [mode, setMode] = useState<'annotate' | 'curate'>('annotate');
  const [tab, setTab] = useState<PanelTab>('span');
  const [overlays, setOverlays] = useState<Overlays>(CLOSED);
  const toggle = useCallback((name: keyof Overlays, open: boolean) => setOverlays((o) => ({ ...o, [name]: open })), []);
  const [link, setLink] = useState<LinkMode | null>(null);
  const [encodingFor, setEncodingFor] = useState<CorpusEntry | null>(null);
  const [filters, setFilters] = useState<DocFilters>({ status: '', label: '' });
  const editor = useRef<EditorHandle | null>(null);
  const details = useRef<SpanDetailsHandle | null>(null);
  // The corpus's events reach the open document and the menu's commands through the latest render.
  const listeners = useRef<CorpusListeners>({ onCorpusChanged: () => {}, onDocumentsChanged: () => {}, onMenuCommand: () => {} });
  const corpusState = useCorpus(fail, {
    onCorpusChanged: () => listeners.current.onCorpusChanged(),
    onDocumentsChanged: (change) => listeners.current.onDocumentsChanged(change),
    onMenuCommand: (command) => listeners.current.onMenuCommand(command),
  });
  const { corpus, hostInfo } = corpusState;
  const { schema, colorOf, saveSchema } = useSchema(corpus, notices);
  const opened = useDocument(annotator, corpus, notices);
  const { session, entry } = opened;
  const notice = useNoticeFor(notices, session?.docId ?? null);

  const stateRows = useLiveQuery(() => (annotator ? allDocStates(db, annotator) : Promise.resolve([])), [annotator]);
  const states = useMemo(() => new Map((stateRows ?? []).map((s) => [s.docId, s])), [stateRows]);
  // Read once per opened document: strings labelled in this one are offered in the next.
  const lexicon = useCorpusLexicon(annotator, `${session?.docId ?? ''}:${tab === 'entities' ? (session?.version ?? 0) : ''}`);
  // The model learns in a worker from every labelled document (spans and rejections), retrained as the annotator works.
  const training = useTrainingDocs(annotator, session, session?.version ?? 0);
  const modelSuggestions = useModelSuggestionsFor(session?.text ?? null, training);
  // The curve is by documents labelled: computed again when they change, not on every label of the open one (each run posts every text).
  const curve = useLearningCurve(() => training, `${training.length}:${session?.docId ?? ''}`);
  const suggestions = useSuggestions(session, lexicon, editor, colorOf, modelSuggestions);
  const visibleDocs = useMemo(() => filterDocuments(corpus, states, filters), [corpus, states, filters]);

  const openDocument = (target: CorpusEntry, then?: () => void) => {
    setLink(null);
    toggle('find', false);
    void opened.open(target, then);
  };
  const openSibling = (by: 1 | -1) => {
    if (!visibleDocs.length) return;
    const i = entry ? visibleDocs.findIndex((d) => d.path === entry.path) : -1;
    const next = visibleDocs[(i + by + visibleDocs.length) % visibleDocs.length];
    if (next) openDocument(next);
  };

  const actions = workbenchActions({
    session, editor, schema, suggestions, link, setLink, setTab, notices,
    focusDetails: () => details.current?.focusFirstField(),
  });
  useLayoutEffect(() => {
    listeners.current = {
      onCorpusChanged: opened.close,
      onDocumentsChanged: opened.documentsChanged,
      onMenuCommand: (command) => {
        if (command === 'export') toggle('export', true);
        if (command === 'mark-done') session?.setStatus('done');
      },
    };
  });

  const click = usePendingClick();
  useWorkbenchKeys({
    enabled: mode === 'annotate' && !!annotator && !renaming,
    defer: click.pending,
    active: keyContexts({ overlays, corpus, session, link, focusedSuggestion: suggestions.focused }),
    slots: { labels: new Set(schema.labels.map((l) => l.hotkey)), relations: new Set(schema.relations.map((r) => r.hotkey)) },
    handlers: keyHandlers({ actions, schema, suggestions, toggle, openSibling, shortcutsOpen: overlays.shortcuts }),
  });

  const labelMatchElsewhere = async (target: CorpusEntry, match: TextMatch, label: string) => {
    if (!annotator) return;
    if (session && session.path === target.path) {
      const command = createSpan(session, schema, label, match, true);
      if (command) session.commit(command.label, command.change);
      return;
    }
    await opened.storeInOther(target, (text, map) => {
      const span = makeSpan({ text, map, docId: target.docId, annotator, label, ...match });
      if (labelDef(schema, label)?.group === 'figure') span.attrs = figureAttrs(text, span.start, span.end, map);
      return span;
    });
  };

  if (settings.annotator === undefined) return <div className="loading">Loading…</div>;
  if (settings.annotator === null || renaming) {
    return (
      <AnnotatorPrompt
        initial={annotator ?? ''}
        onDone={(name) => void settings.setAnnotator(name).then(() => setRenaming(false), (e) => fail('Cannot save the name', e))}
      />
    );
  }
  if (mode === 'curate') {
    return <CurationView schema={schema} hostKind={hostInfo?.kind ?? 'browser'} onExit={() => setMode('annotate')} />;
  }
  const saveError = session?.save.error ?? null;

  return (
    <div className="app">
      <TopBar
        corpus={corpus}
        annotator={settings.annotator}
        font={settings.font}
        onFont={settings.setFont}
        onSearch={() => toggle('search', true)}
        onCurate={() => setMode('curate')}
        onShortcuts={() => toggle('shortcuts', true)}
        onRename={() => setRenaming(true)}
        onSchema={() => toggle('schema', true)}
        onExport={() => toggle('export', true)}
      />
      <Sidebar
        hostInfo={hostInfo}
        corpus={corpus}
        scan={corpusState.scan}
        recent={corpusState.recent}
        onOpenCorpus={corpusState.openCorpus}
        states={states}
        schema={schema}
        curve={curve}
        filters={filters}
        onFilters={setFilters}
        documents={visibleDocs}
        activePath={entry?.path ?? null}
        onOpen={(e) => openDocument(e)}
        onEncoding={setEncodingFor}
      />
      <DocumentPane
        session={session}
        entry={entry}
        schema={schema}
        colorOf={colorOf}
        font={settings.font}
        editor={editor}
        actions={actions}
        onClickSettled={click.settle}
        link={link}
        findOpen={overlays.find}
        onFindClosed={() => toggle('find', false)}
        painted={suggestions.painted}
      />
      <SidePanel
        tab={tab}
        onTab={setTab}
        session={session}
        schema={schema}
        colorOf={colorOf}
        lexicon={lexicon}
        documents={corpus?.documents ?? []}
        suggestions={suggestions}
        actions={actions}
        editor={editor}
        details={details}
        onHint={say}
      />
      {overlays.search && corpus ? (
        <div className="search-drawer">
          <CorpusSearch
            documents={corpus.documents}
            schema={schema}
            loadText={opened.loadText}
            onLabel={labelMatchElsewhere}
            onOpen={(target, m) => {
              toggle('search', false);
              openDocument(target, () => editor.current?.selectText(m.start as CodePoint, m.end as CodePoint));
            }}
            onClose={() => toggle('search', false)}
          />
        </div>
      ) : null}
      {encodingFor ? (
        <EncodingChooser
          entry={encodingFor}
          onChoose={async (encoding) => {
            const updated = await host.api.setEncoding({ path: encodingFor.path, encoding });
            corpusState.replaceEntry(updated);
            opened.forgetText(updated.path);
            setEncodingFor(null);
            if (entry?.path === updated.path) openDocument(updated);
          }}
          onClose={() => setEncodingFor(null)}
        />
      ) : null}
      {overlays.export ? (
        <ExportDialog
          schema={schema}
          run={exportRunner({ corpus, annotator, session, say })}
          downloadUrl={(summary) => (hostInfo?.kind === 'browser' ? downloadUrlOf(summary.path) : undefined)}
          documentName={(docId) => corpus?.documents.find((d) => d.docId === docId)?.path}
          onClose={() => toggle('export', false)}
        />
      ) : null}
      {overlays.schema ? <SchemaEditor schema={schema} onSave={saveSchema} onClose={() => toggle('schema', false)} /> : null}
      {overlays.shortcuts ? <ShortcutsOverlay schema={schema} onClose={() => toggle('shortcuts', false)} /> : null}
      {saveError ? (
        <div className="notice notice-error save-error" role="alert">
          <span>{saveError}</span>
        </div>
      ) : null}
      {notice ? <NoticeBar notice={notice} onDismiss={notices.dismiss} /> : null}
    </div>
  );
}
