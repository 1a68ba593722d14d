// The workbench: corpus sidebar, document view with its label bar, side panels; every action persisted and undoable.

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CorpusEntry, CorpusInfo, DocumentsChange, HostInfo, ScanProgress } from '../../core/ipc/contract';
import type { TextMatch } from '../../core/model/find';
import { newId } from '../../core/model/ids';
import { quoteOf } from '../../core/model/quote';
import { DEFAULT_SCHEMA, labelDef, type LabelSchema } from '../../core/model/schema';
import type { CodePoint, DocStatus, Span } from '../../core/model/types';
import { downloadUrlOf, host } from '../api/client';
import { allDocStates, applyChange, getSetting, loadAnnotations, setSetting } from '../db/annotations';
import { db } from '../db/db';
import { Editor, type EditorHandle } from '../editor/Editor';
import { AnnotatorPrompt } from '../features/AnnotatorPrompt';
import { CorpusSearch } from '../features/CorpusSearch';
import { DocList } from '../features/DocList';
import { exportFileName, runExport, type ExportChoice } from '../features/export';
import { ExportDialog } from '../features/ExportDialog';
import { hostSink } from '../features/export-sink';
import { validateSchema } from '../../core/model/schema-validate';
import { SchemaEditor } from '../features/SchemaEditor';
import { FindBar } from '../features/FindBar';
import { LabelBar } from '../features/LabelBar';
import { ProgressPanel } from '../features/ProgressPanel';
import { ShortcutsOverlay } from '../features/ShortcutsOverlay';
import { SpanDetails, type SpanDetailsHandle } from '../features/SpanDetails';
import { SpanList } from '../features/SpanList';
import { SaveIndicator } from '../features/SaveIndicator';
import { NoticeBar, type Notice } from '../features/NoticeBar';
import { CurationView } from '../features/curation/CurationView';
import { SuggestionsPanel } from '../features/SuggestionsPanel';
import { EntityList } from '../features/EntityList';
import { GuidePanel } from '../features/GuidePanel';
import { figureAttrs, openSuggestions, proposalsOf, sentenceRange, snapSelection, type DocSuggestion } from './assist';
import { DocSession } from './doc-session';
import { journalChange, rebuildIfEmpty } from './journal';
import { migrateEarlierVersions, rememberText } from './reanchor';
import { OrphanPanel } from '../features/OrphanPanel';
import { EncodingChooser } from '../features/EncodingChooser';
import { DEFAULT_FONT, FONT_STACKS } from './fonts';
import { hasCommandModifier, isTypingTarget } from './keys';
import { linkCandidates, type LinkMode } from './link-mode';
import { makeSpan, trimRange } from './span-factory';
import { useCorpusLexicon } from './use-corpus-lexicon';


/** The right-hand panel's tabs. */
type PanelTab = 'span' | 'suggestions' | 'entities' | 'guide';

/** Subscribes React to a session (or to nothing). */
function useSession(session: DocSession | null): number {
  const subscribe = useCallback((l: () => void) => (session ? session.subscribe(l) : () => {}), [session]);
  return useSyncExternalStore(subscribe, () => (session ? session.version : 0));
}

