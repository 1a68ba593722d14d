// Turns an annotator's name into the journal's file name: reversibly (percent-encoding, so two names never share a
// file and the list of journals can name their annotators), and refusing names that try to be paths.

import { ApiError } from '../core/ipc/contract';

/** Longest annotator name accepted, in code points: a name, not a sentence; keeps file names far under 255 bytes. */
const MAX_NAME = 64;

/** The journal files' name prefix and ending inside `.marginalia`. */
const PREFIX = 'journal-';
const SUFFIX = '.jsonl';

/** Characters kept as they are in file names: letters and digits of any script, `_` and `-`. */
const KEPT = /^[\p{L}\p{N}_-]$/u;

/**
 * The journal file name for an annotator: `journal-<name>.jsonl`, every character but
 * letters, digits, `_` and `-` percent-encoded (`Ann Lee` → `journal-Ann%20Lee.jsonl`).
 * Refuses (`forbidden`) names with `/`, `\`, `..` or control characters, and (`bad-request`)
 * empty or over-long ones.
 */
export function journalFileName(annotator: unknown): string {
  if (typeof annotator !== 'string') throw new ApiError('bad-request', 'annotator must be a string');
  const name = annotator.normalize('NFC');
  if (name.trim() === '') throw new ApiError('bad-request', 'annotator name is empty');
  if (/[/\\]|\.\.|[\u0000-\u001f\u007f]/.test(name) || name === '.') {
    throw new ApiError('forbidden', `annotator name "${name.replace(/[\u0000-\u001f\u007f]/g, '?')}" looks like a path (/, \\, .. or control characters): refused`);
  }
  const chars = Array.from(name);
  if (chars.length > MAX_NAME) throw new ApiError('bad-request', `annotator name is longer than ${MAX_NAME} characters`);
  const encoded = chars.map((ch) => (KEPT.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*~.]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()))).join('');
  return PREFIX + encoded + SUFFIX;
}

/** The annotator a journal file belongs to, or null when the name is not a journal's. */
export function annotatorOfFile(fileName: string): string | null {
  if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)) return null;
  const encoded = fileName.slice(PREFIX.length, -SUFFIX.length);
  if (encoded === '') return null;
  try {
    const name = decodeURIComponent(encoded);
    return journalFileName(name) === fileName ? name : null;
  } catch {
    return null;
  }
}
