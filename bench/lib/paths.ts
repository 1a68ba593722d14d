// Where the benchmark's files live: the repository root, bench/, the results and the scratch folder.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/ */
export const BENCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const ROOT = path.dirname(BENCH);
/** Published figures: latest.json and latest.svg. */
export const RESULTS = path.join(BENCH, 'results');
/** Scratch space (git-ignored): generated corpora, bundled pages, smoke results. */
export const TMP = path.join(RESULTS, 'tmp');
/**
 * This process's own scratch folder: two harness runs at once (a smoke test beside a full run) must
 * not share folders that each deletes and rewrites. Removed at the end of the run.
 */
export const RUN_TMP = path.join(TMP, `run-${process.pid}`);
