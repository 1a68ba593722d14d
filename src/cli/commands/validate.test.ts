// `marginalia validate` on every bad input we could think of: each reported as FILE:LINE: message, all of them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command } from './validate';
import { runCommand } from '../../../test/fixtures/cli';
import { buildCorpus, corpusJsonl } from '../../../test/fixtures/format/corpus';
import type { NativeLine } from '../../core/format/native';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-validate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command, returning its exit code and the lines it printed on stdout (the problems). */
async function run(...args: string[]): Promise<{ code: number; out: string[] }> {
  const { code, out } = await runCommand(command, args);
  return { code, out: out.split('\n').filter(Boolean) };
}

/** Writes a file named `name` and returns its path. */
async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** A fresh copy of a valid corpus line (the English one: spans, relations, attributes). */
function good(): NativeLine {
  return JSON.parse(JSON.stringify(buildCorpus().find((l) => l.source === 'reports/shanghai-gdp.txt'))) as NativeLine;
}
const asLine = (v: unknown) => JSON.stringify(v) + '\n';

describe('marginalia validate', () => {
  it('passes the fixture corpus with exit 0 and prints nothing', async () => {
    const path = await file('good.jsonl', corpusJsonl());
    expect(await run(path)).toEqual({ code: 0, out: [] });
  });

  const cases: Array<{ name: string; content: () => string | Uint8Array; args?: string[]; expect: RegExp[] }> = [
    {
      name: 'malformed-json',
      content: () => asLine(good()) + '{"format": "marginalia/1", "doc_id": \n',
      expect: [/^FILE:2: not valid JSON: /],
    },
    {
      name: 'missing-field',
      content: () => {
        const l = good() as unknown as { status?: string; spans: Array<{ label?: string }> };
        delete l.status;
        delete l.spans[0]!.label;
        return asLine(l);
      },
      expect: [/^FILE:1: line: missing field "status"$/, /^FILE:1: spans\[0\]: missing field "label"$/],
    },
    {
      name: 'wrong-types',
      content: () => asLine({ ...good(), annotator: 42, spans: [{ ...good().spans[0], start: '0' }], relations: [] }),
      expect: [/^FILE:1: annotator: must be a string$/, /^FILE:1: spans\[0\]\.start: must be an integer$/],
    },
    {
      name: 'out-of-range',
      content: () => {
        const l = good();
        l.spans[8]!.end = 10000;
        return asLine(l);
      },
      expect: [/^FILE:1: spans\[8\] \(id "s-fig4"\): end 10000 is past the end of the text \(196 code points\)$/],
    },
    {
      name: 'text-mismatch',
      content: () => {
        const l = good();
        l.spans[0]!.text = 'Shanghay';
        return asLine(l);
      },
      expect: [/^FILE:1: spans\[0\] \(id "s-loc1"\): text\[0:8\] is "Shanghai" but the span's text is "Shanghay" \(offsets are code points\)$/],
    },
    {
      name: 'start-not-before-end',
      content: () => {
        const l = good();
        l.spans[2]!.start = l.spans[2]!.end;
        return asLine(l);
      },
      expect: [/^FILE:1: spans\[2\] \(id "s-fig1"\): start 22 must be before end 22$/],
    },
    {
      name: 'duplicate-span-ids',
      content: () => {
        const l = good();
        l.spans[3]!.id = l.spans[0]!.id;
        return asLine(l);
      },
      expect: [/^FILE:1: spans\[3\]: duplicate span id "s-loc1" \(first at spans\[0\]\)$/],
    },
    {
      name: 'dangling-relation',
      content: () => {
        const l = good();
        l.relations[0]!.tail = 'nope';
        return asLine(l);
      },
      expect: [/^FILE:1: relations\[0\] \(id "r-cites1"\): tail "nope" is not the id of a span of this line$/],
    },
    {
      name: 'duplicate-line',
      content: () => asLine(good()) + asLine(good()),
      expect: [/^FILE:2: duplicate line for doc_id sha256:[0-9a-f]{64} and annotator "alice" \(first at line 1\)$/],
    },
    {
      name: 'newer-version',
      content: () => asLine(good()) + asLine({ ...good(), format: 'marginalia/2', annotator: 'bob', spans: 'whatever' }),
      expect: [/^FILE:2: format "marginalia\/2" is newer than this reader \(marginalia\/1\): update Marginalia to read this line$/],
    },
    {
      name: 'proto-key',
      content: () => {
        const l = JSON.stringify(good());
        // Written by hand: JSON.stringify would never emit a __proto__ key from an object literal.
        return l.replace('{"format"', '{"__proto__":{"polluted":true},"format"').replace('"attrs":{"checkworthy"', '"attrs":{"__proto__":"x","checkworthy"') + '\n';
      },
      expect: [/^FILE:1: line: key "__proto__" is not allowed/, /^FILE:1: spans\[1\]\.attrs: key "__proto__" is not allowed/],
    },
    {
      name: 'over-long-line',
      content: () => asLine(good()) + asLine({ ...good(), annotator: 'bob', text: 'x'.repeat(5000) }) + asLine({ ...good(), annotator: 'carol' }),
      args: ['--max-line-bytes', '4096'],
      expect: [/^FILE:2: line is longer than 4096 bytes, the limit; it was skipped$/],
    },
    {
      name: 'empty-file',
      content: () => '',
      expect: [/^FILE:0: the file is empty/],
    },
    {
      name: 'bom',
      content: () => '\ufeff' + asLine(good()),
      expect: [/^FILE:1: the file starts with a UTF-8 byte order mark/],
    },
    {
      name: 'invalid-utf8',
      content: () => Buffer.concat([Buffer.from(asLine(good())), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a])]),
      expect: [/^FILE:2: line is not valid UTF-8$/],
    },
    {
      name: 'doc-id-mismatch',
      content: () => asLine({ ...good(), doc_id: `sha256:${'0'.repeat(64)}` }),
      expect: [/^FILE:1: doc_id is not the SHA-256 of the line's text \(that would be sha256:[0-9a-f]{64}\)$/],
    },
    {
      name: 'not-an-object',
      content: () => '[1, 2, 3]\n',
      expect: [/^FILE:1: a line must be a JSON object$/],
    },
    {
      name: 'carriage-return',
      content: () => {
        const l = good();
        l.text = l.text!.replace('\n', '\r\n');
        return asLine(l);
      },
      expect: [/^FILE:1: text contains a carriage return/],
    },
  ];

  it.each(cases)('reports $name with FILE:LINE and exits 1', async (c) => {
    const path = await file(`${c.name}.jsonl`, c.content());
    const { code, out } = await run(...(c.args ?? []), path);
    expect(code).toBe(1);
    const lines = out.map((l) => l.replace(path, 'FILE'));
    for (const re of c.expect) expect(lines.some((l) => re.test(l)), `${re} in\n${lines.join('\n')}`).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports every problem of every line, not just the first', async () => {
    const a = good();
    a.spans[8]!.end = 10000;
    a.spans[1]!.text = 'nope';
    const b = { ...good(), annotator: 'bob', status: 'finished' };
    const path = await file('many.jsonl', asLine(a) + 'not json\n' + asLine(b));
    const { code, out } = await run(path);
    expect(code).toBe(1);
    expect(out.map((l) => l.replace(path, 'FILE').split(': ')[0])).toEqual(['FILE:1', 'FILE:1', 'FILE:2', 'FILE:3']);
  });

  it('warns about order and blank lines without failing the file', async () => {
    const lines = buildCorpus();
    const path = await file('unsorted.jsonl', asLine(lines[2]) + '\n' + asLine(lines[0]));
    const { code, out } = await run(path);
    expect(code).toBe(0);
    expect(out.map((l) => l.replace(path, 'FILE'))).toEqual([
      'FILE:2: warning: blank line: a reader that calls json.loads on every line fails here',
      expect.stringMatching(/^FILE:3: warning: lines are not in the order doc_id, annotator \(this line sorts before line 1\)/),
    ]);
  });

  it('checks several files and exits 1 if any is invalid; a missing file is an error at line 0', async () => {
    const ok = await file('ok.jsonl', corpusJsonl());
    const missing = join(dir, 'missing.jsonl');
    const { code, out } = await run(ok, missing);
    expect(code).toBe(1);
    expect(out).toEqual([`${missing}:0: cannot read the file: ENOENT`]);
  });

  it('exits 2 on usage errors', async () => {
    await expect(command.run([])).rejects.toThrow(/name at least one file/);
    await expect(command.run(['--max-line-bytes', 'x', 'a'])).rejects.toThrow(/positive whole number/);
  });
});
