// The corpus's document list after files were added, changed or removed on disk.

import type { CorpusInfo, DocumentsChange } from '../../core/ipc/contract';

/** The documents after a change on disk, in path order. */
export function applyDocumentsChange(c: CorpusInfo, change: DocumentsChange): CorpusInfo {
  if (c.root !== change.root) return c;
  const gone = new Set([...change.removed, ...change.changed.map((e) => e.path), ...change.added.map((e) => e.path)]);
  const documents = [...c.documents.filter((d) => !gone.has(d.path)), ...change.changed, ...change.added].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...c, documents, skipped: change.skipped ?? c.skipped };
}
