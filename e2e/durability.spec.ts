// Nothing lost: the journal rebuilds a wiped browser profile, survives a killed host, and changed files re-anchor their spans.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, openAs, openDocument, paintedSpans, restartWorkbench, selectWithMouse, stopWorkbench, test } from './support/workbench';

test('a wiped browser profile is rebuilt from the journal on disk', async ({ browser, workbench }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '01-harbour-robotics.txt');
  await selectWithMouse(page, 'Tidewater Robotics Ltd.');
  await page.keyboard.press('o');
  await selectWithMouse(page, 'Daniel Yu');
  await page.keyboard.press('p');
  await page.getByTestId('mark-done').click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const journal = await readFile(path.join(workbench.corpusDir, '.marginalia', 'journal-alice.jsonl'), 'utf8');
  // Blank lines are the host's (each batch starts on a fresh line, whoever wrote last); readers skip them.
  expect(journal.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).op)).toEqual(['put-span', 'put-span', 'status']);
  await first.close();

  // A new profile: IndexedDB is empty.
  const second = await browser.newContext();
  const fresh = await second.newPage();
  await openAs(fresh, workbench.url, 'alice');
  await expect(fresh.getByTestId('notice')).toContainText('rebuilt 2 spans and 0 relations of 1 documents from the journal');
  await expect(fresh.locator('.doc-row[data-path="01-harbour-robotics.txt"] [data-testid=status]')).toHaveText('done');
  await openDocument(fresh, '01-harbour-robotics.txt');
  await expect.poll(() => paintedSpans(fresh)).toEqual(['ORG:Tidewater Robotics Ltd.', 'PERSON:Daniel Yu']);
  await second.close();
});

test('killing the host and the browser mid-burst loses nothing that was shown as saved', async ({ browser, workbench }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '02-lake-energy.md');
  for (const [text, key] of [['Chen Rui', 'p'], ['Northern Daily', 'o'], ['Lake District Energy Bureau', 'o'], ['Clean Valley Programme', 'y']] as const) {
    await selectWithMouse(page, text);
    await page.keyboard.press(key);
  }
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const saved = await paintedSpans(page);
  expect(saved).toHaveLength(4);
  // A burst, and the plug pulled in the middle of it.
  await selectWithMouse(page, 'Greenleaf Power Co., Ltd.');
  await page.keyboard.press('o');
  await selectWithMouse(page, 'Mirror Lake Solar Park');
  await page.keyboard.press('l');
  workbench.process.kill('SIGKILL');
  await ctx.close();

  const again = await restartWorkbench(workbench);
  workbench.process = again.process;
  const ctx2 = await browser.newContext();
  const page2 = await ctx2.newPage();
  await openAs(page2, again.url, 'alice');
  await expect(page2.getByTestId('notice')).toContainText('from the journal');
  await openDocument(page2, '02-lake-energy.md');
  const after = await paintedSpans(page2);
  for (const s of saved) expect(after).toContain(s);
  await ctx2.close();
});

test('a file changed on disk: spans re-anchor, the unplaceable one waits in the review panel', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '01-harbour-robotics.txt');
  await selectWithMouse(page, 'Tidewater Robotics Ltd.');
  await page.keyboard.press('o');
  await selectWithMouse(page, 'Pier 9');
  await page.keyboard.press('l');
  await selectWithMouse(page, '3,400 jobs');
  await page.keyboard.press('f');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');

  // The file is edited: a new paragraph at the top, the figure's sentence rewritten.
  const file = path.join(workbench.corpusDir, '01-harbour-robotics.txt');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace('Harbour City Bets on Robots as Port Volumes Climb\n', 'Harbour City Bets on Robots as Port Volumes Climb\n\nUpdated on Friday with the union\'s response.\n').replace('say automation has cut 3,400 jobs since 2019', 'say automation has cost many jobs'));

  await expect(page.getByTestId('notice')).toContainText('2 spans re-anchored, 1 could not be placed with confidence', { timeout: 20_000 });
  await expect.poll(() => paintedSpans(page)).toEqual(['ORG:Tidewater Robotics Ltd.', 'LOC:Pier 9']);
  const orphans = page.getByTestId('orphans');
  await expect(orphans).toContainText('1 span to place');
  await expect(orphans).toContainText('3,400 jobs');

  // Place it by hand on its new text (the notice is dismissed first: it sits over the last lines).
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await selectWithMouse(page, 'many jobs');
  await orphans.getByRole('button', { name: 'Place' }).click();
  await expect(orphans).toHaveCount(0);
  await expect.poll(() => paintedSpans(page)).toEqual(['ORG:Tidewater Robotics Ltd.', 'FIGURE:many jobs', 'LOC:Pier 9']);
});

test('skipped files are listed with their reason, and an uncertain encoding can be chosen', async ({ page }) => {
  const { startWorkbench } = await import('./support/workbench');
  const w = await startWorkbench(undefined, async (dir) => {
    await writeFile(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2]));
    await writeFile(path.join(dir, 'empty.md'), '');
    // "臺灣" in Big5: the same bytes are valid GB18030 too, so the guess is uncertain.
    await writeFile(path.join(dir, 'taiwan.txt'), Buffer.from([0xbb, 0x4f, 0xc6, 0x57]));
  });
  try {
    await openAs(page, w.url, 'alice');
    await page.locator('details.skipped summary').click();
    await expect(page.locator('details.skipped')).toContainText('image.txt: binary file');
    await expect(page.locator('details.skipped')).toContainText('empty.md: empty file');
    const row = page.locator('.doc-row[data-path="taiwan.txt"]');
    await expect(row.getByTestId('encoding')).toBeVisible();
    await row.getByTestId('encoding').click();
    await page.locator('[data-encoding=big5]').click();
    await expect(row).toContainText('臺灣');
    await expect(row.getByTestId('encoding')).toHaveText('big5');
  } finally {
    await stopWorkbench(w);
  }
});
