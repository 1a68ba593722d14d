// Preloaded into the CLI processes W6 measures (node --import): at exit, writes the process's own resource usage
// (peak RSS, CPU time) to the file named by MARGINALIA_BENCH_RUSAGE, so the figures are the child's, not guessed.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const target = process.env.MARGINALIA_BENCH_RUSAGE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
  });
}
