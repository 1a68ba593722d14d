// The run's outputs: the table printed on stdout, latest.json (figures, machine, versions, date) and
// latest.svg (the headline ratios).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Metric, WorkloadResult } from './result';
import type { BuildState } from './ui-build';
import { barOf, chart } from './svg';

/** Everything latest.json holds. */
export interface BenchReport {
  format: 'marginalia-bench/1';
  date: string;
  smoke: boolean;
  only: string[] | null;
  wallSeconds: number;
  machine: Record<string, unknown>;
  versions: Record<string, unknown>;
  /** Whether the built UI was current (W1 and the peers measure out/renderer). */
  build: BuildState | { skipped: true };
  workloads: WorkloadResult[];
}

function num(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  if (a >= 10_000) return Math.round(n).toLocaleString('en-US');
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  return n.toFixed(a >= 1 ? 2 : 3);
}

function cell(m: Metric): { median: string; range: string; target: string; ok: string } {
  const target = m.target ? `${m.target.op} ${num(m.target.value)}` : '';
  if (!m.summary) return { median: 'n/a', range: '', target, ok: m.target ? 'n/a' : '' };
  const s = m.summary;
  return { median: num(s.median), range: `${num(s.min)}–${num(s.max)}`, target, ok: m.meets === undefined ? '' : m.meets ? 'yes' : 'NO' };
}

/** The table of every figure, one line per metric, with n/a reasons below it. */
export function table(report: BenchReport): string {
  const rows: string[][] = [['', 'figure', 'unit', 'median', 'min–max', 'target', 'met']];
  const notes: string[] = [];
  let carried = false;
  for (const w of report.workloads) {
    // Kept from an earlier run (this one ran --only others): marked, with its date below.
    const old = report.only !== null && !report.only.includes(w.id);
    carried ||= old;
    const id = old ? `${w.id}*` : w.id;
    if (w.status === 'error') {
      rows.push([id, `ERROR: ${w.reason ?? ''}`.slice(0, 100), '', '', '', '', '']);
      continue;
    }
    for (const m of w.metrics) {
      const c = cell(m);
      rows.push([id, m.label.length > 78 ? m.label.slice(0, 77) + '…' : m.label, m.unit, c.median, c.range, c.target, c.ok]);
      if (m.na) notes.push(`${w.id} ${m.key}: n/a — ${m.na}`);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const right = new Set([3, 4, 5]);
  const line = (r: string[]) => r.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  if (carried) out.push('', `* not run now: the last results, measured ${[...new Set(report.workloads.filter((w) => !report.only!.includes(w.id)).map((w) => w.measuredAt?.slice(0, 16) ?? '?'))].join(', ')}`);
  if (notes.length) out.push('', ...notes);
  return out.join('\n') + '\n';
}

/** Writes latest.json and latest.svg into `dir`; returns their paths. */
export function writeReport(dir: string, report: BenchReport): { json: string; svg: string } {
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'latest.json');
  const svg = path.join(dir, 'latest.svg');
  writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
  const bars = report.workloads.flatMap((w) => w.metrics.filter((m) => m.headline).map((m) => barOf(w, m)));
  const m = report.machine;
  const subtitle = `${report.date.slice(0, 10)} · ${m.cpus} × ${m.cpuModel} · ${report.versions.gitCommit ? String(report.versions.gitCommit).slice(0, 10) : ''}${report.smoke ? ' · SMOKE (tiny sizes)' : ''} · median, whiskers min–max`;
  writeFileSync(svg, chart('Marginalia benchmark: figure ÷ target (peers: Marginalia ÷ peer), log scale', subtitle, bars));
  return { json, svg };
}
