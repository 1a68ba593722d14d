// Side by side, in the same Chromium: W1's text and spans in @recogito/text-annotator and in Label
// Studio's frontend, against Marginalia in the same run — time to show the document with all its spans,
// and to add one span — reported as Marginalia's time ÷ the peer's (below 1: Marginalia is faster).

import type { BrowserContext, Page } from '@playwright/test';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PeerApi, PeerLoad, PeerSpan } from '../peers/peer-api';
import { browser, VIEWPORT } from '../lib/browser';
import { bundle, BUNDLES } from '../lib/bundle';
import { openSeededApp, timedOpen } from '../lib/marginalia-page';
import { BENCH } from '../lib/paths';
import { metric, naMetric, statusOf, type Metric } from '../lib/result';
import { median, round } from '../lib/stats';
import { startStaticServer, type StaticServer } from '../lib/static-server';
import { w1Fixture, type FixtureDoc } from '../lib/w1-fixture';
import type { BenchContext, Workload } from '../lib/workload';
import { keyboardOps, type OpTimes } from './w1-long-document';

const FULL = { chars: 1_000_000, spans: 20_000, runs: 3, adds: 5 };
const SMOKE = { chars: 20_000, spans: 400, runs: 1, adds: 2 };

/** Time for Marginalia's keyboard creates in one peer run (at least a few are always done). */
const PEER_OPS_BUDGET_MS = 15_000;

/** Where Label Studio's frontend is installed (bench/package.json names it label-studio-frontend). */
const LS_DIR = path.join(BENCH, 'node_modules', 'label-studio-frontend');

interface Peer {
  id: 'recogito' | 'label-studio';
  name: string;
  /** Longest wait for one load or add: past it the peer counts as unable to do that size. */
  timeoutMs: { full: number; smoke: number };
  /** The page under /b/. */
  html: string;
  entry: string;
  /** Why it cannot run at all, found before trying. */
  unavailable(): string | null;
}

