// One headless Chromium for the whole benchmark run (W1, W3 and the peers share it, so their figures
// come from the same browser on the same machine state), found the way the end-to-end tests find it.

import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../e2e/support/browser';
import type { ProbeApi } from '../peers/probe-api';
import { bundle } from './bundle';

/** The window size of every page: the end-to-end tests' size, a common laptop screen. */
export const VIEWPORT = { width: 1400, height: 900 };

let shared: Promise<Browser> | null = null;

/** The name of the error thrown when there is no browser to run (the runner prints its message alone). */
export const MISSING_BROWSER = 'MissingBrowser';

function missingBrowser(message: string): Error {
  const e = new Error(message);
  e.name = MISSING_BROWSER;
  return e;
}

/**
 * The browser executable, or a one-line error saying what is missing and how to get it (Playwright's
 * own launch error for a missing file is a screenful).
 */
export function findChromium(): string | undefined {
  let exe: string | undefined;
  try {
    exe = chromiumExecutable();
  } catch (e) {
    throw missingBrowser((e as Error).message);
  }
  if (exe !== undefined && !existsSync(exe)) {
    throw missingBrowser(`No Chromium at ${exe} (from MARGINALIA_CHROMIUM or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH): point it at a Chromium or Chrome executable, or run \`npx playwright install chromium\`.`);
  }
  return exe;
}

/** The run's browser, launched on first use. */
export function browser(): Promise<Browser> {
  shared ??= (async () =>
    chromium.launch({
      executablePath: findChromium(),
      // The shared flags, plus: no throttling of timers or frames when a page is not focused, and
      // performance.memory with real figures (it is quantized without this flag).
      args: [...CHROMIUM_ARGS, '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--enable-precise-memory-info'],
    }))();
  return shared;
}

/** Closes the run's browser if it was launched. */
export async function closeBrowser(): Promise<void> {
  if (!shared) return;
  const launching = shared;
  shared = null;
  // A launch that failed (no browser) has nothing to close.
  const b = await launching.catch(() => null);
  await b?.close();
}

/** The browser's version string. */
export async function browserVersion(): Promise<string> {
  return (await browser()).version();
}

let probeSource: string | null = null;

/** A fresh context (its own IndexedDB) with the probe injected in every page before any script runs. */
export async function probedContext(): Promise<BrowserContext> {
  probeSource ??= readFileSync(await bundle('probe.ts'), 'utf8');
  const ctx = await (await browser()).newContext({ viewport: VIEWPORT });
  await ctx.addInitScript({ content: probeSource });
  return ctx;
}

/** Calls a probe function in the page. */
export function probe<K extends keyof ProbeApi>(page: Page, name: K, ...args: Parameters<ProbeApi[K]>): Promise<Awaited<ReturnType<ProbeApi[K]>>> {
  return page.evaluate(
    ([n, a]) => {
      const api = (globalThis as unknown as { __mbench?: Record<string, (...x: unknown[]) => unknown> }).__mbench;
      if (!api) throw new Error('the benchmark probe is not in this page');
      return api[n as string]!(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<ProbeApi[K]>>>;
}
