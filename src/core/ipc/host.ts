// The contract's host topic: which host the UI runs in, and the corpus's label schema file as the host reads it.

import type { LabelSchema } from '../model/schema';

/** The corpus's label schema file, as read. */
export interface SchemaRead {
  /** `.marginalia/schema.json` of the open corpus. */
  path: string;
  /** False when the corpus has no schema file (the default schema applies). */
  exists: boolean;
  /** The schema, when the file exists and is valid. */
  schema: LabelSchema | null;
  /** Why the file was not used: invalid JSON or each invalid field, named. */
  errors: string[];
}

/** Which host the UI runs in. */
export interface HostInfo {
  kind: 'electron' | 'browser';
  version: string;
}
