// Runs the exports' Python proofs: python3 is a declared test dependency (.ci/run installs it), so
// its absence fails the test with one line saying so, never a bare ENOENT.
import { execFileSync } from 'node:child_process';

/** Runs `python3 args…` and returns its stdout; throws a clear error when python3 is missing. */
export function python3(args: string[]): string {
  try {
    return execFileSync('python3', args, { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('python3 is not installed: the end-to-end tests check every exported offset in Python (a declared test dependency; .ci/run installs it, or apt-get install python3)');
    }
    throw e;
  }
}
