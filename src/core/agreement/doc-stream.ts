// Walks several annotators' native inputs together, one document at a time: native files are ordered by doc_id,
// so merge and agreement hold one document's lines in memory, never a whole corpus.

import type { LineError, ReadLine } from '../format/read';
import type { CorpusDocument, SourceConflict } from './corpus';

/** An input that breaks the doc_id order the streaming walk relies on. */
export class InputOrderError extends Error {
  override name = 'InputOrderError';
  constructor(readonly error: LineError) {
    super(`${error.file}:${error.line}: ${error.message}`);
  }
}

/** One input: its name and its valid lines, in file order. */
export interface OrderedInput {
  readonly file: string;
  readonly lines: AsyncIterable<ReadLine>;
}

/** The lines of every input for one doc_id, inputs in the order given, lines in file order. */
export interface DocumentGroup {
  readonly docId: string;
  readonly lines: readonly ReadLine[];
}

/**
 * Yields the documents of all inputs in doc_id order, each with every input's lines for it.
 * Throws {@link InputOrderError} at the first line whose doc_id sorts before the one read
 * before it in the same input: such a file must be sorted first (FORMAT.md, "Order").
 */
export async function* documentGroups(inputs: readonly OrderedInput[]): AsyncGenerator<DocumentGroup> {
  const iterators = inputs.map((i) => i.lines[Symbol.asyncIterator]());
  const next = async (i: number): Promise<ReadLine | null> => {
    const r = await iterators[i]!.next();
    return r.done ? null : r.value;
  };
  const heads: (ReadLine | null)[] = [];
  for (let i = 0; i < iterators.length; i++) heads.push(await next(i));
  for (;;) {
    let min: string | null = null;
    for (const h of heads) if (h && (min === null || h.value.doc_id < min)) min = h.value.doc_id;
    if (min === null) return;
    const lines: ReadLine[] = [];
    for (let i = 0; i < heads.length; i++) {
      let head = heads[i] ?? null;
      while (head && head.value.doc_id === min) {
        lines.push(head);
        const following = await next(i);
        if (following && following.value.doc_id < min) {
          throw new InputOrderError({
            file: following.file,
            line: following.line,
            message: `doc_id ${following.value.doc_id} comes after ${min} (line ${head.line}): the lines are not in doc_id order, which merge and agreement need to read a file one document at a time; sort the file first (e.g. marginalia convert FILE --to native --sort --out SORTED.jsonl)`,
          });
        }
        head = following;
      }
      heads[i] = head;
    }
    yield { docId: min, lines };
  }
}

/** Gathers, document by document, which sources name more than one text (the corpus's source conflicts). */
export class SourceConflictTracker {
  private readonly bySource = new Map<string, Map<string, Set<string>>>();

  /** Notes the sources every annotation of a document named. */
  add(doc: CorpusDocument): void {
    for (const a of doc.annotations) {
      if (a.source === '') continue;
      let docs = this.bySource.get(a.source);
      if (!docs) this.bySource.set(a.source, (docs = new Map()));
      let names = docs.get(doc.docId);
      if (!names) docs.set(doc.docId, (names = new Set()));
      names.add(a.annotator);
    }
  }

  /** Sources with two or more doc_ids, sorted, as {@link Corpus.sourceConflicts}. */
  conflicts(): SourceConflict[] {
    const out: SourceConflict[] = [];
    for (const [source, docs] of [...this.bySource.entries()].sort((a, b) => cmp(a[0], b[0]))) {
      if (docs.size < 2) continue;
      out.push({ source, documents: [...docs.entries()].sort((a, b) => cmp(a[0], b[0])).map(([docId, names]) => ({ docId, annotators: [...names].sort(cmp) })) });
    }
    return out;
  }
}

/**
 * The source a document goes by when its annotators' lines name different ones: the source
 * most of them named, ties to the smallest, so that the result never depends on the order of
 * the inputs. `null` when they all agree (nothing to warn about).
 */
export function chosenSource(doc: Pick<CorpusDocument, 'annotations'>): { source: string; named: Record<string, string> } | null {
  const counts = new Map<string, number>();
  for (const a of doc.annotations) counts.set(a.source, (counts.get(a.source) ?? 0) + 1);
  if (counts.size < 2) return null;
  let best = '';
  let bestCount = -1;
  for (const [s, c] of counts) if (c > bestCount || (c === bestCount && s < best)) [best, bestCount] = [s, c];
  const named: Record<string, string> = Object.create(null);
  for (const a of doc.annotations) named[a.annotator] = a.source;
  return { source: best, named };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
