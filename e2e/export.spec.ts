// The export dialog: other formats, a label filter, a status filter; files checked as a Python pipeline reads them.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, openAs, openDocument, selectWithMouse, test, ROOT } from './support/workbench';
import { python3 } from './support/python';

test('export spaCy JSONL with a label filter, and a brat folder, from the dialog', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '05-festival-emoji.txt');
  await selectWithMouse(page, '45.6 million yuan');
  await page.keyboard.press('f');
  await selectWithMouse(page, '𠀀𠀁 village');
  await page.keyboard.press('l');
  await selectWithMouse(page, 'Ana Lindqvist');
  await page.keyboard.press('p');
  await page.getByTestId('mark-done').click();
  await openDocument(page, '02-lake-energy.md');
  await selectWithMouse(page, 'Chen Rui');
  await page.keyboard.press('p');

  const exportsDir = path.join(workbench.corpusDir, '.marginalia', 'exports');
  await test.step('spaCy, PERSON and LOC only, done documents only', async () => {
    // spaCy, PERSON and LOC only, done documents only.
    await page.getByTestId('export').click();
    await page.locator('select[aria-label=Format]').selectOption('spacy');
    await page.getByLabel('Status done').check();
    await page.getByLabel('Label PERSON').check();
    await page.getByLabel('Label LOC').check();
    await page.getByTestId('run-export').click();
    await expect(page.getByTestId('export-summary')).toContainText('Exported 1 document (2 spans)');
    // Named like the native file: corpus, annotator, time, then the format's ending.
    const spacyName = (await readdir(exportsDir)).find((f) => /^corpus-alice-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-spacy\.jsonl$/.test(f))!;
    expect(spacyName).toBeDefined();
    const spacyFile = path.join(exportsDir, spacyName);
    const spacy = JSON.parse((await readFile(spacyFile, 'utf8')).trim());
    expect(spacy.spans.map((s: { label: string }) => s.label)).toEqual(['LOC', 'PERSON']);
    for (const s of spacy.spans) expect([...spacy.text].slice(s.start, s.end).join('')).toBe(s.label === 'LOC' ? '𠀀𠀁 village' : 'Ana Lindqvist');
    const py = `import json,sys\nd=json.loads(open(sys.argv[1],encoding='utf-8').read())\nprint('|'.join(d['text'][s['start']:s['end']] for s in d['spans']))`;
    expect(python3(['-c', py, spacyFile]).trim()).toBe('𠀀𠀁 village|Ana Lindqvist');
  });

  await test.step('brat: a folder of .txt and .ann files', async () => {
    // brat: a folder of .txt and .ann files, every annotated document.
    await page.locator('select[aria-label=Format]').selectOption('brat');
    await page.getByLabel('Status done').uncheck();
    await page.getByLabel('Label PERSON').uncheck();
    await page.getByLabel('Label LOC').uncheck();
    await page.getByTestId('run-export').click();
    await expect(page.getByTestId('export-summary')).toContainText('Exported 2 documents (4 spans)');
    const bratDir = path.join(exportsDir, (await readdir(exportsDir)).find((f) => f.endsWith('-brat'))!);
    const brat = (await readdir(bratDir, { recursive: true })).filter((f) => String(f).endsWith('.ann'));
    expect(brat).toHaveLength(2);
    const anns = await Promise.all(brat.map((f) => readFile(path.join(bratDir, String(f)), 'utf8')));
    expect(anns.join('\n')).toContain('\tChen Rui');
    expect(anns.join('\n')).toContain('\t45.6 million yuan');
    void ROOT;
  });
});

test('the label schema: edited in the app, saved with the corpus, an invalid file named and the last good one kept', async ({ page, workbench }) => {
  await openAs(page, workbench.url, 'alice');
  await page.getByRole('button', { name: 'Schema' }).click();
  const dialog = page.getByRole('dialog', { name: 'Label schema' });
  const file = path.join(workbench.corpusDir, '.marginalia', 'schema.json');

  const saved = await test.step('a clash is refused with the field named', async () => {
    // A clash is refused with the field named.
    await dialog.getByLabel('Label 1 key').fill('f');
    await dialog.getByRole('button', { name: 'Save schema' }).click();
    await expect(dialog.getByTestId('schema-errors')).toContainText('labels[1].hotkey');
    await dialog.getByLabel('Label 1 key').fill('q');
    await dialog.getByLabel('Label 1 colour').fill('#ff0000');
    await dialog.getByRole('button', { name: 'Save schema' }).click();
    await expect(dialog).toHaveCount(0);
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect(saved.labels[0]).toMatchObject({ name: 'CLAIM', hotkey: 'q', color: '#ff0000' });
    return saved;
  });

  await test.step('q now labels a claim', async () => {
    // q now labels a claim.
    await openDocument(page, '01-harbour-robotics.txt');
    await selectWithMouse(page, 'Port director Maria Okonkwo said automated cranes now move more than 60% of all containers at the Eastgate terminal.');
    await page.keyboard.press('q');
    await expect(page.locator('.doc-text .span[data-label=CLAIM]').first()).toBeVisible();
  });

  await test.step('a broken schema file is named, the last good schema kept', async () => {
    // A broken schema file: the app names the field and keeps working on the last good schema.
    const broken = { ...saved, labels: saved.labels.map((l: { name: string }, i: number) => (i === 2 ? { ...l, group: 'people' } : l)) };
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, JSON.stringify(broken));
    await page.reload();
    await expect(page.getByTestId('notice')).toContainText('labels[2].group');
    await expect(page.getByTestId('notice')).toContainText('last good schema');
    await openDocument(page, '01-harbour-robotics.txt');
    await expect(page.locator('.label-button[data-label=CLAIM] kbd')).toHaveText('q');
  });
});
