// Marginalia's browser mode with a seeded annotation store: `marginalia serve` on the fixture corpus,
// the app opened once so Dexie creates its database, the spans written into it, and timed opens.

import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { OpenResult } from '../peers/probe-api';
import { browser, probe, probedContext } from './browser';
import { RUN_TMP } from './paths';
import { hostDied, startServe, stopServe, type Served } from './serve';
import { W1_ANNOTATOR, type FixtureDoc, type W1Fixture } from './w1-fixture';

/** The database name of src/renderer/db/db.ts. */
const DB_NAME = 'marginalia';

/** An open app page over the fixture. */
export interface AppSession {
  served: Served;
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

/** Longest wait for the app's first screen after a load. */
const APP_LOAD_TIMEOUT_MS = 60_000;

/** Longest wait for the app to journal the seeded spans (20,000 take about 15 s). */
const JOURNAL_SETTLE_TIMEOUT_MS = 180_000;

/**
 * Reloads the seeded app and waits until its outbox is empty: the spans written straight into
 * IndexedDB carry no journal versions, so the app's first start stamps them and writes them to the
 * journal on disk, once. Measured opens then meet the steady state of an annotator who made those
 * spans in the app (store and journal agree), not that one-time migration.
 */
async function settledJournal(page: Page, spans: number): Promise<void> {
  await page.reload();
  const until = Date.now() + JOURNAL_SETTLE_TIMEOUT_MS;
  for (;;) {
    await page.waitForTimeout(1000);
    const versioned = await probe(page, 'countRows', DB_NAME, 'versions');
    const waiting = await probe(page, 'countRows', DB_NAME, 'outbox');
    if (versioned >= spans && !waiting) return;
    if (Date.now() > until) throw new Error(`the app had stamped ${versioned} of ${spans} seeded spans and still had ${waiting} changes to journal after ${JOURNAL_SETTLE_TIMEOUT_MS / 1000} s`);
  }
}

/** Serves the fixture corpus, opens the app, seeds IndexedDB with the documents' spans and reloads. */
export async function openSeededApp(fixture: W1Fixture, docs: FixtureDoc[]): Promise<AppSession> {
  const configDir = path.join(RUN_TMP, 'w1', 'config');
  rmSync(configDir, { recursive: true, force: true });
  mkdirSync(configDir, { recursive: true });
  // The browser first: where there is none, the run says so in one line and no host was started to be left behind.
  await browser();
  const served = await startServe(fixture.corpusDir, configDir);
  let context: BrowserContext;
  try {
    context = await probedContext();
  } catch (e) {
    await stopServe(served);
    throw e;
  }
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(APP_LOAD_TIMEOUT_MS);
    await page.goto(served.url);
    // The first run asks for a name: by then Dexie has opened (and so created) the database.
    await page.getByLabel('Annotator name').waitFor();
    for (const doc of docs) {
      await probe(page, 'seedIndexedDb', {
        dbName: DB_NAME,
        spans: doc.spans,
        docStates: [{ docId: doc.docId, annotator: W1_ANNOTATOR, status: 'in-progress', spanCount: doc.spans.length, updatedAt: '2026-01-01T00:00:00.000Z' }],
        settings: [{ key: 'annotator', value: W1_ANNOTATOR }],
      });
    }
    await settledJournal(page, docs.reduce((n, d) => n + d.spans.length, 0));
    const cdp = await context.newCDPSession(page);
    return {
      served,
      context,
      page,
      cdp,
      async close() {
        await context.close();
        await stopServe(served);
      },
    };
  } catch (e) {
    await context.close();
    await stopServe(served);
    throw e;
  }
}

/** Reloads the app and waits for the list row of `doc`, with the probe armed for its click. */
export async function prepareOpen(page: Page, doc: FixtureDoc): Promise<void> {
  await page.reload();
  await page.locator(`.doc-row[data-path="${doc.path}"]`).waitFor();
  await probe(page, 'settle');
  await probe(page, 'armOpen', { path: doc.path, lastSpanId: doc.planned[doc.planned.length - 1]!.id });
}

/** Clicks the list row of `doc` (after {@link prepareOpen}) and returns what the probe timed. */
export async function clickOpen(page: Page, doc: FixtureDoc): Promise<OpenResult> {
  await page.locator(`.doc-row[data-path="${doc.path}"]`).click();
  return probe(page, 'openResult');
}

/**
 * Reloads the app and opens `doc` from the list: the time from the click to the first screen with
 * spans painted, and to the end of the document drawn (measured in the page by the probe).
 */
export async function timedOpen(page: Page, doc: FixtureDoc, served?: Served): Promise<OpenResult> {
  try {
    await prepareOpen(page, doc);
    return await clickOpen(page, doc);
  } catch (e) {
    const died = served && hostDied(served);
    throw died ? new Error(`${(e as Error).message.split('\n')[0]}; ${died}`) : e;
  }
}

/** JS heap in use after a full garbage collection, in MB (10^6 bytes), read through CDP. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.disable');
  return usedSize / 1e6;
}
