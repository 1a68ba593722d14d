#!/usr/bin/env node
// `npm run bench`: installs the benchmark's own dependencies (bench/package.json) on first use, then runs
// the harness (bench/run.ts) through tsx with the arguments given, e.g. `npm run bench -- --smoke`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bench = path.join(root, 'bench');

/** True when every dependency of bench/package.json is in bench/node_modules. */
function installed() {
  const pkg = JSON.parse(readFileSync(path.join(bench, 'package.json'), 'utf8'));
  return Object.keys(pkg.dependencies ?? {}).every((name) => existsSync(path.join(bench, 'node_modules', name, 'package.json')));
}

if (!installed()) {
  process.stderr.write('bench: installing the benchmark dependencies (npm install --prefix bench)…\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--prefix', bench, '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write('bench: could not install bench/ dependencies; run `npm install --prefix bench` and try again\n');
    process.exit(1);
  }
}

const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const run = spawnSync(process.execPath, [tsx, path.join(bench, 'run.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
