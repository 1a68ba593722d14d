// Suggestions an annotator can trust, through the current UI: figures proposed as the guidelines draw them, and an
// accepted entity suggestion that becomes a span with its canonical id.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openAs, openDocument, paintedSpans, selectWithMouse, startWorkbench, stopWorkbench, test, type Workbench } from './support/workbench';

/** Two short reports written for this test: the second names the organisation the annotator labels in the first. */
const FIRST = 'Fudan University said on Monday that its lab in Shanghai had trained two new models.\n';
const SECOND =
  'Researchers at Fudan University expect approval to take two to four weeks. 平台已接入全国9000多家纺织企业,布局四大新赛道。\n';

async function withReports(run: (w: Workbench) => Promise<void>): Promise<void> {
  const w = await startWorkbench(undefined, async (dir) => {
    await writeFile(path.join(dir, 'suggest-first.txt'), FIRST);
    await writeFile(path.join(dir, 'suggest-second.txt'), SECOND);
  });
  try {
    await run(w);
  } finally {
    await stopWorkbench(w);
  }
}

/** Steps with `g` until the focused ghost shows `text` (at most `max` steps). */
async function focusGhost(page: Page, text: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('g');
    if ((await page.locator('.ghost-focused').first().textContent()) === text) return;
  }
  throw new Error(`no ghost "${text}" reached with g`);
}

/** The last native export's lines. */
async function exportNative(page: Page, corpusDir: string) {
  await page.getByTestId('export').click();
  await page.getByTestId('run-export').click();
  await expect(page.getByTestId('export-summary')).toContainText('Exported');
  await page.getByRole('button', { name: 'Close' }).click();
  const dir = path.join(corpusDir, '.marginalia', 'exports');
  const files = (await readdir(dir)).sort();
  const text = await readFile(path.join(dir, files[files.length - 1]!), 'utf8');
  return text.trimEnd().split('\n').map((l) => JSON.parse(l) as { source: string; spans: { label: string; text: string; attrs: Record<string, unknown> }[] });
}

test('figures are proposed whole: a range as one ghost, a Chinese count with its noun, 四大 counted', async ({ page }) => {
  await withReports(async (w) => {
    await openAs(page, w.url, 'alice');
    await openDocument(page, 'suggest-second.txt');
    const ghosts = await page.locator('.doc-text [data-suggestion-key]').allTextContents();
    expect(ghosts).toEqual(expect.arrayContaining(['two to four weeks', '9000多家纺织企业', '四大新赛道']));
    // Not "two" and "four weeks": one range.
    expect(ghosts).not.toContain('four weeks');
    // Accepting the range gives a FIGURE whose value is null (a range) and whose unit is the range's.
    await focusGhost(page, 'two to four weeks');
    await page.keyboard.press('Enter');
    await expect.poll(() => paintedSpans(page)).toContain('FIGURE:two to four weeks');
    const lines = await exportNative(page, w.corpusDir);
    const span = lines.find((l) => l.source === 'suggest-second.txt')!.spans.find((s) => s.text === 'two to four weeks')!;
    expect(span.attrs).toMatchObject({ value: null, unit: 'week', approx: 'none' });
  });
});

test('an accepted entity suggestion becomes a span with its canonical id', async ({ page }) => {
  await withReports(async (w) => {
    await openAs(page, w.url, 'alice');
    // The annotator labels the organisation once and gives it a canonical id.
    await openDocument(page, 'suggest-first.txt');
    await selectWithMouse(page, 'Fudan University');
    await page.keyboard.press('o');
    const canonical = page.locator('[data-attr=canonical]');
    await canonical.fill('fudan-university');
    await canonical.press('Enter');
    await page.keyboard.press('Escape');

    // In the next report the same name is proposed, and accepting it keeps the id.
    await openDocument(page, 'suggest-second.txt');
    // The lexicon's hit (with the canonical id) replaces the NLP rules' proposal of the same name once the lexicon is read.
    await expect(page.locator('.doc-text [data-suggestion-key^="dictionary:"][data-label="ORG"]')).toHaveText(['Fudan University']);
    await focusGhost(page, 'Fudan University');
    await page.keyboard.press('Enter');
    await expect.poll(() => paintedSpans(page)).toContain('ORG:Fudan University');

    // A lexicon read between the label key and the id's Enter shows the hit without the id; the id follows once it is read again.
    await expect
      .poll(async () => (await exportNative(page, w.corpusDir)).find((l) => l.source === 'suggest-second.txt')?.spans.find((s) => s.label === 'ORG'), { timeout: 15_000 })
      .toMatchObject({ text: 'Fudan University', attrs: { canonical: 'fudan-university' } });
  });
});

