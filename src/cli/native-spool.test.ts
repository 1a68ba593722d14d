// The import spool: lines come back in doc_id, annotator order (ties in arrival order, as a stable sort), the same
// bytes as serializeNativeLine, across several flushes to disk; the spool file is gone after dispose.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareLines, serializeNativeLine, type NativeLine } from '../core/format/native';
import { NativeSpool } from './native-spool';

function line(doc: number, annotator: string, filler: string): NativeLine {
  const text = `${filler} 上海 😀 ${doc}`;
  return { format: 'marginalia/1', doc_id: `sha256:${doc.toString(16).padStart(64, '0')}`, source: `${doc}.txt`, text, annotator, status: 'done', updated_at: '', spans: [], relations: [] };
}

describe('NativeSpool', () => {
  it('gives back every line sorted, ties in arrival order, over several megabytes flushed in pieces', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'marginalia-spool-'));
    const path = join(dir, 'spool');
    const spool = new NativeSpool(path);
    const lines: NativeLine[] = [];
    const filler = 'x'.repeat(20_000);
    for (let i = 0; i < 300; i++) {
      // 97 is prime to 300: documents arrive out of order; every 7th line repeats a key with other text.
      const l = line((i * 97) % 300, i % 7 === 0 ? 'alice' : 'bob', filler + i);
      lines.push(l);
      spool.add(l);
      await spool.flush();
    }
    expect(existsSync(path)).toBe(true);
    const expected = lines
      .map((l, seq) => ({ l, seq }))
      .sort((a, b) => compareLines(a.l, b.l) || a.seq - b.seq)
      .map(({ l }) => serializeNativeLine(l));
    const got: string[] = [];
    for await (const s of spool.sorted()) got.push(s.data);
    expect(got).toEqual(expected);
    await spool.dispose();
    expect(existsSync(path)).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });
});
