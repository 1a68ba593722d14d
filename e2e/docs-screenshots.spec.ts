// The README's screenshots of the workbench, taken by walking the real UI: `MARGINALIA_SCREENSHOTS=1 npx playwright test
// e2e/docs-screenshots.spec.ts` writes docs/workbench-en.png, docs/workbench-zh.png and docs/relation-arcs.png.

import path from 'node:path';
import type { Page } from '@playwright/test';
import { clickBefore, expect, openAs, openDocument, paintedSpans, ROOT, selectWithMouse, test } from './support/workbench';

test.skip(!process.env.MARGINALIA_SCREENSHOTS, 'writes the README screenshots only when MARGINALIA_SCREENSHOTS is set');

/** Labels `needle` with the label key `key` and waits until it is painted. */
async function mark(page: Page, needle: string, key: string): Promise<void> {
  await selectWithMouse(page, needle);
  await page.keyboard.press(key);
  await expect.poll(async () => (await paintedSpans(page)).some((s) => s.endsWith(`:${needle}`))).toBe(true);
}

/** The claim over the sentence that begins with `start`. */
async function claim(page: Page, start: string): Promise<void> {
  await clickBefore(page, start);
  await page.keyboard.press('x');
  await page.keyboard.press('c');
}

/** Links the selected span to the nearest candidate by relation key `key`. */
async function link(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await expect(page.locator('.link-bar')).toBeVisible();
  await page.keyboard.press('Enter');
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(ROOT, 'docs', name) });
}

test('README screenshots: English and Chinese workbench, relation arcs', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  await openAs(page, workbench.url, 'alice');

  await openDocument(page, '01-harbour-robotics.txt');
  await mark(page, '41.2 million TEU', 'f');
  await mark(page, 'Harbour City Port Authority', 'o');
  await claim(page, "Harbour City's container port");
  await link(page, 'i');
  await mark(page, '3.5 billion dollars', 'f');
  await mark(page, 'Harbour City Development Plan 2030', 'y');
  await mark(page, 'Maria Okonkwo', 'p');
  await mark(page, 'Eastgate terminal', 'l');
  await claim(page, 'The city plans');
  await link(page, 'i');
  await link(page, 'a');
  await page.locator('.doc-text').evaluate((el) => el.closest('.editor')!.scrollTo({ top: 0 }));
  await shoot(page, 'workbench-en.png');

  await page.getByRole('button', { name: 'Relations' }).click();
  await page.keyboard.press('Escape');
  await shoot(page, 'relation-arcs.png');
  await page.getByRole('button', { name: 'Relations' }).click();

  await openDocument(page, '04-city-budget-zh.txt');
  await mark(page, '6234.5亿元', 'f');
  await mark(page, '28.1%', 'f');
  await mark(page, '杭州市统计局', 'o');
  await claim(page, '杭州市统计局3月');
  await link(page, 'i');
  await mark(page, '阿里巴巴集团', 'o');
  await mark(page, '海康威视', 'o');
  await mark(page, '杭州市数字经济促进条例', 'y');
  await page.locator('.doc-text').evaluate((el) => el.closest('.editor')!.scrollTo({ top: 0 }));
  await shoot(page, 'workbench-zh.png');
});
