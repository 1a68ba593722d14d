// W5, merge: five annotators' exports of 2,000 documents with 50 spans each, run through the CLI as a
// team lead would (`marginalia agreement FILE... --json`, `marginalia merge FILE... --strategy majority
// --out GOLD.jsonl`), each spawned and timed to its exit.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeNativeExport, type ExportDocument } from '../../src/core/format/native';
import type { CodePoint, Span } from '../../src/core/model/types';
import { docIdOf } from '../../src/node/corpus';
import { ROOT, RUN_TMP } from '../lib/paths';
import { chance, pick, prng } from '../lib/prng';
import { metric, naMetric, statusOf, type Metric } from '../lib/result';
import { planSpans } from '../lib/spans-gen';
import { round } from '../lib/stats';
import { generateText } from '../lib/text-gen';
import type { BenchContext, Workload } from '../lib/workload';

const FULL = { annotators: 5, docs: 2_000, spansPerDoc: 50, runs: 3 };
const SMOKE = { annotators: 5, docs: 20, spansPerDoc: 50, runs: 1 };
/** About 3,000 characters per document: room for 50 spans (the text holds about 43 entities per 1,000). */
const CHARS_PER_DOC = 3_000;
/** The seed of the published figures. */
const SEED = 20_070_005;
/** How annotators differ from the shared plan: each span kept with probability 0.9, relabelled 0.05, an edge moved 0.05. */
const KEEP = 0.9;
const RELABEL = 0.05;
const SHIFT = 0.05;
const LABELS = ['PERSON', 'ORG', 'LOC', 'FIGURE', 'PRODUCT'];
/** A command slower than this is stopped and reported as failed. */
const COMMAND_TIMEOUT_MS = 300_000;

/** Writes one native JSONL file per annotator; returns their paths. */
function writeExports(dir: string, size: typeof FULL): string[] {
  const rng = prng(SEED);
  const perAnnotator: ExportDocument[][] = Array.from({ length: size.annotators }, () => []);
  const at = '2026-01-01T00:00:00.000Z';
  for (let d = 0; d < size.docs; d++) {
    const gen = generateText({ chars: CHARS_PER_DOC, seed: SEED + d });
    const docId = docIdOf(gen.text);
    const plan = planSpans(gen, { count: size.spansPerDoc, overlapShare: 0.1 });
    const length = gen.text.length;
    for (let a = 0; a < size.annotators; a++) {
      const annotator = `annotator${a + 1}`;
      const spans: Span[] = [];
      for (const p of plan) {
        if (!chance(rng, KEEP)) continue;
        const { start } = p;
        let { end } = p;
        if (chance(rng, SHIFT)) end = Math.min(length, end + 1);
        const label = chance(rng, RELABEL) ? pick(rng, LABELS) : p.label;
        const quote = { exact: gen.text.slice(start, end), prefix: '', suffix: '' };
        spans.push({ id: `${p.id}${a}`, docId, annotator, label, start: start as CodePoint, end: end as CodePoint, attrs: {}, quote, createdAt: at, updatedAt: at });
      }
      perAnnotator[a]!.push({ docId, source: `reports/${String(d).padStart(5, '0')}.txt`, text: gen.text, annotator, status: 'done', spans, relations: [] });
    }
  }
  return perAnnotator.map((docs, a) => {
    const file = path.join(dir, `annotator${a + 1}.jsonl`);
    writeFileSync(file, serializeNativeExport(docs));
    return file;
  });
}

/** Runs `node bin/marginalia.js ARGS`; ms to exit, exit code, the ends of its output. */
function cli(args: string[]): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'marginalia.js'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - t0, code, stdout, stderr });
    });
  });
}

/** Why a command run does not count, or null when it does. */
function failure(r: { code: number | null; stderr: string }): string | null {
  if (r.code === 0) return null;
  const first = r.stderr.trim().split('\n')[0] ?? '';
  if (/not in this build|unknown command/i.test(r.stderr)) return `the command is not there yet (exit ${r.code}: "${first}"); the workload runs as soon as it is`;
  return `exit ${r.code}: ${first}`;
}

export const w5: Workload = {
  id: 'W5',
  title: 'Merge: 5 annotators × 2,000 documents × 50 spans through the CLI',
  async run(ctx: BenchContext) {
    const size = ctx.smoke ? SMOKE : FULL;
    const dir = path.join(RUN_TMP, 'w5');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    ctx.log(`W5: writing ${size.annotators} exports of ${size.docs} documents`);
    const files = writeExports(dir, size);
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    const gold = path.join(dir, 'gold.jsonl');
    const startup: number[] = [];
    const agreement: number[] = [];
    const merge: number[] = [];
    let agreementNa: string | undefined;
    let mergeNa: string | undefined;
    for (let run = 0; run < size.runs; run++) {
      const v = await cli(['--version']);
      if (v.code === 0) startup.push(v.ms);
      if (!agreementNa) {
        const r = await cli(['agreement', ...files, '--json']);
        agreementNa = failure(r) ?? undefined;
        if (!agreementNa) {
          try {
            JSON.parse(r.stdout);
            agreement.push(r.ms);
          } catch {
            agreementNa = `agreement --json printed no JSON: ${r.stdout.slice(0, 120)}`;
          }
        }
      }
      if (!mergeNa) {
        rmSync(gold, { force: true });
        const r = await cli(['merge', ...files, '--strategy', 'majority', '--out', gold]);
        mergeNa = failure(r) ?? (existsSync(gold) ? undefined : 'merge exited 0 but wrote no gold file');
        if (!mergeNa) merge.push(r.ms);
      }
      ctx.log(`W5 run ${run + 1}/${size.runs}: startup ${round(startup.at(-1) ?? NaN)} ms, agreement ${agreementNa ? 'n/a' : round(agreement.at(-1)!) + ' ms'}, merge ${mergeNa ? 'n/a' : round(merge.at(-1)!) + ' ms'}`);
    }
    const metrics: Metric[] = [
      agreement.length
        ? metric({ key: 'agreement_ms', label: '`marginalia agreement FILE… --json`, spawned → exit', unit: 'ms', runs: agreement, target: { op: '<=', value: 5000 }, headline: true })
        : naMetric({ key: 'agreement_ms', label: '`marginalia agreement FILE… --json`, spawned → exit', unit: 'ms', target: { op: '<=', value: 5000 }, headline: true }, agreementNa ?? 'not run'),
      merge.length
        ? metric({ key: 'merge_ms', label: '`marginalia merge FILE… --strategy majority --out GOLD`, spawned → exit', unit: 'ms', runs: merge, target: { op: '<=', value: 5000 }, headline: true })
        : naMetric({ key: 'merge_ms', label: '`marginalia merge FILE… --strategy majority --out GOLD`, spawned → exit', unit: 'ms', target: { op: '<=', value: 5000 }, headline: true }, mergeNa ?? 'not run'),
      metric({ key: 'cli_startup_ms', label: 'context: `marginalia --version`, spawned → exit (the part of each figure that is starting Node and tsx)', unit: 'ms', runs: startup }),
    ];
    rmSync(dir, { recursive: true, force: true });
    return {
      id: 'W5',
      title: this.title,
      status: statusOf(metrics),
      sizes: { annotators: size.annotators, documents: size.docs, spansPerDocument: size.spansPerDoc, inputBytes: bytes },
      metrics,
    };
  },
};
