// What the workbench's keys, buttons and panels do: each action reads the session, runs a pure
// command (commands.ts) and commits its change, or changes the view's state. Built once per
// render from the latest state, so a key never meets the state from before the previous key.

import type { RefObject } from 'react';
import type { LabelSchema } from '../../core/model/schema';
import type { CodePoint, DocStatus } from '../../core/model/types';
import type { SpanEdge } from '../../core/model/word-step';
import type { EditorHandle } from '../editor/Editor';
import { sentenceRange, type DocSuggestion } from './assist';
import * as commands from './commands';
import type { DocSession } from './doc-session';
import { linkCandidates, type LinkMode } from './link-mode';
import type { Notices } from './use-notices';
import type { Suggestions } from './use-suggestions';

/** The right-hand panel's tabs. */
export type PanelTab = 'span' | 'suggestions' | 'entities' | 'guide';

/** What the actions read and set. */
export interface ActionContext {
  session: DocSession | null;
  editor: RefObject<EditorHandle | null>;
  schema: LabelSchema;
  suggestions: Suggestions;
  link: LinkMode | null;
  setLink(link: LinkMode | null): void;
  setTab(tab: PanelTab): void;
  notices: Pick<Notices, 'say' | 'sayAbout'>;
  /** Moves the keyboard into the selected span's attribute form. */
  focusDetails(): void;
}

/**
 * Commits a command's change and selects what it says; false when there was no command.
 * `urgent` for a change made in a form: its controlled fields show it in the same event.
 */
export function run(session: DocSession, command: commands.Command | null, options: { urgent?: boolean } = {}): boolean {
  if (!command) return false;
  session.commit(command.label, command.change, options);
  if (command.select) session.select(command.select.id, command.select.scroll ?? false, command.select.collapse ?? false);
  return true;
}

/** The workbench's actions over the latest state. */
export function workbenchActions(ctx: ActionContext) {
  const { session, schema, suggestions, link } = ctx;
  // The editor as it is when the action runs (it mounts after the render that built the actions).
  const ed = () => ctx.editor.current;
  const selection = { textSelection: () => ed()?.textSelection() ?? null };

  const actions = {
    label(name: string, exact = false) {
      if (!session) return;
      const range = ed()?.textSelection();
      const command = commands.applyLabel(session, selection, schema, name, exact, suggestions.names);
      if (range && !command) ed()?.clearTextSelection();
      run(session, command);
      if (range) ctx.setTab('span');
    },
    undoRedo(which: 'undo' | 'redo') {
      if (!session) return;
      const what = which === 'undo' ? session.undo() : session.redo();
      ctx.notices.sayAbout(session.docId, what ? `${which === 'undo' ? 'Undid' : 'Redid'}: ${what}` : `Nothing to ${which}`);
    },
    setStatus(status: DocStatus) {
      session?.setStatus(status);
    },
    toggleDone() {
      session?.setStatus(session.status === 'done' ? 'in-progress' : 'done');
    },
    stepSpan(by: 1 | -1) {
      const next = session?.index.step(session.selectedId, by);
      if (!session || !next) return;
      session.select(next.id, true);
      ctx.setTab('span');
    },
    resize(edge: SpanEdge, by: 1 | -1) {
      if (session) run(session, commands.resizeByCharacter(session, schema, edge, by));
    },
    wordStep(edge: SpanEdge, direction: 1 | -1) {
      if (session) run(session, commands.resizeByWord(session, schema, edge, direction));
    },
    shrinkToInside() {
      if (!session) return;
      if (!run(session, commands.shrinkToInside(session, schema, suggestions.proposals))) {
        ctx.notices.sayAbout(session.docId, `No ${session.selected?.label ?? 'span'} suggestion lies inside this span to shrink it to.`);
      }
    },
    deleteSelected(): boolean {
      if (!session?.selectedId) return false;
      return run(session, commands.deleteSpans(session, [session.selectedId]));
    },
    deselect() {
      suggestions.focus(null);
      session?.select(null);
    },
    editAttributes() {
      ctx.setTab('span');
      requestAnimationFrame(() => ctx.focusDetails());
    },
    selectSentence() {
      if (!session) return;
      const r = sentenceRange(session.text, ed()?.caret() ?? (0 as CodePoint), session.map);
      if (r) ed()?.selectText(r.start, r.end);
    },
    startLink(relationName: string) {
      const selected = session?.selected;
      const relation = schema.relations.find((r) => r.name === relationName);
      if (!session || !selected || !relation) return;
      const candidates = linkCandidates(schema, relation, selected, session.spans);
      if (!candidates.length) {
        ctx.notices.sayAbout(session.docId, `No span can be the target of “${relation.name}” from this ${selected.label}: mark the ${relation.tail.join(' or ')} first.`);
        return;
      }
      ctx.setLink({ relation, headId: selected.id, candidates, index: 0 });
      ed()?.focus();
    },
    finishLink(tailId: string | null) {
      if (!session || !link) return;
      ctx.setLink(null);
      if (!tailId) return;
      run(session, commands.link(session, link.relation.name, link.headId, tailId));
      session.select(link.headId);
    },
    confirmLink() {
      if (link) actions.finishLink(link.candidates[link.index] ?? null);
    },
    moveLink(by: 1 | -1) {
      if (link) ctx.setLink({ ...link, index: (link.index + by + link.candidates.length) % link.candidates.length });
    },
    focusSuggestion(by: 1 | -1) {
      if (!session) return;
      const next = suggestions.step(by, ed()?.caret() ?? (0 as CodePoint));
      if (!next) return;
      session.select(null);
      ed()?.scrollTo(next.start as CodePoint);
      ctx.setTab('suggestions');
    },
    acceptSuggestions(list: DocSuggestion[]) {
      if (!session || !list.length) return;
      suggestions.judged(list[list.length - 1]!);
      run(session, commands.acceptSuggestions(session, list));
      suggestions.focus(null);
    },
    rejectSuggestions(list: DocSuggestion[]) {
      if (!session || !list.length) return;
      const last = list[list.length - 1]!;
      suggestions.judged(last);
      session.reject(list.map((s) => s.key));
      // The focus moves on to the next open one, in document order.
      if (list.length === 1 && suggestions.focusedKey === last.key) {
        const gone = new Set(list.map((s) => s.key));
        suggestions.focus(suggestions.open.find((s) => !gone.has(s.key) && s.start >= last.start) ?? null);
      }
    },
    /** A click in the text: a span (or none) selected; `g` goes on from the caret again. */
    clickSpan(id: string | null) {
      if (!session) return;
      if (link) {
        if (id && link.candidates.includes(id)) actions.finishLink(id);
        return;
      }
      suggestions.focus(null);
      suggestions.forgetJudged();
      session.select(id);
      if (id) ctx.setTab('span');
    },
    clickSuggestion(key: string) {
      const s = suggestions.open.find((x) => x.key === key);
      if (!s || !session) return;
      suggestions.focus(s);
      session.select(null);
      ctx.setTab('suggestions');
    },
  };
  return actions;
}

/** The actions' type, for components that take them. */
export type WorkbenchActions = ReturnType<typeof workbenchActions>;
