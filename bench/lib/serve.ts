// Runs `marginalia serve` on a benchmark corpus as a separate process, the way a user starts the browser mode,
// and stops it again; the time until it prints its URL is kept, since startup is part of what users wait for.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './paths';

/** A running `marginalia serve`. */
export interface Served {
  url: string;
  /** The origin (scheme, host, port) of the URL. */
  origin: string;
  token: string;
  /** Milliseconds from spawning the process to the URL line. */
  startupMs: number;
  process: ChildProcess;
  /** The last of what the process wrote to stderr (for the message when it dies). */
  stderrTail(): string;
}

/** Characters of stderr kept: enough for a stack trace. */
const STDERR_KEEP = 4_000;

/** Longest wait for the URL line: a first build of the UI can take a minute on two cores. */
const SERVE_TIMEOUT_MS = 120_000;

/** Hosts this process started and has not stopped: stopped when it exits, even on a crash, so none is left running. */
const live = new Set<ChildProcess>();
const stopAll = () => {
  for (const c of live) c.kill('SIGTERM');
};
process.once('exit', stopAll);
// Interrupted (Ctrl+C, a test's timeout): 'exit' handlers do not run on a signal's default action.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAll();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

/** Starts `node bin/marginalia.js serve --corpus DIR --no-open` with its own config folder. */
export async function startServe(corpusDir: string, configDir: string): Promise<Served> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'marginalia.js'), 'serve', '--corpus', corpusDir, '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, MARGINALIA_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-STDERR_KEEP)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`marginalia serve printed no URL in ${SERVE_TIMEOUT_MS / 1000} s; stderr: ${stderr}`));
    }, SERVE_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`marginalia serve exited with ${code}: ${stderr}`));
    });
  });
  const startupMs = performance.now() - t0;
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', startupMs, process: child, stderrTail: () => stderr };
}

/** Null while the host runs; else how it ended and the end of its stderr. */
export function hostDied(s: Served): string | null {
  const { exitCode, signalCode } = s.process;
  if (exitCode === null && signalCode === null) return null;
  return `marginalia serve ended (${signalCode ?? `exit ${exitCode}`}); its stderr ends: ${s.stderrTail().trim().slice(-600) || '(nothing)'}`;
}

/** Stops a served host and waits for its process to end. */
export async function stopServe(s: Served): Promise<void> {
  if (s.process.exitCode !== null || s.process.signalCode !== null) return;
  const exited = new Promise((r) => s.process.once('exit', r));
  s.process.kill('SIGTERM');
  await exited;
}

/** Calls one method of the host's HTTP API (POST /api/METHOD with the token header), as the UI does. */
export async function callHost<T>(s: Served, method: string, arg?: unknown): Promise<T> {
  const res = await fetch(`${s.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-marginalia-token': s.token },
    body: arg === undefined ? '' : JSON.stringify(arg),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.value;
}
