// The annotator's workbench by keyboard: attributes, relations, snapping in Chinese, sentences, suggestions, undo across reload, find, filters.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { clickBefore, expect, openAs, openDocument, paintedSpans, selectWithMouse, spanLocator, test } from './support/workbench';
import type { Page } from '@playwright/test';

/** Runs the export dialog with its defaults (native, every annotated document) and returns the written lines. */
async function exportNative(page: Page, corpusDir: string) {
  await page.getByTestId('export').click();
  await page.getByTestId('run-export').click();
  await expect(page.getByTestId('export-summary')).toContainText('Exported');
  await page.getByRole('button', { name: 'Close' }).click();
  const dir = path.join(corpusDir, '.marginalia', 'exports');
  const files = (await readdir(dir)).sort();
  const text = await readFile(path.join(dir, files[files.length - 1]!), 'utf8');
  return text.trimEnd().split('\n').map((l) => JSON.parse(l));
}

test('attributes, relations and the export carry them', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '01-harbour-robotics.txt');

  await test.step('a figure', async () => {
    // A figure: value, unit and approx are prefilled by the parser.
    await selectWithMouse(page, '3.5 billion dollars');
    await page.keyboard.press('f');
    await expect(page.locator('[data-attr=value]')).toHaveValue('3500000000');
    await expect(page.locator('[data-attr=unit]')).toHaveValue('USD');
  });

  await test.step('correct the unit by keyboard', async () => {
    // Correct the unit by keyboard: Enter moves into the panel, Tab between fields, Esc back to the text.
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-attr=value]')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-attr=unit]')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('US$');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-attr=unit]')).toHaveValue('US$');
  });

  await test.step('a claim', async () => {
    // A claim: the sentence under the caret (x), labelled c.
    await clickBefore(page, 'The city plans');
    await page.keyboard.press('x');
    await expect.poll(() => page.evaluate(() => window.getSelection()!.toString())).toBe(
      'The city plans to spend 3.5 billion dollars over five years on a second automated terminal, according to the Harbour City Development Plan 2030.',
    );
    await page.keyboard.press('c');
    await expect(spanLocator(page, 'CLAIM', 'The city plans to spend 3.5 billion dollars over five years on a second automated terminal, according to the Harbour City Development Plan 2030.')).toBeVisible();
  });

  await test.step('link the claim to the figure it cites', async () => {
    // Link the claim to the figure it cites: i, then Enter on the nearest candidate.
    await page.keyboard.press('i');
    await expect(page.locator('.link-bar')).toContainText('cites');
    await expect(page.locator('.link-candidate.current')).toHaveText(/3\.5 billion dollars/);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-relation]')).toHaveCount(1);
    await expect(page.locator('[data-relation]')).toContainText('→ cites: 3.5 billion dollars');
    await expect(page.locator('.span-linked[data-linked=cites]')).toHaveText(/3\.5 billion dollars/);
  });

  await test.step('an entity the claim is about, linked by keyboard through the candidates', async () => {
    // An entity the claim is about, linked by keyboard through the candidates.
    await selectWithMouse(page, 'Harbour City Development Plan 2030');
    await page.keyboard.press('y');
    await page.locator('.span-row', { hasText: 'The city plans' }).click();
    await page.keyboard.press('a');
    await expect(page.locator('.link-candidate.current')).toHaveText(/Harbour City Development Plan 2030/);
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-relation]')).toHaveCount(2);
  });

  await test.step('remove a relation from the panel by keyboard', async () => {
    // Remove a relation from the panel by keyboard.
    const remove = page.getByRole('button', { name: 'Remove relation about' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-relation]')).toHaveCount(1);
  });

  await test.step('deleting the figure deletes its relation', async () => {
    // Deleting the figure deletes its relation; undo brings both back.
    await page.locator('.span-row', { has: page.locator('.span-row-text', { hasText: /^3\.5 billion dollars$/ }) }).click();
    await page.keyboard.press('Delete');
    await page.locator('.span-row', { hasText: 'The city plans' }).click();
    await expect(page.locator('[data-relation]')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.locator('[data-relation]')).toHaveCount(1);

    const lines = await exportNative(page, workbench.corpusDir);
    const line = lines.find((l) => l.source === '01-harbour-robotics.txt');
    const figure = line.spans.find((s: { label: string }) => s.label === 'FIGURE');
    // The unit set by hand is marked as such (kept when the span's boundaries move).
    expect(figure.attrs).toEqual({ approx: 'none', unit: 'US$', value: 3500000000, edited: 'unit' });
    const claim = line.spans.find((s: { label: string }) => s.label === 'CLAIM');
    expect(line.relations).toEqual([{ id: expect.any(String), label: 'cites', head: claim.id, tail: figure.id }]);
  });
});

test('snapping to Chinese words, character precision, and the sentence shortcut in Chinese', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '04-city-budget-zh.txt');
  // Part of a word: 市统计 is snapped out to the words it touches.
  await selectWithMouse(page, '州市统');
  await page.keyboard.press('o');
  const words = await page.evaluate(() => {
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    return [...seg.segment('杭州市统计局3月发布的报告显示')].map((s) => s.segment);
  });
  const snapped = await page.locator('.span-row .span-row-text').first().textContent();
  // The span is whole words of the segmenter, and covers the selection.
  expect(snapped).toContain('州市统');
  expect('杭州市统计局3月发布的报告显示'.startsWith(snapped!) || words.join('').includes(snapped!)).toBe(true);
  let joined = '';
  const boundaries = new Set([0]);
  for (const w of words) boundaries.add((joined += w).length);
  const at = '杭州市统计局3月发布的报告显示'.indexOf(snapped!);
  expect(boundaries.has(at) && boundaries.has(at + snapped!.length)).toBe(true);

  // Shift+key keeps the exact characters.
  await selectWithMouse(page, '州市统');
  await page.keyboard.press('Shift+L');
  await expect(spanLocator(page, 'LOC', '州市统')).toBeVisible();

  // x selects the Chinese sentence up to its 。
  await clickBefore(page, '告指出');
  await page.keyboard.press('x');
  await page.keyboard.press('c');
  await expect.poll(() => paintedSpans(page)).toContain('CLAIM:报告指出，全市共有高新技术企业1.5万家，其中约3000家从事人工智能相关业务。');
});

