// Measures span re-anchoring on synthetic edits of the shared corpus: how many spans land
// where their characters went, how many are orphaned, how many are misplaced (the number
// that must stay at zero). Usage: npx tsx bench/reanchor.ts [--smoke] [--corpus DIR] [--seed N] [--trials N]

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '../src/core/model/text';
import { measureReanchoring, type KindResult } from './reanchor-measure';

/** The three documents the measurement is defined on (English, Chinese, English). */
const DEFAULT_CORPUS = '/work/shared/corpus';
/** Trials per edit kind and document: 10 gives a few thousand spans per kind; the smoke run does 1. */
const TRIALS = 10;
const SMOKE_TRIALS = 1;
/** The seed of the published figures. */
const SEED = 20240305;

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const corpusArg = args.indexOf('--corpus');
const corpus = resolve(corpusArg >= 0 ? args[corpusArg + 1] ?? DEFAULT_CORPUS : DEFAULT_CORPUS);
const seedArg = args.indexOf('--seed');
const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : SEED;
const trialsArg = args.indexOf('--trials');
const trials = trialsArg >= 0 ? Number(args[trialsArg + 1]) : smoke ? SMOKE_TRIALS : TRIALS;
const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
const docs = files.map((f) => normalizeText(readFileSync(join(corpus, f), 'utf8')));

const t0 = performance.now();
const results = measureReanchoring({ docs, trials, seed });
const wall = performance.now() - t0;

const pct = (n: number, of: number): string => (of ? ((100 * n) / of).toFixed(1) : '-').padStart(6);
const rows: string[] = [
  `${'edit'.padEnd(15)} ${'spans'.padStart(6)} ${'right%'.padStart(6)} ${'orph%'.padStart(6)} ${'(gone)'.padStart(6)} ${'misp%'.padStart(6)} ${'exact'.padStart(6)} ${'moved'.padStart(6)} ${'fuzzy'.padStart(6)} ${'µs/span'.padStart(8)}`,
];
for (const r of results) {
  rows.push(
    `${r.kind.padEnd(15)} ${String(r.spans).padStart(6)} ${pct(r.correct, r.spans)} ${pct(r.orphaned, r.spans)} ${pct(r.orphanedGone, r.spans)} ${pct(r.misplaced, r.spans)} ${String(r.status.exact).padStart(6)} ${String(r.status.moved).padStart(6)} ${String(r.status.fuzzy).padStart(6)} ${((1000 * r.ms) / r.spans).toFixed(0).padStart(8)}`,
  );
}
console.log(`re-anchoring on ${files.length} documents (${files.join(', ')}), ${trials} trial(s) per edit kind, seed ${seed}`);
console.log(rows.join('\n'));
console.log('right: placed exactly where the span\'s characters went; orph: orphaned ((gone): all its characters were deleted); misp: placed anywhere else.');
const misplaced = results.filter((r) => r.misplaced > 0);
for (const r of misplaced) console.log(`misplaced in ${r.kind}:`, JSON.stringify(r.examples));
if (r_split(results)) console.log(`split spans (truth undefined, not counted): ${r_split(results)}`);
console.log(`total ${(wall / 1000).toFixed(1)} s`);

function r_split(rs: KindResult[]): number {
  return rs.reduce((n, r) => n + r.split, 0);
}

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'reanchor.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ seed, trials, smoke, documents: files, results }, null, 2) + '\n');
console.log(`wrote ${out}`);
