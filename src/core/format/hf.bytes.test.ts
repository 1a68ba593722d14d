// hf's fast path (tokens as a table, JSON written into one reused buffer) against the straightforward one: token
// objects, BIO tag strings and JSON.stringify of the record, on random lines with every character JSON escapes.

import { describe, expect, it } from 'vitest';
import { TagSet, defaultLabelOrder, hfLinePart, hfRecordText } from './hf';
import { bioTags } from './bio';
import { wordTokens, type ZhTokens } from './tokens';
import { TokenTable } from './token-table';
import { idList, tokensJson } from './json-text';
import type { NativeLine, NativeSpan } from './native';
import type { Alignment, ConvertWarning } from './convert-types';
import { prng } from '../model/prng';

const PIECES = [
  'Shanghai', 'GDP grew 5.2% in 2023', ' ', ' ', '\r\n', '\n', '\t', '. ', ', ', 'x', '_',
  '"', '\\', '"quoted"', 'a\\b', '\u0000', '\u0001', '\u0007', '\b', '\u001f', '\u007f', '\u2028', '\u2029', '\ufeff',
  '\ud800', '\udc00', 'a\ud83dz', '\ude00b', // lone surrogates: JSON.stringify escapes them
  '上海市统计局', '增长9.5%', '。', '，', '２０２３年', '𠀀𠀁', '𪚥', '😀', '👨‍👩‍👧', '🇨🇳', '👍🏽', 'e\u0301', 'café', 'नमस्ते', '\u3000', '“引号”', "don't", 'カタカナ',
];
const LABELS = ['CLAIM', 'FIGURE', 'ORG', 'ZETA', 'Ü名'];

function randomLine(next: () => number, n: number): NativeLine {
  let text = '';
  const len = 1 + Math.floor(next() * (n % 7 === 0 ? 400 : 40));
  for (let i = 0; i < len; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  const cps = Array.from(text);
  const spans: NativeSpan[] = [];
  for (let k = Math.floor(next() * 10); k > 0; k--) {
    const start = Math.floor(next() * Math.max(1, cps.length - 1));
    const end = Math.min(cps.length, start + 1 + Math.floor(next() * 15));
    spans.push({ id: `s${k}`, start, end, label: LABELS[Math.floor(next() * LABELS.length)]!, text: cps.slice(start, end).join(''), attrs: {} });
  }
  return { format: 'marginalia/1', doc_id: `sha256:${n}`, source: 'a.txt', text, annotator: 'al"ice', status: 'done', updated_at: '2026-01-01T00:00:00Z', spans, relations: [] };
}

/** The straightforward record: token objects, tag strings, then JSON.stringify. */
function reference(line: NativeLine, tags: TagSet, zh: ZhTokens, alignment: Alignment, warn: (w: ConvertWarning) => void): string {
  const tokens = wordTokens(line.text!, undefined, zh);
  const { tags: bio } = bioTags(tokens, line.spans, { docId: line.doc_id, annotator: line.annotator, alignment, warn });
  return JSON.stringify({ id: `${line.doc_id}/${line.annotator}`, tokens: tokens.map((t) => t.text), ner_tags: bio.map((t) => tags.id(t)) }) + '\n';
}

describe('hf records written from the token table', () => {
  it('are the bytes and warnings of JSON.stringify over token objects, on 1,500 random lines (escapes, lone surrogates, CJK, emoji, CRLF)', () => {
    const next = prng(2027);
    for (const zh of ['chars', 'words'] as const) {
      for (const alignment of ['strict', 'expand', 'contract'] as const) {
        const fast = new TagSet(defaultLabelOrder({}));
        const slow = new TagSet(defaultLabelOrder({}));
        for (let n = 0; n < 250; n++) {
          const line = randomLine(next, n);
          const got: ConvertWarning[] = [];
          const want: ConvertWarning[] = [];
          const record = hfRecordText(hfLinePart(line, { zhTokens: zh, alignment, warn: (w) => got.push(w) }), fast);
          expect(record, JSON.stringify(line.text)).toBe(reference(line, slow, zh, alignment, (w) => want.push(w)));
          expect(got).toEqual(want);
        }
        expect(fast.names).toEqual(slow.names);
      }
    }
  });

  it('tokensJson and idList write what JSON.stringify writes, past the first size of the reused buffer', () => {
    const texts = ['"', '\\', '\u0000\u001f\b\f', '\ud800', 'a\udc00', '😀', '\u2028\u007f', 'plain', '中文'];
    // 80,000 escaped units need more than the buffer's first 65,536.
    const long = Array.from({ length: 20_000 }, (_, i) => texts[i % texts.length]!);
    for (const list of [texts, long, []]) {
      expect(tokensJson(TokenTable.of(list.map((text) => ({ text, start: 0, end: 0 }))))).toBe(JSON.stringify(list));
    }
    const ids = [0, 7, 10, 99, 100, 12345];
    const codes = Uint32Array.from({ length: 30_000 }, (_, i) => (i * 7) % ids.length);
    expect(`[${idList(codes, ids)}]`).toBe(JSON.stringify(Array.from(codes, (c) => ids[c])));
    expect(idList([], ids)).toBe('');
  });

  it('after a very long document (buffers grown past what is kept), a short one is still written right', () => {
    const tags = new TagSet([]);
    const short = randomLine(prng(5), 7);
    const before = hfRecordText(hfLinePart(short), tags);
    // 2 million tokens (past the table's shrink point) and 9 million units of JSON (past the buffer's), \" each.
    const long: NativeLine = { ...short, text: 'a '.repeat(1_100_000) + '"'.repeat(900_000), spans: [] };
    const record = hfRecordText(hfLinePart(long), tags);
    expect(record.length).toBeGreaterThan(9_000_000);
    expect(JSON.parse(record).tokens).toHaveLength(2_000_000);
    expect(hfRecordText(hfLinePart(short), tags)).toBe(before);
    expect(tokensJson(TokenTable.of([{ text: '"x"', start: 0, end: 3 }]))).toBe('["\\"x\\""]');
  });
});
