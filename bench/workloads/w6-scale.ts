// W6, corpus scale: five annotators' exports of a project at 50, 150 and 250 MB, through the CLI as a team lead
// and a researcher would run it: `merge` and `agreement` over all five files (peak RSS must stay flat, time linear),
// and `convert --to hf` / `--to spacy` of one annotator's file (throughput in MB of input per second).

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, RUN_TMP } from '../lib/paths';
import { metric, statusOf, type Metric } from '../lib/result';
import type { BenchContext, Workload } from '../lib/workload';
import { writeProject, type ProjectSize } from './w6-data';

/** Documents per size: five annotators × about 12 KB a line (5,000 characters, 50 spans) is 60 KB per document. */
const FULL = { sizes: [840, 2_500, 4_200], runs: 1, convertRuns: 3 };
const SMOKE = { sizes: [10, 20], runs: 1, convertRuns: 1 };
/**
 * `MARGINALIA_W6=convert npm run bench -- --only W6`: only the convert figures, on the largest size (a few minutes
 * instead of half an hour); merge and agreement are left out of that run.
 */
const CONVERT_ONLY = process.env.MARGINALIA_W6 === 'convert';
const PROJECT: Omit<ProjectSize, 'docs'> = { annotators: 5, spansPerDoc: 50, chars: 5_000 };
const PRELOAD = path.join(path.dirname(new URL(import.meta.url).pathname), 'w6-rusage.mjs');
const COMMAND_TIMEOUT_MS = 600_000;

/** What one CLI run cost: wall time, and the child's own peak RSS and CPU time. */
interface Run {
  seconds: number;
  peakMb: number;
  cpuSeconds: number;
  code: number | null;
  stderr: string;
}

function cli(args: string[], dir: string): Promise<Run> {
  const usage = path.join(dir, `rusage-${process.hrtime.bigint()}.json`);
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', PRELOAD, path.join(ROOT, 'bin', 'marginalia.js'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MARGINALIA_BENCH_RUSAGE: usage },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + String(d)).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = (performance.now() - t0) / 1000;
      let peakMb = NaN;
      let cpuSeconds = NaN;
      try {
        const u = JSON.parse(readFileSync(usage, 'utf8')) as { maxRssKb: number; userUs: number; systemUs: number };
        peakMb = u.maxRssKb / 1024;
        cpuSeconds = (u.userUs + u.systemUs) / 1e6;
      } catch {
        // No usage file: the child died before exit; the code says so.
      }
      resolve({ seconds, peakMb, cpuSeconds, code, stderr });
    });
  });
}

function mb(bytes: number): number {
  return bytes / 1e6;
}

