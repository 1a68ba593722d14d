// The curation UI (src/renderer/features/curation) reads exports through the CLI's contract: the lines it keeps and the FILE:LINE it names are
// exactly those of `merge --skip-invalid` (readNativeLines), where the lighter shape check used to let them through.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docIdOf, nativeLine } from '../../test/fixtures/agreement/build';
import { serializeNativeLine, type NativeLine } from '../core/format/native';
import { readNativeLines } from '../node/format-io';
import { corpusOf } from '../renderer/features/curation/session';
import { decodeInput } from '../renderer/features/curation/inputs';

const TEXT = 'Chint Electric Co., Ltd. grew 43.9% in 2023, said Tang Wei.';
const OTHER = '上海市统计局说，增长5.2%。😀 e\u0301';
const good = (text: string, annotator: string): NativeLine => nativeLine({ text, source: 'a.txt', annotator, spans: [{ start: 0, end: 5, label: 'ORG' }] });
const line = (l: unknown) => JSON.stringify(l);

/** One line the contract accepts (1), then lines the old shape check let through, each breaking one rule. */
function lines(): string[] {
  const ok = good(TEXT, 'alice');
  return [
    serializeNativeLine(ok),
    line({ ...good(OTHER, 'bob'), doc_id: docIdOf(TEXT) }), // 2: doc_id is not the hash of the text
    line({ ...good(TEXT, 'carol'), spans: [{ ...ok.spans[0]!, end: 0, text: '' }] }), // 3: zero-length span
    line({ ...good(TEXT, 'dan'), colour: 'red' }), // 4: unknown field
    line({ ...good(TEXT, 'erin'), status: 'finished' }), // 5: bad status
    serializeNativeLine(good(TEXT, 'frank')).replace('"end":5', '"end":5.0'), // 6: an offset written as a float
    serializeNativeLine(ok), // 7: the same (doc_id, annotator) twice
    serializeNativeLine(good(OTHER, 'gina')), // 8: valid
  ];
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-curation-contract-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What the CLI's reader keeps and refuses in the same file, with --skip-invalid. */
async function cliVerdict(name: string, content: string | Uint8Array): Promise<{ kept: number[]; refused: number[] }> {
  const path = join(dir, name);
  await writeFile(path, content);
  const refused: number[] = [];
  const kept: number[] = [];
  for await (const l of readNativeLines(path, { skipInvalid: true, onProblem: (_f, p) => p.severity === 'error' && !refused.includes(p.line) && refused.push(p.line) })) kept.push(l.line);
  return { kept, refused };
}

describe('the curation inputs go through the contract reader', () => {
  it('names every line the CLI refuses as FILE:LINE and keeps only the lines the CLI keeps', async () => {
    const content = lines().join('\r\n') + '\r\n';
    const corpus = corpusOf({ files: [{ file: 'a.jsonl', content }], refused: [] });
    const named = corpus.errors.filter((e) => e.file === 'a.jsonl').map((e) => e.line);
    const cli = await cliVerdict('a.jsonl', content);
    expect(cli.refused).toEqual([2, 3, 4, 5, 6, 7]);
    expect([...new Set(named)]).toEqual(cli.refused);
    expect(corpus.errors.find((e) => e.line === 2)!.message).toMatch(/doc_id/);
    expect(corpus.errors.find((e) => e.line === 6)!.message).toMatch(/integer/);
    // Lines 1 and 8 are used, nothing else: two documents, one annotator each.
    expect(cli.kept).toEqual([1, 8]);
    expect(corpus.documents.map((d) => d.annotations.map((a) => a.annotator)).flat().sort()).toEqual(['alice', 'gina']);
  });

  it('refuses a BOM and names a line that is not UTF-8, as the CLI does, instead of decoding it with replacement characters', async () => {
    const [first, , , , , , , last] = lines();
    const broken = Buffer.from(serializeNativeLine(good(TEXT, 'hal')), 'utf8');
    const bad = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(first + '\n', 'utf8'),
      broken.subarray(0, 20),
      Buffer.from([0xff]),
      broken.subarray(20),
      Buffer.from('\n' + last + '\n', 'utf8'),
    ]);
    const { content, refused } = decodeInput('b.jsonl', new Uint8Array(bad));
    const corpus = corpusOf({ files: [{ file: 'b.jsonl', content }], refused });
    const cli = await cliVerdict('b.jsonl', bad);
    expect(cli.refused).toEqual([1, 2]);
    expect(cli.kept).toEqual([3]);
    expect(refused.map((e) => e.line)).toEqual([2]);
    expect([...new Set(corpus.errors.map((e) => `${e.file}:${e.line}`))].sort()).toEqual(['b.jsonl:1', 'b.jsonl:2']);
    expect(corpus.errors.find((e) => e.line === 1)!.message).toMatch(/byte order mark/);
    expect(corpus.documents.flatMap((d) => d.annotations.map((a) => a.annotator))).toEqual(['gina']);
  });
});
