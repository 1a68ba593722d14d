// The contract between the runner (bench/run.ts) and each workload module.

import type { WorkloadResult } from './result';

/** What every workload is given. */
export interface BenchContext {
  /** Tiny sizes and fewer runs: the test suite's check that the harness still works. */
  smoke: boolean;
  /** Prints one progress line (to stderr, so stdout stays the table). */
  log(line: string): void;
}

/** One workload of issue 7. */
export interface Workload {
  /** "W1" … "W5", "peers". */
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Omit<WorkloadResult, 'wallSeconds'>>;
}
