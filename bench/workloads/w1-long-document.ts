// W1, the long document: 1,000,000 characters of English and Chinese with 20,000 spans (a tenth of them
// overlapping) loaded from IndexedDB into Marginalia's browser mode, timed as an annotator meets it:
// opening it, scrolling it, creating, relabelling and deleting spans by keyboard, and its memory.

import type { Page } from '@playwright/test';
import { rendererDir } from '../../src/node/app-paths';
import { browser, probe } from '../lib/browser';
import { clickOpen, heapAfterGc, openSeededApp, prepareOpen, timedOpen, type AppSession } from '../lib/marginalia-page';
import { record } from '../lib/profile';
import { metric, naMetric, statusOf, type Metric } from '../lib/result';
import { percentile, round } from '../lib/stats';
import { w1Fixture, type FixtureDoc } from '../lib/w1-fixture';
import type { BenchContext, Workload } from '../lib/workload';

/** Sizes of issue 7, and the smoke run's. */
const FULL = { chars: 1_000_000, spans: 20_000, opens: 3, scrolls: 3, opRuns: 3, opsPerRun: 20 };
const SMOKE = { chars: 20_000, spans: 400, opens: 2, scrolls: 1, opRuns: 1, opsPerRun: 3 };

/** The label keys of the default schema (src/core/model/schema.ts): f is FIGURE, p is PERSON. */
const CREATE_KEY = 'f';
const RELABEL_KEY = 'p';
const RELABEL_TO = 'PERSON';

/** Longest scroll from top to bottom: at 60 frames a second the W1 document (about 800 screens) takes 13 s; past 20 s the scroll stops where it is. */
const SCROLL_TIMEOUT_MS = 20_000;

/** A reader's pace: a quarter of a screen per frame (a wheel, a held arrow key), for this long from the top. At this pace the paint window and the chips follow every frame; at a screen per frame (a fling) they wait until the view rests. */
const READING_SCREENS_PER_FRAME = 0.25;
const READING_SCROLL_MS = 10_000;

/** Screens scrolled while profiling the scroll: enough frames to see the per-frame cost, few enough to stay short. */
const PROFILED_SCROLL_SCREENS = 20;

/** Time for one run's keyboard operations: past it the run stops after the current round (the p95 is of what was done). */
const OPS_BUDGET_MS = 30_000;
/** Rounds done whatever the budget: fewer would make a p95 meaningless. */
const MIN_OPS = 5;

/** Longest wait for the app to show a selection or a key's effect before the op counts as failed. */
const OP_TIMEOUT_MS = 20_000;

/** Times of each keyboard operation, in ms from the key event to the next paint showing its effect. */
export interface OpTimes {
  create: number[];
  relabel: number[];
  delete: number[];
}

/** Waits (up to `ms`) until the app shows another span selected than `was` (null: none), as the probe sees it. */
async function selectionOtherThan(page: Page, was: string | null, ms: number): Promise<void> {
  await page
    .waitForFunction((was) => (globalThis as unknown as { __mbench: { selectedId(): string | null } }).__mbench.selectedId() !== was, was, { timeout: ms })
    .catch(() => undefined);
}

/** Clicks at one place that walk out through the spans there, at most: the fixture nests a few deep. */
const WALK_CLICKS = 4;

/**
 * Selects span `id` as an annotator does: clicks one of its characters (`chars` in turn: a click can land
 * on a neighbour's edge) and, when another span there is selected (the one drawn under the pointer: the
 * fixture's spans can have the very words of the new one), clicks the same place again, which walks
 * out through the spans there. Throws when no click selects it.
 */
async function selectByClick(page: Page, paragraph: number, id: string, chars: number[], step: string): Promise<void> {
  for (const k of chars) {
    await page.keyboard.press('Escape');
    const shown = await probe(page, 'selectedId');
    if (shown) await selectionOtherThan(page, shown, OP_TIMEOUT_MS / chars.length);
    const pt = await probe(page, 'spanCharPoint', paragraph, id, k);
    if (!pt) throw new Error(`span ${id} is not drawn in paragraph ${paragraph}`);
    for (let click = 0; click < WALK_CLICKS; click++) {
      const before = await probe(page, 'selectedId');
      await page.mouse.click(pt.x, pt.y);
      // Wait for this click's choice (another span than before), then see whether it is the one wanted.
      await selectionOtherThan(page, before, OP_TIMEOUT_MS / chars.length);
      if (await probe(page, 'isSelected', paragraph, id)) {
        await probe(page, 'settle');
        return;
      }
    }
  }
  throw new Error(`${step}: span ${id} in paragraph ${paragraph} was not selected by clicks on its characters ${chars.join(', ')}`);
}

