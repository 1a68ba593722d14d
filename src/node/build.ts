// Builds the UI on first use, so `marginalia serve` works right after `npm install` without a separate build step.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { appRoot, rendererDir } from './app-paths';

/** Builds with electron-vite when the built UI is missing; returns an error message when that fails. */
export function ensureBuilt(log: (line: string) => void): string | null {
  if (existsSync(path.join(rendererDir(), 'index.html')) && existsSync(path.join(appRoot(), 'out', 'main', 'index.js'))) return null;
  const bin = path.join(appRoot(), 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(bin)) return 'the UI is not built and electron-vite is not installed: run `npm install`, then `npm run build`';
  log('Building the UI once (electron-vite build)…');
  const run = spawnSync(process.execPath, [bin, 'build'], { cwd: appRoot(), stdio: ['ignore', 'ignore', 'inherit'] });
  return run.status === 0 ? null : 'the build failed (see above); try `npm run build`';
}
