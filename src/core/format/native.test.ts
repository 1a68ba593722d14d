import { describe, expect, it } from 'vitest';
import { quoteOf } from '../model/quote';
import type { CodePoint, Span } from '../model/types';
import { readNativeJsonl } from './read';
import { serializeNativeExport, type ExportDocument } from './native';

function span(id: string, text: string, start: number, end: number, label: string, attrs: Span['attrs'] = {}): Span {
  return {
    id, docId: 'sha256:x', annotator: 'alice', label, start: start as CodePoint, end: end as CodePoint, attrs,
    quote: quoteOf(text, start as CodePoint, end as CodePoint), createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z',
  };
}

const text = '游客𠀀𠀁 "visited" 🎉 43.9%\n';
const doc = (over: Partial<ExportDocument> = {}): ExportDocument => ({
  docId: 'sha256:b', source: 'b.txt', text, annotator: 'alice', status: 'done',
  spans: [span('s2', text, 17, 22, 'FIGURE', { value: 43.9, unit: '%' }), span('s1', text, 0, 4, 'LOC'), span('s3', text, 0, 4, 'CLAIM')],
  relations: [{ id: 'r1', docId: 'sha256:b', annotator: 'alice', label: 'cites', head: 's3', tail: 's2' }],
  ...over,
});

describe('the native JSONL writer', () => {
  it('writes code-point offsets and slices span text by them', () => {
    const out = serializeNativeExport([doc()]);
    const line = JSON.parse(out);
    const chars = Array.from(line.text as string);
    for (const s of line.spans) expect(chars.slice(s.start, s.end).join('')).toBe(s.text);
    expect(line.spans.map((s: { text: string }) => s.text)).toEqual(['游客𠀀𠀁', '游客𠀀𠀁', '43.9%']);
  });

  it('orders spans by start, end, label and lines by doc_id, and keys as the format lists them', () => {
    const out = serializeNativeExport([doc(), doc({ docId: 'sha256:a', source: 'a.txt' })]);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.doc_id)).toEqual(['sha256:a', 'sha256:b']);
    expect(lines[0].spans.map((s: { label: string }) => s.label)).toEqual(['CLAIM', 'LOC', 'FIGURE']);
    expect(Object.keys(lines[0])).toEqual(['format', 'doc_id', 'source', 'text', 'annotator', 'status', 'updated_at', 'spans', 'relations']);
    expect(lines[0].updated_at).toBe('2026-01-02T00:00:00.000Z');
  });

  it('gives the same bytes for the same annotations in any input order', () => {
    const a = serializeNativeExport([doc(), doc({ docId: 'sha256:a' })]);
    const reversed = doc();
    reversed.spans = [...reversed.spans].reverse();
    const b = serializeNativeExport([doc({ docId: 'sha256:a' }), reversed]);
    expect(a).toBe(b);
    expect(a.endsWith('\n')).toBe(true);
  });

  it('escapes quotes, newlines and control characters as JSON and keeps non-ASCII as UTF-8', () => {
    const out = serializeNativeExport([doc({ text: 'a "b"\n\t\u0001c' , spans: [span('s1', 'a "b"\n\t\u0001c', 2, 5, 'CLAIM')], relations: [] })]);
    expect(out.split('\n')).toHaveLength(2);
    expect(out).toContain('\\"b\\"');
    expect(out).toContain('\\u0001');
    expect(JSON.parse(out).spans[0].text).toBe('"b"');
    expect(serializeNativeExport([doc()])).toContain('游客');
  });

  it('sorts attribute keys and drops relations whose spans are not exported', () => {
    const d = doc({ spans: [span('s1', text, 0, 4, 'LOC', { z: 1, a: 'x' })] });
    const line = JSON.parse(serializeNativeExport([d]));
    expect(Object.keys(line.spans[0].attrs)).toEqual(['a', 'z']);
    expect(line.relations).toEqual([]);
  });

  it('reads back what it writes', () => {
    const out = serializeNativeExport([doc()]);
    const read = readNativeJsonl(out, 'x.jsonl');
    expect(read.errors).toEqual([]);
    expect(read.lines[0]!.value.spans).toHaveLength(3);
  });
});
