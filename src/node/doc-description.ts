// The one description of a document the corpus keeps, wherever it comes from: a text-like file (decoded, with how it
// was decoded) or a line of a JSONL corpus (with where the line sits). The index stores these, reading produces them.

import type { EncodingCandidate } from '../core/ipc/contract';

/** A document of a text-like file (.txt, .md, .html): its id and title and how its bytes were decoded. */
export interface DocDescription {
  docId: string;
  title: string;
  /** The WHATWG encoding the bytes were decoded with. */
  encoding: string;
  /** The guess is not sure (see `CorpusEntry.encodingUncertain`). */
  uncertain?: boolean;
  candidates?: EncodingCandidate[];
  /** Decoded with the user's chosen encoding. */
  chosen?: boolean;
  /** The ids this document had before its text last changed, newest first. */
  previousDocIds?: string[];
}

/** A document line of a JSONL corpus: where it sits (the text itself is not kept), its id and title. */
export interface LineDescription {
  /** 1-based line number. */
  line: number;
  /** Byte offset and length of the line in the file. */
  offset: number;
  bytes: number;
  docId: string;
  title: string;
  /** The line's `id` field, when it has one. */
  id?: string;
  previousDocIds?: string[];
}
