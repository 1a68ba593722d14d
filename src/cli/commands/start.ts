// `marginalia start`: the Electron app, or the browser mode with one clear line where Electron's binary cannot be had.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appRoot } from '../../node/app-paths';
import { ensureBuilt } from '../../node/build';
import type { Command } from '../command';
import { parseServeArgs, serve } from './serve';

const USAGE = `Usage: marginalia start [--corpus DIR] [--port N] [--no-open]

Opens the desktop app on the corpus (default: the bundled sample corpus). Electron's
binary is fetched on first launch; where it cannot be had, the browser mode starts
instead (the options then apply to it, as for 'marginalia serve').`;

/** Longest wait for Electron's first-launch download before falling back: 5 minutes is a slow line, not a dead one. */
const DOWNLOAD_TIMEOUT_MS = 5 * 60 * 1000;

/** The Electron executable, fetching it once if the package has not yet; a reason when it cannot be had. */
export function electronBinary(): { path: string } | { reason: string } {
  const pkgDir = path.join(appRoot(), 'node_modules', 'electron');
  if (!existsSync(path.join(pkgDir, 'package.json'))) return { reason: 'the electron package is not installed' };
  const find = (): string | null => {
    const pathFile = path.join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const rel = readFileSync(pathFile, 'utf8').trim();
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
    const exe = path.join(dist, rel);
    return existsSync(exe) ? exe : null;
  };
  const found = find();
  if (found) return { path: found };
  // Never `require('electron')` here: on a machine without the binary it starts a download we cannot bound.
  const run = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_MS });
  const after = find();
  if (after) return { path: after };
  return { reason: run.error ? `its download did not finish (${run.error.message})` : 'its download failed (no network access to its release host?)' };
}

export const command: Command = {
  summary: 'open the desktop app',
  usage: USAGE,
  async run(args) {
    const opts = parseServeArgs(args);
    const electron = electronBinary();
    if ('reason' in electron) {
      process.stdout.write(`Electron's binary is not available (${electron.reason}); starting the browser mode instead.\n`);
      return serve(opts);
    }
    const buildError = ensureBuilt((l) => process.stderr.write(l + '\n'));
    if (buildError) {
      process.stderr.write(`marginalia start: ${buildError}\n`);
      return 1;
    }
    const env: NodeJS.ProcessEnv = { ...process.env, MARGINALIA_CORPUS: path.resolve(opts.corpus) };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(electron.path, [appRoot()], { stdio: 'inherit', env });
    return new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
  },
};
