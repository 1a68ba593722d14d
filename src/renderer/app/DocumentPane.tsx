// The document pane: label bar, save state, undo and status; find bar; the link notice; the
// editor, which follows its session's change events.

import { useEffect, useMemo, type RefObject } from 'react';
import type { CorpusEntry } from '../../core/ipc/contract';
import type { LabelSchema } from '../../core/model/schema';
import type { DocStatus } from '../../core/model/types';
import { Editor, type EditorHandle } from '../editor/Editor';
import { DocNotes } from '../features/DocNotes';
import { FindBar } from '../features/FindBar';
import { LabelBar } from '../features/LabelBar';
import { SaveIndicator } from '../features/SaveIndicator';
import { run, type WorkbenchActions } from './actions';
import { withBounds } from './commands';
import type { DocSession, SessionEvent } from './doc-session';
import { FONT_STACKS } from './fonts';
import { keyHint } from './key-labels';
import type { LinkMode } from './link-mode';

/** Paints one session event in the editor. */
function paint(editor: EditorHandle, event: SessionEvent): void {
  if (event.type === 'spans') editor.update(event.paint, event.unpaint);
  else if (event.type === 'relations') editor.setRelations(event.relations);
  else editor.select(event.id, event.scroll, event.collapse);
}

/** The editor subscribed to a session: each change is painted in the task that made it. */
function useEditorFollows(session: DocSession | null, editor: RefObject<EditorHandle | null>): void {
  useEffect(() => {
    const handle = editor.current;
    if (!session || !handle) return;
    handle.setRelations(session.relations);
    return session.on((event) => paint(handle, event));
  }, [session, editor]);
}

/** The candidates of a relation being linked, painted on the find layer; the current one scrolled into view. */
function useLinkCandidates(session: DocSession | null, link: LinkMode | null, editor: RefObject<EditorHandle | null>): void {
  useEffect(() => {
    const handle = editor.current;
    if (!handle) return;
    if (!session || !link) {
      handle.setOverlay('find', []);
      return;
    }
    handle.setOverlay(
      'find',
      link.candidates.flatMap((id, i) => {
        const s = session.span(id);
        return s ? [{ start: s.start, end: s.end, className: i === link.index ? 'link-candidate current' : 'link-candidate', attrs: { 'data-candidate': id } }] : [];
      }),
    );
    const current = session.span(link.candidates[link.index] ?? '');
    if (current) handle.scrollTo(current.start);
  }, [link, session, editor]);
}

/** Props of {@link DocumentPane}. */
export interface DocumentPaneProps {
  session: DocSession | null;
  entry: CorpusEntry | null;
  schema: LabelSchema;
  colorOf: (label: string) => string;
  font: string;
  editor: RefObject<EditorHandle | null>;
  actions: WorkbenchActions;
  /** Told when the editor reported a click (keys pressed since waited for it). */
  onClickSettled: () => void;
  link: LinkMode | null;
  findOpen: boolean;
  onFindClosed: () => void;
  /** True once the open document's suggestions are painted (tests and the benchmark wait for it). */
  painted: boolean;
}

/** The pane. */
export function DocumentPane(props: DocumentPaneProps) {
  const { session, entry, schema, editor, actions, link } = props;
  useEditorFollows(session, editor);
  useLinkCandidates(session, link, editor);
  // The editor takes its spans once, when it is built for a session; changes come through its events.
  const initialSpans = useMemo(() => session?.placedSpans ?? [], [session]);
  const describe = (id: string) => session?.span(id)?.quote.exact ?? '(deleted span)';
  return (
    <main className="document" data-open-path={entry?.path ?? ''} data-painted={session !== null && props.painted}>
      {session && entry ? (
        <>
          <div className="doc-toolbar">
            <LabelBar labels={schema.labels} onApply={(l) => actions.label(l)} />
            <SaveIndicator session={session} />
            <button onClick={() => actions.undoRedo('undo')} disabled={!session.history.done.length} title={`Undo ${session.history.done.at(-1)?.label ?? ''}${keyHint('undo')}`}>Undo</button>
            <button onClick={() => actions.undoRedo('redo')} disabled={!session.history.undone.length} title={`Redo ${session.history.undone.at(-1)?.label ?? ''}${keyHint('redo')}`}>Redo</button>
            <label className="status-choice">
              Status{' '}
              <select value={session.status} onChange={(e) => actions.setStatus(e.target.value as DocStatus)} data-testid="doc-status">
                <option value="todo">todo</option>
                <option value="in-progress">in progress</option>
                <option value="done">done</option>
                <option value="skipped">skipped</option>
              </select>
            </label>
            <button onClick={() => actions.setStatus('done')} disabled={session.status === 'done'} title={`Mark the document done${keyHint('toggle-done')}`} data-testid="mark-done">
              Mark done
            </button>
            <DocNotes docId={session.docId} meta={session.meta} onChange={(meta) => session.setMeta(meta)} />
          </div>
          {props.findOpen ? (
            <FindBar
              text={session.text}
              map={session.map}
              onMatches={(matches, current) => editor.current?.setOverlay('find', matches.map((m, i) => ({ ...m, className: i === current ? 'find-match current' : 'find-match' })))}
              onClose={(m) => {
                props.onFindClosed();
                editor.current?.setOverlay('find', []);
                editor.current?.focus();
                if (m) editor.current?.selectText(m.start, m.end);
              }}
            />
          ) : null}
          {link ? (
            <div className="link-bar" role="status" data-testid="link-bar">
              Linking <b>{link.relation.name}</b> from “{describe(link.headId)}”: Tab / arrows choose, Enter links to “{describe(link.candidates[link.index] ?? '')}”, Esc cancels.
            </div>
          ) : null}
          <Editor
            key={session.docId}
            ref={editor}
            text={session.text}
            spans={initialSpans}
            colorOf={props.colorOf}
            font={FONT_STACKS[props.font]}
            onSpanClick={(id) => {
              props.onClickSettled();
              actions.clickSpan(id);
            }}
            onSuggestionClick={(key) => {
              props.onClickSettled();
              actions.clickSuggestion(key);
            }}
            onResizeSpan={(id, start, end) => {
              // A drag of the selected span's handle: one undoable resize, as the word and character steps are.
              const span = session.span(id);
              if (span && end > start) run(session, { label: `resize ${span.label}`, change: { putSpans: [{ ...withBounds(session, schema, span, start, end), updatedAt: new Date().toISOString() }] }, select: { id } });
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
  );
}
