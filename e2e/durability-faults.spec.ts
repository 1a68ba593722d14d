// Nothing lost under faults a week of annotation brings: the host killed mid-burst, the disk full, two profiles of one annotator, a wiped profile.

import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  claimBurst, claimLines, clickBefore, expect, journaledSpanIds, listedSpanCount, openAs, openDocument, restartWorkbenchInPlace,
  startWorkbench, stopWorkbench, test, type Workbench,
} from './support/workbench';
import type { Page } from '@playwright/test';

const DOC = 'claims.txt';

// A 200-span burst by keyboard, a restart and a rebuild take minutes on a loaded two-core machine.
test.describe.configure({ timeout: 600_000 });

/** A corpus with a document of 240 one-line claims. */
async function claimsCorpus(prepare?: (dir: string) => Promise<void>): Promise<Workbench> {
  return startWorkbench(undefined, async (dir) => {
    await prepare?.(dir);
    await writeFile(path.join(dir, DOC), claimLines(240));
  });
}

/** Opens the claims document with the caret before its first claim. */
async function atFirstClaim(page: Page): Promise<void> {
  await openDocument(page, DOC);
  await clickBefore(page, 'Claim 1 says');
}

/** The indicator's words while it says changes are not on disk (polls until it does). */
async function unsavedText(page: Page): Promise<string> {
  const indicator = page.getByTestId('save-state');
  await expect(indicator).toHaveAttribute('data-state', 'unsaved', { timeout: 20_000 });
  return (await indicator.textContent()) ?? '';
}

test('the host killed at span 100 of a 200-span burst and restarted: 210 of 210 spans back, in a wiped profile too', async ({ browser }) => {
  const w = await claimsCorpus();
  try {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await openAs(page, w.url, 'alice');
    await atFirstClaim(page);
    let shown = '';
    await claimBurst(page, 200, async (i) => {
      if (i === 99) w.process.kill('SIGKILL');
      if (i === 120) shown = await unsavedText(page);
    });
    // The toolbar says how many changes are not on disk and why, while the host is down.
    expect(shown).toMatch(/^\d+ changes not saved to disk: the host does not answer/);
    console.log(`indicator while the host was down: "${shown}"`);
    const restarted = await restartWorkbenchInPlace(w);
    w.process = restarted.process;
    await claimBurst(page, 10);
    // Sent by itself once the host is back: nobody clicks anything.
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 40_000 });
    expect((await journaledSpanIds(w.corpusDir, 'alice')).size).toBe(210);

    await page.reload();
    await expect.poll(() => listedSpanCount(page, DOC)).toBe(210);
    await ctx.close();

    // A wiped profile: everything comes back from the journal on disk.
    const fresh = await browser.newContext();
    const page2 = await fresh.newPage();
    await openAs(page2, w.url, 'alice');
    await expect(page2.getByTestId('notice')).toContainText('rebuilt 210 spans');
    await expect.poll(() => listedSpanCount(page2, DOC)).toBe(210);
    await fresh.close();
  } finally {
    await stopWorkbench(w);
  }
});

/** Mounts a small tmpfs at `dir`; false (with the reason) where the machine does not allow it. */
function mountTmpfs(dir: string, size: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return ((e as { stderr?: Buffer }).stderr?.toString() || (e as Error).message).trim();
  }
}

test('the disk full at span 100, then freed: all 200 spans reach the journal by themselves', async ({ browser }) => {
  let mounted = '';
  let refusal: string | null = null;
  const w = await claimsCorpus(async (dir) => {
    const marginalia = path.join(dir, '.marginalia');
    await mkdir(marginalia, { recursive: true });
    refusal = mountTmpfs(marginalia, '2m');
    if (!refusal) mounted = marginalia;
  });
  try {
    test.skip(refusal !== null, `a tmpfs cannot be mounted here (${refusal}): the full-disk variant needs one`);
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await openAs(page, w.url, 'alice');
    await atFirstClaim(page);
    const filler = path.join(mounted, 'filler.bin');
    let shown = '';
    await claimBurst(page, 200, async (i) => {
      if (i === 99) {
        await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 30_000 });
        // Fill the disk to the last byte.
        try {
          execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { stdio: 'pipe' });
        } catch {
          // dd stops with "No space left on device": that is the point.
        }
      }
      if (i === 120) shown = await unsavedText(page);
    });
    expect(shown).toMatch(/changes not saved to disk: the disk is full/);
    console.log(`indicator while the disk was full: "${shown}"`);
    const before = (await journaledSpanIds(w.corpusDir, 'alice')).size;
    expect(before).toBeLessThan(200);
    await rm(filler);
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 40_000 });
    expect((await journaledSpanIds(w.corpusDir, 'alice')).size).toBe(200);
    console.log(`journal: ${before} spans while full, 200 after space was freed`);
    await ctx.close();
  } finally {
    if (w.process.exitCode === null) {
      const exited = new Promise((r) => w.process.once('exit', r));
      w.process.kill('SIGTERM');
      await exited;
    }
    if (mounted) execFileSync('umount', [mounted]);
    await stopWorkbench(w);
  }
});

