// `convert --to hf` on worker threads writes the same bytes, warnings and errors as on one thread, and as the
// straightforward record (JSON.stringify of toHfRecord) would: on CJK, emoji, ZWJ sequences, Extension B, combining marks, CRLF.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command } from './convert';
import { runCommand } from '../../../test/fixtures/cli';
import { compareLines, compareSpans, serializeNativeLine, type NativeLine, type NativeSpan } from '../../core/format/native';
import { TagSet, defaultLabelOrder } from '../../core/format/hf';
import { bioTags } from '../../core/format/bio';
import { wordTokens, type ZhTokens } from '../../core/format/tokens';
import { normalizeText } from '../../core/model/text';
import { prng } from '../../core/model/prng';

const PIECES = [
  'Shanghai', "GDP grew 5.2% in 2023", 'the U.S. said', ' ', ' ', '\r\n', '\n', '. ', ', ',
  '上海市统计局', '增长9.5%', '。', '，', '２０２３年', '𠀀𠀁', '𪚥', '😀', '👨‍👩‍👧', '🇨🇳', '👍🏽',
  'e\u0301', 'café', 'naïve', 'नमस्ते', '\u3000', '“引号”', "don't",
];
/** Labels of the default schema, and two that are not: their tag ids are appended in the order they first tag a token. */
const LABELS = ['CLAIM', 'FIGURE', 'ORG', 'LOC', 'ZETA', 'ALPHA'];

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A valid native line with random text and random spans (some inside tokens, some overlapping: warned about). */
function randomLine(next: () => number, n: number): NativeLine {
  let raw = '';
  const len = 20 + Math.floor(next() * 120);
  for (let i = 0; i < len; i++) raw += PIECES[Math.floor(next() * PIECES.length)];
  const text = normalizeText(raw);
  const cps = Array.from(text);
  const spans: NativeSpan[] = [];
  const count = Math.floor(next() * 8);
  for (let k = 0; k < count; k++) {
    const start = Math.floor(next() * (cps.length - 1));
    const end = Math.min(cps.length, start + 1 + Math.floor(next() * 12));
    // Unknown labels only from the 20th line on, so their ids depend on the lines before.
    const label = LABELS[Math.floor(next() * (n < 20 ? 4 : LABELS.length))]!;
    spans.push({ id: `s${k}`, start, end, label, text: cps.slice(start, end).join(''), attrs: {} });
  }
  spans.sort(compareSpans);
  return {
    format: 'marginalia/1',
    doc_id: `sha256:${sha256(text)}`,
    source: `doc${n}.txt`,
    text,
    annotator: 'alice',
    status: 'done',
    updated_at: '2026-01-15T10:00:00.000Z',
    spans,
    relations: [],
  };
}

/** One record of the token classification JSONL. */
interface HfRecord {
  /** `doc_id/annotator`. */
  id: string;
  tokens: string[];
  ner_tags: number[];
}

  /** The straightforward record, as the exporter built it before it was split for threads: an object, then JSON.stringify. */
function toHfRecord(line: NativeLine, tags: TagSet, zh: ZhTokens = 'chars'): HfRecord {
  const tokens = wordTokens(line.text!, undefined, zh);
  const { tags: bio } = bioTags(tokens, line.spans, { docId: line.doc_id, annotator: line.annotator });
  return { id: `${line.doc_id}/${line.annotator}`, tokens: tokens.map((t) => t.text), ner_tags: bio.map((t) => tags.id(t)) };
}

let dir: string;
let lines: NativeLine[];
let src: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-hf-jobs-'));
  const next = prng(14);
  const byId = new Map<string, NativeLine>();
  for (let n = 0; n < 120; n++) {
    const l = randomLine(next, n);
    byId.set(l.doc_id, l);
  }
  lines = [...byId.values()].sort(compareLines);
  src = join(dir, 'native.jsonl');
  await writeFile(src, lines.map((l) => serializeNativeLine(l) + '\n').join(''));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function hf(out: string, ...args: string[]): Promise<{ code: number; err: string; data: string; labels: string }> {
  const { code, err } = await runCommand(command, [src, '--to', 'hf', '--out', join(dir, out, 'hf.jsonl'), '--quiet', ...args]);
  return { code, err, data: await readFile(join(dir, out, 'hf.jsonl'), 'utf8'), labels: await readFile(join(dir, out, 'labels.json'), 'utf8') };
}

