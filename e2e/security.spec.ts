// The browser mode's token, tried in one browser profile across restarts: the printed URL always works (also with
// cookies of an earlier run or another port), an old tab says in one line what happened and what to do, and a
// cookie alone opens no API call.

import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';
import { ROOT } from './support/workbench';

/** Starts `marginalia serve` on `corpusDir` (on `port` when given) and answers its printed URL. */
async function serve(corpusDir: string, configDir: string, port?: number): Promise<{ url: string; child: ChildProcess }> {
  const args = [path.join(ROOT, 'bin', 'marginalia.js'), 'serve', '--corpus', corpusDir, '--no-open', ...(port ? ['--port', String(port)] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, MARGINALIA_CONFIG_DIR: configDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { url, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

test('a restart with a new token: the printed URL works in the same profile, the old tab says what to do, a cookie opens nothing', async ({ browser }) => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-security-'));
  const corpusDir = path.join(tmp, 'corpus');
  const configDir = path.join(tmp, 'config');
  await cp(path.join(ROOT, 'resources', 'sample-corpus'), corpusDir, { recursive: true });
  const context = await browser.newContext();
  const children: ChildProcess[] = [];
  try {
    const first = await serve(corpusDir, configDir);
    children.push(first.child);
    const port = Number(new URL(first.url).port);
    const page = await context.newPage();
    await test.step('the first run opens from its URL', async () => {
      await page.goto(first.url);
      await page.getByLabel('Annotator name').fill('alice');
      await page.getByRole('button', { name: 'Start annotating' }).click();
      await expect(page.locator('.doc-row').first()).toBeVisible();
    });

    await stop(first.child);
    await test.step('a stopped server: the open tab says so in one line', async () => {
      await page.locator('.doc-row').first().click();
      await expect(page.getByRole('alert').or(page.locator('.notice-error')).first()).toContainText(/does not answer: start `marginalia serve` again/);
    });

    const second = await serve(corpusDir, configDir, port);
    children.push(second.child);
    expect(new URL(second.url).searchParams.get('token')).not.toBe(new URL(first.url).searchParams.get('token'));
    // Cookies an earlier version set, for this port's host and for the same host of another port (browsers share them).
    await context.addCookies([
      { name: 'marginalia_token', value: new URL(first.url).searchParams.get('token')!, url: `http://127.0.0.1:${port}/` },
      { name: 'session', value: 'another-app', url: 'http://127.0.0.1:1/' },
    ]);

    await test.step('the old tab of the restarted server says what to do', async () => {
      await page.reload();
      await expect(page.locator('.notice-error').first()).toContainText(/restarted with a new token: open the URL that `marginalia serve` printed/);
    });

    await test.step('the printed URL works in the same profile, cookies of the earlier run notwithstanding', async () => {
      await page.goto(second.url);
      await expect(page.locator('.doc-row').first()).toBeVisible();
      await expect(page.locator('.notice-error')).toHaveCount(0);
    });

    await test.step('a cookie alone opens no API call, even with the right token in it', async () => {
      const token = new URL(second.url).searchParams.get('token')!;
      await context.addCookies([{ name: 'marginalia_token', value: token, url: `http://127.0.0.1:${port}/` }]);
      const status = await page.evaluate(async () => (await fetch('/api/getCorpus', { method: 'POST', body: '', credentials: 'include' })).status);
      expect(status).toBe(401);
      const withHeader = await page.evaluate(async (t) => (await fetch('/api/getCorpus', { method: 'POST', body: '', headers: { 'x-marginalia-token': t } })).status, token);
      expect(withHeader).toBe(200);
    });
  } finally {
    await context.close();
    for (const c of children) await stop(c);
    await rm(tmp, { recursive: true, force: true });
  }
});
