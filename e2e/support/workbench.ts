// Test fixtures: a fresh copy of a corpus served by `marginalia serve`, and helpers that act as a user would.

import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A running browser-mode host over a throwaway corpus folder. */
export interface Workbench {
  url: string;
  corpusDir: string;
  configDir: string;
  process: ChildProcess;
}

/** Starts `marginalia serve` on a copy of `source` (default: the sample corpus) and waits for its URL line. */
export async function startWorkbench(source = path.join(ROOT, 'resources', 'sample-corpus'), prepare?: (dir: string) => Promise<void>): Promise<Workbench> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-e2e-'));
  const corpusDir = path.join(tmp, 'corpus');
  const configDir = path.join(tmp, 'config');
  await cp(source, corpusDir, { recursive: true });
  if (prepare) await prepare(corpusDir);
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'marginalia.js'), 'serve', '--corpus', corpusDir, '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, MARGINALIA_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 60 s; stderr: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { url, corpusDir, configDir, process: child };
}

/** Starts `marginalia serve` again on a workbench's folders (after a stop or a kill). */
export async function restartWorkbench(w: Workbench): Promise<Workbench> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'marginalia.js'), 'serve', '--corpus', w.corpusDir, '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, MARGINALIA_CONFIG_DIR: w.configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve printed no URL in 60 s')), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  return { ...w, url, process: child };
}

/** Stops the host and removes its folders. */
export async function stopWorkbench(w: Workbench): Promise<void> {
  if (w.process.exitCode === null) {
    const exited = new Promise((r) => w.process.once('exit', r));
    w.process.kill('SIGTERM');
    await exited;
  }
  await rm(path.dirname(w.corpusDir), { recursive: true, force: true });
}

/** The test API: `workbench` is a served copy of the sample corpus, fresh for each test. */
export const test = base.extend<{ workbench: Workbench }>({
  workbench: async ({}, use) => {
    const w = await startWorkbench();
    await use(w);
    await stopWorkbench(w);
  },
});
export { expect };

/** Opens the workbench and answers the first-run name prompt. */
export async function openAs(page: Page, url: string, annotator: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Annotator name').fill(annotator);
  await page.getByRole('button', { name: 'Start annotating' }).click();
  await expect(page.getByTestId('annotator')).toContainText(annotator);
}

/** Opens a document from the sidebar by its corpus path. */
export async function openDocument(page: Page, corpusPath: string): Promise<void> {
  await page.locator(`.doc-row[data-path="${corpusPath}"]`).click();
  // Open, and its suggestions painted: selecting before the ghosts arrive would aim at moving text.
  await expect(page.locator(`main.document[data-open-path="${corpusPath}"][data-painted="true"] .doc-text`)).toBeVisible();
}

/** Screen points at the start of the first and the end of the last character of `needle` in the document view. */
async function textEnds(page: Page, needle: string, occurrence: number): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  return page.evaluate(
    ([needle, occurrence]) => {
      const root = document.querySelector('.doc-text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; base: number }[] = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if ((n.parentElement as HTMLElement).closest('.span-chip')) continue;
        nodes.push({ node: n as Text, base: all.length });
        all += n.textContent;
      }
      let at = -1;
      for (let i = 0; i <= (occurrence as number); i++) at = all.indexOf(needle as string, at + 1);
      if (at < 0) throw new Error(`"${needle}" is not in the document`);
      const locate = (off: number, atEnd: boolean) => {
        for (const { node, base } of nodes) {
          const len = node.textContent!.length;
          if (off < base + len || (atEnd && off === base + len)) return { node, offset: off - base };
        }
        throw new Error('offset out of range');
      };
      const rectOf = (off: number) => {
        const { node, offset } = locate(off, false);
        const r = document.createRange();
        // One whole character (a surrogate pair included).
        const code = node.textContent!.charCodeAt(offset);
        r.setStart(node, offset);
        r.setEnd(node, offset + (code >= 0xd800 && code <= 0xdbff ? 2 : 1));
        return r.getBoundingClientRect();
      };
      // Bring the text to the middle of the view first: a drag that ends near the edge scrolls the view under the mouse.
      locate(at, false).node.parentElement!.scrollIntoView({ block: 'center' });
      const first = rectOf(at);
      const lastIndex = at + (needle as string).length - 1;
      const lastCode = all.charCodeAt(lastIndex);
      const last = rectOf(lastCode >= 0xdc00 && lastCode <= 0xdfff ? lastIndex - 1 : lastIndex);
      void first.y; // layout is fresh
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    [needle, occurrence] as const,
  );
}

/**
 * Selects `needle` (its `occurrence`-th match, 0-based) in the document view by dragging
 * the mouse from its first character to its last, as a user would.
 */
export async function selectWithMouse(page: Page, needle: string, occurrence = 0): Promise<void> {
  const box = await textEnds(page, needle, occurrence);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(needle);
}

