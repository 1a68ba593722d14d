// `npm run bench`: runs the workloads of issue 7 on this machine, prints a table of medians with min and
// max, and writes bench/results/latest.json and latest.svg. Usage (through bin/bench.js or tsx):
//   npx tsx bench/run.ts [--smoke] [--only W1,W3,peers] [--out DIR] [--no-build]

import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { browserVersion, closeBrowser, MISSING_BROWSER } from './lib/browser';
import { machineInfo, versions } from './lib/machine';
import { RESULTS, RUN_TMP, TMP } from './lib/paths';
import { table, writeReport, type BenchReport } from './lib/report';
import type { WorkloadResult } from './lib/result';
import { ensureFreshUi, type BuildState } from './lib/ui-build';
import type { Workload } from './lib/workload';
import { peers } from './workloads/peers';
import { s1 } from './workloads/suggest-quality';
import { s2 } from './workloads/suggest-learning';
import { w1 } from './workloads/w1-long-document';
import { w2 } from './workloads/w2-corpus';
import { w3 } from './workloads/w3-store';
import { w4 } from './workloads/w4-export';
import { w5 } from './workloads/w5-merge';
import { w6 } from './workloads/w6-scale';

/** Every workload, in the order they run: the browser ones together, so one Chromium serves them all. */
const WORKLOADS: Workload[] = [w1, peers, w3, w2, w4, w5, w6, s1, s2];
/** Workloads that load Marginalia's built UI. */
const NEEDS_UI = new Set(['W1', 'peers']);

const USAGE = `Usage: npm run bench -- [--smoke] [--only W1,W3,…] [--out DIR] [--no-build]

Runs the benchmark workloads (${WORKLOADS.map((w) => w.id).join(', ')}) and writes latest.json and latest.svg.
  --smoke      tiny sizes and one or two runs: checks the harness works (results go to bench/results/tmp/smoke)
  --only LIST  run only these workloads (comma-separated ids); latest.json keeps the others' last results
  --out DIR    where to write latest.json and latest.svg (default bench/results)
  --no-build   do not rebuild the UI even when its sources are newer than out/renderer`;

function parse(): { smoke: boolean; only: string[] | null; out: string; build: boolean } {
  const { values } = parseArgs({
    options: { smoke: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string' }, 'no-build': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const only = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : null;
  if (only) {
    const known = new Map(WORKLOADS.map((w) => [w.id.toLowerCase(), w.id]));
    const unknown = only.filter((o) => !known.has(o.toLowerCase()));
    if (unknown.length) {
      process.stderr.write(`bench: unknown workload ${unknown.join(', ')}; the workloads are ${WORKLOADS.map((w) => w.id).join(', ')}\n`);
      process.exit(2);
    }
  }
  const smoke = values.smoke ?? false;
  return { smoke, only: only?.map((o) => WORKLOADS.find((w) => w.id.toLowerCase() === o.toLowerCase())!.id) ?? null, out: path.resolve(values.out ?? (smoke ? path.join(TMP, 'smoke') : RESULTS)), build: !values['no-build'] };
}

async function main(): Promise<void> {
  const opts = parse();
  const log = (l: string) => process.stderr.write(l + '\n');
  const selected = WORKLOADS.filter((w) => !opts.only || opts.only.includes(w.id));
  const t0 = performance.now();
  const machine = machineInfo();
  let build: BuildState | { skipped: true } = { skipped: true };
  if (selected.some((w) => NEEDS_UI.has(w.id))) build = ensureFreshUi(opts.build, log);
  const results: WorkloadResult[] = [];
  const commit = versions().gitCommit as string | null;
  for (const w of selected) {
    const started = performance.now();
    log(`bench: ${w.id} — ${w.title}`);
    try {
      const r = await w.run({ smoke: opts.smoke, log });
      results.push({ ...r, wallSeconds: Math.round((performance.now() - started) / 100) / 10, measuredAt: new Date().toISOString(), commit });
    } catch (e) {
      const reason = (e as Error).message.split('\n')[0] ?? String(e);
      // A missing browser is said in one line; anything else keeps its stack for whoever has to fix it.
      log(`bench: ${w.id} failed: ${(e as Error).name === MISSING_BROWSER ? reason : ((e as Error).stack ?? reason)}`);
      results.push({ id: w.id, title: w.title, status: 'error', reason, sizes: {}, metrics: [], wallSeconds: Math.round((performance.now() - started) / 100) / 10, measuredAt: new Date().toISOString(), commit });
    }
  }
  let chromium: string | null = null;
  try {
    if (selected.some((w) => NEEDS_UI.has(w.id) || w.id === 'W3')) chromium = await browserVersion();
  } catch {
    chromium = null;
  }
  await closeBrowser();
  rmSync(RUN_TMP, { recursive: true, force: true });
  // A subset run keeps the other workloads' last results (each with the date it was measured), so
  // latest.json always holds every workload.
  const previous = path.join(opts.out, 'latest.json');
  if (opts.only && existsSync(previous)) {
    try {
      const before = JSON.parse(readFileSync(previous, 'utf8')) as BenchReport;
      if (before.smoke === opts.smoke) {
        for (const w of before.workloads) if (!results.some((r) => r.id === w.id)) results.push({ ...w, measuredAt: w.measuredAt ?? before.date });
        results.sort((a, b) => WORKLOADS.findIndex((w) => w.id === a.id) - WORKLOADS.findIndex((w) => w.id === b.id));
      }
    } catch {
      // An unreadable earlier report is replaced.
    }
  }
  const report: BenchReport = {
    format: 'marginalia-bench/1',
    date: new Date().toISOString(),
    smoke: opts.smoke,
    only: opts.only,
    wallSeconds: Math.round((performance.now() - t0) / 100) / 10,
    machine: { ...machine, loadAverage1mAtEnd: Math.round(os.loadavg()[0]! * 100) / 100 },
    versions: { ...versions(), chromium },
    build,
    workloads: results,
  };
  const files = writeReport(opts.out, report);
  process.stdout.write(table(report));
  process.stdout.write(`\n${report.smoke ? 'Smoke run (tiny sizes): ' : ''}${results.length} workloads in ${report.wallSeconds} s on ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadAverage1m} → ${report.machine.loadAverage1mAtEnd}\nWrote ${path.relative(process.cwd(), files.json)} and ${path.relative(process.cwd(), files.svg)}\n`);
  if (results.some((r) => r.status === 'error')) process.exitCode = 1;
}

await main();
