// `convert --to native --sort`: a native file put in the format's line order (doc_id, annotator) without holding
// it in memory: one pass validates and keeps each line's key, a second finds its bytes, then lines are read back in order.

import { open } from 'node:fs/promises';
import { compareLines, type NativeLine } from '../core/format/native';
import type { ReadLine } from '../core/format/read';
import { MAX_LINE_BYTES } from '../core/format/jsonl-splitter';
import { readJsonlFile } from '../node/jsonl-lines';
import type { NativeInputs } from './native-input';

/** The valid lines of `file` in doc_id, annotator order (ties: file order). */
export async function* sortedNativeLines(file: string, inputs: NativeInputs): AsyncGenerator<ReadLine> {
  const keys: { doc_id: string; annotator: string; line: number }[] = [];
  for await (const l of inputs.lines(file)) keys.push({ doc_id: l.value.doc_id, annotator: l.value.annotator, line: l.line });
  keys.sort((x, y) => compareLines(x, y) || x.line - y.line);
  const wanted = new Set(keys.map((k) => k.line));
  const where = new Map<number, { offset: number; bytes: number }>();
  for await (const l of readJsonlFile(file, MAX_LINE_BYTES)) if (wanted.has(l.lineNo)) where.set(l.lineNo, { offset: l.offset, bytes: l.bytes });
  const handle = await open(file, 'r');
  try {
    for (const k of keys) {
      const at = where.get(k.line)!;
      const buf = Buffer.alloc(at.bytes);
      await handle.read(buf, 0, at.bytes, at.offset);
      yield { file, line: k.line, value: JSON.parse(buf.toString('utf8')) as NativeLine };
    }
  } finally {
    await handle.close();
  }
}
