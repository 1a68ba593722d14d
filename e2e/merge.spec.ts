// The team lead's flow: load three annotators' exports, read agreement, adjudicate every conflict and relation by keyboard, reload, export the gold.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  buildCuration,
  computeAgreement,
  corpusFromFiles,
  curationProgress,
  editGoldSpan,
  findConflict,
  goldSpanId,
  resolveConflict,
  serializeGold,
  type AgreementReport,
  type ConflictChoice,
  type CurationState,
} from '../src/core/agreement';
import { curationFixture, HARBOUR, spanOf } from './fixtures/curation/build';
import { CLAIMS, relationFixture } from './fixtures/curation/relations';
import { expect, openAs, ROOT, test } from './support/workbench';

/** The figures of the report table, as `marginalia agreement --json` names them. */
const FIGURES = ['f1_exact', 'f1_overlap', 'alpha_u', 'alpha_label', 'kappa_fleiss'] as const;

/** The CLI prints six decimals in --json (src/cli/commands/agreement.ts): the app's full-precision figure must round to it. */
const CLI_PRECISION = 1e-6;

/** Keys pressed on the conflicts in turn: annotator 1's side, annotator 2's, both, neither, annotator 3's. */
const KEYS = ['1', '2', 'b', 'x', '3'] as const;

/** The printed form of a figure (three decimals, "-" for undefined), as the CLI's table and the app show it. */
function fmt(v: number | null | undefined): string {
  return v === null || v === undefined ? '-' : v.toFixed(3);
}

/** Runs `marginalia agreement --json` on the files (written to a scratch folder) and returns its report. */
async function cliAgreement(files: { name: string; content: string }[]): Promise<AgreementReport> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-merge-'));
  try {
    const paths = [];
    for (const f of files) {
      const p = path.join(dir, f.name);
      await writeFile(p, f.content, 'utf8');
      paths.push(p);
    }
    // --skip-invalid: the faulty lines are named on stderr and left out, as the app leaves them out; the report of the rest is on stdout.
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'marginalia.js'), 'agreement', '--json', '--skip-invalid', ...paths], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('carol.jsonl:2:');
    expect(run.stderr).toContain('dave.jsonl:1:');
    return JSON.parse(run.stdout) as AgreementReport;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function progressText(page: Page): Promise<string> {
  return (await page.getByTestId('curation-progress-text').textContent()) ?? '';
}

