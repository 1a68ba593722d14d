// Finds a Chromium for the end-to-end tests on any machine: an environment variable, Playwright's own, then the system's.

import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags for a headless Chromium on a locked-down machine: no sandbox as root, no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Where a system Chromium or Chrome usually lives, per platform. */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The browser executable: MARGINALIA_CHROMIUM or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH,
 * else Playwright's own download if installed (undefined lets Playwright use it), else a system one.
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.MARGINALIA_CHROMIUM ?? process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright's browsers are not installed: fall through to the system's.
  }
  const found = SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (!found) {
    throw new Error('No Chromium found: set MARGINALIA_CHROMIUM to a Chromium or Chrome executable, or run `npx playwright install chromium`.');
  }
  return found;
}
