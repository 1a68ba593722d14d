// The curation session as stored: the inputs (the exports as read) and the curator's work with its place, and the corpus read from the inputs.
//
// Only the inputs (the exports' raw text) and the curator's own work (strategy, decisions,
// edits, position) are stored; core/agreement/curation-session rebuilds the candidate gold
// from them with the functions the CLI uses.

import { collectCorpus, type Corpus, type InputFile } from '../../../core/agreement';
import type { StoredDocument, StrategyChoice } from '../../../core/agreement/curation-session';
import type { LineError, ReadLine } from '../../../core/format/read';
import { readCheckedNativeJsonl } from '../../../core/format/read-checked';
import { sha256Hex } from './sha256';

/** The tag of the stored decisions, so a later version can tell what it reads. */
export const SESSION_FORMAT = 'marginalia-curation/1';

/** Record ids in the `curation` table: the curator's work, saved after every decision, and the inputs, saved when they change. */
export const RECORD_ID = 'current';
export const INPUTS_RECORD_ID = 'current/inputs';

/** The curator's work: small, written after every decision. */
export interface StoredSession {
  format: typeof SESSION_FORMAT;
  choice: StrategyChoice;
  /** Per doc_id; documents without decisions or edits are left out. */
  documents: Record<string, StoredDocument>;
  /** Where the curator was, and on which tab. */
  position: { docId: string | null; conflictId: string | null; view?: 'overview' | 'curate' };
}

/** The inputs: each export's name and text, in the order loaded, and the files that could not be read. */
export interface StoredInputs {
  files: InputFile[];
  refused: LineError[];
}

/**
 * Builds the corpus of the inputs, exactly as `marginalia agreement` and `merge --skip-invalid` do for the
 * same files in the same order: every line goes through the validator of `marginalia validate` (schema,
 * offsets as written, doc_id hash, duplicates, …); an invalid line is named FILE:LINE among the errors and left out.
 */
export function corpusOf(inputs: StoredInputs): Corpus {
  const lines: ReadLine[] = [];
  const errors: LineError[] = [...inputs.refused];
  for (const f of inputs.files) {
    const read = readCheckedNativeJsonl(f.content, f.file, { sha256Hex });
    for (const l of read.lines) lines.push(l);
    for (const e of read.errors) errors.push(e);
  }
  return collectCorpus(lines, errors);
}
