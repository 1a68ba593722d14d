// Runs `npm run bench -- --smoke` (tiny sizes) so that the benchmark harness cannot rot: every workload
// must run and report numeric figures, or say why one is n/a. It asserts nothing about speed.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { BenchReport } from '../../bench/lib/report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

/** Generous: a first run installs bench/'s dependencies and may build the UI; the smoke run itself takes about a minute. */
const TIMEOUT_MS = 600_000;

describe('npm run bench -- --smoke', () => {
  it('runs every workload and writes numeric figures, the table and the chart', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-smoke-'));
    try {
      const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'bench.js'), '--smoke', '--out', out], { cwd: ROOT, timeout: TIMEOUT_MS, maxBuffer: 16 << 20 });
      const report = JSON.parse(readFileSync(path.join(out, 'latest.json'), 'utf8')) as BenchReport;
      expect(report.smoke).toBe(true);
      expect(report.workloads.map((w) => w.id).sort()).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'peers', 'S1', 'S2'].sort());
      for (const w of report.workloads) {
        expect(w.status, `${w.id}: ${w.reason ?? ''}`).not.toBe('error');
        expect(w.metrics.filter((m) => m.summary).length, `${w.id} has no numeric figure`).toBeGreaterThan(0);
        for (const m of w.metrics) {
          if (m.summary) {
            for (const v of [m.summary.median, m.summary.min, m.summary.max]) expect(Number.isFinite(v), `${w.id} ${m.key}`).toBe(true);
            expect(m.summary.min).toBeLessThanOrEqual(m.summary.max);
          } else {
            expect(m.na, `${w.id} ${m.key} has neither a figure nor a reason`).toMatch(/\S/);
          }
        }
      }
      expect(report.machine.cpus).toBeGreaterThan(0);
      expect(typeof report.versions.chromium).toBe('string');
      expect(readFileSync(path.join(out, 'latest.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      for (const id of ['W1', 'W2', 'W3', 'W4', 'W5']) expect(stdout).toContain(id);
    } finally {
      if (existsSync(out)) rmSync(out, { recursive: true, force: true });
    }
  }, TIMEOUT_MS);
});
