// Gathering exports: documents matched by doc_id, coverage, and every bad line named by file and line while the rest loads.

import { describe, expect, it } from 'vitest';
import { docIdOf, jsonl, nativeLine, readLines } from '../../../test/fixtures/agreement/build';
import { collectCorpus, corpusFromFiles, coverage } from './corpus';

const TEXT = 'Chint Electric grew 43.9% in 2023.';

describe('collectCorpus', () => {
  it('matches documents by doc_id across files and reports coverage', () => {
    const other = '正泰电气增长了𝑥倍。';
    const corpus = corpusFromFiles([
      { file: 'bob.jsonl', content: jsonl([{ text: TEXT, annotator: 'bob', spans: [{ start: 0, end: 14, label: 'ORG' }] }]) },
      {
        file: 'alice.jsonl',
        content: jsonl([
          { text: TEXT, annotator: 'alice', spans: [{ start: 20, end: 25, label: 'FIGURE' }] },
          { text: other, annotator: 'alice', spans: [{ start: 0, end: 4, label: 'ORG' }], source: 'zh.txt' },
        ]),
      },
    ]);
    expect(corpus.errors).toEqual([]);
    expect(corpus.annotators).toEqual(['alice', 'bob']);
    expect(corpus.documents.map((d) => d.docId)).toEqual([docIdOf(TEXT), docIdOf(other)].sort());
    const doc = corpus.documents.find((d) => d.docId === docIdOf(TEXT))!;
    expect(doc.annotators).toEqual(['alice', 'bob']);
    expect(doc.length).toBe(34);
    expect(corpus.documents.find((d) => d.docId === docIdOf(other))!.length).toBe(10);
    expect(Object.fromEntries(coverage(corpus))).toEqual({ alice: [docIdOf(TEXT), docIdOf(other)].sort(), bob: [docIdOf(TEXT)] });
  });

  it('names invalid lines by file and line number and keeps the valid rest', () => {
    const good = jsonl([{ text: TEXT, annotator: 'alice', spans: [{ start: 0, end: 14, label: 'ORG' }] }]);
    const content = good + '{not json\n' + '\n' + JSON.stringify({ format: 'other' }) + '\n' + jsonl([{ text: TEXT, annotator: 'bob', spans: [] }]);
    const corpus = corpusFromFiles([{ file: 'mixed.jsonl', content }]);
    expect(corpus.errors.map((e) => [e.file, e.line])).toEqual([
      ['mixed.jsonl', 2],
      ['mixed.jsonl', 4],
    ]);
    expect(corpus.documents[0]!.annotators).toEqual(['alice', 'bob']);
  });

  it('refuses spans whose offsets do not fit the text, naming the span', () => {
    const emoji = '𝑥 = 5%';
    const lines = readLines([
      { text: TEXT, annotator: 'a', spans: [{ start: 30, end: 40, label: 'X' }] },
      { text: TEXT, annotator: 'b', spans: [{ start: 5, end: 2, label: 'X' }] },
      { text: TEXT, annotator: 'c', spans: [{ start: 1.5, end: 2, label: 'X' }] },
      { text: TEXT, annotator: 'd', spans: [{ start: 0, end: 5, label: '' }] },
      { text: TEXT, annotator: 'e', spans: [{ start: 0, end: 5, label: 'ORG' }] },
    ]);
    // Line 6: UTF-16 offsets instead of code points: "5%" is code points 4..6, UTF-16 units 5..7.
    const bad = nativeLine({ text: emoji, annotator: 'f', spans: [{ start: 4, end: 6, label: 'FIGURE' }] });
    bad.spans[0] = { ...bad.spans[0]!, start: 5, end: 7 };
    lines.push({ file: 'test.jsonl', line: 6, value: bad });
    const corpus = collectCorpus(lines);
    expect(corpus.errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 6]);
    expect(corpus.errors[0]!.message).toMatch(/span 1 \(id "a-1"\): end 40 is past the end of the text \(34 code points\)/);
    expect(corpus.errors[1]!.message).toMatch(/start 5 is after end 2/);
    expect(corpus.errors[2]!.message).toMatch(/non-negative integers/);
    expect(corpus.errors[3]!.message).toMatch(/label/);
    expect(corpus.errors[4]!.message).toMatch(/code points/);
    expect(corpus.documents.map((d) => d.annotators)).toEqual([['e']]);
  });

  it('refuses a second line for the same document and annotator, naming the first', () => {
    const lines = [
      ...readLines([{ text: TEXT, annotator: 'alice', spans: [] }], 'one.jsonl'),
      ...readLines([{ text: TEXT, annotator: 'alice', spans: [{ start: 0, end: 5, label: 'ORG' }] }], 'two.jsonl'),
    ];
    const corpus = collectCorpus(lines);
    expect(corpus.errors).toHaveLength(1);
    expect(corpus.errors[0]).toMatchObject({ file: 'two.jsonl', line: 1 });
    expect(corpus.errors[0]!.message).toMatch(/already read from one\.jsonl:1/);
    expect(corpus.documents[0]!.annotations[0]!.spans).toEqual([]);
  });

  it('refuses a line whose text differs from another line of the same doc_id', () => {
    const lines = readLines([
      { text: TEXT, annotator: 'alice', spans: [] },
      { text: TEXT + ' More.', annotator: 'bob', spans: [], docId: docIdOf(TEXT) },
    ]);
    const corpus = collectCorpus(lines);
    expect(corpus.errors[0]!.message).toMatch(/text differs from test\.jsonl:1/);
    expect(corpus.documents[0]!.annotators).toEqual(['alice']);
  });

  it('flags documents that share a source but not their text, and keeps them apart', () => {
    const edited = TEXT.replace('43.9%', '44%');
    const corpus = collectCorpus(
      readLines([
        { text: TEXT, annotator: 'alice', spans: [], source: 'reports/a.txt' },
        { text: edited, annotator: 'bob', spans: [], source: 'reports/a.txt' },
        { text: TEXT, annotator: 'bob', spans: [], source: 'reports/a.txt' },
      ]),
    );
    expect(corpus.errors).toEqual([]);
    expect(corpus.documents).toHaveLength(2);
    expect(corpus.sourceConflicts).toEqual([
      {
        source: 'reports/a.txt',
        documents: [
          { docId: docIdOf(TEXT), annotators: ['alice', 'bob'] },
          { docId: docIdOf(edited), annotators: ['bob'] },
        ].sort((a, b) => (a.docId < b.docId ? -1 : 1)),
      },
    ]);
  });

  it('refuses relations to spans the line does not have', () => {
    const line = nativeLine({ text: TEXT, annotator: 'alice', spans: [{ start: 0, end: 14, label: 'ORG' }] });
    line.relations.push({ id: 'r1', label: 'about', head: 'alice-1', tail: 'nope' });
    const corpus = collectCorpus([{ file: 'f', line: 3, value: line }]);
    expect(corpus.errors[0]).toMatchObject({ file: 'f', line: 3 });
    expect(corpus.errors[0]!.message).toMatch(/tail "nope" is not a span/);
  });

  it('checks lines without text against the text of another line, in either order', () => {
    const withText = { text: TEXT, annotator: 'alice', spans: [] };
    const without = { text: TEXT, annotator: 'bob', spans: [{ start: 20, end: 25, label: 'FIGURE' }], withoutText: true };
    for (const order of [[withText, without], [without, withText]]) {
      const corpus = collectCorpus(readLines(order));
      expect(corpus.errors).toEqual([]);
      const bob = corpus.documents[0]!.annotations.find((a) => a.annotator === 'bob')!;
      expect(bob.spans[0]!.text).toBe('43.9%');
      expect(corpus.documents[0]!.length).toBe(34);
    }
    const tooLong = readLines([withText, { ...without, spans: [{ start: 30, end: 50, label: 'X' }] }]);
    // The builder slices the span text from the text; past the end it is cut short, so blank it to test the offsets alone.
    tooLong[1]!.value.spans[0]!.text = '';
    expect(collectCorpus(tooLong).errors[0]!.message).toMatch(/past the end/);
  });

  it('keeps a __proto__ label and attribute as data', () => {
    const line = nativeLine({ text: TEXT, annotator: 'alice', spans: [{ start: 0, end: 5, label: '__proto__' }] });
    line.spans[0]!.attrs = JSON.parse('{"__proto__": "x", "unit": "%"}');
    const corpus = collectCorpus([{ file: 'f', line: 1, value: line }]);
    const span = corpus.documents[0]!.annotations[0]!.spans[0]!;
    expect(span.label).toBe('__proto__');
    expect(Object.keys(span.attrs).sort()).toEqual(['__proto__', 'unit']);
    expect(({} as Record<string, unknown>).unit).toBeUndefined();
  });
});
