// Makes sure the browser mode serves the code being measured: `marginalia serve` serves out/renderer,
// which only `npm run build` refreshes, so the harness rebuilds it when any UI source is newer.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';

/** The sources the renderer bundle is built from. */
const SOURCES = ['src/renderer', 'src/core'];

function newest(dir: string): number {
  let latest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) latest = Math.max(latest, newest(abs));
    else if (!e.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(abs).mtimeMs);
  }
  return latest;
}

/** What the harness found and did about the built UI. */
export interface BuildState {
  /** True when out/renderer was at least as new as its sources (or was rebuilt). */
  fresh: boolean;
  rebuilt: boolean;
  /** When out/renderer/index.html was written. */
  builtAt: string | null;
  note?: string;
}

/** Rebuilds the UI (electron-vite build, as `npm run build` does) when a source is newer than out/renderer. */
export function ensureFreshUi(allowBuild: boolean, log: (l: string) => void): BuildState {
  const index = path.join(ROOT, 'out', 'renderer', 'index.html');
  const builtAt = () => (existsSync(index) ? new Date(statSync(index).mtimeMs).toISOString() : null);
  const src = Math.max(...SOURCES.map((d) => newest(path.join(ROOT, d))));
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built >= src) return { fresh: true, rebuilt: false, builtAt: builtAt() };
  if (!allowBuild) return { fresh: false, rebuilt: false, builtAt: builtAt(), note: 'out/renderer is older than src/renderer or src/core and --no-build was given: the figures are of the older build' };
  log('bench: the built UI is older than its sources; building it (electron-vite build)');
  const bin = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const run = spawnSync(process.execPath, [bin, 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`electron-vite build failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return { fresh: true, rebuilt: true, builtAt: builtAt() };
}
