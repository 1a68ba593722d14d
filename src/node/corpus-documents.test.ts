// Document reads from the UI, through an open session: every path resolved inside the corpus, escapes refused.

import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../test/fixtures/corpus/folder';
import { CorpusSession } from './corpus-session';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function corpus(files: Record<string, string>): Promise<string> {
  const root = await makeCorpus(files);
  cleanup.push(() => rm(root, { recursive: true, force: true }));
  return root;
}

async function open(root: string): Promise<CorpusSession> {
  const s = await CorpusSession.open(root, { watch: false });
  cleanup.push(() => s.close());
  return s;
}

describe('paths from the UI', () => {
  it('are resolved inside the corpus: escapes, absolute paths, outside symlinks, hidden files and other types refused', async () => {
    const root = await corpus({ 'a.txt': 'inside', 'notes.pdf': 'x', 'd.jsonl': '{"text":"l"}\n' });
    const outside = await mkdtemp(path.join(os.tmpdir(), 'marginalia-outside-'));
    cleanup.push(() => rm(outside, { recursive: true, force: true }));
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
    await writeFile(path.join(outside, 'secret.jsonl'), '{"text":"secret"}\n');
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
    await symlink(path.join(outside, 'secret.jsonl'), path.join(root, 'link.jsonl'));
    const s = await open(root);
    await s.whenScanned();
    expect(s.info().documents.map((d) => d.path)).toEqual(['a.txt', 'd.jsonl#1']);
    const refused: [string, RegExp][] = [
      ['../' + path.basename(outside) + '/secret.txt', /outside the corpus/],
      [path.join(outside, 'secret.txt'), /relative/],
      ['link.txt', /leads outside/],
      ['link.jsonl#1', /leads outside/],
      ['sub/../../x.jsonl#1', /outside the corpus/],
      ['.marginalia/index.json', /not a document/],
      ['notes.pdf', /not a document/],
    ];
    for (const [p, why] of refused) {
      await expect(s.readDocument(p), p).rejects.toThrow(why);
      await expect(s.setEncoding(p, 'big5'), p).rejects.toThrow(why);
    }
    await expect(s.setEncoding('d.jsonl', 'big5')).rejects.toThrow(/always UTF-8/);
  });
});
