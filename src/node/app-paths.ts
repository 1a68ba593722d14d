// Where the installed app's own files are: the built UI, the main process, the sample corpus.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this module that holds package.json (works from src/ and from out/). */
export function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the Marginalia package root');
    dir = up;
  }
  return dir;
}

/** The built UI served by both hosts. */
export const rendererDir = () => path.join(appRoot(), 'out', 'renderer');

/** The corpus that `marginalia start` opens when none is given. */
export const sampleCorpusDir = () => path.join(appRoot(), 'resources', 'sample-corpus');
