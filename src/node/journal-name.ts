// Turns an annotator's name into the journal's file name with the contract's one rule (core/ipc/annotator-name.ts),
// as the host's error: `forbidden` for names that try to be paths, `bad-request` for empty or over-long ones.

import { annotatorNameProblem, annotatorOfJournalFile, encodeJournalFileName } from '../core/ipc/annotator-name';
import { ApiError } from '../core/ipc/contract';

/**
 * The journal file name for an annotator: `journal-<name>.jsonl`, every character but
 * letters, digits, `_` and `-` percent-encoded (`Ann Lee` → `journal-Ann%20Lee.jsonl`).
 * Refuses (`forbidden`) names with `/`, `\`, `..` or control characters, and (`bad-request`)
 * empty ones and ones whose file name would be over the byte limit (never a raw ENAMETOOLONG).
 */
export function journalFileName(annotator: unknown): string {
  if (typeof annotator !== 'string') throw new ApiError('bad-request', 'annotator must be a string');
  const problem = annotatorNameProblem(annotator);
  if (problem) throw new ApiError(problem.kind === 'path' ? 'forbidden' : 'bad-request', problem.message);
  return encodeJournalFileName(annotator.normalize('NFC'));
}

/** The annotator a journal file belongs to, or null when the name is not a journal's. */
export const annotatorOfFile = annotatorOfJournalFile;