test('an entity accepted at once, before the lexicon is read again, still gets its canonical id', async ({ page }) => {
  await withReports(async (w) => {
    await openAs(page, w.url, 'alice');
    await openDocument(page, 'suggest-first.txt');
    await selectWithMouse(page, 'Fudan University');
    await page.keyboard.press('o');
    const canonical = page.locator('[data-attr=canonical]');
    await canonical.fill('fudan-university');
    await canonical.press('Enter');
    await page.keyboard.press('Escape');
    // No wait for the lexicon: the first proposal of the name that shows (the NLP rules' or the lexicon's) is accepted.
    await openDocument(page, 'suggest-second.txt');
    await expect(page.locator('.doc-text [data-suggestion-key]', { hasText: 'Fudan University' })).not.toHaveCount(0);
    await focusGhost(page, 'Fudan University');
    await page.keyboard.press('Enter');
    await expect.poll(() => paintedSpans(page)).toContain('ORG:Fudan University');
    await expect
      .poll(async () => (await exportNative(page, w.corpusDir)).find((l) => l.source === 'suggest-second.txt')?.spans.find((s) => s.label === 'ORG')?.attrs.canonical, { timeout: 15_000 })
      .toBe('fudan-university');
  });
});

test('a boundary move re-parses the figure, and a unit edited by hand is kept', async ({ page }) => {
  await withReports(async (w) => {
    await openAs(page, w.url, 'alice');
    await openDocument(page, 'suggest-second.txt');
    await selectWithMouse(page, 'two to four');
    await page.keyboard.press('Shift+f');
    await expect(page.locator('[data-attr=value]')).toHaveValue('');
    await expect(page.locator('[data-attr=unit]')).toHaveValue('');
    // Alt+→ six times takes in " weeks": the range's unit is re-parsed.
    for (let i = 0; i < 6; i++) await page.keyboard.press('Alt+ArrowRight');
    await expect(page.locator('[data-attr=unit]')).toHaveValue('week');
    // The annotator corrects the unit by hand; moving the end back keeps it.
    const unit = page.locator('[data-attr=unit]');
    await unit.fill('weeks of review');
    // Esc in the field keeps the value and hands the keyboard back to the text, the span still selected.
    await unit.press('Escape');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(page.locator('[data-attr=unit]')).toHaveValue('weeks of review');
    const lines = await exportNative(page, w.corpusDir);
    const span = lines.find((l) => l.source === 'suggest-second.txt')!.spans.find((s) => s.label === 'FIGURE')!;
    expect(span).toMatchObject({ text: 'two to four week', attrs: { unit: 'weeks of review' } });
  });
});

test('an English entity is proposed before the first label, and accepting it makes a span', async ({ page }) => {
  await withReports(async (w) => {
    await openAs(page, w.url, 'alice');
    await openDocument(page, 'suggest-first.txt');
    // No span and no lexicon yet: the NLP rules propose the organisation.
    await expect(page.locator('.doc-text .span')).toHaveCount(0);
    await expect(page.locator('.doc-text [data-suggestion-key^="entity:"]', { hasText: 'Fudan University' })).toHaveCount(1);
    await focusGhost(page, 'Fudan University');
    await page.keyboard.press('Enter');
    await expect.poll(() => paintedSpans(page)).toEqual(['ORG:Fudan University']);
    await expect(page.locator('.doc-text [data-suggestion-key]', { hasText: 'Fudan University' })).toHaveCount(0);
  });
});

test('the learning curve appears in the progress panel once documents are labelled', async ({ page }) => {
  await withReports(async (w) => {
    await openAs(page, w.url, 'alice');
    const curve = page.getByTestId('progress').getByTestId('learning-curve');
    await expect(curve).toContainText('label two documents');
    for (const doc of ['suggest-first.txt', 'suggest-second.txt']) {
      await openDocument(page, doc);
      await selectWithMouse(page, 'Fudan University');
      await page.keyboard.press('o');
      await page.keyboard.press('Escape');
      await expect.poll(() => paintedSpans(page)).toContain('ORG:Fudan University');
    }
    // Trained in the worker after a pause: precision and recall by documents labelled.
    await expect(curve).toContainText(/Model suggestions after \d+ documents?: precision \d+%, recall \d+%/, { timeout: 20_000 });
    await expect(curve.locator('svg path[data-series="precision"]')).toHaveCount(1);
  });
});
