// What the figures were measured on and with: the machine, its load, and the versions of everything
// measured, so that a figure in latest.json can be traced to the code and the computer that made it.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH, ROOT } from './paths';

/** The machine, as far as Node can tell. */
export function machineInfo(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    memoryGB: Math.round(os.totalmem() / 1e8) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

function versionOf(dir: string): string | null {
  const file = path.join(dir, 'package.json');
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? null : null;
  } catch {
    return null;
  }
}

/** Read-only git: the commit measured and whether the work tree differed from it. */
function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Versions of Marginalia and of the libraries whose speed the figures depend on. */
export function versions(): Record<string, string | boolean | null> {
  const nm = (name: string) => versionOf(path.join(ROOT, 'node_modules', name));
  const bnm = (name: string) => versionOf(path.join(BENCH, 'node_modules', name));
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return {
    marginalia: versionOf(ROOT),
    gitCommit: git(['rev-parse', 'HEAD']),
    gitDirty: status === null ? null : status.length > 0,
    'prosemirror-view': nm('prosemirror-view'),
    'prosemirror-model': nm('prosemirror-model'),
    react: nm('react'),
    'react-dom': nm('react-dom'),
    dexie: nm('dexie'),
    '@playwright/test': nm('@playwright/test'),
    '@recogito/text-annotator': bnm('@recogito/text-annotator'),
    '@heartexlabs/label-studio': bnm('label-studio-frontend'),
    esbuild: bnm('esbuild'),
  };
}
