// Bundles the benchmark's browser-side code (bench/peers/*.ts: the probe, the store page, the peers'
// pages) with esbuild into scratch files, so the pages load one plain script with no dev server.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BENCH, RUN_TMP } from './paths';

/** Where bundles go. */
export const BUNDLES = path.join(RUN_TMP, 'bundles');

/**
 * Bundles `bench/peers/<entry>` into an IIFE for the browser and returns the output path (a .js file,
 * and a .css file beside it when the entry imports CSS). Production mode, not minified, so that a
 * profile names the functions.
 */
export async function bundle(entry: string): Promise<string> {
  const esbuild = await import('esbuild');
  mkdirSync(BUNDLES, { recursive: true });
  const outfile = path.join(BUNDLES, entry.replace(/\.tsx?$/, '.js'));
  await esbuild.build({
    entryPoints: [path.join(BENCH, 'peers', entry)],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    minify: false,
    sourcemap: false,
  });
  return outfile;
}
