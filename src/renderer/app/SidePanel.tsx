// The right-hand panel: the selected span's details, orphans and the span list; suggestions; entities; the guide.

import type { RefObject } from 'react';
import type { CorpusEntry } from '../../core/ipc/contract';
import type { LabelSchema } from '../../core/model/schema';
import type { EditorHandle } from '../editor/Editor';
import { EntityList } from '../features/EntityList';
import { GuidePanel } from '../features/GuidePanel';
import { OrphanPanel } from '../features/OrphanPanel';
import { SpanDetails, type SpanDetailsHandle } from '../features/SpanDetails';
import { SpanList } from '../features/SpanList';
import { SuggestionsPanel } from '../features/SuggestionsPanel';
import { run, type PanelTab, type WorkbenchActions } from './actions';
import * as commands from './commands';
import type { DocSession } from './doc-session';
import type { CorpusLexicon } from './use-corpus-lexicon';
import type { Suggestions } from './use-suggestions';

/** Changes made in the panel's forms: React hears them in the same event, so controlled fields never flick back. */
const URGENT = { urgent: true };

/** The tabs in order. */
const TABS: readonly PanelTab[] = ['span', 'suggestions', 'entities', 'guide'];

/** Props of {@link SidePanel}. */
export interface SidePanelProps {
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  session: DocSession | null;
  schema: LabelSchema;
  colorOf: (label: string) => string;
  lexicon: CorpusLexicon;
  documents: CorpusEntry[];
  suggestions: Suggestions;
  actions: WorkbenchActions;
  editor: RefObject<EditorHandle | null>;
  details: RefObject<SpanDetailsHandle | null>;
  /** Says something about the open document. */
  onHint: (text: string) => void;
}

function tabTitle(tab: PanelTab, session: DocSession | null, openSuggestions: number): string {
  if (tab === 'span') return `Spans${session ? ` (${session.spans.length})` : ''}`;
  if (tab === 'suggestions') return `Suggestions${session ? ` (${openSuggestions})` : ''}`;
  return tab === 'entities' ? 'Entities' : 'Guide';
}

/** The panel. */
export function SidePanel(props: SidePanelProps) {
  const { tab, session, schema, suggestions, actions, editor } = props;
  const selected = session?.selected;
  const describe = (id: string) => session?.span(id)?.quote.exact ?? '(deleted span)';
  return (
    <aside className="panel">
      <nav className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => props.onTab(t)}>
            {tabTitle(t, session, suggestions.open.length)}
          </button>
        ))}
      </nav>
      {tab === 'span' && session ? (
        <>
          {selected ? (
            <SpanDetails
              ref={props.details}
              span={selected}
              schema={schema}
              relations={session.relationsOf(selected.id)}
              describe={describe}
              canonicalIds={props.lexicon.canonicalIds}
              onAttr={(name, value) => run(session, commands.setAttr(selected, name, value, schema), URGENT)}
              onLabel={(l) => run(session, commands.relabel(session, schema, selected, l), URGENT)}
              onDeleteRelation={(id) => session.commit('remove relation', { deleteRelationIds: [id] }, URGENT)}
              onComment={(comment) => run(session, commands.setNotes(selected, { comment }), URGENT)}
              onUnsure={(unsure) => run(session, commands.setNotes(selected, { unsure }), URGENT)}
              onStartLink={actions.startLink}
              onSelectSpan={(id) => session.select(id, true)}
              onDone={() => editor.current?.focus()}
            />
          ) : null}
          {session.orphanedSpans.length ? (
            <OrphanPanel
              orphans={session.orphanedSpans}
              colorOf={props.colorOf}
              onPlace={(span) => {
                const range = editor.current?.textSelection();
                if (!range) return props.onHint('Select the text where this span belongs, then press Place.');
                run(session, commands.placeOrphan(session, span, range));
                editor.current?.clearTextSelection();
              }}
              onDelete={(span) => session.deleteSpans([span.id])}
            />
          ) : null}
          <SpanList spans={session.placedSpans} selectedId={session.selectedId} colorOf={props.colorOf} onSelect={(id) => session.select(id, true)} />
        </>
      ) : null}
      {tab === 'suggestions' && session ? (
        <SuggestionsPanel
          suggestions={suggestions.open}
          focusedKey={suggestions.focusedKey}
          colorOf={props.colorOf}
          onFocus={(s) => {
            suggestions.focus(s);
            editor.current?.scrollTo(s.start);
          }}
          onAccept={actions.acceptSuggestions}
          onReject={actions.rejectSuggestions}
          text={session.text}
          map={session.map}
          onFilterChange={suggestions.setFilter}
        />
      ) : null}
      {tab === 'entities' ? <EntityList lexicon={props.lexicon} documents={props.documents} /> : null}
      {tab === 'guide' ? <GuidePanel schema={schema} focusLabel={selected?.label} /> : null}
      {!session && tab !== 'entities' && tab !== 'guide' ? <p className="empty">Open a document.</p> : null}
    </aside>
  );
}
