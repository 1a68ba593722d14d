// The keyboard of a day's annotation: word steps for boundaries (English and Chinese), figures
// re-read when their boundaries move, shrinking to the figure inside, `g` in document order from
// the last suggestion judged, notices that stay with their document, the link notice, Ctrl+E.
import type { Page } from '@playwright/test';
import { clickBefore, expect, openAs, openDocument, paintedSpans, selectWithMouse, test } from './support/workbench';

test('word steps move a boundary by whole words, and a figure is re-read as its boundaries move', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '01-harbour-robotics.txt');

  await test.step('a figure marked short of its unit', async () => {
    await selectWithMouse(page, '41.2 million');
    await page.keyboard.press('f');
    await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:41.2 million']);
    await expect(page.locator('[data-attr=value]')).toHaveValue('41200000');
  });

  await test.step('one character at a time (Alt+→) takes the unit and re-reads it', async () => {
    for (let i = 0; i < 4; i++) await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:41.2 million TEU']);
    await expect(page.locator('[data-attr=unit]')).toHaveValue('TEU');
  });

  await test.step('a word at a time (Ctrl+Alt+→, Ctrl+Alt+←), never ending in a space', async () => {
    await page.keyboard.press('Control+Alt+ArrowRight');
    await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:41.2 million TEU last']);
    await page.keyboard.press('Control+Alt+ArrowLeft');
    await page.keyboard.press('Control+Alt+ArrowLeft');
    await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:41.2 million']);
    await expect(page.locator('[data-attr=unit]')).not.toHaveValue('TEU');
    await page.keyboard.press('Control+Alt+ArrowRight');
    await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:41.2 million TEU']);
    await expect(page.locator('[data-attr=unit]')).toHaveValue('TEU');
  });

  await test.step('the start moves by words too (Ctrl+Alt+Shift+←/→)', async () => {
    await page.keyboard.press('Control+Alt+Shift+ArrowLeft');
    await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:handled 41.2 million TEU']);
    await page.keyboard.press('Control+Alt+Shift+ArrowRight');
    await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:41.2 million TEU']);
  });

  await test.step('a value edited by hand is kept when the boundaries move', async () => {
    await page.locator('[data-attr=unit]').fill('twenty-foot units');
    await page.locator('[data-attr=unit]').press('Tab');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Alt+ArrowRight');
    await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:41.2 million TEU last']);
    await expect(page.locator('[data-attr=unit]')).toHaveValue('twenty-foot units');
    await page.keyboard.press('Control+z');
    await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:41.2 million TEU']);
  });

  await test.step('"-" shrinks a wide figure to the figure inside, approximator read from before it', async () => {
    await selectWithMouse(page, 'more than 60% of all');
    await page.keyboard.press('Shift+F');
    await expect.poll(() => paintedSpans(page)).toContain('FIGURE:more than 60% of all');
    await page.keyboard.press('-');
    await expect.poll(() => paintedSpans(page)).toContain('FIGURE:60%');
    await expect(page.locator('[data-attr=approx]')).toHaveValue('more-than');
  });
});

test('word steps in Chinese go by words, not characters', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '04-city-budget-zh.txt');
  await selectWithMouse(page, '6234.5亿');
  await page.keyboard.press('Shift+F');
  await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:6234.5亿']);
  await page.keyboard.press('Control+Alt+ArrowRight');
  await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:6234.5亿元']);
  await expect(page.locator('[data-attr=value]')).toHaveValue('623450000000');
  await expect(page.locator('[data-attr=unit]')).toHaveValue('CNY');
  // Back over 元, then over the scale word: never half a word, never a lone character of one.
  await page.keyboard.press('Control+Alt+Shift+ArrowLeft');
  const [grown] = await paintedSpans(page);
  expect(grown).toMatch(/^FIGURE:.+6234\.5亿元$/);
  expect(['FIGURE:达6234.5亿元', 'FIGURE:增加值达6234.5亿元']).toContain(grown);
});