export function App() {
  const [annotator, setAnnotator] = useState<string | null | undefined>(undefined);
  const [renaming, setRenaming] = useState(false);
  const [font, setFont] = useState(DEFAULT_FONT);
  const [hostInfo, setHostInfo] = useState<HostInfo | null>(null);
  const [corpus, setCorpus] = useState<CorpusInfo | null>(null);
  const [scan, setScan] = useState<ScanProgress | null>(null);
  const [encodingFor, setEncodingFor] = useState<CorpusEntry | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  const [schema, setSchema] = useState<LabelSchema>(DEFAULT_SCHEMA);
  const [session, setSession] = useState<DocSession | null>(null);
  const [entry, setEntry] = useState<CorpusEntry | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [schemaOpen, setSchemaOpen] = useState(false);
  const [mode, setMode] = useState<'annotate' | 'curate'>('annotate');
  const [tab, setTab] = useState<PanelTab>('span');
  const [findOpen, setFindOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [link, setLink] = useState<LinkMode | null>(null);
  const [focusedSuggestion, setFocusedSuggestion] = useState<string | null>(null);
  const [statusFilter, setStatusFilter] = useState<DocStatus | ''>('');
  const [labelFilter, setLabelFilter] = useState('');
  const editor = useRef<EditorHandle>(null);
  const details = useRef<SpanDetailsHandle>(null);
  const texts = useRef(new Map<string, string>());
  useSession(session);

  const colorOf = useCallback((label: string) => labelDef(schema, label)?.color ?? '#999999', [schema]);
  const stateRows = useLiveQuery(() => (annotator ? allDocStates(db, annotator) : Promise.resolve([])), [annotator]);
  const states = useMemo(() => new Map((stateRows ?? []).map((s) => [s.docId, s])), [stateRows]);
  // Read once per opened document: strings labelled in this one are offered in the next.
  const lexicon = useCorpusLexicon(annotator ?? null, `${session?.docId ?? ''}:${tab === 'entities' ? (session?.version ?? 0) : ''}`);

  const fail = useCallback((what: string, e: unknown) => setNotice({ kind: 'error', text: `${what}: ${(e as Error).message ?? e}` }), []);
  const say = useCallback((text: string) => setNotice({ kind: 'info', text }), []);

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

  // The corpus's label schema: .marginalia/schema.json when valid, else the last good one (said so), else the default.
  useEffect(() => {
    if (!corpus) return;
    const key = `schema:${corpus.root}`;
    void (async () => {
      try {
        const read = await host.api.readSchema();
        if (read.schema) {
          setSchema(read.schema);
          await setSetting(db, key, JSON.stringify(read.schema));
          return;
        }
        const last = await getSetting(db, key);
        const lastGood = last ? validateSchema(JSON.parse(last)) : null;
        setSchema(lastGood?.ok ? lastGood.schema : DEFAULT_SCHEMA);
        if (read.errors.length) {
          setNotice({ kind: 'error', text: `The corpus's schema file is invalid, so the ${lastGood?.ok ? 'last good schema' : 'default schema'} is used: ${read.errors.join('; ')}` });
        }
      } catch (e) {
        fail('Cannot read the label schema', e);
      }
    })();
  }, [corpus?.root, fail]);

  // A wiped browser profile: rebuild this annotator's work from the journal on disk.
  useEffect(() => {
    if (!corpus || !annotator) return;
    void rebuildIfEmpty(db, host.api, corpus, annotator).then(
      (r) => r && say(`This browser had no annotations for this corpus: rebuilt ${r.spans} spans and ${r.relations} relations of ${r.documents} documents from the journal in .marginalia.${r.badLines ? ` ${r.badLines} damaged journal lines were skipped.` : ''}`),
      (e) => fail('Could not rebuild from the journal', e),
    );
    // Once per corpus and annotator.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [corpus?.root, annotator]);

  const loadText = useCallback(async (e: CorpusEntry) => {
    const cached = texts.current.get(e.path);
    if (cached !== undefined) return cached;
    const doc = await host.api.readDocument({ path: e.path });
    texts.current.set(e.path, doc.text);
    return doc.text;
  }, []);

  const openDocument = useCallback(
    async (target: CorpusEntry, then?: (s: DocSession) => void) => {
      if (!annotator) return;
      try {
        const doc = await host.api.readDocument({ path: target.path });
        texts.current.set(target.path, doc.text);
        const moved = await migrateEarlierVersions(db, target, doc.docId, doc.text, annotator);
        if (moved) {
          for (const d of moved.deleted) await journalChange(host.api, annotator, d.docId, { deleteSpanIds: d.spanIds, deleteRelationIds: d.relationIds });
          await journalChange(host.api, annotator, doc.docId, { putSpans: moved.put.spans, putRelations: moved.put.relations });
          say(
            `The file changed since it was annotated: ${moved.placed} span${moved.placed === 1 ? '' : 's'} re-anchored` +
              (moved.orphaned ? `, ${moved.orphaned} could not be placed with confidence — place or delete them in the Spans panel.` : '.'),
          );
        }
        const ann = await loadAnnotations(db, doc.docId, annotator);
        void rememberText(db, doc.docId, doc.text);
        const s = new DocSession(db, doc.docId, annotator, target.path, doc.text, ann, (change) => journalChange(host.api, annotator, doc.docId, change));
        setLink(null);
        setFocusedSuggestion(null);
        setFindOpen(false);
        setEntry(target);
        setSession(s);
        if (then) requestAnimationFrame(() => then(s));
      } catch (e) {
        fail(`Cannot open ${target.path}`, e);
      }
    },
    [annotator, fail, say],
  );

  /** The documents the list shows, after the status and label filters. */
  const visibleDocs = useMemo(() => {
    if (!corpus) return [];
    return corpus.documents.filter((d) => {
      const st = states.get(d.docId);
      if (statusFilter && (st?.status ?? 'todo') !== statusFilter) return false;
      if (labelFilter && !(st?.labelCounts?.[labelFilter] ?? 0)) return false;
      return true;
    });
  }, [corpus, states, statusFilter, labelFilter]);

  const openSibling = useCallback(
    (by: number) => {
      if (!visibleDocs.length) return;
      const i = entry ? visibleDocs.findIndex((d) => d.path === entry.path) : -1;
      const next = visibleDocs[(i + by + visibleDocs.length) % visibleDocs.length];
      if (next) void openDocument(next);
    },
    [entry, openDocument, visibleDocs],
  );

  // Host events: another corpus opened from the menu, menu commands.
  const commands = useRef<{ exportAll: () => void; markDone: () => void; documentsChanged: (c: DocumentsChange) => void }>({
    exportAll: () => {},
    markDone: () => {},
    documentsChanged: () => {},
  });
  useEffect(
    () =>
      host.on((event, payload) => {
        if (event === 'corpusChanged') {
          setCorpus(payload as CorpusInfo);
          setSession(null);
          setEntry(null);
          texts.current.clear();
          void host.api.listRecentCorpora().then(setRecent);
        } else if (event === 'scanProgress') {
          setScan(payload as ScanProgress);
        } else if (event === 'documentsChanged') {
          commands.current.documentsChanged(payload as DocumentsChange);
        } else if (event === 'menuCommand') {
          const { command } = payload as { command: string };
          if (command === 'export') commands.current.exportAll();
          if (command === 'mark-done') commands.current.markDone();
        }
      }),
    [],
  );

  // Suggestions of the open document: figures from the parser, strings labelled elsewhere in the corpus.
  // Proposals depend on the text and the lexicon only; each action merely filters them. Found after the
  // document's first paint, so opening a long document is not held up by them.
  const [proposals, setProposals] = useState<ReturnType<typeof proposalsOf> | null>(null);
  useEffect(() => setProposals(null), [session]);
  useEffect(() => {
    if (!session) return;
    let cancelled = false;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        if (!cancelled) setProposals(proposalsOf(session.text, lexicon, session.map, session.spans));
      }),
    );
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [session, lexicon]);
  const suggestions: DocSuggestion[] = useMemo(
    () => (session && proposals ? openSuggestions(session.text, proposals, session.spans, session.rejected, session.map) : []),
    // session.version covers spans and rejections.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, session?.version, proposals],
  );
  const [paintedFor, setPaintedFor] = useState('');
  useEffect(() => {
    editor.current?.setOverlay(
      'suggestions',
      suggestions.map((s) => ({
        start: s.start as CodePoint,
        end: s.end as CodePoint,
        className: `ghost${s.key === focusedSuggestion ? ' ghost-focused' : ''}`,
        attrs: { 'data-suggestion-key': s.key, 'data-label': s.label, style: `--c:${colorOf(s.label)}` },
        chip: { text: `${s.label}?`, color: colorOf(s.label) },
      })),
    );
    if (proposals) setPaintedFor(session?.docId ?? '');
  }, [suggestions, focusedSuggestion, colorOf, session, proposals]);

  // Relation candidates while linking.
  useEffect(() => {
    if (!session || !link) {
      editor.current?.setOverlay('find', []);
      return;
    }
    editor.current?.setOverlay(
      'find',
      link.candidates.flatMap((id, i) => {
        const s = session.span(id);
        return s ? [{ start: s.start, end: s.end, className: i === link.index ? 'link-candidate current' : 'link-candidate', attrs: { 'data-candidate': id } }] : [];
      }),
    );
    const current = session.span(link.candidates[link.index] ?? '');
    if (current) editor.current?.scrollTo(current.start);
  }, [link, session]);

  const selected = session?.selectedId ? session.span(session.selectedId) : undefined;

  const createSpan = useCallback(
    (label: string, range: { start: CodePoint; end: CodePoint }, exact: boolean, attrs: Span['attrs'] = {}) => {
      if (!session || !annotator) return null;
      const bounds = exact ? trimRange(session.text, range.start, range.end, session.map) : snapSelection(session.text, range.start, range.end, session.map);
      if (!bounds) return null;
      const span = makeSpan({ text: session.text, map: session.map, docId: session.docId, annotator, label, ...bounds });
      const group = labelDef(schema, label)?.group;
      span.attrs = { ...(group === 'figure' ? figureAttrs(session.text, span.start, span.end, session.map) : {}), ...attrs };
      session.commit(`create ${label}`, { putSpans: [span] });
      return span;
    },
    [annotator, schema, session],
  );

  const applyLabel = useCallback(
    (label: string, exact = false) => {
      if (!session) return;
      // Read at the moment of the key: React may not have re-rendered since the span was selected.
      const selected = session.selectedId ? session.span(session.selectedId) : undefined;
      const range = editor.current?.textSelection();
      if (range) {
        const span = createSpan(label, range, exact);
        if (span) session.select(span.id, false, true);
        else editor.current?.clearTextSelection();
        setTab('span');
      } else if (selected && selected.label !== label) {
        const group = labelDef(schema, label)?.group;
        const attrs = group === 'figure' && !('value' in selected.attrs) ? { ...figureAttrs(session.text, selected.start, selected.end, session.map), ...selected.attrs } : selected.attrs;
        session.updateSpan(`relabel ${selected.label} → ${label}`, { ...selected, label, attrs });
        session.select(selected.id);
      }
    },
    [createSpan, schema, session],
  );

  const acceptSuggestions = useCallback(
    (list: DocSuggestion[]) => {
      if (!session || !annotator || !list.length) return;
      const now = new Date().toISOString();
      const spans: Span[] = list.map((s) => ({
        id: newId('s'), docId: session.docId, annotator, label: s.label, start: s.start as CodePoint, end: s.end as CodePoint,
        attrs: { ...s.attrs }, quote: quoteOf(session.text, s.start as CodePoint, s.end as CodePoint, session.map), createdAt: now, updatedAt: now,
      }));
      session.commit(list.length === 1 ? `accept ${list[0]!.label} suggestion` : `accept ${list.length} suggestions`, { putSpans: spans });
      if (spans.length === 1) session.select(spans[0]!.id);
      setFocusedSuggestion(null);
    },
    [annotator, session],
  );

  /** The open suggestions as of this moment (React may not have re-rendered since the last action). */
  const liveSuggestions = useCallback((): DocSuggestion[] => {
    if (!session) return [];
    const done = new Set(session.spans.map((x) => `${x.label}:${x.start}:${x.end}`));
    return suggestions.filter((x) => !session.rejected.has(x.key) && !done.has(`${x.label}:${x.start}:${x.end}`));
  }, [session, suggestions]);

  const focusSuggestion = useCallback(
    (by: number) => {
      const suggestions = liveSuggestions();
      if (!suggestions.length || !session) return;
      const caret = editor.current?.caret() ?? 0;
      const i = focusedSuggestion ? suggestions.findIndex((s) => s.key === focusedSuggestion) : -1;
      let next: DocSuggestion | undefined;
      if (i >= 0) next = suggestions[(i + by + suggestions.length) % suggestions.length];
      else next = by > 0 ? (suggestions.find((s) => s.start >= caret) ?? suggestions[0]) : ([...suggestions].reverse().find((s) => s.start < caret) ?? suggestions[suggestions.length - 1]);
      if (!next) return;
      setFocusedSuggestion(next.key);
      session.select(null);
      editor.current?.scrollTo(next.start as CodePoint);
      setTab('suggestions');
    },
    [focusedSuggestion, liveSuggestions, session],
  );

  const stepSpan = useCallback(
    (by: number) => {
      if (!session || !session.spans.length) return;
      const i = session.selectedId ? session.spans.findIndex((s) => s.id === session.selectedId) : by > 0 ? -1 : 0;
      const next = session.spans[(i + by + session.spans.length) % session.spans.length]!;
      session.select(next.id, true);
      setTab('span');
    },
    [session],
  );

  const resize = useCallback(
    (edge: 'start' | 'end', by: number) => {
      const selected = session?.selectedId ? session.span(session.selectedId) : undefined;
      if (!session || !selected) return;
      const start = edge === 'start' ? selected.start + by : selected.start;
      const end = edge === 'end' ? selected.end + by : selected.end;
      if (start < 0 || end > session.map.codePointLength || end <= start) return;
      const quote = quoteOf(session.text, start as CodePoint, end as CodePoint, session.map);
      session.updateSpan(`resize ${selected.label}`, { ...selected, start: start as CodePoint, end: end as CodePoint, quote });
      session.select(selected.id);
    },
    [session],
  );

  const startLink = useCallback(
    (relationName: string) => {
      const selected = session?.selectedId ? session.span(session.selectedId) : undefined;
      if (!session || !selected) return;
      const relation = schema.relations.find((r) => r.name === relationName);
      if (!relation) return;
      const candidates = linkCandidates(schema, relation, selected, session.spans);
      if (!candidates.length) {
        say(`No span can be the target of “${relation.name}” from this ${selected.label}: mark the ${relation.tail.join(' or ')} first.`);
        return;
      }
      setLink({ relation, headId: selected.id, candidates, index: 0 });
      editor.current?.focus();
    },
    [schema, say, session],
  );

  const finishLink = useCallback(
    (tailId: string | null) => {
      if (!session || !link) return;
      setLink(null);
      if (!tailId) return;
      const exists = session.relations.some((r) => r.head === link.headId && r.tail === tailId && r.label === link.relation.name);
      if (!exists && annotator) {
        session.commit(`link ${link.relation.name}`, {
          putRelations: [{ id: newId('r'), docId: session.docId, annotator, label: link.relation.name, head: link.headId, tail: tailId, createdAt: new Date().toISOString() }],
        });
      }
      session.select(link.headId);
    },
    [annotator, link, session],
  );

  const undoRedo = useCallback(
    (which: 'undo' | 'redo') => {
      if (!session) return;
      const what = which === 'undo' ? session.undo() : session.redo();
      say(what ? `${which === 'undo' ? 'Undid' : 'Redid'}: ${what}` : `Nothing to ${which}`);
    },
    [say, session],
  );

  const setStatus = useCallback((status: DocStatus) => session?.setStatus(status), [session]);

  const labelMatchElsewhere = useCallback(
    async (target: CorpusEntry, match: TextMatch, label: string) => {
      if (!annotator) return;
      if (session && session.path === target.path) {
        createSpan(label, match, true);
        return;
      }
      const text = await loadText(target);
      const span = makeSpan({ text, map: new (await import('../../core/model/offsets')).OffsetMap(text), docId: target.docId, annotator, label, ...match });
      if (labelDef(schema, label)?.group === 'figure') span.attrs = figureAttrs(text, span.start, span.end);
      await applyChange(db, target.docId, annotator, { putSpans: [span] });
      await journalChange(host.api, annotator, target.docId, { putSpans: [span] });
    },
    [annotator, createSpan, loadText, schema, session],
  );

  const runExportChoice = useCallback(
    async (choice: ExportChoice, onProgress: (done: number, total: number) => void) => {
      if (!corpus || !annotator) throw new Error('No corpus is open');
      await session?.flushed();
      const info = (await import('../../core/format/formats')).FORMATS.find((f) => f.name === choice.format)!;
      const name = choice.format === 'native' ? exportFileName(corpus.name, choice.annotatorSet === 'adjudicated' ? 'adjudicated' : annotator) : info.defaultOutput;
      const sink = await hostSink(host.api, name, info.layout);
      if (!sink) throw new Error('Export canceled');
      const summary = await runExport(db, host.api, corpus, annotator, choice, sink, onProgress);
      say(`Exported ${summary.documents} document${summary.documents === 1 ? '' : 's'} (${summary.spans} spans) to ${summary.path}`);
      return summary;
    },
    [annotator, corpus, say, session],
  );

  const exportAll = useCallback(() => setExportOpen(true), []);

  const saveSchema = useCallback(async (next: LabelSchema) => {
    await host.api.writeSchema({ schema: next });
    setSchema(next);
    if (corpus) await setSetting(db, `schema:${corpus.root}`, JSON.stringify(next));
    say('Schema saved to .marginalia/schema.json');
  }, [corpus, say]);

  commands.current = {
    exportAll: () => void exportAll(),
    markDone: () => setStatus('done'),
    documentsChanged: (change) => {
      setCorpus((c) => {
        if (!c || c.root !== change.root) return c;
        const gone = new Set([...change.removed, ...change.changed.map((e) => e.path), ...change.added.map((e) => e.path)]);
        const documents = [...c.documents.filter((d) => !gone.has(d.path)), ...change.changed, ...change.added].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        return { ...c, documents, skipped: change.skipped ?? c.skipped };
      });
      for (const e of change.changed) texts.current.delete(e.path);
      const open = entry && change.changed.find((e) => e.path === entry.path);
      if (open && session && open.docId !== session.docId) void session.flushed().then(() => openDocument(open));
      if (entry && change.removed.includes(entry.path) && !change.added.length) say(`${entry.path} was removed from the folder; its spans stay stored.`);
    },
  };

  // The keyboard: one listener for the app's life, calling the handler of the latest render, so a key
  // pressed right after another never meets the state from before it.
  const onKeyRef = useRef<(e: KeyboardEvent) => void>(() => {});
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKeyRef.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  {
    const onKey = (e: KeyboardEvent) => {
      if (mode === 'curate' || !annotator || renaming || isTypingTarget(e.target)) return;
      // Enter and Space on a focused button or link are the button's.
      if ((e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement).closest?.('button, a, summary')) return;
      const ctrl = e.ctrlKey || e.metaKey;
      const handled = () => e.preventDefault();
      if (ctrl && !e.altKey) {
        const k = e.key.toLowerCase();
        if (k === 'z') return handled(), undoRedo(e.shiftKey ? 'redo' : 'undo');
        if (k === 'y') return handled(), undoRedo('redo');
        if (k === 'f' && e.shiftKey) return handled(), setSearchOpen(true);
        if (k === 'f') return handled(), session && setFindOpen(true);
        if (e.shiftKey && e.key === 'Enter') return handled(), setStatus(session?.status === 'done' ? 'in-progress' : 'done');
        return;
      }
      if (e.altKey && !ctrl) {
        if (e.key === 'ArrowDown') return handled(), openSibling(1);
        if (e.key === 'ArrowUp') return handled(), openSibling(-1);
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') return handled(), resize(e.shiftKey ? 'start' : 'end', e.key === 'ArrowLeft' ? -1 : 1);
        return;
      }
      if (hasCommandModifier(e)) return;
      if (e.key === '?') return handled(), setShortcutsOpen((o) => !o);
      if (shortcutsOpen && e.key === 'Escape') return setShortcutsOpen(false);
      if (!session) return;

      if (link) {
        if (e.key === 'Escape') return handled(), finishLink(null);
        if (e.key === 'Enter') return handled(), finishLink(link.candidates[link.index] ?? null);
        if (e.key === 'Tab' || e.key === 'ArrowDown' || e.key === 'ArrowRight' || e.key === 'ArrowUp' || e.key === 'ArrowLeft') {
          const back = (e.key === 'Tab' && e.shiftKey) || e.key === 'ArrowUp' || e.key === 'ArrowLeft';
          handled();
          setLink({ ...link, index: (link.index + (back ? -1 : 1) + link.candidates.length) % link.candidates.length });
        }
        return;
      }
      const open = focusedSuggestion ? liveSuggestions() : [];
      const focused = focusedSuggestion ? open.find((s) => s.key === focusedSuggestion) : undefined;
      if (focused && !session.selectedId) {
        if (e.key === 'Enter' && e.shiftKey) return handled(), acceptSuggestions(open.filter((s) => s.kind === focused.kind && s.label === focused.label));
        if (e.key === 'Enter') return handled(), acceptSuggestions([focused]);
        if (e.key === 'Backspace' || e.key === 'Delete') {
          handled();
          session.reject([focused.key]);
          const rest = open.filter((s) => s.key !== focused.key);
          setFocusedSuggestion(rest.find((s) => s.start >= focused.start)?.key ?? null);
          return;
        }
        if (e.key === 'Escape') return setFocusedSuggestion(null);
      }
      if (e.key === 'g') return handled(), focusSuggestion(1);
      if (e.key === 'G') return handled(), focusSuggestion(-1);
      if (e.key === ']') return handled(), stepSpan(1);
      if (e.key === '[') return handled(), stepSpan(-1);
      if (e.key === 'x') {
        handled();
        const r = sentenceRange(session.text, editor.current?.caret() ?? (0 as CodePoint), session.map);
        if (r) editor.current?.selectText(r.start, r.end);
        return;
      }
      if (e.key === 'Delete' || e.key === 'Backspace') {
        if (session.selectedId) {
          handled();
          session.deleteSpans([session.selectedId]);
        }
        return;
      }
      if (e.key === 'Escape') {
        setFocusedSuggestion(null);
        return session.select(null);
      }
      if (e.key === 'Enter' && session.selectedId) {
        handled();
        setTab('span');
        requestAnimationFrame(() => details.current?.focusFirstField());
        return;
      }
      const label = schema.labels.find((l) => l.hotkey === e.key.toLowerCase());
      if (label) {
        handled();
        return applyLabel(label.name, e.shiftKey);
      }
      const relation = schema.relations.find((r) => r.hotkey === e.key);
      if (relation && session.selectedId) {
        handled();
        startLink(relation.name);
      }
    };
    onKeyRef.current = onKey;
  }

  if (annotator === undefined) return <div className="loading">Loading…</div>;
  if (annotator === null || renaming) {
    return (
      <AnnotatorPrompt
        initial={annotator ?? ''}
        onDone={(name) => {
          void setSetting(db, 'annotator', name).then(
            () => {
              setAnnotator(name);
              setRenaming(false);
              setSession(null);
              setEntry(null);
            },
            (e) => fail('Cannot save the name', e),
          );
        }}
      />
    );
  }

  if (mode === 'curate') {
    return <CurationView schema={schema} hostKind={hostInfo?.kind ?? 'browser'} onExit={() => setMode('annotate')} />;
  }

  const describe = (id: string) => session?.span(id)?.quote.exact ?? '(deleted span)';
  const saveError = session?.save.error ?? null;

  return (
    <div className="app">
      <header className="topbar">
        <h1>Marginalia</h1>
        <span className="corpus-name" title={corpus?.root}>{corpus ? corpus.name : 'No corpus'}</span>
        <span className="spacer" />
        <button onClick={() => setSearchOpen(true)} title="Find across the corpus (Ctrl+Shift+F)">Search corpus</button>
        <button onClick={() => setMode('curate')} title="Merge annotators' exports, agreement, adjudication" data-testid="open-curation">Curation</button>
        <button onClick={() => setShortcutsOpen(true)} title="Keyboard shortcuts (?)">?</button>
        <label className="font-choice">
          Font{' '}
          <select value={font} onChange={(e) => { setFont(e.target.value); void setSetting(db, 'font', e.target.value); }}>
            {Object.keys(FONT_STACKS).map((f) => <option key={f}>{f}</option>)}
          </select>
        </label>
        <button className="annotator" onClick={() => setRenaming(true)} title="Change the annotator name" data-testid="annotator">
          Annotator: {annotator}
        </button>
        <button onClick={() => setSchemaOpen(true)} title="Edit the label schema">Schema</button>
        <button onClick={() => setExportOpen(true)} disabled={!corpus} data-testid="export" title="Export (Ctrl+E)">
          Export…
        </button>
      </header>
      <aside className="sidebar">
        <div className="sidebar-head">
          {hostInfo?.kind === 'electron' ? (
            <button onClick={() => void host.api.openCorpus({}).then((c) => c && (setCorpus(c), setSession(null), setEntry(null))).catch((e) => fail('Cannot open the folder', e))}>
              Open folder…
            </button>
          ) : null}
          <select
            aria-label="Recent corpora"
            value=""
            onChange={(e) => {
              const path = e.target.value;
              if (path) void host.api.openCorpus({ path }).then((c) => c && (setCorpus(c), setSession(null), setEntry(null))).catch((err) => fail('Cannot open the corpus', err));
            }}
          >
            <option value="">Recent corpora…</option>
            {recent.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </div>
        {corpus ? (
          <>
            {corpus.scanning || (scan && scan.phase !== 'done' && scan.root === corpus.root) ? (
              <div className="scan-progress" role="status" data-testid="scan-progress">
                <progress max={scan?.total || 1} value={scan?.done ?? 0} /> Scanning {scan?.phase === 'listing' ? `(${scan.done} files found)` : `${scan?.done ?? 0} of ${scan?.total ?? '…'}`}
              </div>
            ) : null}
            {corpus.warnings?.map((w) => <p key={w} className="warning">{w}</p>)}
            <ProgressPanel documents={corpus.documents} states={states} schema={schema} />
            <div className="filters">
              <select aria-label="Filter by status" value={statusFilter} onChange={(e) => setStatusFilter(e.target.value as DocStatus | '')} data-testid="status-filter">
                <option value="">All statuses</option>
                <option value="todo">todo</option>
                <option value="in-progress">in progress</option>
                <option value="done">done</option>
                <option value="skipped">skipped</option>
              </select>
              <select aria-label="Filter by label" value={labelFilter} onChange={(e) => setLabelFilter(e.target.value)} data-testid="label-filter">
                <option value="">All labels</option>
                {schema.labels.map((l) => <option key={l.name}>{l.name}</option>)}
              </select>
            </div>
            <DocList documents={visibleDocs} states={states} activePath={entry?.path ?? null} onOpen={(e) => void openDocument(e)} onEncoding={setEncodingFor} />
            {corpus.skipped.length ? (
              <details className="skipped">
                <summary>{corpus.skipped.length} skipped files</summary>
                <ul>{corpus.skipped.map((s) => <li key={s.path}><code>{s.path}</code>: {s.reason}</li>)}</ul>
              </details>
            ) : null}
          </>
        ) : null}
      </aside>
      <main className="document" data-open-path={entry?.path ?? ''} data-painted={session !== null && paintedFor === session.docId}>
        {session && entry ? (
          <>
            <div className="doc-toolbar">
              <LabelBar labels={schema.labels} onApply={(l) => applyLabel(l)} />
              <SaveIndicator session={session} />
              <button onClick={() => undoRedo('undo')} disabled={!session.history.done.length} title={`Undo ${session.history.done.at(-1)?.label ?? ''} (Ctrl+Z)`}>Undo</button>
              <button onClick={() => undoRedo('redo')} disabled={!session.history.undone.length} title={`Redo ${session.history.undone.at(-1)?.label ?? ''} (Ctrl+Shift+Z)`}>Redo</button>
              <label className="status-choice">
                Status{' '}
                <select value={session.status} onChange={(e) => setStatus(e.target.value as DocStatus)} data-testid="doc-status">
                  <option value="todo">todo</option>
                  <option value="in-progress">in progress</option>
                  <option value="done">done</option>
                  <option value="skipped">skipped</option>
                </select>
              </label>
              <button onClick={() => setStatus('done')} disabled={session.status === 'done'} title="Ctrl+Shift+Enter" data-testid="mark-done">
                Mark done
              </button>
            </div>
            {findOpen ? (
              <FindBar
                text={session.text}
                map={session.map}
                onMatches={(matches, current) =>
                  editor.current?.setOverlay('find', matches.map((m, i) => ({ ...m, className: i === current ? 'find-match current' : 'find-match' })))
                }
                onClose={(m) => {
                  setFindOpen(false);
                  editor.current?.setOverlay('find', []);
                  editor.current?.focus();
                  if (m) editor.current?.selectText(m.start, m.end);
                }}
              />
            ) : null}
            {link ? (
              <div className="link-bar" role="status">
                Linking <b>{link.relation.name}</b> from “{describe(link.headId)}”: Tab / arrows choose, Enter links to “{describe(link.candidates[link.index] ?? '')}”, Esc cancels.
              </div>
            ) : null}
            <Editor
              key={session.docId}
              ref={(h) => {
                editor.current = h;
                session.editor = h;
                if (h) h.setRelations(session.relations);
              }}
              text={session.text}
              spans={session.placedSpans}
              colorOf={colorOf}
              font={FONT_STACKS[font]}
              onSpanClick={(id) => {
                if (link) {
                  if (id && link.candidates.includes(id)) finishLink(id);
                  return;
                }
                setFocusedSuggestion(null);
                session.select(id);
                if (id) setTab('span');
              }}
              onResizeSpan={(id, start, end) => {
                const span = session.span(id);
                if (!span || end <= start) return;
                session.updateSpan(`resize ${span.label}`, { ...span, start, end, quote: quoteOf(session.text, start, end, session.map) });
                session.select(id);
              }}
              onSuggestionClick={(key) => {
                setFocusedSuggestion(key);
                session.select(null);
                setTab('suggestions');
              }}
            />
          </>
        ) : (
          <div className="placeholder">
            <p>Open a document from the list to start.</p>
            <p>Select text, then press a label key: {schema.labels.map((l) => `${l.hotkey} ${l.name}`).join(' · ')}. Press ? for every shortcut.</p>
          </div>
        )}
      </main>
      <aside className="panel">
        <nav className="tabs" role="tablist">
          {(['span', 'suggestions', 'entities', 'guide'] as PanelTab[]).map((t) => (
            <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => setTab(t)}>
              {t === 'span' ? `Spans${session ? ` (${session.spans.length})` : ''}` : t === 'suggestions' ? `Suggestions${session ? ` (${suggestions.length})` : ''}` : t === 'entities' ? 'Entities' : 'Guide'}
            </button>
          ))}
        </nav>
        {tab === 'span' && session ? (
          <>
            {selected ? (
              <SpanDetails
                ref={details}
                span={selected}
                schema={schema}
                relations={session.relationsOf(selected.id)}
                describe={describe}
                canonicalIds={lexicon.canonicalIds}
                onAttr={(name, value) => {
                  const attrs = { ...selected.attrs };
                  if (value === undefined) delete attrs[name];
                  else attrs[name] = value;
                  session.updateSpan(`set ${name}`, { ...selected, attrs });
                }}
                onLabel={(l) => {
                  session.updateSpan(`relabel ${selected.label} → ${l}`, { ...selected, label: l });
                }}
                onDeleteRelation={(id) => session.commit('remove relation', { deleteRelationIds: [id] })}
                onStartLink={startLink}
                onSelectSpan={(id) => session.select(id, true)}
                onDone={() => editor.current?.focus()}
              />
            ) : null}
            {session.orphanedSpans.length ? (
              <OrphanPanel
                orphans={session.orphanedSpans}
                colorOf={colorOf}
                onPlace={(span) => {
                  const range = editor.current?.textSelection();
                  if (!range) {
                    say('Select the text where this span belongs, then press Place.');
                    return;
                  }
                  const { orphaned: _, ...rest } = span;
                  void _;
                  session.updateSpan(`place ${span.label}`, { ...rest, start: range.start, end: range.end, quote: quoteOf(session.text, range.start, range.end, session.map) });
                  editor.current?.clearTextSelection();
                }}
                onDelete={(span) => session.deleteSpans([span.id])}
              />
            ) : null}
            <SpanList spans={session.placedSpans} selectedId={session.selectedId} colorOf={colorOf} onSelect={(id) => session.select(id, true)} />
          </>
        ) : null}
        {tab === 'suggestions' && session ? (
          <SuggestionsPanel
            suggestions={suggestions}
            focusedKey={focusedSuggestion}
            colorOf={colorOf}
            onFocus={(s) => {
              setFocusedSuggestion(s.key);
              editor.current?.scrollTo(s.start as CodePoint);
            }}
            onAccept={acceptSuggestions}
            onReject={(list) => session.reject(list.map((s) => s.key))}
          />
        ) : null}
        {tab === 'entities' ? <EntityList lexicon={lexicon} documents={corpus?.documents ?? []} /> : null}
        {tab === 'guide' ? <GuidePanel schema={schema} focusLabel={selected?.label} /> : null}
        {!session && tab !== 'entities' && tab !== 'guide' ? <p className="empty">Open a document.</p> : null}
      </aside>
      {searchOpen && corpus ? (
        <div className="search-drawer">
          <CorpusSearch
            documents={corpus.documents}
            schema={schema}
            loadText={loadText}
            onLabel={labelMatchElsewhere}
            onOpen={(target, m) => {
              setSearchOpen(false);
              void openDocument(target, () => editor.current?.selectText(m.start as CodePoint, m.end as CodePoint));
            }}
            onClose={() => setSearchOpen(false)}
          />
        </div>
      ) : null}
      {encodingFor ? (
        <EncodingChooser
          entry={encodingFor}
          onChoose={async (encoding) => {
            const updated = await host.api.setEncoding({ path: encodingFor.path, encoding });
            setCorpus((c) => (c ? { ...c, documents: c.documents.map((d) => (d.path === updated.path ? updated : d)) } : c));
            texts.current.delete(updated.path);
            setEncodingFor(null);
            if (entry?.path === updated.path) void openDocument(updated);
          }}
          onClose={() => setEncodingFor(null)}
        />
      ) : null}
      {exportOpen ? (
        <ExportDialog
          schema={schema}
          run={runExportChoice}
          downloadUrl={(summary) => (hostInfo?.kind === 'browser' ? downloadUrlOf(summary.path) : undefined)}
          onClose={() => setExportOpen(false)}
        />
      ) : null}
      {schemaOpen ? <SchemaEditor schema={schema} onSave={saveSchema} onClose={() => setSchemaOpen(false)} /> : null}
      {shortcutsOpen ? <ShortcutsOverlay schema={schema} onClose={() => setShortcutsOpen(false)} /> : null}
      {saveError ? (
        <div className="notice notice-error save-error" role="alert">
          <span>{saveError}</span>
        </div>
      ) : null}
      {notice ? <NoticeBar notice={notice} onDismiss={() => setNotice(null)} /> : null}
    </div>
  );
}
