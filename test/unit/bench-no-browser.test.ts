// Without a browser the benchmark says in one line what is missing and how to get it, ends, and leaves no `marginalia
// serve` behind (W1 used to start its host before looking for Chromium, and the host kept the run alive).

import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

/** The running `marginalia serve` processes whose corpus lies under `dir`, by pid. */
function servesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (cmd.includes('serve') && cmd.some((a) => a.startsWith(dir))) out.set(pid, cmd.join(' '));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

describe.runIf(process.platform === 'linux')('npm run bench without a browser', () => {
  it('fails W1 with one line naming what is missing, and starts no host that outlives it', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-nobrowser-'));
    const scratch = path.join(ROOT, 'bench', 'results', 'tmp');
    // Another benchmark may be running beside this test: only hosts that appear during this run count.
    const before = servesUnder(scratch);
    try {
      const missing = path.join(out, 'no-such-chromium');
      const result = await run(process.execPath, [path.join(ROOT, 'bin', 'bench.js'), '--smoke', '--only', 'W1', '--no-build', '--out', out], {
        cwd: ROOT,
        env: { ...process.env, MARGINALIA_CHROMIUM: missing },
        timeout: 180_000,
      }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
      expect(result.code).toBe(1);
      const lines = result.stderr.split('\n').filter((l) => l.startsWith('bench: W1 failed'));
      expect(lines).toEqual([`bench: W1 failed: No Chromium at ${missing} (from MARGINALIA_CHROMIUM or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH): point it at a Chromium or Chrome executable, or run \`npx playwright install chromium\`.`]);
      // The line is the whole message: no stack follows it.
      expect(result.stderr).not.toMatch(/^\s+at /m);
      const left = [...servesUnder(scratch)].filter(([pid]) => !before.has(pid)).map(([, cmd]) => cmd);
      expect(left).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 200_000);
});