test('merge exports, read agreement, adjudicate by keyboard, reload and export the gold', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  const fx = curationFixture(ROOT);
  const inputs = fx.files.map((f) => ({ file: f.name, content: f.content }));
  const corpus = corpusFromFiles(inputs);
  const report = computeAgreement(corpus);
  const cli = await cliAgreement(fx.files);
  const harbourId = corpus.documents.find((d) => d.text === fx.harbour)!.docId;
  const festivalId = corpus.documents.find((d) => d.text === fx.festival)!.docId;
  const fresh = buildCuration(corpus, { strategy: 'majority' });
  const total = curationProgress(fresh).conflicts;
  expect(total).toBeGreaterThanOrEqual(6);
  const decisions: { conflictId: string; key: (typeof KEYS)[number] }[] = [];
  const figure = spanOf(fx.harbour, '41.2 million', 'FIGURE');
  const office = spanOf(fx.festival, 'Riverside Tourism Office', 'LOC');
  const card = page.getByTestId('conflict-card');
  const goldCard = page.getByTestId('gold-span');

  await test.step('load the exports through the file picker', async () => {
    await openAs(page, workbench.url, 'lead');
    await page.getByTestId('open-curation').click();
    await expect(page.getByTestId('drop-zone')).toBeVisible();
    await page.getByTestId('curation-files').setInputFiles(fx.files.map((f) => ({ name: f.name, mimeType: 'application/jsonl', buffer: Buffer.from(f.content, 'utf8') })));
    await expect(page.getByTestId('curation-overview')).toBeVisible();
    await expect(page.getByTestId('curation-notice')).toContainText('Read 4 files: 3 documents, 3 annotators.');
  });

  await test.step('problems, coverage and agreement read as the CLI reads them', async () => {
    // Problems: the broken line and the UTF-16 offsets are named by file and line; the other text of the harbour file is flagged.
    await expect(page.locator('[data-error-file="carol.jsonl"][data-error-line="2"]')).toContainText('not valid JSON');
    await expect(page.locator('[data-error-file="dave.jsonl"][data-error-line="1"]')).toContainText(/offsets (are|must be) code points/);
    await expect(page.getByTestId('source-conflicts')).toContainText(HARBOUR);
    await expect(page.getByTestId('source-conflicts')).toContainText('2 versions');
    const coverage = page.getByTestId('coverage');
    await expect(coverage.locator('tbody tr')).toHaveCount(3);
    await expect(coverage.locator('tbody tr.flagged')).toHaveCount(2);
    await expect(coverage.locator(`tr[data-doc-id="${festivalId}"] [data-covered]`)).toHaveCount(3);
    await expect(page.locator('[data-testid=input-files] tr[data-file="dave.jsonl"] td').nth(2)).toHaveText('0');
    const table = page.getByTestId('agreement-table');
    for (const label of [...Object.keys(report.labels), 'overall']) {
      const figures = label === 'overall' ? report.overall : report.labels[label]!;
      const cliFigures = label === 'overall' ? cli.overall : cli.labels[label]!;
      for (const k of FIGURES) {
        const cell = table.locator(`tr[data-label="${label}"] td[data-figure="${k}"]`);
        await expect(cell).toHaveText(fmt(figures[k]));
        const shown = await cell.getAttribute('data-value');
        const cliValue = cliFigures[k];
        if (cliValue === null || cliValue === undefined) expect(shown).toBe('');
        else expect(Math.abs(Number(shown) - cliValue)).toBeLessThanOrEqual(CLI_PRECISION);
      }
    }
    expect(fmt(report.overall.f1_exact)).toBe(fmt(cli.overall.f1_exact));
    for (const p of report.pairs) {
      await expect(page.locator(`[data-testid=heatmap] td[data-pair="${p.a}|${p.b}"]`)).toHaveText(fmt(p.f1_overlap));
      await expect(page.locator(`[data-testid=heatmap] td[data-pair="${p.b}|${p.a}"]`)).toHaveText(fmt(p.f1_overlap));
    }
    await page.setViewportSize({ width: 1400, height: 1250 });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'curation-agreement.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  await test.step('decide every conflict by keyboard: a decision stays put, j goes to the next open one and says when it changes document', async () => {
    await page.locator('[data-testid=documents-by-disagreement] tbody tr').first().click();
    await expect(page.getByTestId('curate-doc')).toBeVisible();
    expect(await progressText(page)).toBe(`0 of ${total} resolved`);
    const docOrder: string[] = [];
    for (let i = 0; i < total; i++) {
      await expect(card).toHaveAttribute('data-decided', 'false');
      const conflictId = (await card.getAttribute('data-conflict-id'))!;
      const docId = (await page.getByTestId('curate-doc').getAttribute('data-doc-id'))!;
      if (docOrder[docOrder.length - 1] !== docId) docOrder.push(docId);
      if (i === 2) await page.screenshot({ path: path.join(ROOT, 'test-results', 'curation-adjudicate.png') });
      const key = KEYS[i % KEYS.length]!;
      await page.keyboard.press(key);
      decisions.push({ conflictId, key });
      await expect(page.getByTestId('curation-progress-text')).toHaveText(`${i + 1} of ${total} resolved`);
      // The decision is shown on the conflict it decided.
      await expect(card).toHaveAttribute('data-conflict-id', conflictId);
      await expect(card).toHaveAttribute('data-decided', 'true');
      if (i === total - 1) break;
      await page.keyboard.press('j');
      await expect(card).not.toHaveAttribute('data-conflict-id', conflictId);
      const nextDoc = await page.getByTestId('curate-doc').getAttribute('data-doc-id');
      if (nextDoc !== docId) await expect(page.getByTestId('curation-notice')).toContainText(/Next open conflict is in .+ \(document \d of 3\): moved there\./);
    }
    expect(new Set(decisions.map((d) => d.conflictId)).size).toBe(total);
    expect(docOrder).toHaveLength(2);
    await page.keyboard.press('j');
    await expect(page.getByTestId('curation-notice')).toHaveText('Every conflict is decided.');
  });

  await test.step('j never passes over an open conflict, even one behind the current place', async () => {
    const last = decisions[decisions.length - 1]!.conflictId;
    await page.keyboard.press('k');
    const previous = (await card.getAttribute('data-conflict-id'))!;
    expect(previous).not.toBe(last);
    // u takes a decision back: j from elsewhere comes back to exactly that conflict.
    await page.keyboard.press('u');
    await expect(card).toHaveAttribute('data-decided', 'false');
    await expect(page.getByTestId('curation-progress-text')).toHaveText(`${total - 1} of ${total} resolved`);
    await page.keyboard.press('J');
    await expect(card).toHaveAttribute('data-conflict-id', last);
    await page.keyboard.press('j');
    await expect(card).toHaveAttribute('data-conflict-id', previous);
    await expect(card).toHaveAttribute('data-decided', 'false');
    // Ctrl+Z brings the decision back.
    await page.keyboard.press('Control+z');
    await expect(card).toHaveAttribute('data-decided', 'true');
    await expect(page.getByTestId('curation-progress-text')).toHaveText(`${total} of ${total} resolved`);
  });

  await test.step('correct two gold spans: extend a FIGURE to its unit, relabel a LOC as ORG', async () => {
    await page.locator(`.cur-doc-row[data-doc-id="${harbourId}"]`).click();
    // Only the lines with a conflict show at first; the figure's line has none.
    const lines = fx.harbour.split('\n').filter((l) => l.trim() !== '').length;
    await expect(page.locator('.lane-block')).toHaveCount(2);
    await page.getByTestId('only-conflicts').uncheck();
    await expect(page.locator('.lane-block')).toHaveCount(lines);
    await page.locator('.lane-gold .seg.marked', { hasText: /^41\.2 million$/ }).click();
    await expect(goldCard).toHaveAttribute('data-end', String(figure.end));
    for (let i = 0; i < ' TEU'.length; i++) await page.keyboard.press('Alt+ArrowRight');
    await expect(goldCard).toHaveAttribute('data-end', String(figure.end + 4));
    await expect(goldCard.locator('blockquote')).toHaveText('41.2 million TEU');
    await page.locator(`.cur-doc-row[data-doc-id="${festivalId}"]`).click();
    await page.locator('.lane-gold .seg.marked', { hasText: /^Riverside Tourism Office$/ }).click();
    await expect(goldCard).toHaveAttribute('data-label', 'LOC');
    await page.keyboard.press('o');
    await expect(goldCard).toHaveAttribute('data-label', 'ORG');
    await expect(page.getByTestId('curation-save')).toHaveText('Saved');
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'curation-gold-edit.png') });
  });

  // The same decisions and edits, made with the core functions.
  let expected: CurationState = fresh;
  for (const { conflictId, key } of decisions) {
    const found = findConflict(expected, conflictId)!;
    const doc = expected.documents[found.documentIndex]!;
    const choice: ConflictChoice = key === 'b' ? { kind: 'all' } : key === 'x' ? { kind: 'none' } : { kind: 'sides', sides: [...found.conflict.byAnnotator[doc.annotators[Number(key) - 1]!]!] };
    expected = resolveConflict(expected, conflictId, choice);
  }
  expected = editGoldSpan(expected, harbourId, goldSpanId(harbourId, figure.start, figure.end, 'FIGURE'), { start: figure.start, end: figure.end + 4, label: 'FIGURE' });
  expected = editGoldSpan(expected, festivalId, goldSpanId(festivalId, office.start, office.end, 'LOC'), { start: office.start, end: office.end, label: 'ORG' });
  const expectedGold = serializeGold(expected);

  await test.step('reload: the exports and every decision come back', async () => {
    await page.reload();
    await page.getByTestId('open-curation').click();
    await expect(page.getByTestId('curation-progress-text')).toHaveText(`${total} of ${total} resolved`);
    await expect(page.getByTestId('curate-doc')).toHaveAttribute('data-doc-id', festivalId);
    await expect(card).toHaveAttribute('data-decided', 'true');
    await expect(page.locator('.lane-gold .seg.marked', { hasText: /^Riverside Tourism Office$/ })).toHaveAttribute('title', /^ORG /);
  });

  let goldPath = '';
  type GoldLine = { doc_id: string; annotator: string; status: string; text: string; spans: { start: number; end: number; label: string; text: string; sources: string[] }[] };
  let goldLines: GoldLine[] = [];
  await test.step('export the gold through the streamed export and read it back, in Python too', async () => {
    await page.getByTestId('export-gold').click();
    const notice = page.getByTestId('curation-notice');
    await expect(notice).toContainText('written to');
    goldPath = (await notice.getAttribute('data-path'))!;
    expect(path.dirname(goldPath)).toBe(path.join(workbench.corpusDir, '.marginalia', 'exports'));
    const gold = await readFile(goldPath, 'utf8');
    expect(gold).toBe(expectedGold);
    goldLines = gold.trimEnd().split('\n').map((l) => JSON.parse(l) as GoldLine);
    expect(goldLines).toHaveLength(3);
    for (const line of goldLines) {
      expect(line.annotator).toBe('adjudicated');
      expect(line.status).toBe('done');
      const chars = Array.from(line.text);
      for (const s of line.spans) {
        expect(s.sources.length).toBeGreaterThan(0);
        expect(chars.slice(s.start, s.end).join('')).toBe(s.text);
      }
    }
    const harbourLine = goldLines.find((l) => l.doc_id === harbourId)!;
    expect(harbourLine.spans.find((s) => s.text === '41.2 million TEU')).toMatchObject({ label: 'FIGURE', sources: ['alice', 'bob', 'carol'] });
    const festivalLine = goldLines.find((l) => l.doc_id === festivalId)!;
    expect(festivalLine.spans.find((s) => s.text === 'Riverside Tourism Office')).toMatchObject({ label: 'ORG', sources: ['alice', 'bob', 'carol'] });
    expect(execFileSync('python3', [path.join(ROOT, 'e2e', 'support', 'check_offsets.py'), goldPath], { encoding: 'utf8' })).toContain(', 0 wrong');
  });

  await test.step('the gold is also the workbench’s "adjudicated" set', async () => {
    await page.getByRole('button', { name: '← Annotate' }).click();
    await page.getByTestId('export').click();
    await page.getByLabel('adjudicated').check();
    await page.getByTestId('run-export').click();
    await expect(page.getByTestId('export-summary')).toContainText('Exported 2 documents');
    const dir = path.join(workbench.corpusDir, '.marginalia', 'exports');
    const exported = (await readdir(dir)).filter((n) => n !== path.basename(goldPath)).sort();
    const set = (await readFile(path.join(dir, exported[exported.length - 1]!), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as GoldLine);
    const spansOf = (l: GoldLine) => l.spans.map((s) => `${s.label}[${s.start},${s.end})`).join(' ');
    expect(set.map((l) => l.doc_id)).toEqual([harbourId, festivalId].sort());
    for (const l of set) {
      expect(l.annotator).toBe('adjudicated');
      expect(spansOf(l)).toBe(spansOf(goldLines.find((g) => g.doc_id === l.doc_id)!));
    }
  });
});

