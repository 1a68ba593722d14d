// The open document: reading its text, moving annotations of its earlier versions onto it, its
// session, following it when its file changes on disk; and, once per corpus, the rebuild of a
// wiped browser profile from the journal.

import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { CorpusEntry, CorpusInfo, DocumentsChange } from '../../core/ipc/contract';
import { codePointLength, OffsetMap } from '../../core/model/offsets';
import { host } from '../api/client';
import { loadAnnotations, loadSpansFrom, type DocAnnotations } from '../db/annotations';
import { db } from '../db/db';
import { DocSession } from './doc-session';
import { rebuildIfEmpty } from './journal';
import { journalMigration, persistTo, storeElsewhere } from './persist';
import { migrateEarlierVersions, rememberText, type Migration } from './reanchor';
import { afterPaint } from './after-paint';
import type { Span } from '../../core/model/types';
import { useLatest } from './use-latest';
import type { Notices } from './use-notices';
import { plural } from '../../core/text/plural';

/** Code points of a long document whose spans are read before its first paint (the opening screens, and more). */
const OPENING_SPANS = 32_000;

/** Texts longer than this (UTF-16 units) open with their opening spans; the rest are read after the first paint. */
const LONG_TEXT = 200_000;

/**
 * A document's annotations as an open needs them: moved from earlier versions first where there are
 * any; for a long text, only the opening spans (`rest`: the others are still to be read).
 */
async function annotationsOf(target: CorpusEntry, doc: { docId: string; text: string }, annotator: string, early: Promise<DocAnnotations> | null): Promise<{ ann: DocAnnotations & { moved: Migration | null }; rest: boolean }> {
  if (early) {
    const ann = await early;
    if (doc.text.length > LONG_TEXT) return { ann: { ...ann, moved: null }, rest: true };
    return { ann: { ...ann, spans: [...ann.spans, ...(await loadSpansFrom(db, doc.docId, annotator, OPENING_SPANS, codePointLength(doc.text)))], moved: null }, rest: false };
  }
  const moved = await migrateEarlierVersions(db, target, doc.docId, doc.text, annotator);
  if (moved) await journalMigration(host.api, annotator, doc.docId, moved);
  return { ann: { ...(await loadAnnotations(db, doc.docId, annotator)), moved }, rest: false };
}

/** The open document and what can be done with documents. */
export interface OpenDocument {
  session: DocSession | null;
  entry: CorpusEntry | null;
  /** Opens a document; `then` runs with its session after its first frame. */
  open(target: CorpusEntry, then?: (s: DocSession) => void): Promise<void>;
  /** Closes the open document (another corpus, another annotator). */
  close(): void;
  /** A document's text, read once per path. */
  loadText(entry: CorpusEntry): Promise<string>;
  /** Follows files changed on disk: the open one is reopened on its new text. */
  documentsChanged(change: DocumentsChange): void;
  /** Forgets a document's cached text (its encoding changed). */
  forgetText(path: string): void;
  /** Stores a span made in a document that is not open (labelled from the corpus search). */
  storeInOther(target: CorpusEntry, makeSpan: (text: string, map: OffsetMap) => Span): Promise<void>;
}

/**
 * Subscribes React to a session (or to nothing); returns its version. The session tells after
 * the paint, and React renders the lists and panels as a transition: in slices that yield to
 * the next key, so a burst of keys is never held up by the panels of the previous one.
 */
export function useSessionVersion(session: DocSession | null): number {
  const [seen, setSeen] = useState<{ session: DocSession | null; version: number }>({ session, version: session?.version ?? 0 });
  useEffect(() => {
    if (!session) return;
    const seenNow = () => setSeen({ session, version: session.version });
    seenNow();
    return session.subscribe((urgent) => (urgent ? seenNow() : startTransition(seenNow)));
  }, [session]);
  return seen.session === session ? seen.version : (session?.version ?? 0);
}

