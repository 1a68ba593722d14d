// The contract's export topic: whole-file and streamed exports, written by the host.

/** What the UI asks the host to write as an export. */
export interface SaveExportRequest {
  /** A file name the host may use or offer in its save dialog. */
  suggestedName: string;
  /** The file's whole content. */
  content: string;
}

/** Where an export went. */
export type SaveExportResult = { path: string } | { canceled: true };

/** One piece of a streamed export: `file: ''` is the main output, other names are side files (or the files of a folder export). */
export interface ExportChunk {
  file: string;
  data: string;
  /** The whole file at once (replaces what was written to it). */
  complete?: boolean;
}

/** What `exportBegin` takes. */
export interface ExportBeginRequest {
  suggestedName: string;
  /** `file`: one file (plus side files beside it); `folder`: a folder of files (brat). */
  layout: 'file' | 'folder';
}

/** What `exportBegin` answers: an id for the writes, and where the export will be. */
export type ExportBeginResult = { exportId: string; path: string } | { canceled: true };
