// The one contract between the UI and its host (Electron main or the HTTP host): methods, events, types.
// The preload, the HTTP client and both hosts are all driven from API_METHODS, never from per-method glue.

import type { DocStatus } from '../model/types';

/** One document of the opened corpus, as the sidebar lists it. */
export interface CorpusEntry {
  /** Path relative to the corpus root, with forward slashes. */
  path: string;
  title: string;
  /** Size of the file in bytes. */
  size: number;
  docId: string;
  /** The encoding the bytes were decoded with. */
  encoding: string;
}

/** A file of the corpus folder that is not offered as a document, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** The opened corpus. */
export interface CorpusInfo {
  /** Absolute path of the corpus folder. */
  root: string;
  /** The folder's name, for titles. */
  name: string;
  documents: CorpusEntry[];
  skipped: SkippedFile[];
}

/** A document's text, decoded and normalized. */
export interface DocumentText {
  path: string;
  docId: string;
  text: string;
  encoding: string;
}

/** What the UI asks the host to write as an export. */
export interface SaveExportRequest {
  /** A file name the host may use or offer in its save dialog. */
  suggestedName: string;
  /** The file's whole content. */
  content: string;
}

/** Where an export went. */
export type SaveExportResult = { path: string } | { canceled: true };

/** Which host the UI runs in. */
export interface HostInfo {
  kind: 'electron' | 'browser';
  version: string;
}

/** The methods every host implements. Each takes at most one JSON argument. */
export interface MarginaliaApi {
  hostInfo(): Promise<HostInfo>;
  getCorpus(): Promise<CorpusInfo>;
  readDocument(req: { path: string }): Promise<DocumentText>;
  saveExport(req: SaveExportRequest): Promise<SaveExportResult>;
  listRecentCorpora(): Promise<string[]>;
  /** Opens another corpus: a path from the recent list, or (Electron, no path) a folder chosen in a dialog. */
  openCorpus(req: { path?: string }): Promise<CorpusInfo | null>;
}

/** Every method name of {@link MarginaliaApi}; the compile-time check below keeps the two in step. */
export const API_METHODS = [
  'hostInfo',
  'getCorpus',
  'readDocument',
  'saveExport',
  'listRecentCorpora',
  'openCorpus',
] as const;

/** A method name of the contract. */
export type ApiMethod = (typeof API_METHODS)[number];

// Fails to compile when a method of MarginaliaApi is missing from API_METHODS.
type MissingMethods = Exclude<keyof MarginaliaApi, ApiMethod>;
const everyMethodListed: MissingMethods extends never ? true : MissingMethods = true;
void everyMethodListed;

/** Events the host pushes to the UI. */
export interface HostEvents {
  /** The corpus changed (another folder was opened from the menu, or files changed). */
  corpusChanged: CorpusInfo;
  /** A menu command the UI should carry out. */
  menuCommand: { command: 'export' | 'mark-done' | 'open-corpus' };
}

/** Every event name of {@link HostEvents}, for clients that subscribe by name (EventSource). */
export const HOST_EVENTS = ['corpusChanged', 'menuCommand'] as const satisfies readonly (keyof HostEvents)[];

/** The prefix of every IPC channel of the contract; main refuses any other. */
export const IPC_PREFIX = 'marginalia:';

/** A failure crossing the boundary: a code the UI can branch on and a message a user can read. */
export interface ApiErrorShape {
  code: 'bad-request' | 'not-found' | 'forbidden' | 'io' | 'internal';
  message: string;
}

/** Thrown by a host service, carried across the boundary as {@link ApiErrorShape}. */
export class ApiError extends Error {
  constructor(readonly code: ApiErrorShape['code'], message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A document's status is kept in the UI's store; exported here for hosts that report it. */
export type { DocStatus };
