// The annotator's core flow: open the sample corpus, mark spans by mouse and key, overlap, delete, relabel, reload, done, export.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { clickBefore, expect, openAs, openDocument, paintedSpanIds, paintedText, selectWithMouse, spanLocator, test, ROOT } from './support/workbench';
import { python3 } from './support/python';

test('annotate, reload, mark done and export code-point-exact JSONL', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');

  await test.step('the sidebar lists every document', async () => {
    // The sidebar lists every .txt and .md file below the corpus, nested folders included.
    const rows = page.locator('.doc-row');
    await expect(rows).toHaveCount(6);
    await expect(page.locator('.doc-row[data-path="harbour/06-shipbuilding.txt"]')).toContainText('Shipyard Orders Reach a Ten-Year High');
    await expect(page.locator('.doc-row[data-path="03-shanghai-port-crlf.txt"]')).toContainText('上海港集装箱吞吐量再创新高');
    await expect(page.locator('.doc-row[data-path="01-harbour-robotics.txt"] [data-testid=status]')).toHaveText('todo');

    await openDocument(page, '01-harbour-robotics.txt');
  });

  const figureId = await test.step('a figure by mouse and hotkey', async () => {
    // A figure by mouse and hotkey.
    await selectWithMouse(page, '41.2 million TEU');
    await page.keyboard.press('f');
    await expect(spanLocator(page, 'FIGURE', '41.2 million TEU')).toBeVisible();
    expect(await paintedSpanIds(page)).toHaveLength(1);
    const figureId = (await paintedSpanIds(page))[0]!;
    expect(await paintedText(page, figureId)).toBe('41.2 million TEU');
    await expect(page.locator(`.doc-text .span[data-span-id="${figureId}"][data-label="FIGURE"]`)).toBeVisible();
    return figureId;
  });

  await test.step('an overlapping claim that contains it', async () => {
    // An overlapping claim that contains it: both stay visible.
    await selectWithMouse(page, "Harbour City's container port handled 41.2 million TEU last year, up 6.8% from the year before");
    await page.keyboard.press('c');
    await expect(spanLocator(page, 'CLAIM', "Harbour City's container port handled 41.2 million TEU last year, up 6.8% from the year before")).toBeVisible();
    expect(await paintedSpanIds(page)).toHaveLength(2);
    expect(await paintedText(page, figureId)).toBe('41.2 million TEU');
  });

  await test.step('nested spans', async () => {
    // Same label nested: an ORG inside an ORG-labelled longer span.
    await selectWithMouse(page, 'Harbour City Port Authority');
    await page.keyboard.press('o');
    await selectWithMouse(page, 'Harbour City', 2);
    await page.keyboard.press('l');
    await expect(spanLocator(page, 'LOC', 'Harbour City')).toBeVisible();
    expect(await paintedSpanIds(page)).toHaveLength(4);
  });

  await test.step('relabel a selected span by hotkey', async () => {
    // Click a span to select it, change its label by hotkey.
    await page.locator('.span-row', { hasText: 'Harbour City Port Authority' }).click();
    await page.keyboard.press('p');
    await expect(spanLocator(page, 'PERSON', 'Harbour City Port Authority')).toBeVisible();
    await page.keyboard.press('o');
    await expect(spanLocator(page, 'ORG', 'Harbour City Port Authority')).toBeVisible();
  });

  await test.step('select a span in the text and delete it', async () => {
    // Select a span by clicking it in the text, then Delete removes it.
    await selectWithMouse(page, 'Maria Okonkwo');
    await page.keyboard.press('p');
    await expect(spanLocator(page, 'PERSON', 'Maria Okonkwo')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.locator('.doc-text .span[data-label="PERSON"]').first().click();
    await expect(page.locator('.span-row.selected')).toContainText('Maria Okonkwo');
    await page.keyboard.press('Delete');
    await expect(spanLocator(page, 'PERSON', 'Maria Okonkwo')).toHaveCount(0);
    expect(await paintedSpanIds(page)).toHaveLength(4);
  });

  await test.step('select with Shift+arrows', async () => {
    // Keyboard selection: Shift+arrows from a click.
    await clickBefore(page, 'Okonkwo', 1);
    for (let i = 0; i < 'Okonkwo'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('p');
    await expect(spanLocator(page, 'PERSON', 'Okonkwo')).toBeVisible();
  });

  await test.step('reload: every span is still there', async () => {
    // Reload once the toolbar says the work is saved (the promise: what is shown as saved survives); every span is still there.
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await page.reload();
    await openDocument(page, '01-harbour-robotics.txt');
    await expect(page.locator('.span-row')).toHaveCount(5);
    expect(await paintedSpanIds(page)).toHaveLength(5);
    await expect(page.locator('.doc-row[data-path="01-harbour-robotics.txt"] [data-testid=span-count]')).toHaveText('5 spans');
    await expect(page.locator('.doc-row[data-path="01-harbour-robotics.txt"] [data-testid=status]')).toHaveText('in progress');
  });

  await test.step('astral characters', async () => {
    // The document with an emoji and CJK Extension B characters.
    await openDocument(page, '05-festival-emoji.txt');
    await selectWithMouse(page, '45.6 million yuan');
    await page.keyboard.press('f');
    await selectWithMouse(page, '𠀀𠀁 village');
    await page.keyboard.press('l');
    await selectWithMouse(page, '120万人次');
    await page.keyboard.press('f');
    await expect(spanLocator(page, 'LOC', '𠀀𠀁 village')).toBeVisible();
    await expect(spanLocator(page, 'FIGURE', '120万人次')).toBeVisible();
  });

  await test.step('a CRLF document', async () => {
    // The CRLF document.
    await openDocument(page, '03-shanghai-port-crlf.txt');
    await selectWithMouse(page, '120亿元');
    await page.keyboard.press('f');
    await selectWithMouse(page, '上海国际港务集团');
    await page.keyboard.press('o');
    await expect(spanLocator(page, 'ORG', '上海国际港务集团')).toBeVisible();
  });

  await test.step('mark done', async () => {
    // Mark done.
    await openDocument(page, '01-harbour-robotics.txt');
    await page.getByTestId('mark-done').click();
    await expect(page.locator('.doc-row[data-path="01-harbour-robotics.txt"] [data-testid=status]')).toHaveText('done');
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'annotated-document.png') });
  });

  const file = await test.step('export: written, offered as a download, said where', async () => {
    // Export: written under .marginalia/exports, offered as a download, the UI says where.
    await page.getByTestId('export').click();
    await page.getByTestId('run-export').click();
    await expect(page.getByTestId('export-summary')).toContainText('Exported 3 documents (10 spans) to');
    const exportsDir = path.join(workbench.corpusDir, '.marginalia', 'exports');
    const files = await readdir(exportsDir);
    expect(files).toHaveLength(1);
    const file = path.join(exportsDir, files[0]!);
    await expect(page.getByTestId('export-summary')).toContainText(files[0]!);
    const downloadPromise = page.waitForEvent('download');
    await page.getByTestId('export-summary').getByRole('link', { name: 'Download' }).click();
    const download = await downloadPromise;
    const bytes = await readFile(file, 'utf8');
    expect(await readFile(await download.path(), 'utf8')).toBe(bytes);

    const lines = bytes.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.doc_id)).toEqual([...lines.map((l) => l.doc_id)].sort());
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['format', 'doc_id', 'source', 'text', 'annotator', 'status', 'updated_at', 'spans', 'relations']);
      expect(line.format).toBe('marginalia/1');
      expect(line.annotator).toBe('alice');
      expect(line.doc_id).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(line.text).not.toContain('\r');
      const order = [...line.spans].sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : 1));
      expect(line.spans).toEqual(order);
      for (const s of line.spans) expect(Object.keys(s)).toEqual(['id', 'start', 'end', 'label', 'text', 'attrs']);
    }
    const bySource = Object.fromEntries(lines.map((l) => [l.source, l]));
    expect(bySource['01-harbour-robotics.txt'].status).toBe('done');
    expect(bySource['05-festival-emoji.txt'].spans.map((s: { text: string }) => s.text)).toEqual(['45.6 million yuan', '𠀀𠀁 village', '120万人次']);
    // Code points, not UTF-16: 𠀀𠀁 are one code point each, two UTF-16 units each.
    const emoji = bySource['05-festival-emoji.txt'];
    const loc = emoji.spans.find((s: { label: string }) => s.label === 'LOC');
    expect([...emoji.text].slice(loc.start, loc.end).join('')).toBe('𠀀𠀁 village');
    expect(emoji.text.slice(loc.start, loc.end)).not.toBe('𠀀𠀁 village');
    return file;
  });
  await test.step('Python slices every span to its text', async () => {
    // Python slices every span to its text.
    const out = python3([path.join(ROOT, 'e2e', 'support', 'check_offsets.py'), file]);
    expect(out).toContain('10 spans checked, 0 wrong');
  });
});
