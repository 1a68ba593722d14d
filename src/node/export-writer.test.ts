import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportWriter } from './export-writer';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ExportWriter', () => {
  it('appends chunks to a temporary file and renames it into place when finished, side files beside it', async () => {
    const w = new ExportWriter();
    const target = path.join(dir, 'out', 'hf.jsonl');
    const id = await w.begin(target, 'file');
    await w.write(id, [{ file: '', data: '{"a":1}\n' }]);
    expect(await readdir(path.join(dir, 'out'))).not.toContain('hf.jsonl');
    await w.write(id, [{ file: '', data: '{"b":"上海"}\n' }, { file: 'labels.json', data: '["O"]', complete: true }]);
    const done = await w.finish(id);
    expect(done.path).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('{"a":1}\n{"b":"上海"}\n');
    expect(await readFile(path.join(dir, 'out', 'labels.json'), 'utf8')).toBe('["O"]');
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['hf.jsonl', 'labels.json']);
    expect(done.bytes).toBe(Buffer.byteLength('{"a":1}\n{"b":"上海"}\n["O"]'));
  });

  it('writes a folder export, and an abort leaves nothing behind', async () => {
    const w = new ExportWriter();
    const id = await w.begin(path.join(dir, 'brat'), 'folder');
    await w.write(id, [{ file: 'a.txt', data: 'text', complete: true }, { file: 'a.ann', data: 'T1\tORG 0 4\ttext\n' }]);
    await w.finish(id);
    expect((await readdir(path.join(dir, 'brat'))).sort()).toEqual(['a.ann', 'a.txt']);
    const id2 = await w.begin(path.join(dir, 'other.jsonl'), 'file');
    await w.write(id2, [{ file: '', data: 'x' }]);
    await w.abort(id2);
    expect((await readdir(dir)).sort()).toEqual(['brat']);
  });

  it('refuses side files outside the export and unknown ids', async () => {
    const w = new ExportWriter();
    const id = await w.begin(path.join(dir, 'x.jsonl'), 'file');
    await expect(w.write(id, [{ file: '../../evil', data: 'x' }])).rejects.toThrow(/relative path inside the export/);
    await expect(w.write(id, [{ file: '/etc/passwd', data: 'x' }])).rejects.toThrow(/relative path/);
    await expect(w.write('nope', [])).rejects.toThrow(/no export/);
  });
});