function installedVersion(pkgDir: string): string | null {
  const file = path.join(pkgDir, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : null;
}

const PEERS: Peer[] = [
  {
    id: 'recogito',
    name: '@recogito/text-annotator',
    // It takes some 25 s on the full W1 size here; 120 s leaves room for a slow machine.
    timeoutMs: { full: 120_000, smoke: 30_000 },
    html: 'recogito.html',
    entry: 'recogito-page.ts',
    unavailable: () => (installedVersion(path.join(BENCH, 'node_modules', '@recogito', 'text-annotator')) ? null : 'not installed in bench/node_modules'),
  },
  {
    id: 'label-studio',
    name: '@heartexlabs/label-studio (frontend)',
    // On the full W1 size it had not shown the document after 6 minutes here: 45 s is enough to say it cannot.
    timeoutMs: { full: 45_000, smoke: 30_000 },
    html: 'label-studio.html',
    entry: 'label-studio-page.ts',
    unavailable: () => {
      if (!installedVersion(LS_DIR)) return 'not installed in bench/node_modules';
      if (!existsSync(path.join(LS_DIR, 'build', 'static', 'js', 'main.js'))) return 'the installed package has no build/static/js/main.js';
      return null;
    },
  },
];

/** New spans to add: entities of the first paragraphs that W1 did not mark, so every add is a new highlight on screen. */
function newSpans(doc: FixtureDoc, n: number): PeerSpan[] {
  const taken = new Set(doc.planned.map((s) => `${s.start}:${s.end}`));
  const out: PeerSpan[] = [];
  // Words of four characters at the start of lines: free of W1's spans more often than not.
  for (let start = 0; out.length < n && start < doc.text.length - 4; start += 37) {
    const end = start + 4;
    if (/\s/.test(doc.text.slice(start, end)) || taken.has(`${start}:${end}`)) continue;
    out.push({ id: `add-${out.length}`, start, end, label: 'FIGURE' });
  }
  return out;
}

/** Rejects when `p` takes longer than `ms`: a peer that blocks its page's main thread never times itself out. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Slack over the page's own timeout for the round trip to the page. */
const NODE_SLACK_MS = 5_000;
/** Longest wait for a page to close; a renderer stuck in a task is left to the context's close. */
const CLOSE_WAIT_MS = 10_000;

/** One peer's page, loaded with `doc`; the load's times, then `adds` spans added one by one. */
async function runPeer(context: BrowserContext, server: StaticServer, peer: Peer, doc: FixtureDoc, adds: number, timeoutMs: number): Promise<{ load: PeerLoad; add: number[] }> {
  const page: Page = await context.newPage();
  try {
    page.setDefaultTimeout(timeoutMs + NODE_SLACK_MS);
    await page.goto(`${server.origin}/b/${peer.html}`);
    const call = <K extends keyof PeerApi>(name: K, ...args: Parameters<PeerApi[K]>) =>
      within(
        page.evaluate(
          ([n, a]) => (globalThis as unknown as { __mpeer: Record<string, (...x: unknown[]) => unknown> }).__mpeer[n as string]!(...(a as unknown[])),
          [name, args] as const,
        ) as Promise<Awaited<ReturnType<PeerApi[K]>>>,
        timeoutMs + NODE_SLACK_MS,
        `${peer.name} ${name}`,
      );
    await call('setData', doc.text, doc.planned.map((s) => ({ id: s.id, start: s.start, end: s.end, label: s.label })));
    const load = await call('load', timeoutMs);
    const add: number[] = [];
    for (const s of newSpans(doc, adds)) add.push(await call('addOne', s, timeoutMs));
    return { load, add };
  } finally {
    await within(page.close({ runBeforeUnload: false }), CLOSE_WAIT_MS, 'closing the page').catch(() => undefined);
  }
}

export const peers: Workload = {
  id: 'peers',
  title: 'Side by side on W1: Recogito text-annotator and Label Studio, same Chromium run',
  async run(ctx: BenchContext) {
    const size = ctx.smoke ? SMOKE : FULL;
    const fixture = w1Fixture(size.chars, size.spans);
    for (const p of PEERS) {
      await bundle(p.entry);
      copyFileSync(path.join(BENCH, 'peers', p.html), path.join(BUNDLES, p.html));
    }
    const server = await startStaticServer({ '/b': BUNDLES, '/ls': LS_DIR });
    const context = await (await browser()).newContext({ viewport: VIEWPORT });
    // Offline: anything but this machine is refused and listed, so a peer that needs the network shows it.
    const offsite: string[] = [];
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => {
      offsite.push(route.request().url());
      return route.abort();
    });
    const app = await openSeededApp(fixture, [fixture.long, fixture.tenth]);
    const metrics: Metric[] = [];
    const details: Record<string, unknown> = { versions: { recogito: installedVersion(path.join(BENCH, 'node_modules', '@recogito', 'text-annotator')), labelStudio: installedVersion(LS_DIR) } };
    try {
      for (const peer of PEERS) {
        const why = peer.unavailable();
        const info: Record<string, unknown> = {};
        details[peer.id] = info;
        if (why) {
          info.unavailable = why;
          metrics.push(naMetric({ key: `${peer.id}_open_ratio`, label: `Marginalia ÷ ${peer.name}: document with all spans on screen`, unit: '×', headline: true }, why));
          continue;
        }
        // The full W1 size first; where the peer cannot finish it, a tenth of it, compared with Marginalia on the same tenth.
        let doc = fixture.long;
        const ratiosOpen: number[] = [];
        const ratiosAdd: number[] = [];
        const peerLoads: number[] = [];
        const peerAdds: number[] = [];
        const mOpens: number[] = [];
        const mCreates: number[] = [];
        let failure: string | undefined;
        let marginaliaFailure: string | undefined;
        for (let run = 0; run < size.runs; run++) {
          let r: { load: PeerLoad; add: number[] };
          try {
            r = await runPeer(context, server, peer, doc, size.adds, ctx.smoke ? peer.timeoutMs.smoke : peer.timeoutMs.full);
          } catch (e) {
            const msg = (e as Error).message.split('\n')[0]!;
            if (doc === fixture.long) {
              info.fullSizeFailure = msg;
              ctx.log(`peers: ${peer.name} could not do the full W1 size (${msg}); trying a tenth`);
              doc = fixture.tenth;
              run--;
              continue;
            }
            failure = msg;
            break;
          }
          const peerAdd = median(r.add);
          peerLoads.push(r.load.totalMs);
          peerAdds.push(peerAdd);
          info.lastLoad = { ...r.load, textMs: round(r.load.textMs), spansMs: round(r.load.spansMs), totalMs: round(r.load.totalMs) };
          // Marginalia on the same document in the same run, right after; its failure leaves the peer's own figures.
          let line = `peers ${peer.id} run ${run + 1}/${size.runs} on ${doc.path}: peer ${round(r.load.totalMs)} ms / add ${round(peerAdd)} ms; Marginalia `;
          try {
            const m = await timedOpen(app.page, doc, app.served);
            mOpens.push(m.firstScreenMs);
            ratiosOpen.push(m.firstScreenMs / r.load.totalMs);
            line += `${round(m.firstScreenMs)} ms`;
            const ops: OpTimes = { create: [], relabel: [], delete: [] };
            await keyboardOps(app.page, size.adds, ops, PEER_OPS_BUDGET_MS);
            const mAdd = median(ops.create);
            mCreates.push(mAdd);
            ratiosAdd.push(mAdd / peerAdd);
            line += ` / create ${round(mAdd)} ms`;
          } catch (e) {
            marginaliaFailure ??= (e as Error).message.split('\n')[0];
            line += `failed: ${marginaliaFailure}`;
          }
          ctx.log(line);
        }
        info.document = doc.path;
        info.size = { characters: doc.text.length, spans: doc.planned.length };
        const sizeNote = doc === fixture.long ? 'full W1 size' : `a tenth of W1 (${doc.text.length} characters, ${doc.planned.length} spans): at the full size, ${String(info.fullSizeFailure)}`;
        if (!peerLoads.length) {
          const reason = failure ?? 'no run finished';
          info.failure = reason;
          metrics.push(naMetric({ key: `${peer.id}_open_ratio`, label: `Marginalia ÷ ${peer.name}: document with all spans on screen`, unit: '×', headline: true }, reason));
          continue;
        }
        if (marginaliaFailure) info.marginaliaFailure = marginaliaFailure;
        const ratio = (key: string, label: string, runs: number[], note: string) =>
          runs.length ? metric({ key, label, unit: '×', runs, headline: true, note }) : naMetric({ key, label, unit: '×', headline: true }, `Marginalia's side failed: ${marginaliaFailure ?? 'not run'}`);
        metrics.push(
          ratio(`${peer.id}_open_ratio`, `Marginalia ÷ ${peer.name}: document with all spans on screen`, ratiosOpen, sizeNote),
          ratio(`${peer.id}_add_ratio`, `Marginalia ÷ ${peer.name}: add one span to the next paint`, ratiosAdd, `Marginalia by keyboard (selection + label key), the peer through its API (Label Studio: label picked, text selected, mouseup); ${sizeNote}`),
          metric({ key: `${peer.id}_open_ms`, label: `${peer.name}: text and all spans → first screen painted`, unit: 'ms', runs: peerLoads }),
          metric({ key: `${peer.id}_add_ms`, label: `${peer.name}: add one span → painted (median of ${size.adds})`, unit: 'ms', runs: peerAdds }),
          metric({ key: `${peer.id}_marginalia_open_ms`, label: `Marginalia in the same runs: click → first screen with spans`, unit: 'ms', runs: mOpens }),
          metric({ key: `${peer.id}_marginalia_create_ms`, label: `Marginalia in the same runs: create by key → painted (median of ${size.adds})`, unit: 'ms', runs: mCreates }),
        );
      }
      details.offsiteRequests = offsite.slice(0, 20);
      details.missingFiles = server.misses.slice(0, 20);
    } finally {
      await app.close();
      await context.close();
      await server.close();
    }
    return { id: 'peers', title: this.title, status: statusOf(metrics), sizes: { characters: fixture.long.text.length, spans: fixture.long.planned.length }, metrics, details };
  },
};