/** Clicks just before the first character of `needle`, leaving the caret there. */
export async function clickBefore(page: Page, needle: string, occurrence = 0): Promise<void> {
  const box = await textEnds(page, needle, occurrence);
  await page.mouse.click(box.x1 - 0.5, box.y1);
}

/** The row of the span list with `label` and exactly `text` (the list shows on the Spans tab). */
export function spanLocator(page: Page, label: string, text: string) {
  return page.locator(`.span-row:has(.span-row-label:text-is("${label}")) .span-row-text:text-is("${text}")`);
}

/** Every span painted in the document view as `LABEL:text`, whatever panel is showing. */
export async function paintedSpans(page: Page): Promise<string[]> {
  const ids = await paintedSpanIds(page);
  const out: string[] = [];
  for (const id of ids) {
    const label = await page.locator(`.doc-text [data-span-id="${id}"]`).first().getAttribute('data-label');
    out.push(`${label}:${await paintedText(page, id)}`);
  }
  return out;
}

/** Distinct span ids painted in the document view. */
export async function paintedSpanIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set([...document.querySelectorAll('.doc-text [data-span-id]')].map((e) => e.getAttribute('data-span-id')!))]);
}

/** The painted text of a span id (its pieces joined, label chips excluded). */
export async function paintedText(page: Page, id: string): Promise<string> {
  return page.evaluate((id) => {
    const pieces = [...document.querySelectorAll(`.doc-text [data-span-id="${id}"]`)].filter((e) => !e.parentElement!.closest(`[data-span-id="${id}"]`));
    return pieces.map((e) => [...e.childNodes].map(function text(n): string {
      if (n.nodeType === Node.TEXT_NODE) return n.textContent!;
      if ((n as Element).classList?.contains('span-chip')) return '';
      return [...n.childNodes].map(text).join('');
    }).join('')).join('');
  }, id);
}

/** Starts `marginalia serve` again on a workbench's folders, port and token (a restart the open tab survives). */
export async function restartWorkbenchInPlace(w: Workbench): Promise<Workbench> {
  const url = new URL(w.url);
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'marginalia.js'), 'serve', '--corpus', w.corpusDir, '--no-open', '--port', url.port], {
    cwd: ROOT,
    env: { ...process.env, MARGINALIA_CONFIG_DIR: w.configDir, MARGINALIA_TOKEN: url.searchParams.get('token') ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 60 s; stderr: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes(url.origin)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { ...w, process: child };
}

/** A plain-text document of `n` one-line sentences, each its own claim: `Claim 7 says the port moved 7 ships.` */
export function claimLines(n: number): string {
  return Array.from({ length: n }, (_, i) => `Claim ${i + 1} says the port moved ${i + 1} ships.`).join('\n') + '\n';
}

/**
 * Marks `n` sentence claims by keyboard from the caret on, as an annotator does: `x` selects the
 * sentence, `c` labels it CLAIM, Esc lets go of it, ↓ and Home go to the start of the next line. `after(i)` runs after the i-th span's key.
 */
export async function claimBurst(page: Page, n: number, after?: (i: number) => void | Promise<void>): Promise<void> {
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('x');
    await page.keyboard.press('c');
    await after?.(i);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
  }
}

/** The distinct span ids an annotator's journal on disk holds (puts not deleted later), read as the host wrote it. */
export async function journaledSpanIds(corpusDir: string, annotator: string): Promise<Set<string>> {
  const { readFile } = await import('node:fs/promises');
  let text = '';
  try {
    text = await readFile(path.join(corpusDir, '.marginalia', `journal-${annotator}.jsonl`), 'utf8');
  } catch {
    return new Set();
  }
  const ids = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let e: { op?: string; id?: string; span?: { id: string } };
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    if (e.op === 'put-span' && e.span) ids.add(e.span.id);
    if (e.op === 'delete-span' && e.id) ids.delete(e.id);
  }
  return ids;
}

/** The span count the document list shows for a document ("210 spans" → 210). */
export async function listedSpanCount(page: Page, corpusPath: string): Promise<number> {
  const text = await page.locator(`.doc-row[data-path="${corpusPath}"] [data-testid=span-count]`).textContent();
  return Number(/\d+/.exec(text ?? '')?.[0] ?? NaN);
}

/** The spans of one annotator in the page's IndexedDB (the browser profile's store), by id. */
export async function storedSpanIds(page: Page, annotator: string): Promise<string[]> {
  return page.evaluate(
    (annotator) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('marginalia');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('spans', 'readonly');
          const all = tx.objectStore('spans').getAll();
          all.onsuccess = () => {
            resolve((all.result as { id: string; annotator: string }[]).filter((s) => s.annotator === annotator).map((s) => s.id));
            open.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    annotator,
  );
}
