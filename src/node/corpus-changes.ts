// Change tracking of the corpus list, pure: what a file's records turned into is noted entry by entry, folded with what
// is still pending (added then removed is nothing; removed then added is a change), and handed over as one
// `documentsChanged` with renames recognised by an unchanged text. No file system here; unit-tested on its own.

import { PREVIOUS_DOC_IDS_MAX, type CorpusEntry } from '../core/ipc/contract';

/** The pending changes of the list, by path. */
export interface ListDelta {
  added: Map<string, CorpusEntry>;
  removed: Map<string, CorpusEntry>;
  changed: Map<string, CorpusEntry>;
  /** The skipped list changed. */
  skipped: boolean;
}

/** A rename: the entry that went away and the path of the new one with the same text. */
export interface Rename {
  from: CorpusEntry;
  to: string;
}

/** The parts of an entry that the UI shows or keys on: a touched but unchanged file is no change. */
export function sameEntry(a: CorpusEntry, b: CorpusEntry): boolean {
  const strip = ({ mtimeMs: _m, ...rest }: CorpusEntry) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

/** The history of a document whose id moved from `old` to `next`: newest first, without `next`, capped. */
export function nextHistory(oldId: string | undefined, oldHistory: string[] | undefined, next: string): string[] | undefined {
  if (!oldId || oldId === next) return oldHistory?.length ? oldHistory.filter((d) => d !== next) : undefined;
  const list = [oldId, ...(oldHistory ?? [])].filter((d, i, all) => d !== next && all.indexOf(d) === i).slice(0, PREVIOUS_DOC_IDS_MAX);
  return list.length ? list : undefined;
}

/** Renames in a delta: an added file entry whose docId is that of a removed one (JSONL lines are not renamed). */
export function findRenames(delta: ListDelta): Rename[] {
  const removedByDoc = new Map<string, CorpusEntry>();
  for (const e of delta.removed.values()) if (!e.source) removedByDoc.set(e.docId, e);
  const renames: Rename[] = [];
  for (const [p, e] of delta.added) {
    const from = e.source ? undefined : removedByDoc.get(e.docId);
    if (!from) continue;
    removedByDoc.delete(e.docId);
    renames.push({ from, to: p });
  }
  return renames;
}

/** The pending changes of a corpus list. */
export class ListChanges {
  private delta: ListDelta = ListChanges.empty();

  private static empty(): ListDelta {
    return { added: new Map(), removed: new Map(), changed: new Map(), skipped: false };
  }

  /** Notes that one file's entries went from `before` to `after` (both by path). */
  note(before: readonly CorpusEntry[], after: readonly CorpusEntry[]): void {
    const d = this.delta;
    const was = new Map(before.map((e) => [e.path, e]));
    const now = new Map(after.map((e) => [e.path, e]));
    for (const [p, e] of now) {
      const old = was.get(p);
      if (!old) {
        if (d.removed.has(p)) {
          d.removed.delete(p);
          d.changed.set(p, e);
        } else d.added.set(p, e);
      } else if (!sameEntry(old, e)) {
        if (d.added.has(p)) d.added.set(p, e);
        else d.changed.set(p, e);
      }
    }
    for (const [p, e] of was) {
      if (now.has(p)) continue;
      if (d.added.delete(p)) continue;
      d.changed.delete(p);
      d.removed.set(p, e);
    }
  }

  /** Notes that the skipped list changed. */
  noteSkipped(): void {
    this.delta.skipped = true;
  }

  /** Replaces a pending added entry (a rename carried its history over). */
  updateAdded(entry: CorpusEntry): void {
    if (this.delta.added.has(entry.path)) this.delta.added.set(entry.path, entry);
  }

  /** True when nothing is pending. */
  isEmpty(): boolean {
    const d = this.delta;
    return !d.added.size && !d.removed.size && !d.changed.size && !d.skipped;
  }

  /** Hands the pending changes over and starts afresh; null when there are none. */
  take(): ListDelta | null {
    if (this.isEmpty()) return null;
    const d = this.delta;
    this.delta = ListChanges.empty();
    return d;
  }
}