describe('convert --to hf --jobs', () => {
  it('writes on 3 worker threads the bytes one thread writes, and the records of JSON.stringify(toHfRecord(line))', async () => {
    const one = await hf('one', '--jobs', '1');
    const three = await hf('three', '--jobs', '3');
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    // The straightforward reference: each record built as an object and stringified, tag ids from one TagSet in line order.
    const tags = new TagSet(defaultLabelOrder({}));
    const reference = lines.map((l) => JSON.stringify(toHfRecord(l, tags)) + '\n').join('');
    expect(one.data).toBe(reference);
    expect(three.data).toBe(reference);
    expect(three.labels).toBe(one.labels);
    expect(JSON.parse(one.labels)).toEqual(tags.names);
    // Labels outside the schema were met, so the test covers ids given in line order.
    expect(tags.names).toContain('B-ZETA');
    expect(three.err.replace('/three/', '/one/')).toBe(one.err);
    expect(one.err).toMatch(/warning: .*not tagged/);
  });

  it('keeps ICU words under --zh-tokens words, on one thread and on three: the records of toHfRecord(line) with words', async () => {
    const one = await hf('words1', '--jobs', '1', '--zh-tokens', 'words');
    const three = await hf('words3', '--jobs', '3', '--zh-tokens', 'words');
    const chars = await hf('chars1', '--jobs', '1');
    expect(one.code).toBe(0);
    const tags = new TagSet(defaultLabelOrder({}));
    const reference = lines.map((l) => JSON.stringify(toHfRecord(l, tags, 'words')) + '\n').join('');
    expect(one.data).toBe(reference);
    expect(three.data).toBe(reference);
    expect(three.err.replace('/words3/', '/words1/')).toBe(one.err);
    // The option changes the Chinese tokens (ICU's 上海市 against 上, 海, 市), so the test tells the modes apart.
    expect(one.data).toContain('"上海市"');
    expect(chars.data).not.toContain('"上海市"');
    expect(chars.data).toContain('"上","海","市"');
  });

  it('passes --labels, --alignment and --locale to the threads: the same bytes and warnings as one thread', async () => {
    const opts = ['--labels', 'ZETA,FIGURE', '--alignment', 'expand', '--locale', 'zh'];
    const one = await hf('opt1', '--jobs', '1', ...opts);
    const two = await hf('opt2', '--jobs', '2', ...opts);
    expect(one.code).toBe(0);
    expect(two.data).toBe(one.data);
    expect(two.labels).toBe(one.labels);
    expect(JSON.parse(one.labels)).toEqual(['O', 'B-ZETA', 'I-ZETA', 'B-FIGURE', 'I-FIGURE']);
    expect(two.err.replace('/opt2/', '/opt1/')).toBe(one.err);
    expect(one.err).toMatch(/alignment expand/);
  });

  it('stops at the same line, with the same message, when a line cannot be converted; --skip-invalid leaves out the same line', async () => {
    const broken = [...lines];
    const { text: _text, ...withoutText } = broken[50]!;
    broken[50] = withoutText as NativeLine;
    await writeFile(src, broken.map((l) => serializeNativeLine(l) + '\n').join(''));
    try {
      const run = (jobs: string, ...more: string[]) => runCommand(command, [src, '--to', 'hf', '--out', join(dir, `b${jobs}${more.length}`, 'hf.jsonl'), '--quiet', '--jobs', jobs, ...more]);
      const [one, two] = [await run('1'), await run('2')];
      expect(one.code).toBe(1);
      expect(two.code).toBe(1);
      expect(two.err).toBe(one.err);
      expect(one.err).toMatch(/:51: .*has no text/);
      const [s1, s2] = [await run('1', '--skip-invalid'), await run('2', '--skip-invalid')];
      expect(s1.code).toBe(0);
      expect(s2.err.replace('/b21/', '/b11/')).toBe(s1.err);
      expect(await readFile(join(dir, 'b21', 'hf.jsonl'), 'utf8')).toBe(await readFile(join(dir, 'b11', 'hf.jsonl'), 'utf8'));
    } finally {
      await writeFile(src, lines.map((l) => serializeNativeLine(l) + '\n').join(''));
    }
  });
});