function check(r: Run, what: string): void {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}: ${r.stderr.trim().split('\n').slice(-2).join(' / ')}`);
}

export const w6: Workload = {
  id: 'W6',
  title: 'Corpus scale: merge, agreement and convert over 5 annotators × 50–250 MB',
  async run(ctx: BenchContext) {
    const base = ctx.smoke ? SMOKE : FULL;
    const plan = CONVERT_ONLY ? { ...base, sizes: base.sizes.slice(-1) } : base;
    const root = path.join(RUN_TMP, 'w6');
    rmSync(root, { recursive: true, force: true });
    const perSize: Record<string, unknown>[] = [];
    const mergePeak: number[] = [];
    const agreementPeak: number[] = [];
    const mergeRate: number[] = [];
    const agreementRate: number[] = [];
    const hf: number[] = [];
    const spacy: number[] = [];
    const hfCpu: number[] = [];
    const hfWordsCpu: number[] = [];
    const spacyCpu: number[] = [];
    let largest = { inputMb: 0, fileMb: 0 };
    for (const docs of plan.sizes) {
      const dir = path.join(root, String(docs));
      mkdirSync(dir, { recursive: true });
      ctx.log(`W6: writing ${PROJECT.annotators} exports of ${docs} documents`);
      const files = await writeProject(dir, { ...PROJECT, docs });
      const inputMb = mb(files.reduce((n, f) => n + statSync(f).size, 0));
      for (let run = 0; run < (CONVERT_ONLY ? 0 : plan.runs); run++) {
        const merge = await cli(['merge', ...files, '--strategy', 'majority', '--out', path.join(dir, 'gold.jsonl'), '--quiet'], dir);
        check(merge, 'merge');
        const agreement = await cli(['agreement', ...files, '--json', '--quiet'], dir);
        check(agreement, 'agreement');
        mergePeak.push(merge.peakMb);
        agreementPeak.push(agreement.peakMb);
        mergeRate.push(inputMb / merge.seconds);
        agreementRate.push(inputMb / agreement.seconds);
        perSize.push({ documents: docs, inputMb: Math.round(inputMb), merge: summary(merge), agreement: summary(agreement) });
        ctx.log(`W6 ${Math.round(inputMb)} MB: merge ${merge.seconds.toFixed(1)} s, ${Math.round(merge.peakMb)} MB peak; agreement ${agreement.seconds.toFixed(1)} s, ${Math.round(agreement.peakMb)} MB peak`);
      }
      if (docs === plan.sizes[plan.sizes.length - 1]) {
        const file = files[0]!;
        const fileMb = mb(statSync(file).size);
        largest = { inputMb, fileMb };
        for (let run = 0; run < plan.convertRuns; run++) {
          const h = await cli(['convert', file, '--to', 'hf', '--out', path.join(dir, 'hf', 'hf.jsonl'), '--quiet'], dir);
          check(h, 'convert --to hf');
          // The same on one thread with ICU's Chinese words (hf's tokens before chars became the default), per CPU second.
          const w = await cli(['convert', file, '--to', 'hf', '--zh-tokens', 'words', '--jobs', '1', '--out', path.join(dir, 'hf-words', 'hf.jsonl'), '--quiet'], dir);
          check(w, 'convert --to hf --zh-tokens words');
          hfWordsCpu.push(fileMb / w.cpuSeconds);
          const s = await cli(['convert', file, '--to', 'spacy', '--out', path.join(dir, 'spacy.jsonl'), '--quiet'], dir);
          check(s, 'convert --to spacy');
          hf.push(fileMb / h.seconds);
          spacy.push(fileMb / s.seconds);
          hfCpu.push(fileMb / h.cpuSeconds);
          spacyCpu.push(fileMb / s.cpuSeconds);
          ctx.log(`W6 convert ${fileMb.toFixed(0)} MB: hf ${(fileMb / h.seconds).toFixed(1)} MB/s, spacy ${(fileMb / s.seconds).toFixed(1)} MB/s`);
        }
      }
      rmSync(dir, { recursive: true, force: true });
    }
    rmSync(root, { recursive: true, force: true });
    const sizes = perSize.map((p) => `${p.inputMb as number} MB`).join(', ');
    const metrics: Metric[] = [
      metric({ key: 'convert_hf_mb_s', label: `\`convert --to hf\` of one ${largest.fileMb.toFixed(0)} MB export, spawned → exit`, unit: 'MB/s', runs: hf, target: { op: '>=', value: 20 }, headline: true }),
      metric({ key: 'convert_spacy_mb_s', label: `\`convert --to spacy\` of one ${largest.fileMb.toFixed(0)} MB export, spawned → exit`, unit: 'MB/s', runs: spacy, target: { op: '>=', value: 20 }, headline: true }),
      metric({ key: 'merge_peak_rss_mb', label: `\`merge\` peak RSS, over the sizes (${sizes})`, unit: 'MB', runs: mergePeak, target: { op: '<=', value: 400 }, headline: true }),
      metric({ key: 'agreement_peak_rss_mb', label: `\`agreement --json\` peak RSS, over the sizes (${sizes})`, unit: 'MB', runs: agreementPeak, target: { op: '<=', value: 400 }, headline: true }),
      metric({ key: 'merge_mb_s', label: `\`merge\` throughput over the sizes (flat = time linear in the input)`, unit: 'MB/s', runs: mergeRate }),
      metric({ key: 'agreement_mb_s', label: `\`agreement --json\` throughput over the sizes (flat = time linear in the input)`, unit: 'MB/s', runs: agreementRate }),
      metric({ key: 'convert_hf_cpu_mb_s', label: 'context: `convert --to hf`, MB per CPU second of the child (the machine is shared)', unit: 'MB/s', runs: hfCpu }),
      metric({ key: 'convert_spacy_cpu_mb_s', label: 'context: `convert --to spacy`, MB per CPU second of the child', unit: 'MB/s', runs: spacyCpu }),
      metric({ key: 'convert_hf_words_cpu_mb_s', label: 'context: `convert --to hf --zh-tokens words --jobs 1` (ICU words), MB per CPU second', unit: 'MB/s', runs: hfWordsCpu }),
    ];
    return {
      id: 'W6',
      title: this.title,
      status: statusOf(metrics),
      sizes: { annotators: PROJECT.annotators, documents: plan.sizes.join(' / '), spansPerDocument: PROJECT.spansPerDoc, charsPerDocument: PROJECT.chars, largestInputMb: Math.round(largest.inputMb) },
      metrics,
      details: { perSize },
    };
  },
};

function summary(r: Run): Record<string, number> {
  return { seconds: Math.round(r.seconds * 10) / 10, peakMb: Math.round(r.peakMb), cpuSeconds: Math.round(r.cpuSeconds * 10) / 10 };
}
