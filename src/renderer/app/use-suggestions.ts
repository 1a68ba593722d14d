// The open document's suggestions: found in a worker while it paints (figures and lexicon hits,
// then NLP entities), kept open or closed from each change's spans without rescanning them all,
// painted as ghosts, and walked in document order from the last one judged.

import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ExtraWords } from '../../core/model/boundaries';
import type { CodePoint } from '../../core/model/types';
import { compareSuggestions, mergeSorted, type Suggestion } from '../../core/suggest/suggestions';
import type { EditorHandle, OverlayInput } from '../editor/Editor';
import { filterQueue, type QueueFilter } from '../features/suggestion-queue';
import { namesOf } from '../suggest/assist-extras';
import { acceptedWithoutCanonical, canonicalFix } from '../suggest/canonical-fix';
import { OpenTracker } from '../suggest/open-tracker';
import { proposalsClient } from '../suggest/proposals-client';
import { proposalsOf, type DocSuggestion } from './assist';
import type { DocSession } from './doc-session';
import { afterPaint } from './after-paint';
import { nextSuggestion } from './suggestion-order';
import { ghostChanges } from './ghost-changes';
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

/**
 * Longest text (UTF-16 units) whose figures and lexicon hits are also found on the UI thread after
 * the first paint (and by a `g` pressed before any list came); longer ones (the 1 MB benchmark
 * text) wait for the worker.
 */
const SYNC_FIND_LIMIT = 600_000;
/** Longest slice of building the open list, in ms: the UI thread's budget for one task of suggestions is about 20. */
const BUILD_SLICE_MS = 8;

/** The figures and lexicon hits of a session found on the calling thread, each sorted, with their texts. */
function baseNow(session: DocSession, lexicon: CorpusLexicon): { figures: DocSuggestion[]; lexicon: DocSuggestion[] } {
  const p = proposalsOf(session.text, lexicon, session.map, session.spans);
  const withText = (l: readonly Suggestion[]) => [...l].sort(compareSuggestions).map((x) => ({ ...x, text: session.text.slice(session.map.toUtf16(x.start), session.map.toUtf16(x.end)) }));
  return { figures: withText(p.figures), lexicon: withText(p.dictionary) };
}

/** What the worker found for one session: figures and lexicon hits (null until they came), NLP entities (empty until they came). */
interface Found {
  session: DocSession;
  figures: DocSuggestion[] | null;
  lexicon: DocSuggestion[] | null;
  entities: DocSuggestion[];
}

/** True when `found` is of `session` and has its figures and lexicon hits: the ghosts can be painted. */
function hasBase(found: Found | null, session: DocSession | null): found is Found & { figures: DocSuggestion[]; lexicon: DocSuggestion[] } {
  return found !== null && found.session === session && found.figures !== null && found.lexicon !== null;
}