/** What {@link keyboardOps} did: rounds done, and the first failure of those it had to skip. */
export interface OpsOutcome {
  done: number;
  skipped: number;
  firstFailure?: string;
}

/**
 * Creates a span on a few visible characters (DOM selection, then the label key), relabels it (click,
 * then another label key) and deletes it (click, then Delete), up to `n` times and within `budgetMs`;
 * the store ends as it began. A round that fails (a click that selects nothing) is skipped and counted;
 * if every round fails, it throws.
 */
export async function keyboardOps(page: Page, n: number, into: OpTimes, budgetMs = Infinity): Promise<OpsOutcome> {
  await probe(page, 'scrollToTop');
  const visible = await probe(page, 'visibleParagraphs');
  if (!visible.length) throw new Error('no paragraph on screen');
  const t0 = performance.now();
  const outcome: OpsOutcome = { done: 0, skipped: 0 };
  for (let i = 0; i < n; i++) {
    // Out of time: keep what was measured (at least MIN_OPS rounds), so a slow build still finishes the run.
    if (outcome.done >= MIN_OPS && performance.now() - t0 > budgetMs) break;
    const p = visible[i % visible.length]!;
    try {
      const known = await probe(page, 'spanIdsIn', p);
      await probe(page, 'selectWord', p, i);
      await probe(page, 'armKey', { kind: 'created', paragraph: p, knownIds: known }, OP_TIMEOUT_MS);
      await page.keyboard.press(CREATE_KEY);
      const created = await probe(page, 'keyResult');
      const id = (await probe(page, 'spanIdsIn', p)).find((x) => !known.includes(x));
      if (!id) throw new Error('the created span has no element');
      into.create.push(created);
      await probe(page, 'settle');

      // Relabel: click the span (its second character first: the first may touch a neighbour), label key.
      await selectByClick(page, p, id, [1, 2, 0], `relabel ${i + 1}`);
      await probe(page, 'armKey', { kind: 'label', paragraph: p, id, label: RELABEL_TO }, OP_TIMEOUT_MS);
      await page.keyboard.press(RELABEL_KEY);
      into.relabel.push(await probe(page, 'keyResult'));
      await probe(page, 'settle');

      // Delete: click another character (a second click on the same one walks to the enclosing span), Delete.
      await selectByClick(page, p, id, [2, 0, 1], `delete ${i + 1}`);
      await probe(page, 'armKey', { kind: 'gone', paragraph: p, id }, OP_TIMEOUT_MS);
      await page.keyboard.press('Delete');
      into.delete.push(await probe(page, 'keyResult'));
      await probe(page, 'settle');
      outcome.done++;
    } catch (e) {
      outcome.skipped++;
      outcome.firstFailure ??= (e as Error).message.split('\n')[0];
      await page.keyboard.press('Escape');
      if (outcome.skipped > n / 2) throw new Error(`${outcome.skipped} rounds failed; the first: ${outcome.firstFailure}`);
    }
  }
  if (!outcome.done) throw new Error(outcome.firstFailure ?? 'no round done');
  return outcome;
}

/** Opens `doc` once while tracing and sampling; what dominates the open. */
async function profileOpen(session: AppSession, doc: FixtureDoc): Promise<Record<string, unknown>> {
  // Reload outside the recording, then record only the click-to-painted work.
  await prepareOpen(session.page, doc);
  const rec = await record(await browser(), session.page, session.cdp, rendererDir(), () => clickOpen(session.page, doc));
  const clickAt = rec.result.clickAtMs;
  // The host calls of the open itself, timed from the click.
  const resources = (await probe(session.page, 'apiTimings')).filter((r) => r.startMs >= clickAt).map((r) => ({ ...r, startMs: r.startMs - clickAt }));
  // Then a stretch of scrolling from the top, recorded the same way: what a frame of scrolling costs.
  await probe(session.page, 'scrollToTop');
  const scroll = await record(await browser(), session.page, session.cdp, rendererDir(), () => probe(session.page, 'scrollSteps', PROFILED_SCROLL_SCREENS));
  return {
    note: 'One open of the W1 document with the Chrome trace and the V8 sampler on (both slow it down a little). trace: main-thread time by kind; cpu: JavaScript self time by bundled module (from the unminified bundle\'s module comments).',
    openMsWhileProfiling: round(rec.result.firstScreenMs),
    apiCalls: resources.map((r) => ({ ...r, startMs: round(r.startMs), durMs: round(r.durMs) })),
    trace: rec.trace,
    cpu: rec.cpu,
    scroll: { screens: scroll.result.steps, ms: round(scroll.result.ms), trace: scroll.trace, cpu: scroll.cpu },
  };
}

