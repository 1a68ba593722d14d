#!/usr/bin/env node
// The `marginalia` command: runs the TypeScript CLI through tsx, so it works right after `npm install`, before any
// build; the corpus commands run from an esbuild bundle cached in node_modules/.cache instead while it matches the sources.
//
// Why: loading the CLI through tsx costs about 0.3 CPU seconds a run (its loader thread answers each import), which
// was a sixth of `convert --to hf` of a 50 MB export; the bundle loads in a tenth of that. The bundle is rebuilt when
// any file it was built from has changed (size or modification time), and tsx is used whenever it cannot be built,
// read or trusted; MARGINALIA_NO_BUNDLE=1 always uses tsx.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'marginalia-cli');
const POINTER = path.join(CACHE, 'current.json');
/**
 * Commands run from the bundle: the corpus-scale ones, which find no file by their own location (`start` and
 * `serve` locate the built app from their module's path, which the bundle would move).
 */
const BUNDLED_COMMANDS = new Set(['convert', 'validate', 'merge', 'agreement']);
/** Builds left by earlier runs are removed once this old (a run still using one has long finished). */
const STALE_BUILD_MS = 60 * 60 * 1000;

/**
 * The size and modification time of each file, or null if one cannot be read.
 * @param {string[]} files paths relative to ROOT
 * @returns {Record<string, string> | null}
 */
function fingerprints(files) {
  /** @type {Record<string, string>} */
  const out = {};
  try {
    for (const f of files) {
      const s = statSync(path.join(ROOT, f));
      out[f] = `${s.size}:${s.mtimeMs}`;
    }
  } catch {
    return null;
  }
  return out;
}

/**
 * The entry of the cached bundle if every file it was built from is as it was then, else null.
 * @returns {string | null}
 */
function freshBundle() {
  try {
    const pointer = JSON.parse(readFileSync(POINTER, 'utf8'));
    const now = fingerprints(Object.keys(pointer.inputs));
    if (!now) return null;
    for (const [f, print] of Object.entries(pointer.inputs)) if (now[f] !== print) return null;
    return path.join(CACHE, pointer.dir, 'main.js');
  } catch {
    return null;
  }
}

/**
 * Builds the bundle (the CLI and the hf worker thread, split into chunks so each command loads only its own code) and
 * points the cache at it; returns its entry, or null if it could not be built or a source changed while it was.
 * @returns {Promise<string | null>}
 */
async function buildBundle() {
  try {
    const esbuild = await import('esbuild');
    const started = Date.now();
    const dir = `build-${started}-${process.pid}`;
    const outdir = path.join(CACHE, dir);
    mkdirSync(outdir, { recursive: true });
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['src/cli/main.ts', 'src/cli/hf-worker.ts'],
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = fingerprints(Object.keys(result.metafile.inputs));
    // A source saved during the build may or may not be in it: not trusted, tsx this time.
    if (!inputs || Object.values(inputs).some((p) => Number(p.split(':')[1]) >= started)) return null;
    const tmp = `${POINTER}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ dir, inputs }));
    renameSync(tmp, POINTER);
    removeOldBuilds(dir);
    return path.join(outdir, 'main.js');
  } catch {
    return null;
  }
}

/**
 * Removes earlier builds that no run can still be loading.
 * @param {string} keep the current build's folder
 */
function removeOldBuilds(keep) {
  for (const name of readdirSync(CACHE)) {
    if (!name.startsWith('build-') || name === keep) continue;
    const full = path.join(CACHE, name);
    try {
      if (Date.now() - statSync(full).mtimeMs > STALE_BUILD_MS) rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/**
 * The CLI's `main`: from the bundle for the corpus commands when it can be had, else through tsx.
 * @param {string[]} argv
 * @returns {Promise<(argv: string[]) => Promise<number>>}
 */
async function loadMain(argv) {
  if (BUNDLED_COMMANDS.has(argv[0] ?? '') && process.env.MARGINALIA_NO_BUNDLE !== '1') {
    const entry = freshBundle() ?? (await buildBundle());
    try {
      if (entry) return (await import(pathToFileURL(entry).href)).main;
    } catch {
      // A bundle that cannot be loaded (removed, half written): tsx.
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

const argv = process.argv.slice(2);
const main = await loadMain(argv);
process.exitCode = await main(argv);
