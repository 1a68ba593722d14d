// The byte-level JSONL splitter: chunk boundaries anywhere, CRLF, BOM, the line cap, bad UTF-8.

import { describe, expect, it } from 'vitest';
import { JsonlSplitter, type SplitLine } from './jsonl-splitter';

const enc = new TextEncoder();

/** Feeds `bytes` in chunks of `size` and collects every line. */
function split(bytes: Uint8Array, size: number, maxLineBytes?: number): SplitLine[] {
  const s = new JsonlSplitter({ maxLineBytes });
  const out: SplitLine[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...s.push(bytes.subarray(i, i + size)));
  out.push(...s.end());
  return out;
}

describe('JsonlSplitter', () => {
  const text = '\ufeff{"a":"上海😀"}\r\n{"b":"𠀀"}\n\n{"c":1}';

  it.each([1, 2, 3, 5, 1024])('gives the same lines whatever the chunk size (%i bytes)', (size) => {
    expect(split(enc.encode(text), size)).toEqual([
      { lineNo: 1, bom: true, text: '{"a":"上海😀"}' },
      { lineNo: 2, bom: undefined, text: '{"b":"𠀀"}' },
      { lineNo: 3, bom: undefined, text: '' },
      { lineNo: 4, bom: undefined, text: '{"c":1}' },
    ]);
  });

  it('refuses a line over the cap without holding it, and goes on with the next', () => {
    const long = 'x'.repeat(100);
    const lines = split(enc.encode(`{"a":1}\n${long}\n{"b":2}\n`), 7, 50);
    expect(lines.map((l) => l.text ?? l.error)).toEqual(['{"a":1}', 'line is longer than 50 bytes, the limit; it was skipped', '{"b":2}']);
  });

  it('names a line that is not UTF-8', () => {
    const bytes = new Uint8Array([...enc.encode('{"a":1}\n'), 0x22, 0xc3, 0x28, 0x22, 0x0a]);
    expect(split(bytes, 3).map((l) => l.error ?? l.text)).toEqual(['{"a":1}', 'line is not valid UTF-8']);
  });

  it('yields nothing for an empty stream and keeps a tiny one', () => {
    expect(split(new Uint8Array(0), 4)).toEqual([]);
    expect(split(enc.encode('1'), 4)).toEqual([{ lineNo: 1, bom: undefined, text: '1' }]);
  });
});
