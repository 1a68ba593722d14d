// The user's encoding choices, per file, in `.marginalia/encodings.json`: user data kept apart from the index
// (a cache that may be deleted), so that deleting the index never loses a choice.

import path from 'node:path';
import { readDataFile, writeDataFile } from './files';

/** The choices file inside a corpus's `.marginalia` folder. */
export const ENCODINGS_FILE = 'encodings.json';

/** Loads the choices: corpus-relative path → WHATWG encoding name. A missing file is no choices; a damaged one is reported. */
export async function loadEncodingChoices(marginaliaDir: string): Promise<{ choices: Map<string, string>; warning?: string }> {
  const choices = new Map<string, string>();
  const file = path.join(marginaliaDir, ENCODINGS_FILE);
  let raw: string;
  try {
    raw = await readDataFile(file);
  } catch {
    return { choices };
  }
  try {
    const v = JSON.parse(raw) as { files?: unknown };
    if (!Array.isArray(v.files)) throw new Error('no "files" list');
    for (const f of v.files as { path?: unknown; encoding?: unknown }[]) {
      if (typeof f?.path === 'string' && typeof f.encoding === 'string') choices.set(f.path, f.encoding);
    }
    return { choices };
  } catch (e) {
    return { choices, warning: `${file} is damaged (${(e as Error).message}): encodings chosen earlier are not applied; fix or delete it` };
  }
}

/** Writes the choices atomically. */
export async function saveEncodingChoices(marginaliaDir: string, choices: Map<string, string>): Promise<void> {
  const files = [...choices].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([p, encoding]) => ({ path: p, encoding }));
  await writeDataFile(path.join(marginaliaDir, ENCODINGS_FILE), JSON.stringify({ version: 1, files }, null, 1) + '\n');
}