test('g walks the suggestions in document order from the last one judged, and the first g after a click works', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '04-city-budget-zh.txt');
  await expect(page.locator('.ghost').first()).toBeVisible();
  // Figures and entity proposals alike, in document order; `first` is the first one after the caret placed below.
  const all = await page.locator('.ghost').allTextContents();
  const docText = (await page.locator('.doc-text').textContent())!;
  const first = all.findIndex((g) => docText.indexOf(g) > docText.indexOf('报告指出'));
  const ghosts = all.slice(first - 2);
  expect(ghosts.length).toBeGreaterThanOrEqual(6);

  await test.step('the first g after clicking into the text goes to the first suggestion after the caret', async () => {
    await clickBefore(page, '报告指出');
    await page.keyboard.press('g');
    await expect(page.locator('.ghost-focused')).toHaveText(ghosts[2]!);
  });

  await test.step('after accepting, g goes on from the accepted one, not from the caret', async () => {
    await page.keyboard.press('g');
    await expect(page.locator('.ghost-focused')).toHaveText(ghosts[3]!);
    await page.keyboard.press('Enter');
    await expect.poll(() => paintedSpans(page)).toEqual([`FIGURE:${ghosts[3]}`]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await expect(page.locator('.ghost-focused')).toHaveText(ghosts[4]!);
  });

  await test.step('after rejecting, the focus moves on in document order, and g after Esc goes on from the rejected one', async () => {
    await page.keyboard.press('Backspace');
    await expect(page.locator('.ghost-focused')).toHaveText(ghosts[5]!);
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    await expect(page.locator('.ghost-focused')).toHaveText(ghosts[5]!);
    await page.keyboard.press('Shift+G');
    await expect(page.locator('.ghost-focused')).toHaveText(ghosts[2]!);
  });
});

test('notices stay with their document; the link notice leaves the text uncovered; Ctrl+E opens the export', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '02-lake-energy.md');

  await test.step('"Undid: …" is shown in its document and not in the next one', async () => {
    await selectWithMouse(page, 'Chen Rui');
    await page.keyboard.press('p');
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('notice')).toHaveText('Undid: create PERSON');
    await openDocument(page, '01-harbour-robotics.txt');
    await expect(page.getByTestId('notice')).toHaveCount(0);
  });

  await test.step('the link notice sits above the text, not over its first line', async () => {
    await selectWithMouse(page, '41.2 million TEU');
    await page.keyboard.press('f');
    await clickBefore(page, "Harbour City's container");
    await page.keyboard.press('x');
    await page.keyboard.press('c');
    await expect(page.locator('.span[data-label=CLAIM]').first()).toBeVisible();
    await page.keyboard.press('i');
    const bar = page.getByTestId('link-bar');
    await expect(bar).toContainText('cites');
    const barBox = (await bar.boundingBox())!;
    const textTop = await page.locator('.editor').evaluate((e) => e.getBoundingClientRect().top);
    expect(barBox.y + barBox.height).toBeLessThanOrEqual(textTop + 0.5);
    await page.keyboard.press('Escape');
    await expect(bar).toHaveCount(0);
  });

  await test.step('Ctrl+E opens the export dialog in the browser', async () => {
    await page.keyboard.press('Control+e');
    await expect(page.getByRole('dialog')).toBeVisible();
  });
});

/** Clicks the middle of the first element matching `selector` and presses `key`, in one task of the page. */
async function clickThenKey(page: Page, selector: string, key: string): Promise<void> {
  await page.evaluate(
    ([selector, key]) => {
      const el = document.querySelector<HTMLElement>(selector)!;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      const at = { bubbles: true, cancelable: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, button: 0, view: window };
      el.dispatchEvent(new MouseEvent('mousedown', at));
      el.dispatchEvent(new MouseEvent('mouseup', at));
      el.dispatchEvent(new MouseEvent('click', at));
      (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    },
    [selector, key] as const,
  );
}

test('a key pressed right after a click acts on what was clicked, not on the selection before it', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '04-city-budget-zh.txt');

  await test.step('the first g after a click into the text focuses a suggestion, and the click does not take it back', async () => {
    await clickThenKey(page, '.doc-text p.line:nth-of-type(3)', 'g');
    await expect(page.locator('.ghost-focused')).toHaveCount(1);
  });

  await openDocument(page, '02-lake-energy.md');
  await selectWithMouse(page, 'Chen Rui');
  await page.keyboard.press('p');
  await selectWithMouse(page, 'Northern Daily');
  await page.keyboard.press('o');
  await expect.poll(() => paintedSpans(page)).toEqual(['PERSON:Chen Rui', 'ORG:Northern Daily']);
  // ORG is selected. Click the PERSON and press Delete in one task: the editor reports the click
  // in a later task, and the key must wait for it.
  await clickThenKey(page, '.doc-text .span[data-label=PERSON]', 'Delete');
  await expect.poll(() => paintedSpans(page)).toEqual(['ORG:Northern Daily']);
});
