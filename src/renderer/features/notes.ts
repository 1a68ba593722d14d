// Comments and "unsure" flags, on a span or a document: how a typed comment is stored, and how a note is set or
// cleared without leaving empty fields behind (so an untouched span exports to the same bytes as before).

/** An annotator's note: free text and a flag for review. Spans and documents (the journal's `doc-meta`) carry the same two fields. */
export interface Notes {
  comment?: string;
  unsure?: boolean;
}

/** A change to a note: a field given as `undefined` (or `false`, or an empty comment) is cleared. */
export type NotesPatch = { comment?: string | undefined; unsure?: boolean | undefined };

/** A comment as typed, as it is stored: line endings as LF, white space trimmed at both ends, nothing when empty. */
export function normalizeComment(raw: string): string | undefined {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  return text === '' ? undefined : text;
}

/**
 * A copy of `target` with the patch applied: fields set where the patch has a value,
 * removed (not set to `undefined` or `false`) where it clears them; fields the patch
 * does not name are kept as they are. The input is not changed.
 */
export function withNotes<T extends Notes>(target: T, patch: NotesPatch): T {
  const out: T = { ...target };
  if ('comment' in patch) {
    const comment = patch.comment === undefined ? undefined : normalizeComment(patch.comment);
    if (comment === undefined) delete out.comment;
    else out.comment = comment;
  }
  if ('unsure' in patch) {
    if (patch.unsure) out.unsure = true;
    else delete out.unsure;
  }
  return out;
}

/** True when a note says anything. */
export function hasNotes(notes: Notes | undefined): boolean {
  return Boolean(notes && (notes.unsure || notes.comment));
}

/** Code points of a comment shown in a one-line summary. */
const SUMMARY_LENGTH = 60;

/** A note on one line, for a tooltip or a collapsed panel: "unsure · first words of the comment…"; empty when there is no note. */
export function notesSummary(notes: Notes | undefined): string {
  if (!notes) return '';
  const parts: string[] = [];
  if (notes.unsure) parts.push('unsure');
  if (notes.comment) {
    const chars = [...notes.comment.replace(/\s+/g, ' ')];
    parts.push(chars.length > SUMMARY_LENGTH ? `${chars.slice(0, SUMMARY_LENGTH - 1).join('')}…` : chars.join(''));
  }
  return parts.join(' · ');
}
