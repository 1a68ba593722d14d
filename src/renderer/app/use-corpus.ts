// The opened corpus as the host reports it: its documents (kept current as files change on
// disk), the scan's progress, recent corpora, and the host's menu commands.

import { useCallback, useEffect, useState } from 'react';
import type { CorpusEntry, CorpusInfo, DocumentsChange, HostInfo, ScanProgress } from '../../core/ipc/contract';
import { host } from '../api/client';
import { applyDocumentsChange } from './corpus-change';
import { useLatest } from './use-latest';

/** What the rest of the workbench hears from the corpus. */
export interface CorpusListeners {
  /** Another corpus is open (from the menu or the sidebar): whatever was open of the old one closes. */
  onCorpusChanged(): void;
  /** Files were added, changed or removed on disk; the list is already updated. */
  onDocumentsChanged(change: DocumentsChange): void;
  /** A command from the desktop menu ("export", "mark-done"). */
  onMenuCommand(command: string): void;
}

/** The corpus state and what can be done to it. */
export interface Corpus {
  hostInfo: HostInfo | null;
  corpus: CorpusInfo | null;
  scan: ScanProgress | null;
  recent: string[];
  /** Opens a corpus: a folder chosen in a dialog (no path, desktop only) or a recent one. */
  openCorpus(path?: string): void;
  /** Replaces one document's entry (after its encoding was chosen). */
  replaceEntry(entry: CorpusEntry): void;
}

/** Loads the corpus at start-up and follows the host's events. */
export function useCorpus(fail: (what: string, e: unknown) => void, listeners: CorpusListeners): Corpus {
  const [hostInfo, setHostInfo] = useState<HostInfo | null>(null);
  const [corpus, setCorpus] = useState<CorpusInfo | null>(null);
  const [scan, setScan] = useState<ScanProgress | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  const latest = useLatest(listeners);

  useEffect(() => {
    void (async () => {
      try {
        setHostInfo(await host.api.hostInfo());
        setCorpus(await host.api.getCorpus());
        setRecent(await host.api.listRecentCorpora());
      } catch (e) {
        fail('Cannot load the corpus', e);
      }
    })();
  }, [fail]);

  useEffect(
    () =>
      host.on((event, payload) => {
        if (event === 'corpusChanged') {
          setCorpus(payload as CorpusInfo);
          latest.current.onCorpusChanged();
          void host.api.listRecentCorpora().then(setRecent);
        } else if (event === 'scanProgress') {
          setScan(payload as ScanProgress);
        } else if (event === 'documentsChanged') {
          const change = payload as DocumentsChange;
          setCorpus((c) => (c ? applyDocumentsChange(c, change) : c));
          latest.current.onDocumentsChanged(change);
        } else if (event === 'menuCommand') {
          latest.current.onMenuCommand((payload as { command: string }).command);
        }
      }),
    [latest],
  );

  const openCorpus = useCallback(
    (path?: string) => {
      void host.api.openCorpus(path ? { path } : {}).then(
        (c) => {
          if (!c) return;
          setCorpus(c);
          latest.current.onCorpusChanged();
        },
        (e) => fail(path ? 'Cannot open the corpus' : 'Cannot open the folder', e),
      );
    },
    [fail, latest],
  );

  const replaceEntry = useCallback((updated: CorpusEntry) => {
    setCorpus((c) => (c ? { ...c, documents: c.documents.map((d) => (d.path === updated.path ? updated : d)) } : c));
  }, []);

  return { hostInfo, corpus, scan, recent, openCorpus, replaceEntry };
}