/** The suggestions of a session, given the corpus lexicon. */
export function useSuggestions(session: DocSession | null, lexicon: CorpusLexicon, editor: RefObject<EditorHandle | null>, colorOf: (label: string) => string, model: readonly Suggestion[] | null = null): Suggestions {
  const version = useSessionVersion(session);
  const [found, setFound] = useState<Found | null>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const lastJudged = useRef<Suggestion | null>(null);
  const [filter, setFilter] = useState<QueueFilter>({});
  const lexiconRef = useRef(lexicon);
  lexiconRef.current = lexicon;

  // A new document: nothing focused or judged.
  useEffect(() => {
    setFocusedKey(null);
    setFilter({});
    lastJudged.current = null;
  }, [session]);

  // Found in the worker after the first paint, again when the lexicon changes (the old lists stay until the new come).
  // A find is not cancelled when the lexicon changes again: the worker gives up the older of two queued finds itself,
  // and what a superseded find already found still shows, so a lexicon read again and again never starves the page.
  const sessionRef = useRef(session);
  sessionRef.current = session;
  // Posted at once (a copy of the text, a few ms for 1 MB, only when the text changed): the worker finds while the page paints.
  // A text up to SYNC_FIND_LIMIT also gets its figures and lexicon hits on the UI thread right after the first paint, as
  // before the worker (about 0.25 s for 400,000 characters), so its ghosts never wait behind a busy main thread.
  useEffect(() => {
    if (!session) return;
    const stop = session.text.length <= SYNC_FIND_LIMIT ? afterPaint(() => setFound((prev) => (hasBase(prev, session) ? prev : { session, ...baseNow(session, lexicon), entities: [] }))) : () => {};
    proposalsClient().find(session.text, lexicon.dictionary, session.spans, (stage, items) => {
      if (sessionRef.current !== session) return;
      setFound((prev) => {
        const same: Found = prev && prev.session === session ? prev : { session, figures: null, lexicon: null, entities: [] };
        // A text's figures do not change with the lexicon: the client hands back the list it had (nothing to rebuild).
        if (stage === 'figures') return same.figures === items ? same : { ...same, figures: items };
        return stage === 'lexicon' ? { ...same, lexicon: items } : { ...same, entities: items };
      });
    });
    return stop;
  }, [session, lexicon]);

  const painted = hasBase(found, session);
  const modelList = useMemo<DocSuggestion[]>(() => {
    if (!model || !session) return [];
    return [...model].sort(compareSuggestions).map((x) => ({ ...x, text: session.text.slice(session.map.toUtf16(x.start), session.map.toUtf16(x.end)) }));
  }, [model, session]);
  // The model's come last: a proposal of the parser, the lexicon or the rules at the same place wins. One linear merge of sorted lists.
  const proposals = useMemo<DocSuggestion[]>(
    () => (hasBase(found, session) ? mergeSorted([found.figures, found.lexicon, found.entities, modelList]) : []),
    [found, session, modelList],
  );

  // The open ones, kept from each change's spans (the session tells them at once) instead of filtering every proposal.
  const [tracked, setTracked] = useState<{ tracker: OpenTracker<DocSuggestion>; open: readonly DocSuggestion[] } | null>(null);
  const pendingCanonical = useRef(new Set<string>());
  useEffect(() => {
    if (!session) return;
    const tracker = new OpenTracker(proposals, session.spans, session.rejected);
    // Built in slices of a few milliseconds (tens of thousands of proposals on a long document); changes meanwhile apply to what is built.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      if (tracker.build(performance.now() + BUILD_SLICE_MS)) setTracked({ tracker, open: tracker.open });
      else timer = setTimeout(slice);
    };
    slice();
    const off = session.on((e) => {
      if (e.type !== 'spans') return;
      // An NLP entity accepted before the lexicon knew its name: given the canonical id as soon as the lexicon does.
      for (const id of acceptedWithoutCanonical(e.paint, tracker)) pendingCanonical.current.add(id);
      if (pendingCanonical.current.size) queueMicrotask(() => canonicalFix(session, lexiconRef.current.dictionary, pendingCanonical.current));
      if (tracker.spansChanged(e.paint, e.unpaint) && tracker.built) setTracked({ tracker, open: tracker.open });
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [session, proposals]);
  useEffect(() => {
    if (session && pendingCanonical.current.size) canonicalFix(session, lexicon.dictionary, pendingCanonical.current);
  }, [session, lexicon]);

  const previous = useRef<DocSuggestion[]>([]);
  const open = useMemo(() => {
    void version; // rejections change the session's version, not its spans
    let next: readonly DocSuggestion[] = [];
    if (tracked && tracked.tracker.built && session && painted) {
      tracked.tracker.rejectedChanged();
      next = tracked.tracker.open;
    }
    if (next.length === previous.current.length && next.every((s, i) => s === previous.current[i])) return previous.current;
    previous.current = next as DocSuggestion[];
    return previous.current;
  }, [tracked, session, painted, version]);
  const focused = focusedKey ? open.find((s) => s.key === focusedKey) : undefined;

  // The ghosts: repainted when the open list or the focus changed, never for an unrelated change; a change of a few
  // suggestions (a span made or removed) sends those few, not the document's thousands.
  const shown = useRef<{ session: DocSession | null; list: readonly DocSuggestion[]; focused: string | null; colorOf: (label: string) => string } | null>(null);
  // A label's style and chip, made once per colouring and shared by its ghosts (tens of thousands of them on a long document).
  const lookOf = useMemo(() => {
    const looks = new Map<string, { style: string; chip: { text: string; color: string } }>();
    return (label: string) => looks.get(label) ?? looks.set(label, { style: `--c:${colorOf(label)}`, chip: { text: `${label}?`, color: colorOf(label) } }).get(label)!;
  }, [colorOf]);
  useEffect(() => {
    const e = editor.current;
    if (!e) return;
    const ghost = (s: DocSuggestion): OverlayInput => {
      const look = lookOf(s.label);
      return {
        key: s.key,
        start: s.start as CodePoint,
        end: s.end as CodePoint,
        className: s.key === focusedKey ? 'ghost ghost-focused' : 'ghost',
        attrs: { 'data-suggestion-key': s.key, 'data-label': s.label, style: look.style },
        chip: look.chip,
      };
    };
    const before = shown.current;
    shown.current = { session, list: open, focused: focusedKey, colorOf };
    if (!before || before.session !== session || before.colorOf !== colorOf) {
      e.setOverlay('suggestions', open.map(ghost));
      return;
    }
    const { add, remove } = ghostChanges(before.list, open, compareSuggestions, before.focused, focusedKey);
    if (add.length || remove.length) e.patchOverlay('suggestions', add.map(ghost), remove, () => open.map(ghost));
  }, [open, focusedKey, colorOf, lookOf, editor, session]);

  const focus = useCallback((s: DocSuggestion | null) => setFocusedKey(s ? s.key : null), []);

  const step = useCallback(
    (by: 1 | -1, caret: CodePoint): DocSuggestion | undefined => {
      if (!session) return undefined;
      let list: readonly DocSuggestion[] = open;
      // A key pressed before the worker answered (the first `g` on a fresh document) finds the figures and lexicon hits of a short text now.
      if (!painted) {
        if (session.text.length > SYNC_FIND_LIMIT) return undefined;
        const base = baseNow(session, lexicon);
        setFound((prev) => (hasBase(prev, session) ? prev : { session, ...base, entities: [] }));
        const tracker = new OpenTracker(mergeSorted([base.figures, base.lexicon]), session.spans, session.rejected);
        tracker.build();
        list = tracker.open;
      }
      const next = nextSuggestion(filterQueue(list, filter), { focusedKey, lastJudged: lastJudged.current, caret }, by);
      if (next) setFocusedKey(next.key);
      return next;
    },
    [session, open, painted, lexicon, focusedKey, filter],
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