test('two browser profiles of one annotator converge to the same spans', async ({ browser }) => {
  const w = await claimsCorpus();
  try {
    const one = await (await browser.newContext()).newPage();
    const two = await (await browser.newContext()).newPage();
    await openAs(one, w.url, 'alice');
    await openAs(two, w.url, 'alice');
    await atFirstClaim(one);
    await claimBurst(one, 5);
    await expect(one.getByTestId('save-state')).toHaveText('Saved');
    await openDocument(two, DOC);
    await clickBefore(two, 'Claim 30 says');
    await claimBurst(two, 7);
    await expect(two.getByTestId('save-state')).toHaveText('Saved');
    // Each learns of the other's work from the journal (on journalChanged, or at the latest when it starts again).
    await one.reload();
    await two.reload();
    await expect.poll(() => listedSpanCount(one, DOC)).toBe(12);
    await expect.poll(() => listedSpanCount(two, DOC)).toBe(12);
    expect((await journaledSpanIds(w.corpusDir, 'alice')).size).toBe(12);
  } finally {
    await stopWorkbench(w);
  }
});

test('rejected suggestions stay rejected in a wiped profile', async ({ browser, workbench }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await openAs(page, workbench.url, 'alice');
  await openDocument(page, '04-city-budget-zh.txt');
  await expect(page.locator('[data-suggestion-key]').first()).toBeVisible();
  const offered = await page.locator('[data-suggestion-key]').count();
  // Two suggestions rejected by keyboard (the focus moves on to the next one after each).
  await page.keyboard.press('g');
  const rejected: string[] = [];
  for (let i = 0; i < 2; i++) {
    await expect(page.locator('.ghost-focused')).toHaveCount(1);
    rejected.push((await page.locator('.ghost-focused').textContent())!);
    await page.keyboard.press('Backspace');
  }
  await expect(page.locator('[data-suggestion-key]')).toHaveCount(offered - 2);
  await page.getByTestId('mark-done').click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await first.close();

  const second = await browser.newContext();
  const fresh = await second.newPage();
  await openAs(fresh, workbench.url, 'alice');
  await expect(fresh.locator('.doc-row[data-path="04-city-budget-zh.txt"] [data-testid=status]')).toHaveText('done');
  await openDocument(fresh, '04-city-budget-zh.txt');
  await expect(fresh.locator('[data-suggestion-key]')).toHaveCount(offered - 2);
  for (const text of rejected) await expect(fresh.locator('.ghost', { hasText: text })).toHaveCount(0);
  const journal = await readFile(path.join(workbench.corpusDir, '.marginalia', 'journal-alice.jsonl'), 'utf8');
  expect(journal.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).op)).toEqual(['reject', 'reject', 'status']);
  await second.close();
});

test('the host restarted with a new token: the toolbar says to reload from the printed URL, and after that nothing is missing', async ({ browser }) => {
  const w = await claimsCorpus();
  try {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await openAs(page, w.url, 'alice');
    await atFirstClaim(page);
    await claimBurst(page, 10);
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    const exited = new Promise((r) => w.process.once('exit', r));
    w.process.kill('SIGTERM');
    await exited;
    // The same port (the browser profile's store belongs to the origin), another token.
    const url = new URL(w.url);
    url.searchParams.set('token', 'a-new-token-of-this-run');
    const restarted = await restartWorkbenchInPlace({ ...w, url: url.toString() });
    w.process = restarted.process;
    await claimBurst(page, 5);
    await expect(page.getByTestId('save-state')).toContainText('restarted with a new token: reload from the URL it printed', { timeout: 30_000 });
    await page.goto(url.toString());
    await expect.poll(() => listedSpanCount(page, DOC)).toBe(15);
    await openDocument(page, DOC);
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 30_000 });
    expect((await journaledSpanIds(w.corpusDir, 'alice')).size).toBe(15);
    await ctx.close();
  } finally {
    await stopWorkbench(w);
  }
});
