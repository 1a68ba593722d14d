// Reads and writes a corpus's label schema, `.marginalia/schema.json`, through the validator: a bad file is reported, never used.

import path from 'node:path';
import { ApiError, type SchemaRead } from '../core/ipc/contract';
import { validateSchema } from '../core/model/schema-validate';
import { readDataFile, writeDataFile } from './files';

/** The schema file's name inside `.marginalia/`. */
export const SCHEMA_FILE = 'schema.json';

/** Reads and validates the schema file in `marginaliaDir`. */
export async function readSchemaFile(marginaliaDir: string): Promise<SchemaRead> {
  const file = path.join(marginaliaDir, SCHEMA_FILE);
  let text: string;
  try {
    text = await readDataFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path: file, exists: false, schema: null, errors: [] };
    const why = e instanceof ApiError ? e.message : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    return { path: file, exists: true, schema: null, errors: [`${SCHEMA_FILE}: cannot be read (${why})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { path: file, exists: true, schema: null, errors: [`${SCHEMA_FILE}: not valid JSON (${(e as Error).message})`] };
  }
  const result = validateSchema(json);
  return result.ok
    ? { path: file, exists: true, schema: result.schema, errors: [] }
    : { path: file, exists: true, schema: null, errors: result.errors.map((e) => `${SCHEMA_FILE}: ${e}`) };
}

/** Validates `schema` and writes it atomically; refuses an invalid one with every bad field named. */
export async function writeSchemaFile(marginaliaDir: string, schema: unknown): Promise<{ path: string }> {
  const result = validateSchema(schema);
  if (!result.ok) throw new ApiError('bad-request', `the schema was not saved: ${result.errors.join('; ')}`);
  const file = path.join(marginaliaDir, SCHEMA_FILE);
  try {
    await writeDataFile(file, JSON.stringify(result.schema, null, 2) + '\n');
  } catch (e) {
    throw new ApiError('io', `could not write ${file}: ${(e as Error).message}`);
  }
  return { path: file };
}
