import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docIdOf, readCorpusDocument, scanCorpus } from './corpus';
import { decodeBytes } from './decode';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-corpus-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** "上海港" in GB18030: not valid UTF-8. */
const GB18030_SHANGHAI = Uint8Array.from([0xc9, 0xcf, 0xba, 0xa3, 0xb8, 0xdb]);

describe('decodeBytes', () => {
  it('decodes UTF-8 with and without BOM, UTF-16 LE and BE with BOM, and GB18030', () => {
    const utf8 = new TextEncoder().encode('上海港 43.9%');
    expect(decodeBytes(utf8)).toEqual({ ok: true, text: '上海港 43.9%', encoding: 'utf-8' });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toMatchObject({ text: '上海港 43.9%', encoding: 'utf-8' });
    const le = Buffer.from('\ufeff上海 port', 'utf16le');
    expect(decodeBytes(le)).toMatchObject({ text: '上海 port', encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    expect(decodeBytes(be)).toMatchObject({ text: '上海 port', encoding: 'utf-16be' });
    // Three characters are too little evidence to be sure (they read as Big5 too): the likeliest is used and flagged.
    expect(decodeBytes(GB18030_SHANGHAI)).toMatchObject({ ok: true, text: '上海港', encoding: 'gb18030', uncertain: true });
  });

  it('refuses binary and empty files with a reason', () => {
    expect(decodeBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toEqual({ ok: false, reason: 'binary file (contains NUL bytes)' });
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
  });
});

describe('scanCorpus', () => {
  it('lists .txt and .md recursively with titles and ids, skipping hidden folders, .marginalia and other types', async () => {
    await writeFile(path.join(dir, 'a.txt'), 'First title\r\n\r\nBody 43.9%\r\n');
    await mkdir(path.join(dir, 'nested', 'deeper'), { recursive: true });
    await writeFile(path.join(dir, 'nested', 'deeper', 'b.md'), '# 上海\n正文');
    await writeFile(path.join(dir, 'gb.txt'), GB18030_SHANGHAI);
    await writeFile(path.join(dir, 'utf16.txt'), Buffer.from('\ufeffUTF-16 doc', 'utf16le'));
    await writeFile(path.join(dir, 'image.txt'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    await writeFile(path.join(dir, 'empty.md'), '');
    await writeFile(path.join(dir, 'notes.pdf'), 'x');
    await mkdir(path.join(dir, '.marginalia', 'exports'), { recursive: true });
    await writeFile(path.join(dir, '.marginalia', 'exports', 'x.txt'), 'not a document');
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, '.git', 'HEAD.txt'), 'hidden');

    const corpus = await scanCorpus(dir);
    expect(corpus.documents.map((d) => d.path)).toEqual(['a.txt', 'gb.txt', 'nested/deeper/b.md', 'utf16.txt']);
    const byPath = Object.fromEntries(corpus.documents.map((d) => [d.path, d]));
    expect(byPath['a.txt']).toMatchObject({ title: 'First title', encoding: 'utf-8', docId: docIdOf('First title\n\nBody 43.9%\n') });
    expect(byPath['gb.txt']).toMatchObject({ title: '上海港', encoding: 'gb18030', encodingUncertain: true });
    expect(byPath['nested/deeper/b.md']!.title).toBe('上海');
    expect(byPath['utf16.txt']!.encoding).toBe('utf-16le');
    expect(corpus.skipped).toEqual([
      { path: 'empty.md', reason: 'empty file' },
      { path: 'image.txt', reason: 'binary file (contains NUL bytes)' },
    ]);
  });

  it('gives the same id to the same text whatever its line endings or BOM', async () => {
    await writeFile(path.join(dir, 'lf.txt'), 'a\nb\n');
    await writeFile(path.join(dir, 'crlf.txt'), '\ufeffa\r\nb\r\n');
    const corpus = await scanCorpus(dir);
    expect(new Set(corpus.documents.map((d) => d.docId)).size).toBe(1);
  });

  it('names a missing folder', async () => {
    await expect(scanCorpus(path.join(dir, 'nope'))).rejects.toThrow(/does not exist/);
  });
});

describe('readCorpusDocument', () => {
  it('reads a document normalized, and refuses paths outside the corpus', async () => {
    await writeFile(path.join(dir, 'a.txt'), 'x\r\ny');
    const outside = await mkdtemp(path.join(os.tmpdir(), 'marginalia-outside-'));
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'link.txt'));
    try {
      expect((await readCorpusDocument(dir, 'a.txt')).text).toBe('x\ny');
      await expect(readCorpusDocument(dir, '../' + path.basename(outside) + '/secret.txt')).rejects.toThrow(/outside the corpus/);
      await expect(readCorpusDocument(dir, path.join(outside, 'secret.txt'))).rejects.toThrow(/relative/);
      await expect(readCorpusDocument(dir, 'link.txt')).rejects.toThrow(/outside the corpus/);
      await expect(readCorpusDocument(dir, 'missing.txt')).rejects.toThrow(/no file/);
      // The outside link is not listed either.
      expect((await scanCorpus(dir)).documents.map((d) => d.path)).toEqual(['a.txt']);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
