// The schema check runs ajv's standalone code (src/core/format/native-schema.compiled.ts), since the renderer's
// CSP forbids the `new Function` ajv compiles with: this test regenerates it from native.schema.json and fails when
// the committed module is stale (MARGINALIA_UPDATE_SCHEMA=1 rewrites it), and compares it with ajv compiling at run time.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import schema from '../core/format/native.schema.json' with { type: 'json' };
import { schemaProblems } from '../core/format/native-schema';
import { validate as compiled } from '../core/format/native-schema.compiled';

/** ajv's options, as native-schema.ts used them when it compiled at run time. */
const OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;

/** ajv's one runtime helper the code needs (code point length for minLength), inlined: the module imports nothing. */
const UCS2LENGTH = `function ucs2length(str) { const len = str.length; let length = 0; let pos = 0; let value; while (pos < len) { length++; value = str.charCodeAt(pos++); if (value >= 0xd800 && value <= 0xdbff && pos < len) { value = str.charCodeAt(pos); if ((value & 0xfc00) === 0xdc00) pos++; } } return length; }`;

function generated(): string {
  const ajv = new Ajv({ ...OPTIONS, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(schema)).replace(/require\("ajv\/dist\/runtime\/ucs2length"\)\.default/g, 'ucs2length');
  return [
    '// GENERATED from native.schema.json by src/cli/native-schema-compiled.test.ts (MARGINALIA_UPDATE_SCHEMA=1 npx vitest run',
    "// src/cli/native-schema-compiled.test.ts): ajv's standalone validator, so no `new Function` runs (the renderer's CSP forbids it).",
    '/* eslint-disable */',
    '// @ts-nocheck',
    // One named export (knip: no default beside it).
    code.replace(/^"use strict";/, '').replace('export const validate = validate10;export default validate10;', 'export const validate = validate10;'),
    UCS2LENGTH,
    '',
  ].join('\n');
}

const PATH = fileURLToPath(new URL('../core/format/native-schema.compiled.ts', import.meta.url));

describe('the precompiled schema validator', () => {
  it('is what ajv generates from native.schema.json today', () => {
    const expected = generated();
    if (process.env.MARGINALIA_UPDATE_SCHEMA) writeFileSync(PATH, expected);
    expect(readFileSync(PATH, 'utf8')).toBe(expected);
    expect(expected).not.toMatch(/require\(/);
  });

  it('finds what ajv compiling at run time finds, on lines that break each rule', () => {
    const runtime = new Ajv(OPTIONS).compile(schema);
    const ok = { format: 'marginalia/1', doc_id: `sha256:${'a'.repeat(64)}`, source: 'a.txt', text: 'abc', annotator: 'x', status: 'done', updated_at: '', spans: [{ id: 's1', start: 0, end: 1, label: 'ORG', text: 'a', attrs: {} }], relations: [] };
    const cases: unknown[] = [
      ok,
      { ...ok, colour: 1 },
      { ...ok, status: 'finished', doc_id: 'x' },
      { ...ok, spans: [{ ...ok.spans[0], label: 'A\tB', start: -1, attrs: { a: [1] } }] },
      { ...ok, spans: [{ ...ok.spans[0], id: '' }], relations: [{ id: 'r', label: 'cites', head: 'constructor', tail: 's1' }] },
      JSON.parse('{"__proto__": 1}'),
      [],
      { ...ok, updated_at: 'yesterday', annotator: 5 },
    ];
    for (const c of cases) {
      const valid = runtime(c);
      expect(compiled(c), JSON.stringify(c)).toBe(valid);
      expect((compiled as unknown as { errors: unknown }).errors ?? null, JSON.stringify(c)).toEqual(runtime.errors ?? null);
      expect(schemaProblems(c).length > 0).toBe(!valid);
    }
    expect(schemaProblems({ ...ok, colour: 1 })).toEqual(['line: unknown field "colour"']);
  });
});
