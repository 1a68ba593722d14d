// The contract's events: what the host pushes to the UI, and the list of their names for clients that subscribe by name.

import type { CorpusInfo, DocumentsChange, ScanProgress } from './corpus';

/** Events the host pushes to the UI. */
export interface HostEvents {
  /** Another corpus was opened (from the menu or `openCorpus`): replace the whole list and close the open document. */
  corpusChanged: CorpusInfo;
  /** A menu command the UI should carry out. */
  menuCommand: { command: 'export' | 'mark-done' | 'open-corpus' };
  /** A background scan's progress, a few times a second and once with phase `done`: for a progress bar. */
  scanProgress: ScanProgress;
  /**
   * The open corpus's list changed: entries found by the scan, files added, removed,
   * renamed or edited on disk, an encoding chosen. Apply `removed`, then `changed` and
   * `added` by path; if the open document is in `changed`, reload it and re-anchor its spans
   * from `previousDocIds`. Ignore an event whose `root` is not the open corpus.
   */
  documentsChanged: DocumentsChange;
  /** An annotator's journal grew or changed on disk (another host, profile or machine wrote it): reconcile with it. */
  journalChanged: { annotator: string; bytes: number };
}

/** Every event name of {@link HostEvents}, for clients that subscribe by name (EventSource). */
export const HOST_EVENTS = ['corpusChanged', 'menuCommand', 'scanProgress', 'documentsChanged', 'journalChanged'] as const satisfies readonly (keyof HostEvents)[];

// Fails to compile when an event of HostEvents is missing from HOST_EVENTS.
type MissingEvents = Exclude<keyof HostEvents, (typeof HOST_EVENTS)[number]>;
const everyEventListed: MissingEvents extends never ? true : MissingEvents = true;
void everyEventListed;
