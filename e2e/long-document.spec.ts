// A long document stays whole for find, selection and keys, while only what is near the viewport is decorated.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, openAs, openDocument, paintedSpans, ROOT, startWorkbench, stopWorkbench, test } from './support/workbench';

test('a 400,000-character report: ghosts painted near the viewport, find and label at its far end', async ({ page }) => {
  const w = await startWorkbench(undefined, async (dir) => {
    const en = await readFile(path.join(ROOT, 'resources', 'sample-corpus', '01-harbour-robotics.txt'), 'utf8');
    const zh = await readFile(path.join(ROOT, 'resources', 'sample-corpus', '04-city-budget-zh.txt'), 'utf8');
    const parts: string[] = [];
    for (let i = 0; parts.join('').length < 400_000; i++) parts.push(`Section ${i}\n\n${en}\n${zh}\n`);
    parts.push('The final paragraph names Omega Shipping Lines.\n');
    await writeFile(path.join(dir, 'long-report.txt'), parts.join(''));
  });
  try {
    await openAs(page, w.url, 'alice');
    await openDocument(page, 'long-report.txt');
    const total = Number((await page.getByRole('tab', { name: /Suggestions/ }).textContent())!.match(/\((\d+)\)/)![1]);
    expect(total).toBeGreaterThan(2000);
    const painted = await page.locator('.doc-text [data-suggestion-key]').count();
    expect(painted).toBeGreaterThan(0);
    expect(painted).toBeLessThan(total / 4);

    // A fling to the middle, a screen per frame: where the view comes to rest, its ghosts and their chips are painted.
    await page.locator('.editor').evaluate(
      (s) =>
        new Promise<void>((resolve) => {
          const frame = () => {
            if (s.scrollTop >= s.scrollHeight / 2) return resolve();
            s.scrollTop += s.clientHeight;
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }),
    );
    const onScreen = (selector: string) =>
      page.evaluate((sel) => {
        const box = document.querySelector('.editor')!.getBoundingClientRect();
        return [...document.querySelectorAll(sel)].filter((e) => {
          const r = e.getBoundingClientRect();
          return r.bottom > box.top && r.top < box.bottom;
        }).length;
      }, selector);
    await expect.poll(() => onScreen('.doc-text [data-suggestion-key]')).toBeGreaterThan(0);
    await expect.poll(() => onScreen('.chip-layer [data-chip-ghost]')).toBeGreaterThan(0);
    const middle = await page.locator('.doc-text [data-suggestion-key]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-suggestion-key')!.split(':')[2])));
    expect(Math.min(...middle)).toBeGreaterThan(100_000);

    // Find reaches the end of the text; the match is labelled there and painted.
    await page.locator('.doc-text').click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('Omega Shipping Lines');
    await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
    await page.keyboard.press('Escape');
    await page.keyboard.press('o');
    await expect.poll(() => paintedSpans(page)).toEqual(['ORG:Omega Shipping Lines']);
    // The ghosts near the end are painted now, not those of the beginning.
    const keys = await page.locator('.doc-text [data-suggestion-key]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-suggestion-key')!.split(':')[2])));
    expect(Math.min(...keys)).toBeGreaterThan(300_000);
  } finally {
    await stopWorkbench(w);
  }
});