export const w1: Workload = {
  id: 'W1',
  title: 'Long document: 1,000,000 characters, 20,000 spans, from IndexedDB',
  async run(ctx: BenchContext) {
    const size = ctx.smoke ? SMOKE : FULL;
    ctx.log(`W1: generating ${size.chars} characters and ${size.spans} spans`);
    const fixture = w1Fixture(size.chars, size.spans);
    const doc = fixture.long;
    const sizes = { characters: Array.from(doc.text).length, spans: doc.spans.length, overlapping: doc.spans.filter((s) => s.label === 'CLAIM').length, paragraphs: doc.paragraphs, utf8Bytes: Buffer.byteLength(doc.text) };
    const session = await openSeededApp(fixture, [doc]);
    const metrics: Metric[] = [];
    const details: Record<string, unknown> = {};
    try {
      const first: number[] = [];
      const end: number[] = [];
      const heap: number[] = [];
      const nodes: number[] = [];
      const longest: number[] = [];
      const longCount: number[] = [];
      const frameGap: number[] = [];
      const ops: OpTimes = { create: [], relabel: [], delete: [] };
      const opP95: OpTimes = { create: [], relabel: [], delete: [] };
      let opError: string | undefined;
      let scrollError: string | undefined;
      const opNotes: string[] = [];
      const scrollMs: number[] = [];
      const scrollNotes: string[] = [];
      const readingLongest: number[] = [];
      const readingCount: number[] = [];
      for (let run = 0; run < size.opens; run++) {
        const r = await timedOpen(session.page, doc, session.served);
        first.push(r.firstScreenMs);
        end.push(r.endMs);
        nodes.push(r.domNodes);
        heap.push(await heapAfterGc(session.cdp));
        ctx.log(`W1 open ${run + 1}/${size.opens}: first screen ${round(r.firstScreenMs)} ms, end ${round(r.endMs)} ms, heap ${round(heap[heap.length - 1]!)} MB`);
        if (run < size.scrolls && !scrollError) {
          try {
            const s = await probe(session.page, 'scrollThrough', { timeoutMs: SCROLL_TIMEOUT_MS });
            longest.push(s.longTasks.length ? Math.max(...s.longTasks) : 0);
            longCount.push(s.longTasks.length);
            frameGap.push(s.maxFrameGapMs);
            scrollMs.push(s.durationMs);
            if (!s.reachedEnd) scrollNotes.push(`run ${run + 1} stopped after ${SCROLL_TIMEOUT_MS / 1000} s at ${Math.round(s.fraction * 100)}% of the document`);
            ctx.log(`W1 scroll ${run + 1}: ${s.steps} screens in ${round(s.durationMs)} ms${s.reachedEnd ? '' : ` (stopped at ${Math.round(s.fraction * 100)}%)`}, ${s.longTasks.length} long tasks, longest frame gap ${round(s.maxFrameGapMs)} ms`);
            const r = await probe(session.page, 'scrollThrough', { timeoutMs: READING_SCROLL_MS, screensPerFrame: READING_SCREENS_PER_FRAME });
            readingLongest.push(r.longTasks.length ? Math.max(...r.longTasks) : 0);
            readingCount.push(r.longTasks.length);
            ctx.log(`W1 reading-pace scroll ${run + 1}: ${r.steps} frames to ${Math.round(r.fraction * 100)}% of the document, ${r.longTasks.length} long tasks`);
          } catch (e) {
            scrollError = `scrolling failed: ${(e as Error).message.split('\n')[0]}`;
            ctx.log(`W1: ${scrollError}`);
          }
        }
        if (run < size.opRuns && !opError) {
          const mine: OpTimes = { create: [], relabel: [], delete: [] };
          try {
            const out = await keyboardOps(session.page, size.opsPerRun, mine, OPS_BUDGET_MS);
            if (out.done + out.skipped < size.opsPerRun) opNotes.push(`run ${run + 1}: ${out.done} of ${size.opsPerRun} rounds in the ${OPS_BUDGET_MS / 1000} s budget`);
            if (out.skipped) opNotes.push(`run ${run + 1}: ${out.skipped} rounds skipped (${out.firstFailure})`);
            for (const k of ['create', 'relabel', 'delete'] as const) {
              ops[k].push(...mine[k]);
              opP95[k].push(percentile(mine[k], 95));
            }
            ctx.log(`W1 keys ${run + 1}: p95 create ${round(opP95.create.at(-1)!)} ms, relabel ${round(opP95.relabel.at(-1)!)} ms, delete ${round(opP95.delete.at(-1)!)} ms`);
          } catch (e) {
            opError = `keyboard operations failed: ${(e as Error).message.split('\n')[0]}`;
            ctx.log(`W1: ${opError}`);
          }
        }
      }
      metrics.push(
        metric({ key: 'open_first_screen_ms', label: 'open: click in the list → first screen with spans painted', unit: 'ms', runs: first, target: { op: '<=', value: 500 }, headline: true }),
        metric({ key: 'open_to_end_ms', label: 'open: click → scrolled to the end with the last span drawn', unit: 'ms', runs: end, target: { op: '<=', value: 1500 }, headline: true }),
      );
      const opMetric = (k: keyof OpTimes, label: string) =>
        opP95[k].length
          ? metric({ key: `key_${k}_p95_ms`, label, unit: 'ms', runs: opP95[k], target: { op: '<=', value: 50 }, headline: true, note: `p95 of up to ${size.opsPerRun} operations per run; all ${ops[k].length} samples: median ${round(percentile(ops[k], 50))} ms, max ${round(Math.max(...ops[k]))} ms${opNotes.length ? `; ${opNotes.join('; ')}` : ''}` })
          : naMetric({ key: `key_${k}_p95_ms`, label, unit: 'ms', target: { op: '<=', value: 50 }, headline: true }, opError ?? 'not run');
      metrics.push(
        opMetric('create', 'create a span by keyboard: key → next paint, p95'),
        opMetric('delete', 'delete a span (click, Delete): key → next paint, p95'),
        opMetric('relabel', 'relabel a span (click, label key): key → next paint, p95'),
        ...(longest.length
          ? [
              metric({ key: 'scroll_longest_task_ms', label: 'scroll top to bottom: longest main-thread task (0: none over 50 ms)', unit: 'ms', runs: longest, target: { op: '<=', value: 50 }, headline: true, ...(scrollNotes.length ? { note: scrollNotes.join('; ') } : {}) }),
              metric({ key: 'scroll_long_tasks', label: 'scroll top to bottom: tasks over 50 ms', unit: 'count', runs: longCount }),
              metric({ key: 'scroll_max_frame_gap_ms', label: 'scroll top to bottom: longest gap between frames', unit: 'ms', runs: frameGap }),
              metric({ key: 'scroll_duration_ms', label: 'scroll top to bottom, one screen per frame: duration', unit: 'ms', runs: scrollMs }),
              metric({ key: 'scroll_reading_longest_task_ms', label: `scroll at a reader's pace (¼ screen per frame, ${READING_SCROLL_MS / 1000} s): longest main-thread task (0: none over 50 ms)`, unit: 'ms', runs: readingLongest, target: { op: '<=', value: 50 } }),
              metric({ key: 'scroll_reading_long_tasks', label: "scroll at a reader's pace: tasks over 50 ms", unit: 'count', runs: readingCount }),
            ]
          : [naMetric({ key: 'scroll_longest_task_ms', label: 'scroll top to bottom: longest main-thread task', unit: 'ms', target: { op: '<=', value: 50 }, headline: true }, scrollError ?? 'not run')]),
        metric({ key: 'heap_after_open_mb', label: 'JS heap after opening (after a full GC)', unit: 'MB', runs: heap, target: { op: '<=', value: 200 }, headline: true }),
        metric({ key: 'dom_elements', label: 'elements in the page after opening', unit: 'count', runs: nodes }),
      );
      ctx.log('W1: profiling one open');
      try {
        details.profile = await profileOpen(session, doc);
      } catch (e) {
        details.profile = { error: (e as Error).message };
      }
    } finally {
      await session.close();
    }
    return { id: 'W1', title: this.title, status: statusOf(metrics), sizes, metrics, details };
  },
};
