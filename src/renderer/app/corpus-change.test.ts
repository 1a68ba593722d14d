import { describe, expect, it } from 'vitest';
import type { CorpusEntry, CorpusInfo, DocumentsChange } from '../../core/ipc/contract';
import { applyDocumentsChange } from './corpus-change';

const entry = (path: string, docId = `sha256:${path}`): CorpusEntry => ({ path, title: path, size: 1, docId, encoding: 'utf-8' });
const corpus: CorpusInfo = { root: '/c', name: 'c', documents: [entry('a.txt'), entry('b.txt'), entry('c.txt')], skipped: [], scanning: false };
const change = (c: Partial<DocumentsChange>): DocumentsChange => ({ root: '/c', cause: 'watch', added: [], removed: [], changed: [], renamed: [], ...c });

describe('applyDocumentsChange', () => {
  it('adds, replaces and removes entries, keeping path order', () => {
    const next = applyDocumentsChange(corpus, change({ added: [entry('0.txt')], removed: ['b.txt'], changed: [entry('c.txt', 'sha256:new')] }));
    expect(next.documents.map((d) => d.path)).toEqual(['0.txt', 'a.txt', 'c.txt']);
    expect(next.documents[2]!.docId).toBe('sha256:new');
    expect(corpus.documents).toHaveLength(3);
  });
  it('ignores a change of another corpus', () => {
    expect(applyDocumentsChange(corpus, change({ root: '/other', removed: ['a.txt'] }))).toBe(corpus);
  });
  it('takes the skipped list when the change carries one', () => {
    const skipped = [{ path: 'x.bin', reason: 'binary' }];
    expect(applyDocumentsChange(corpus, change({ skipped: skipped as CorpusInfo['skipped'] })).skipped).toEqual(skipped);
  });
});