/** The open document of an annotator in a corpus. */
export function useDocument(annotator: string | null, corpus: CorpusInfo | null, notices: Pick<Notices, 'say' | 'sayAbout' | 'fail'>): OpenDocument {
  const [session, setSession] = useState<DocSession | null>(null);
  const [entry, setEntry] = useState<CorpusEntry | null>(null);
  const texts = useRef(new Map<string, string>());
  const { say, sayAbout, fail } = notices;
  const current = useLatest(session);
  useSessionVersion(session);

  // A wiped browser profile: rebuild this annotator's work from the journal on disk, once per corpus and annotator.
  const rebuiltFor = useRef('');
  useEffect(() => {
    if (!corpus || !annotator || rebuiltFor.current === `${corpus.root}\n${annotator}`) return;
    rebuiltFor.current = `${corpus.root}\n${annotator}`;
    void rebuildIfEmpty(db, host.api, corpus, annotator, (l) => host.on(l), (r) => say(r.message)).then(
      (r) => r && say(r.message),
      (e) => fail('Could not rebuild from the journal', e),
    );
  }, [corpus, annotator, say, fail]);

  const loadText = useCallback(async (e: CorpusEntry) => {
    const cached = texts.current.get(e.path);
    if (cached !== undefined) return cached;
    const doc = await host.api.readDocument({ path: e.path });
    texts.current.set(e.path, doc.text);
    return doc.text;
  }, []);

  const open = useCallback(
    async (target: CorpusEntry, then?: (s: DocSession) => void) => {
      if (!annotator) return;
      try {
        // The open document's last changes are stored before any annotations are read back or moved.
        await current.current?.flushed();
        // With no earlier version to move spans from, the opening spans are read while the text comes.
        const early = target.previousDocIds?.length ? null : loadAnnotations(db, target.docId, annotator, OPENING_SPANS);
        early?.catch(() => undefined);
        const doc = await host.api.readDocument({ path: target.path });
        texts.current.set(target.path, doc.text);
        const { ann, rest } = await annotationsOf(target, doc, annotator, doc.docId === target.docId ? early : null);
        void rememberText(db, doc.docId, doc.text);
        const s = new DocSession(doc.docId, annotator, target.path, doc.text, ann, persistTo(db, host.api, doc.docId, annotator), rest);
        // A long document's other spans, after the first frame with its opening screens.
        if (rest) afterPaint(() => void loadSpansFrom(db, doc.docId, annotator, OPENING_SPANS, s.map.codePointLength).then((spans) => s.arrive(spans), (e) => fail('Could not read the rest of the spans', e)));
        const moved = ann.moved;
        setEntry(target);
        setSession(s);
        // Said with the switch (one render), so the notice belongs to the document now open.
        if (moved) {
          sayAbout(
            doc.docId,
            `The file changed since it was annotated: ${plural(moved.placed, 'span')} re-anchored` +
              (moved.orphaned ? `, ${moved.orphaned} could not be placed with confidence — place or delete them in the Spans panel.` : '.'),
          );
        }
        if (then) requestAnimationFrame(() => then(s));
      } catch (e) {
        fail(`Cannot open ${target.path}`, e);
      }
    },
    [annotator, fail, sayAbout, current],
  );

  const close = useCallback(() => {
    setSession(null);
    setEntry(null);
    texts.current.clear();
  }, []);

  // A new annotator or corpus: nothing of the old one stays open.
  useEffect(close, [annotator, corpus?.root, close]);

  const documentsChanged = useCallback(
    (change: DocumentsChange) => {
      for (const e of change.changed) texts.current.delete(e.path);
      const reopened = entry && change.changed.find((e) => e.path === entry.path);
      if (reopened && session && reopened.docId !== session.docId) void session.flushed().then(() => open(reopened));
      if (entry && change.removed.includes(entry.path) && !change.added.length) say(`${entry.path} was removed from the folder; its spans stay stored.`);
    },
    [entry, open, say, session],
  );

  const forgetText = useCallback((path: string) => texts.current.delete(path), []);

  const storeInOther = useCallback(
    async (target: CorpusEntry, makeSpan: (text: string, map: OffsetMap) => Span) => {
      if (!annotator) return;
      const text = await loadText(target);
      const span = makeSpan(text, new OffsetMap(text));
      await storeElsewhere(db, host.api, target.docId, annotator, { putSpans: [span] });
    },
    [annotator, loadText],
  );

  return { session, entry, open, close, loadText, documentsChanged, forgetText, storeInOther };
}
