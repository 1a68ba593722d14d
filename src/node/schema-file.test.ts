import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../core/model/schema';
import { readSchemaFile, writeSchemaFile } from './schema-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-schema-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the schema file', () => {
  it('is absent until written, then read back as written', async () => {
    expect(await readSchemaFile(dir)).toMatchObject({ exists: false, schema: null, errors: [] });
    await writeSchemaFile(dir, DEFAULT_SCHEMA);
    expect((await readSchemaFile(dir)).schema).toEqual(DEFAULT_SCHEMA);
  });

  it('reports invalid JSON and invalid fields by name, and is not used', async () => {
    await writeFile(path.join(dir, 'schema.json'), '{"version":1,');
    expect((await readSchemaFile(dir)).errors[0]).toMatch(/^schema.json: not valid JSON/);
    const bad = JSON.parse(JSON.stringify(DEFAULT_SCHEMA));
    bad.labels[1].hotkey = 'c';
    await writeFile(path.join(dir, 'schema.json'), JSON.stringify(bad));
    const read = await readSchemaFile(dir);
    expect(read).toMatchObject({ exists: true, schema: null });
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]).toMatch(/^schema\.json: labels\[1\]\.hotkey: "c" is already/);
  });

  it('refuses to write an invalid schema and keeps the good file', async () => {
    await writeSchemaFile(dir, DEFAULT_SCHEMA);
    await expect(writeSchemaFile(dir, { version: 1, labels: [] })).rejects.toThrow(/^the schema was not saved: labels: /);
    expect(JSON.parse(await readFile(path.join(dir, 'schema.json'), 'utf8'))).toEqual(DEFAULT_SCHEMA);
  });
});