test('suggestions: accept, reject, accept all; rejections survive a reload', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '04-city-budget-zh.txt');
  // Figures only: entity proposals (PERSON, ORG, LOC, PRODUCT) are ghosts too.
  await expect(page.locator('[data-suggestion-key][data-label="FIGURE"]')).toHaveCount(8);
  // Ghosts are not spans: nothing is exported until accepted.
  await expect(page.locator('.doc-text .span')).toHaveCount(0);

  // `g` walks every ghost in document order, entities included: step to the figure.
  const focusGhost = async (text: string) => {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('g');
      if ((await page.locator('.ghost-focused').first().textContent()) === text) return;
    }
    throw new Error(`no ghost "${text}" reached with g`);
  };
  await focusGhost('6234.5亿元');
  await page.keyboard.press('Enter');
  await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:6234.5亿元']);
  await page.keyboard.press('Escape');
  await focusGhost('28.1%');
  await page.keyboard.press('Backspace');
  await expect(page.locator('[data-suggestion-key][data-label="FIGURE"]')).toHaveCount(6);
  // Reload once the rejection is stored, as the save indicator says (the model's worker may keep the CPU busy meanwhile).
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  await page.reload();
  await openDocument(page, '04-city-budget-zh.txt');
  await expect(page.locator('[data-suggestion-key][data-label="FIGURE"]')).toHaveCount(6);
  await expect(page.locator('.ghost', { hasText: '28.1%' })).toHaveCount(0);
  await expect.poll(() => paintedSpans(page)).toEqual(['FIGURE:6234.5亿元']);

  // Accept every open FIGURE suggestion with Shift+Enter.
  await focusGhost('800亿元');
  await page.keyboard.press('Shift+Enter');
  await expect(page.locator('[data-suggestion-key][data-label="FIGURE"]')).toHaveCount(0);
  await expect.poll(async () => (await paintedSpans(page)).length).toBe(7);
  expect(await paintedSpans(page)).toContain('FIGURE:800亿元');
  expect(await paintedSpans(page)).not.toContain('FIGURE:28.1%');
});

test('undo and redo survive a reload', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '02-lake-energy.md');
  await selectWithMouse(page, 'Chen Rui');
  await page.keyboard.press('p');
  await selectWithMouse(page, 'Northern Daily');
  await page.keyboard.press('o');
  await page.keyboard.press('o'); // no-op: same label
  await expect(page.locator('.span-row')).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.span-row')).toHaveCount(1);
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await openDocument(page, '02-lake-energy.md');
  await expect(page.locator('.span-row')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+Z');
  await expect(spanLocator(page, 'ORG', 'Northern Daily')).toBeVisible();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.span-row')).toHaveCount(0);
  await page.reload();
  await openDocument(page, '02-lake-energy.md');
  await page.keyboard.press('Control+Shift+Z');
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.locator('.span-row')).toHaveCount(2);
});

test('find in the document, find across the corpus and label from the list, filter the list', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '01-harbour-robotics.txt');
  await page.locator('.doc-text').click();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('harbour city');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 4');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText('2 of 4');
  await page.keyboard.press('Escape');
  await page.keyboard.press('l');
  await expect.poll(() => paintedSpans(page)).toEqual(['LOC:Harbour City']);

  await test.step('across the corpus', async () => {
    // Across the corpus: every document with "yuan", label the match in another document by key.
    await page.keyboard.press('Control+Shift+F');
    await page.keyboard.type('Lantern Festival');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('search-summary')).toHaveText('2 matches in 1 document');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('e');
    await expect(page.locator('.search-row .labelled').first()).toHaveText('✓ EVENT');
    await page.getByRole('button', { name: 'Close corpus search' }).click();
    await expect(page.locator('.doc-row[data-path="05-festival-emoji.txt"] [data-testid=span-count]')).toHaveText('1 span');
  });

  await test.step('status and label filters', async () => {
    // Status and label filters.
    await page.getByTestId('mark-done').click();
    await page.getByTestId('status-filter').selectOption('done');
    await expect(page.locator('.doc-row')).toHaveCount(1);
    await expect(page.locator('.doc-row')).toHaveAttribute('data-path', '01-harbour-robotics.txt');
    await page.getByTestId('status-filter').selectOption('');
    await page.getByTestId('label-filter').selectOption('EVENT');
    await expect(page.locator('.doc-row')).toHaveCount(1);
    await expect(page.locator('.doc-row')).toHaveAttribute('data-path', '05-festival-emoji.txt');
    await expect(page.getByTestId('progress-text')).toContainText('1 of 6 done');
    await expect(page.locator('[data-label-count=LOC]')).toHaveText('LOC 1');
  });

  await test.step('the shortcut overlay lists every shortcut', async () => {
    // The shortcut overlay lists every shortcut.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+Shift+Z / Ctrl+Y');
    // Read from the keymap: a row for each binding, word steps included.
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('move the selected span’s end by one word');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  });
});
