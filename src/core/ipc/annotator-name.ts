// The one rule for annotator names, shared by the prompt (which says what is wrong before anything is saved) and the
// hosts (which refuse the same names): a name becomes the journal's file name `journal-<name>.jsonl`, reversibly, so
// it must not try to be a path and must fit in a file name's bytes once encoded.

/** Longest annotator name, in code points: a name, not a sentence. */
export const ANNOTATOR_NAME_MAX_CHARS = 64;

/**
 * Longest journal file name, in UTF-8 bytes: 255 (the limit of ext4, APFS, NTFS) less the 25 bytes
 * a compaction's temporary name adds (`.<pid>.<8 hex>.tmp`), so every file derived from it fits too.
 */
export const JOURNAL_FILE_NAME_MAX_BYTES = 230;

/** Names the app itself uses for lines it writes: never an annotator's. */
export const RESERVED_ANNOTATOR_NAMES = ['adjudicated', 'suggester'] as const;

const PREFIX = 'journal-';
const SUFFIX = '.jsonl';

/** Characters kept as they are in file names: letters and digits of any script, `_` and `-`. */
const KEPT = /^[\p{L}\p{N}_-]$/u;

/** Why a name is refused: `path` (tries to be a path: refused as forbidden), `invalid` (empty, too long). */
export type AnnotatorNameProblem = { kind: 'path' | 'invalid'; message: string };

/** The journal file name of an NFC name, without any check: `journal-<name>.jsonl`, all but letters, digits, `_`, `-` percent-encoded. */
export function encodeJournalFileName(name: string): string {
  const encoded = Array.from(name)
    .map((ch) => (KEPT.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*~.]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())))
    .join('');
  return PREFIX + encoded + SUFFIX;
}

/** UTF-8 length of a string (no TextEncoder needed in core). */
function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** What is wrong with `annotator` as a name (NFC-normalized first), or null when it is fine. Reserved names are the prompt's concern. */
export function annotatorNameProblem(annotator: string): AnnotatorNameProblem | null {
  const name = annotator.normalize('NFC');
  if (name.trim() === '') return { kind: 'invalid', message: 'annotator name is empty' };
  if (/[/\\]|\.\.|[\u0000-\u001f\u007f]/.test(name) || name === '.') {
    return { kind: 'path', message: `annotator name "${name.replace(/[\u0000-\u001f\u007f]/g, '?')}" looks like a path (/, \\, .. or control characters): refused` };
  }
  if (Array.from(name).length > ANNOTATOR_NAME_MAX_CHARS) return { kind: 'invalid', message: `annotator name is longer than ${ANNOTATOR_NAME_MAX_CHARS} characters` };
  const bytes = utf8Bytes(encodeJournalFileName(name));
  if (bytes > JOURNAL_FILE_NAME_MAX_BYTES) {
    return {
      kind: 'invalid',
      message: `annotator name is too long for a file name: its journal file would be ${bytes} bytes, the limit is ${JOURNAL_FILE_NAME_MAX_BYTES} (emoji and punctuation take up to 12 bytes each, letters 1 to 4): use a shorter name`,
    };
  }
  return null;
}

/** The annotator a journal file name belongs to, or null when the name is not a journal's. */
export function annotatorOfJournalFile(fileName: string): string | null {
  if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)) return null;
  const encoded = fileName.slice(PREFIX.length, -SUFFIX.length);
  if (encoded === '') return null;
  try {
    const name = decodeURIComponent(encoded);
    return annotatorNameProblem(name) === null && encodeJournalFileName(name.normalize('NFC')) === fileName ? name : null;
  } catch {
    return null;
  }
}
