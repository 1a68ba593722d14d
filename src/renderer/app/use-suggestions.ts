// The open document's suggestions: found once per document and lexicon after its first paint,
// kept open or closed from the session's spans and rejections after each change's paint, painted
// as ghosts, and walked in document order from the last one judged.

import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ExtraWords } from '../../core/model/boundaries';
import type { CodePoint } from '../../core/model/types';
import { mergeSuggestions, type Suggestion } from '../../core/suggest/suggestions';
import type { EditorHandle } from '../editor/Editor';
import { filterQueue, type QueueFilter } from '../features/suggestion-queue';
import { namesOf } from '../suggest/assist-extras';
import { afterPaint } from './after-paint';
import { proposalsOf, type DocSuggestion } from './assist';
import type { DocSession } from './doc-session';
import { nextSuggestion } from './suggestion-order';
import type { CorpusLexicon } from './use-corpus-lexicon';
import { useSessionVersion } from './use-document';

/** The suggestions of the open document and what can be done with them. */
export interface Suggestions {
  /** The open suggestions in document order. */
  open: DocSuggestion[];
  /** Every proposal (open or not), for "shrink to the figure inside". */
  proposals: readonly DocSuggestion[];
  /** The focused suggestion's key, if any. */
  focusedKey: string | null;
  /** The focused suggestion when it is still open. */
  focused: DocSuggestion | undefined;
  /** True once the ghosts of the open document are painted. */
  painted: boolean;
  focus(s: DocSuggestion | null): void;
  /** Focuses the next (1) or previous (-1) open suggestion; false when there is none. */
  step(by: 1 | -1, caret: CodePoint): DocSuggestion | undefined;
  /** Notes a judged suggestion (accepted or rejected): `g` goes on from it. */
  judged(s: DocSuggestion): void;
  /** Forgets the last judged one: `g` starts from the caret (the annotator clicked elsewhere). */
  forgetJudged(): void;
  /** The queue's filter (label, source): `g` steps through what the queue shows. */
  setFilter(filter: QueueFilter): void;
  /** The corpus's labelled strings, kept whole when a selection is snapped to words. */
  names: ExtraWords;
}

/** The open ones among `all`: not covered by a span of the same label and range, not rejected. */
function openOf(all: readonly DocSuggestion[], session: DocSession): DocSuggestion[] {
  return all.filter((s) => !session.rejected.has(s.key) && !session.index.covers(s.label, s.start, s.end));
}

/** Whether two lists hold the same suggestions in the same order (then the ghosts need no repaint). */
function sameList(a: readonly Suggestion[], b: readonly Suggestion[]): boolean {
  return a.length === b.length && a.every((s, i) => s.key === b[i]!.key);
}

/** The suggestions of a session, given the corpus lexicon. */
export function useSuggestions(session: DocSession | null, lexicon: CorpusLexicon, editor: RefObject<EditorHandle | null>, colorOf: (label: string) => string, model: readonly Suggestion[] | null = null): Suggestions {
  const version = useSessionVersion(session);
  const [all, setAll] = useState<{ session: DocSession; list: DocSuggestion[] } | null>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const lastJudged = useRef<Suggestion | null>(null);
  const [filter, setFilter] = useState<QueueFilter>({});

  /** Finds the proposals of a session now (about 100 ms for 1,000,000 characters). */
  const find = useCallback(
    (s: DocSession): DocSuggestion[] => {
      const p = proposalsOf(s.text, lexicon, s.map, s.spans);
      // The model's come last: a proposal of the parser, the lexicon or the rules at the same place wins.
      return mergeSuggestions([p.figures, p.dictionary, p.entities, model ?? []]).map((x) => ({ ...x, text: s.text.slice(s.map.toUtf16(x.start), s.map.toUtf16(x.end)) }));
    },
    [lexicon, model],
  );

  // A new document: nothing focused or judged; its proposals are found after its first paint.
  useEffect(() => {
    setFocusedKey(null);
    setFilter({});
    lastJudged.current = null;
  }, [session]);
  useEffect(() => {
    if (!session) return;
    return afterPaint(() => setAll({ session, list: find(session) }));
  }, [session, find]);

  const proposals = useMemo(() => (all && all.session === session ? all.list : []), [all, session]);
  const previous = useRef<DocSuggestion[]>([]);
  const open = useMemo(() => {
    void version; // the session's spans and rejections, which `openOf` reads, change with its version
    const next = session ? openOf(proposals, session) : [];
    if (sameList(next, previous.current)) return previous.current;
    previous.current = next;
    return next;
  }, [session, proposals, version]);
  const focused = focusedKey ? open.find((s) => s.key === focusedKey) : undefined;
  const painted = all !== null && all.session === session;

  // The ghosts: repainted when the open list or the focus changed, never for an unrelated change.
  useEffect(() => {
    editor.current?.setOverlay(
      'suggestions',
      open.map((s) => ({
        start: s.start as CodePoint,
        end: s.end as CodePoint,
        className: `ghost${s.key === focusedKey ? ' ghost-focused' : ''}`,
        attrs: { 'data-suggestion-key': s.key, 'data-label': s.label, style: `--c:${colorOf(s.label)}` },
        chip: { text: `${s.label}?`, color: colorOf(s.label) },
      })),
    );
  }, [open, focusedKey, colorOf, editor]);

  const focus = useCallback((s: DocSuggestion | null) => setFocusedKey(s ? s.key : null), []);

  const step = useCallback(
    (by: 1 | -1, caret: CodePoint): DocSuggestion | undefined => {
      if (!session) return undefined;
      // A key pressed before the proposals were found (the first `g` on a fresh document) finds them now.
      let list = proposals;
      if (!painted) {
        list = find(session);
        setAll({ session, list });
      }
      const next = nextSuggestion(filterQueue(openOf(list, session), filter), { focusedKey, lastJudged: lastJudged.current, caret }, by);
      if (next) setFocusedKey(next.key);
      return next;
    },
    [session, proposals, painted, find, focusedKey, filter],
  );

  const judged = useCallback((s: DocSuggestion) => {
    lastJudged.current = s;
  }, []);
  const forgetJudged = useCallback(() => {
    lastJudged.current = null;
  }, []);

  const names = useMemo(() => namesOf(lexicon.dictionary), [lexicon]);
  return { open, proposals, focusedKey, focused, painted, focus, step, judged, forgetJudged, setFilter, names };
}
