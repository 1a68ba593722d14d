import { describe, expect, it } from 'vitest';
import type { CorpusEntry } from '../core/ipc/contract';
import { findRenames, ListChanges, nextHistory, sameEntry } from './corpus-changes';

const entry = (path: string, docId: string, extra: Partial<CorpusEntry> = {}): CorpusEntry => ({ path, title: path, size: 1, docId, encoding: 'utf-8', kind: 'text', mtimeMs: 1, ...extra });

describe('ListChanges', () => {
  it('folds a file added and then removed into nothing, and removed then added into a change', () => {
    const c = new ListChanges();
    c.note([], [entry('a.txt', 'd1')]);
    c.note([entry('a.txt', 'd1')], []);
    expect(c.take()).toBeNull();
    c.note([entry('b.txt', 'd2')], []);
    c.note([], [entry('b.txt', 'd3')]);
    const d = c.take()!;
    expect([...d.changed.keys()]).toEqual(['b.txt']);
    expect(d.added.size + d.removed.size).toBe(0);
    expect(c.take()).toBeNull();
  });

  it('ignores a touched file whose entry is the same but for its mtime, and reports the skipped list alone', () => {
    const c = new ListChanges();
    c.note([entry('a.txt', 'd1')], [entry('a.txt', 'd1', { mtimeMs: 99 })]);
    expect(c.isEmpty()).toBe(true);
    c.noteSkipped();
    expect(c.take()).toMatchObject({ skipped: true });
    expect(sameEntry(entry('a.txt', 'd1'), entry('a.txt', 'd1', { title: 'other' }))).toBe(false);
  });

  it('recognises a rename by an unchanged text, never for JSONL lines', () => {
    const c = new ListChanges();
    c.note([entry('old.txt', 'd1'), entry('data.jsonl#1', 'd2', { source: { file: 'data.jsonl', line: 1 } })], []);
    c.note([], [entry('new.txt', 'd1'), entry('moved.jsonl#1', 'd2', { source: { file: 'moved.jsonl', line: 1 } })]);
    const renames = findRenames(c.take()!);
    expect(renames.map((r) => [r.from.path, r.to])).toEqual([['old.txt', 'new.txt']]);
  });
});

describe('nextHistory', () => {
  it('puts the old id first, drops the new one and repeats, and caps the list', () => {
    expect(nextHistory('a', ['b', 'c'], 'd')).toEqual(['a', 'b', 'c']);
    expect(nextHistory('a', ['b', 'a'], 'b')).toEqual(['a']);
    expect(nextHistory('a', undefined, 'a')).toBeUndefined();
    expect(nextHistory('x', Array.from({ length: 20 }, (_, i) => `h${i}`), 'n')).toHaveLength(8);
  });
});