test('relations are adjudicated: carried into the gold with both ends under majority, refused by key, what is left out said', async ({ page, workbench }) => {
  test.setTimeout(120_000);
  const fx = relationFixture(ROOT);
  const claims = CLAIMS.map((c) => spanOf(fx.text, c.claim, 'CLAIM'));
  const figures = CLAIMS.flatMap((c) => c.figures).map((f) => spanOf(fx.text, f, 'FIGURE'));
  const card = page.getByTestId('conflict-card');
  const relationsCard = page.getByTestId('relations');
  type Line = { doc_id: string; text: string; spans: { id: string; start: number; end: number; label: string; sources: string[]; attrs: Record<string, unknown> }[]; relations: { id: string; label: string; head: string; tail: string; sources: string[] }[] };
  const exportGold = async (): Promise<{ line: Line; notice: string; file: string }> => {
    await page.getByTestId('export-gold').click();
    const notice = page.getByTestId('curation-notice');
    await expect(notice).toContainText('written to');
    const file = (await notice.getAttribute('data-path'))!;
    const text = (await notice.textContent()) ?? '';
    await page.getByRole('button', { name: 'Dismiss' }).click();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
    expect(lines).toHaveLength(1);
    return { line: lines[0]!, notice: text, file };
  };
  const key = (s: { start: number; end: number; label: string }) => `${s.label}[${s.start},${s.end})`;

  await test.step('load three exports: alice’s claims cite four figures, bob and carol marked the figures only', async () => {
    await openAs(page, workbench.url, 'lead');
    await page.getByTestId('open-curation').click();
    await page.getByTestId('curation-files').setInputFiles(fx.files.map((f) => ({ name: f.name, mimeType: 'application/jsonl', buffer: Buffer.from(f.content, 'utf8') })));
    await expect(page.getByTestId('curation-notice')).toContainText('Read 3 files: 1 document, 3 annotators.');
    await page.getByTestId('tab-curate').click();
    // Three claim conflicts and four contested relations: seven decisions asked for.
    await expect(page.getByTestId('curation-progress-text')).toHaveText('0 of 7 resolved');
    await expect(relationsCard).toContainText('0 of 4 in the gold');
    await expect(page.getByTestId('relations-left-out')).toHaveText('4 left out: 4 with an end not in the gold, 0 refused.');
  });

  await test.step('the lanes: a legend of band states, bands on their own line', async () => {
    const legend = page.getByTestId('lanes-legend');
    for (const state of ['open', 'current', 'done']) await expect(legend.locator(`[data-band="${state}"]`)).toBeVisible();
    await page.getByTestId('only-conflicts').uncheck();
    // Each band's top rule is nearer its own text than the line above it (the band belongs to the line it marks).
    const verdicts = await page.locator('.lane-gold .txt:has(.seg.band)').first().evaluate((txt) => {
      const lineRects: DOMRect[] = [];
      const walker = document.createTreeWalker(txt, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const r = document.createRange();
        r.selectNodeContents(n);
        lineRects.push(...Array.from(r.getClientRects()));
      }
      return Array.from(txt.querySelectorAll<HTMLElement>('.seg.band')).flatMap((seg) =>
        // The rule is the box's own top border, so the box measured is where the rule is drawn.
        Array.from(seg.getClientRects()).map((box) => {
          if (getComputedStyle(seg).borderTopStyle === 'none') return { gapToOwn: 1e9, gapToAbove: 0 };
          const own = lineRects.filter((l) => l.bottom > box.top && l.top < box.bottom && l.right > box.left && l.left < box.right);
          const ownTop = Math.min(...own.map((l) => l.top));
          const above = lineRects.filter((l) => l.bottom <= ownTop);
          return { gapToOwn: ownTop - box.top, gapToAbove: above.length ? box.top - Math.max(...above.map((l) => l.bottom)) : null };
        }),
      );
    });
    // A claim wraps: some of its band's boxes have a line of text above them.
    const measured = verdicts.filter((v): v is { gapToOwn: number; gapToAbove: number } => v.gapToAbove !== null);
    expect(measured.length).toBeGreaterThan(0);
    for (const v of measured) expect(v.gapToOwn).toBeLessThan(v.gapToAbove);
  });

  await test.step('take alice’s claims (1), leave the relations undecided: all four cites are carried into the gold', async () => {
    for (let i = 0; i < 7; i++) {
      const id = (await card.getAttribute('data-conflict-id'))!;
      if (id.startsWith('c')) {
        await page.keyboard.press('1');
        await expect(card).toHaveAttribute('data-decided', 'true');
      } else {
        await expect(card).toHaveAttribute('data-status', 'gold');
      }
      if (i < 6) {
        await page.keyboard.press('J');
        await expect(card).not.toHaveAttribute('data-conflict-id', id);
      }
    }
    await expect(page.getByTestId('curation-progress-text')).toHaveText('3 of 7 resolved');
    await expect(relationsCard).toContainText('4 of 4 in the gold');
    await expect(page.getByTestId('relations-left-out')).toHaveCount(0);
    const { line, notice, file } = await exportGold();
    expect(notice).toContain('(4 relations)');
    const byId = new Map(line.spans.map((s) => [s.id, key(s)]));
    const cites = line.relations.map((r) => `${r.label} ${byId.get(r.head)} -> ${byId.get(r.tail)}`).sort();
    const expected: string[] = [];
    let f = 0;
    CLAIMS.forEach((c, i) => c.figures.forEach(() => expected.push(`cites ${key(claims[i]!)} -> ${key(figures[f++]!)}`)));
    expect(cites).toEqual(expected.sort());
    for (const r of line.relations) expect(r.sources).toEqual(['alice']);
    expect(line.spans.find((s) => s.label === 'CLAIM')!.sources).toEqual(['alice']);
    expect(execFileSync('python3', [path.join(ROOT, 'e2e', 'support', 'check_offsets.py'), file], { encoding: 'utf8' })).toContain(', 0 wrong');
  });

  await test.step('refuse one relation by key (x) and take another (b): the refused one is left out, and said so', async () => {
    // j from the last step: the first open relation.
    await page.keyboard.press('j');
    await expect(card).toHaveAttribute('data-conflict-id', /^r/);
    const refused = (await card.getAttribute('data-conflict-id'))!;
    await page.keyboard.press('x');
    await expect(card).toHaveAttribute('data-status', 'refused');
    await expect(page.locator(`[data-relation-key="${refused}"]`)).toHaveAttribute('data-status', 'refused');
    await page.keyboard.press('j');
    await page.keyboard.press('b');
    await expect(card).toHaveAttribute('data-decided', 'true');
    await expect(page.getByTestId('curation-progress-text')).toHaveText('5 of 7 resolved');
    await expect(page.getByTestId('relations-left-out')).toHaveText('1 left out: 0 with an end not in the gold, 1 refused.');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'curation-relations.png') });
    const { line, notice } = await exportGold();
    expect(line.relations).toHaveLength(3);
    expect(notice).toContain('1 relation of the annotators left out (1 refused)');
  });

  await test.step('the annotators’ values of a FIGURE are shown, and the curator takes one for the gold', async () => {
    await page.getByTestId('only-conflicts').uncheck();
    await page.locator('.lane-gold .seg.marked', { hasText: /^60%$/ }).click();
    const table = page.getByTestId('attr-disagreements');
    await expect(table.locator('tr[data-attr="value"] .gold-value')).toHaveText('0.6');
    await table.locator('tr[data-attr="value"] button[data-annotator="carol"]').click();
    await expect(table.locator('tr[data-attr="value"] .gold-value')).toContainText('60');
    await expect(table.locator('tr[data-attr="value"] .gold-value')).toHaveAttribute('data-chosen', 'true');
    const { line } = await exportGold();
    const sixty = spanOf(fx.text, '60%', 'FIGURE');
    expect(line.spans.find((s) => s.start === sixty.start && s.label === 'FIGURE')).toMatchObject({ attrs: { unit: '%', value: 60 } });
  });

  await test.step('refusing a claim takes its relations out with it, and the count says why', async () => {
    await page.keyboard.press('k');
    while (!((await card.getAttribute('data-conflict-id')) ?? '').startsWith('c')) await page.keyboard.press('k');
    await page.keyboard.press('x');
    await expect(page.getByTestId('relations-left-out')).toContainText('with an end not in the gold');
  });
});
