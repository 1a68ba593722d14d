// Measures span re-anchoring on synthetic edits of the shared corpus: how many spans land
// where their characters went, how many are orphaned, how many are misplaced (the number
// that must stay at zero). Two modes: with the old text at hand (diff + round trip, what
// reanchorSpans does) and with the stored quotes alone (what a client without the old text
// can do). Usage: npx tsx bench/reanchor.ts [--smoke] [--corpus DIR] [--seed N] [--trials N]

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '../src/core/model/text';
import { anchorAll } from '../src/core/anchoring/anchor';
import { generateSpans, measureReanchoring, prng, type KindResult, type MeasureMode } from './reanchor-measure';

/** The three documents the measurement is defined on (English, Chinese, English). */
const DEFAULT_CORPUS = '/work/shared/corpus';
/** Trials per edit kind and document: 10 gives 6,000-7,000 spans per edit kind; the smoke run does 1. */
const TRIALS = 10;
const SMOKE_TRIALS = 1;
/** The seed of the published figures. */
const SEED = 20240305;

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const smoke = args.includes('--smoke');
const corpus = resolve(option('--corpus') ?? DEFAULT_CORPUS);
const seed = Number(option('--seed') ?? SEED);
const trials = Number(option('--trials') ?? (smoke ? SMOKE_TRIALS : TRIALS));
const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
const docs = files.map((f) => normalizeText(readFileSync(join(corpus, f), 'utf8')));

const pct = (n: number, of: number): string => (of ? ((100 * n) / of).toFixed(2) : '-').padStart(7);
const cols = ['edit', 'spans', 'right%', 'orph%', '(gone)', 'misp%', '(ambig)', 'exact', 'moved', 'fuzzy', 'µs/span'];
const widths = [15, 6, 7, 7, 7, 7, 7, 6, 6, 6, 8];
const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' ');

const report: Record<string, unknown> = {};
console.log(`re-anchoring on ${files.length} documents (${files.join(', ')}), ${trials} trial(s) per edit kind, seed ${seed}`);
for (const mode of ['diff', 'quote'] as MeasureMode[]) {
  const t0 = performance.now();
  const results = measureReanchoring({ docs, trials, seed, mode });
  const wall = performance.now() - t0;
  console.log(`\nmode ${mode}: ${mode === 'diff' ? 'old text at hand (reanchorSpans: diff-mapped positions, round trip)' : 'stored offsets and quotes only (anchorSpan per span)'}`);
  console.log(line(cols));
  for (const r of results) {
    console.log(line([
      r.kind, String(r.spans), pct(r.correct, r.spans), pct(r.orphaned, r.spans), pct(r.orphanedGone, r.spans),
      pct(r.misplaced, r.spans), pct(r.misplacedAmbiguous, r.spans),
      String(r.status.exact), String(r.status.moved), String(r.status.fuzzy), ((1000 * r.ms) / r.spans).toFixed(0),
    ]));
  }
  const unexplained = results.reduce((n, r) => n + r.misplaced - r.misplacedAmbiguous, 0);
  const split = results.reduce((n, r) => n + r.split, 0);
  console.log(`misplaced and not explained by an ambiguous edit: ${unexplained}${split ? `; split spans (truth undefined, not counted): ${split}` : ''}; ${(wall / 1000).toFixed(1)} s`);
  for (const r of results.filter((x: KindResult) => x.misplaced > 0)) console.log(`  misplaced in ${r.kind}:`, JSON.stringify(r.examples));
  report[mode] = results;
}
// Scale: one local edit in a long document. Spans in the unchanged stretches are confirmed
// at their diff-mapped positions without searching, so the time should follow the number of
// spans, not the length of the text.
const COPIES = smoke ? 2 : 12;
const long = Array.from({ length: COPIES }, (_, k) => `Part ${k + 1}\n\n${docs.join('\n\n')}`).join('\n\n');
const longSpans = generateSpans(long, prng(seed));
const mid = long.indexOf('\n\n', long.length >> 1);
const scale: Record<string, { ms: number; orphaned: number }> = {};
for (const [name, edited] of [
  ['unchanged', long],
  ['one sentence inserted mid-text', long.slice(0, mid) + ' A sentence added in the middle of the text, with 12 words in it.' + long.slice(mid)],
] as const) {
  const t0 = performance.now();
  const res = anchorAll(long, edited, longSpans);
  scale[name] = { ms: performance.now() - t0, orphaned: res.filter((r) => r.status === 'orphaned').length };
}
console.log(`\nscale: ${Array.from(long).length} characters, ${longSpans.length} spans (the corpus ${COPIES} times over):`);
for (const [name, r] of Object.entries(scale)) console.log(`  ${name}: ${r.ms.toFixed(0)} ms (${((1000 * r.ms) / longSpans.length).toFixed(0)} µs/span), ${r.orphaned} orphaned`);
report.scale = { characters: Array.from(long).length, spans: longSpans.length, runs: scale };

console.log("\nright: placed exactly where the span's characters went; orph: orphaned ((gone): every character of the span was deleted);");
console.log('misp: placed anywhere else ((ambig): of which the edit is ambiguous, the placement explaining the new text with no more edits than the truth).');

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'reanchor.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ seed, trials, smoke, documents: files, modes: report }, null, 2) + '\n');
console.log(`wrote ${out}`);
