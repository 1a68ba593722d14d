// The desktop app: the same workbench in Electron's window, where Electron's binary exists; skipped, saying why, where it does not.

import { _electron as electron } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, ROOT, test } from './support/workbench';

/** Electron's executable if its npm package has fetched it (never triggers the download). */
function electronBinary(): string | null {
  const pkg = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

const binary = electronBinary();

test('the desktop app opens the sample corpus in a sandboxed window', async () => {
  test.skip(binary === null, "Electron's binary is not installed here (node_modules/electron has not fetched it; `npm start` fetches it where the network allows). The shell is covered by test/shell on a stub instead.");
  const app = await electron.launch({ executablePath: binary!, args: [ROOT], env: { ...process.env, MARGINALIA_CONFIG_DIR: path.join(ROOT, 'test-results', 'electron-config') } });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/marginalia\//);
    await page.getByLabel('Annotator name').fill('alice');
    await page.getByRole('button', { name: 'Start annotating' }).click();
    await expect(page.locator('.doc-row')).toHaveCount(6);
    // No Node in the page, only the contract on window.marginalia.
    expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process, typeof (window as unknown as { marginalia?: unknown }).marginalia])).toEqual(['undefined', 'undefined', 'object']);
  } finally {
    await app.close();
  }
});
