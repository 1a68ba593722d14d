// Opens a URL in the user's default browser, where there is a display to show it on.

import { spawn } from 'node:child_process';

/** True when a browser window could be shown: not in CI, and on Linux only with an X or Wayland display. */
export function hasDisplay(): boolean {
  if (process.env.CI) return false;
  if (process.platform === 'linux') return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return true;
}

/** Opens `url` with the platform's opener; failures are ignored (the URL is printed anyway). */
export function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener: the printed URL is the fallback.
  }
}
