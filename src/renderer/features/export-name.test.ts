// The export file name: one rule for every format, safe on every file system.
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../core/format/formats';
import { exportFileName } from './export-name';

const NOW = new Date('2026-12-04T11:25:45.123Z');

describe('exportFileName', () => {
  it('keeps the native name as it was: corpus, annotator, time, .jsonl', () => {
    expect(exportFileName('sample-corpus', 'alice', NOW)).toBe('sample-corpus-alice-2026-12-04T11-25-45.jsonl');
    expect(exportFileName('sample-corpus', 'alice', NOW, 'native')).toBe('sample-corpus-alice-2026-12-04T11-25-45.jsonl');
  });

  it('names every format the same way, with the format’s own ending, each name distinct', () => {
    const names = FORMATS.map((f) => exportFileName('reports', 'bob', NOW, f.name));
    for (const n of names) expect(n.startsWith('reports-bob-2026-12-04T11-25-45')).toBe(true);
    expect(names).toEqual([
      'reports-bob-2026-12-04T11-25-45.jsonl',
      'reports-bob-2026-12-04T11-25-45-spacy.jsonl',
      'reports-bob-2026-12-04T11-25-45-hf.jsonl',
      'reports-bob-2026-12-04T11-25-45-doccano.jsonl',
      'reports-bob-2026-12-04T11-25-45-label-studio.json',
      'reports-bob-2026-12-04T11-25-45-brat',
      'reports-bob-2026-12-04T11-25-45-conll.txt',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('never yields a path or a name a file system refuses, whatever the corpus and annotator are called', () => {
    const n = exportFileName('../My Reports: 2026?', 'a/b\\c*"<>|\u0001 d', NOW, 'spacy');
    expect(n).toBe('My-Reports-2026-a-b-c-d-2026-12-04T11-25-45-spacy.jsonl');
    expect(n).not.toMatch(/[\\/:*?"<>|\s]/);
    expect(exportFileName('...', '', NOW)).toBe('export-export-2026-12-04T11-25-45.jsonl');
  });

  it('keeps Chinese names as they are', () => {
    expect(exportFileName('新闻语料', '王芳', NOW, 'conll')).toBe('新闻语料-王芳-2026-12-04T11-25-45-conll.txt');
  });
});
