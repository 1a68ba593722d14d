// The workbench's message bar: one notice at a time, and a notice about a document ("Undid: …")
// stays with that document: it is not shown once the annotator opens another one.

import { useCallback, useEffect, useState } from 'react';
import type { Notice } from '../features/NoticeBar';

/** A notice and the document it is about (null: about the corpus or the app). */
interface Scoped {
  notice: Notice;
  docId: string | null;
}

/** What the workbench can say. */
export interface Notices {
  /** The latest notice, whatever document it is about (show it through {@link useNoticeFor}). */
  notice: Notice | null;
  /** An information notice about the app or corpus. */
  say(text: string): void;
  /** An information notice about one document: dropped when another document is opened. */
  sayAbout(docId: string, text: string): void;
  /** An error notice: "what: why". */
  fail(what: string, e: unknown): void;
  /** Any notice, about the corpus (docId null) or a document. */
  show(notice: Notice, docId?: string | null): void;
  dismiss(): void;
}

/** The notice state of the workbench. */
export function useNotices(): Notices & { current: Scoped | null } {
  const [current, setCurrent] = useState<Scoped | null>(null);
  const show = useCallback((notice: Notice, docId: string | null = null) => setCurrent({ notice, docId }), []);
  const say = useCallback((text: string) => show({ kind: 'info', text }), [show]);
  const sayAbout = useCallback((docId: string, text: string) => show({ kind: 'info', text }, docId), [show]);
  const fail = useCallback((what: string, e: unknown) => show({ kind: 'error', text: `${what}: ${(e as Error).message ?? e}` }), [show]);
  const dismiss = useCallback(() => setCurrent(null), []);
  return { notice: current?.notice ?? null, current, say, sayAbout, fail, show, dismiss };
}

/**
 * The notice to show while `openDocId` is open: a notice about another document is dropped
 * (it does not follow the annotator into other documents), one about the corpus stays.
 */
export function useNoticeFor(notices: Notices & { current: Scoped | null }, openDocId: string | null): Notice | null {
  const { current, dismiss } = notices;
  const stale = current !== null && current.docId !== null && current.docId !== openDocId;
  useEffect(() => {
    if (stale) dismiss();
  }, [stale, dismiss]);
  return current && !stale ? current.notice : null;
}
