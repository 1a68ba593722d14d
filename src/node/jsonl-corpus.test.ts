import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../test/fixtures/corpus/folder';
import { docIdOf } from './document-file';
import { parseCorpusLine, readJsonlCorpus, readJsonlLineAt } from './jsonl-corpus';
import { splitJsonl, type JsonlLine } from './jsonl-lines';

let dir: string;
beforeEach(async () => {
  dir = await makeCorpus({});
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function lines(bytes: Uint8Array, chunk: number, max = 1024): Promise<JsonlLine[]> {
  const out: JsonlLine[] = [];
  for await (const l of splitJsonl(chunksOf(bytes, chunk), max)) out.push(l);
  return out;
}

describe('splitJsonl', () => {
  it('gives each line its number and byte offsets, whatever the chunk size, across a BOM, CRLF and blank lines', async () => {
    const bytes = Buffer.from('\ufeff{"a":1}\r\n\n  \n{"b":"上海"}\n{"c":3}');
    for (const chunk of [1, 2, 3, 7, 1000]) {
      const got = await lines(bytes, chunk);
      expect(got.map((l) => [l.lineNo, l.text, l.unterminated ?? false])).toEqual([
        [1, '{"a":1}', false],
        [4, '{"b":"上海"}', false],
        [5, '{"c":3}', true],
      ]);
      for (const l of got) expect(bytes.subarray(l.offset, l.offset + l.bytes).toString('utf8')).toBe(l.text);
    }
  });

  it('refuses a line over the cap without holding it, and a line that is not UTF-8, keeping the lines around them', async () => {
    const bytes = Buffer.concat([Buffer.from('{"ok":1}\n' + 'x'.repeat(5000) + '\n'), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from('{"ok":2}\n')]);
    const got = await lines(bytes, 64, 1024);
    expect(got.map((l) => [l.lineNo, l.text ?? l.error])).toEqual([
      [1, '{"ok":1}'],
      [2, 'line is longer than 1024 bytes, the limit; it was skipped'],
      [3, 'line is not valid UTF-8'],
      [4, '{"ok":2}'],
    ]);
  });
});

describe('parseCorpusLine', () => {
  it('keeps __proto__ and constructor keys as data and pollutes nothing', () => {
    const parsed = parseCorpusLine('{"text":"a","meta":{"__proto__":{"polluted":true},"constructor":"c"},"__proto__":{"text":"evil"}}');
    expect('reason' in parsed).toBe(false);
    if ('reason' in parsed) return;
    expect(parsed.text).toBe('a');
    expect(Object.hasOwn(parsed.meta!, '__proto__')).toBe(true);
    expect(parsed.meta!.constructor).toBe('c');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A line whose only "text" hides under __proto__ has no text.
    expect(parseCorpusLine('{"__proto__":{"text":"evil"}}')).toEqual({ reason: 'no "text" string field' });
  });

  it('names what is wrong with a line', () => {
    expect(parseCorpusLine('{"text": 5}')).toEqual({ reason: 'no "text" string field' });
    expect(parseCorpusLine('[1,2]')).toEqual({ reason: 'not a JSON object' });
    expect(parseCorpusLine('{"text":"  "}')).toEqual({ reason: 'empty "text"' });
    expect(parseCorpusLine('{"text":"a","id":{}}')).toEqual({ reason: 'the "id" must be a non-empty string or a number' });
    expect(parseCorpusLine('{"text":"a","meta":[1]}')).toEqual({ reason: 'the "meta" must be an object' });
    expect((parseCorpusLine('{"text":') as { reason: string }).reason).toMatch(/^not JSON \(/);
    expect(parseCorpusLine('{"text":"a\\r\\nb","id":7,"title":"T"}')).toEqual({ text: 'a\nb', id: '7', title: 'T' });
  });
});

describe('readJsonlCorpus', () => {
  it('lists each good line as a document and each bad one with its number and reason', async () => {
    const file = path.join(dir, 'data.jsonl');
    await writeFile(
      file,
      [
        '{"id":"a1","text":"First report.\\nBody 43.9%","meta":{"source":"wire"}}',
        'not json',
        '{"text":"Second, no id"}',
        '',
        '{"id":"a1","text":"duplicate id"}',
        '{"id":"b2","title":"Given title","text":"Third"}',
        '{"text":"cut sh',
      ].join('\n'),
    );
    const corpus = await readJsonlCorpus(file, 'data.jsonl');
    expect(corpus.docs.map((d) => [d.line, d.id, d.title, d.docId])).toEqual([
      [1, 'a1', 'First report.', docIdOf('First report.\nBody 43.9%')],
      [3, undefined, 'Second, no id', docIdOf('Second, no id')],
      [6, 'b2', 'Given title', docIdOf('Third')],
    ]);
    expect(corpus.skipped.map((s) => s.line)).toEqual([2, 5, 7]);
    expect(corpus.skipped[1]!.reason).toBe('duplicate id "a1" (first on line 1)');
    expect(corpus.skipped[2]!.reason).toMatch(/no line end \(cut short\?\)/);
    // One line read back alone, by its offsets.
    const first = corpus.docs[0]!;
    expect(await readJsonlLineAt(file, first.offset, first.bytes, first.docId)).toEqual({ id: 'a1', text: 'First report.\nBody 43.9%', meta: { source: 'wire' } });
    // Offsets that no longer hold that document answer null, never another text.
    expect(await readJsonlLineAt(file, corpus.docs[1]!.offset, corpus.docs[1]!.bytes, first.docId)).toBeNull();
  });

  it('caps line size and refuses a file of Marginalia exports', async () => {
    const file = path.join(dir, 'big.jsonl');
    await writeFile(file, `{"text":"${'y'.repeat(3000)}"}\n{"text":"small"}\n`);
    const capped = await readJsonlCorpus(file, 'big.jsonl', 1024);
    expect(capped.skipped).toEqual([{ line: 1, reason: 'line is longer than 1024 bytes, the limit; it was skipped' }]);
    expect(capped.docs.map((d) => d.line)).toEqual([2]);
    const exp = path.join(dir, 'export.jsonl');
    await writeFile(exp, '{"format":"marginalia/1","doc_id":"sha256:00","text":"x","spans":[]}\n');
    expect((await readJsonlCorpus(exp, 'export.jsonl')).refused).toMatch(/Marginalia export/);
    expect(await readFile(exp, 'utf8')).toContain('marginalia/1');
  });
});
