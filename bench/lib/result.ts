// The shape of the benchmark's results: every workload reports metrics (median, min, max of its runs)
// against the targets of issue 7, or says why it could not be measured. latest.json is this, serialized.

import { round, summarize, type Summary } from './stats';

/** How a figure is compared with its target: at most (times, memory) or at least (throughput ratios). */
export type TargetOp = '<=' | '>=';

/** One measured figure. */
export interface Metric {
  /** Stable key, e.g. "open_first_screen_ms". */
  key: string;
  /** What it measures, in words. */
  label: string;
  unit: string;
  /** Median, min and max over the runs; absent when the metric is n/a. */
  summary?: Summary;
  target?: { op: TargetOp; value: number };
  /** True when the median meets the target; absent without a target or a figure. */
  meets?: boolean;
  /** Why there is no figure. */
  na?: string;
  /** Anything a reader needs to read the figure right. */
  note?: string;
  /** Shown in the chart of headline ratios (median / target). */
  headline?: boolean;
}

/** One workload's report. */
export interface WorkloadResult {
  id: string;
  title: string;
  /** "ok": measured; "partial": some metrics n/a; "n/a": nothing measurable yet; "error": the harness failed. */
  status: 'ok' | 'partial' | 'n/a' | 'error';
  /** For n/a and error: the reason. */
  reason?: string;
  /** The sizes actually used (they differ in --smoke). */
  sizes: Record<string, number | string>;
  metrics: Metric[];
  /** Free-form findings: profiles, breakdowns, what a peer could not do. */
  details?: Record<string, unknown>;
  wallSeconds: number;
  /** When this workload ran (a run with --only keeps the other workloads' last results, with their dates). */
  measuredAt?: string;
  /** The git commit measured (the work tree may have differed: see the report's versions.gitDirty). */
  commit?: string | null;
}

/** A metric from its runs; `meets` is computed from the median. */
export function metric(m: Omit<Metric, 'summary' | 'meets'> & { runs: readonly number[] }): Metric {
  const { runs, ...rest } = m;
  if (!runs.length) return { ...rest, na: rest.na ?? 'no run produced a figure' };
  const s = summarize(runs);
  const summary: Summary = { median: round(s.median), min: round(s.min), max: round(s.max), runs: s.runs.map(round) };
  const meets = m.target ? (m.target.op === '<=' ? s.median <= m.target.value : s.median >= m.target.value) : undefined;
  return { ...rest, summary, ...(meets === undefined ? {} : { meets }) };
}

/** A metric that could not be measured, with the reason. */
export function naMetric(m: Omit<Metric, 'summary' | 'meets' | 'na'>, reason: string): Metric {
  return { ...m, na: reason };
}

/** The status a workload earns from its metrics. */
export function statusOf(metrics: readonly Metric[]): WorkloadResult['status'] {
  const measured = metrics.filter((m) => m.summary).length;
  if (measured === 0) return 'n/a';
  return measured === metrics.length ? 'ok' : 'partial';
}
