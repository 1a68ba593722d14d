// W3, the annotation store: 200,000 spans bulk-imported into IndexedDB and the 20,000 spans of one
// document read back, through the app's own Dexie class and read function in headless Chromium.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoreApi } from '../peers/store-api';
import { browser, VIEWPORT } from '../lib/browser';
import { bundle, BUNDLES } from '../lib/bundle';
import { metric, statusOf, type Metric } from '../lib/result';
import { median, round } from '../lib/stats';
import { startStaticServer } from '../lib/static-server';
import type { BenchContext, Workload } from '../lib/workload';

const FULL = { docs: 10, perDoc: 20_000, runs: 3, rawRuns: 2, readsPerRun: 3 };
const SMOKE = { docs: 2, perDoc: 500, runs: 2, rawRuns: 1, readsPerRun: 2 };

/** The seed of the published figures. */
const SEED = 20_070_003;

export const w3: Workload = {
  id: 'W3',
  title: 'Store: 200,000 spans bulk-imported, one document\'s 20,000 read (Dexie, Chromium IndexedDB)',
  async run(ctx: BenchContext) {
    const size = ctx.smoke ? SMOKE : FULL;
    const script = await bundle('store-page.ts');
    writeFileSync(path.join(BUNDLES, 'store.html'), `<!doctype html><meta charset="utf-8"><title>W3 store</title><script src="${path.basename(script)}"></script>`);
    const server = await startStaticServer({ '/b': BUNDLES });
    const context = await (await browser()).newContext({ viewport: VIEWPORT });
    const metrics: Metric[] = [];
    const details: Record<string, unknown> = {};
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/b/store.html`);
      const call = <K extends keyof StoreApi>(name: K, ...args: Parameters<StoreApi[K]>) =>
        page.evaluate(
          ([n, a]) => (globalThis as unknown as { __mstore: Record<string, (...x: unknown[]) => unknown> }).__mstore[n as string]!(...(a as unknown[])),
          [name, args] as const,
        ) as Promise<Awaited<ReturnType<StoreApi[K]>>>;
      const total = await call('prepare', { docs: size.docs, perDoc: size.perDoc, seed: SEED });
      ctx.log(`W3: ${total} spans generated in the page`);
      const imports: number[] = [];
      const reads: number[] = [];
      let readCount = 0;
      for (let run = 0; run < size.runs; run++) {
        const ms = await call('importAll');
        imports.push(ms);
        const stored = await call('count');
        if (stored !== total) throw new Error(`imported ${stored} spans, expected ${total}`);
        const mine: number[] = [];
        for (let r = 0; r < size.readsPerRun; r++) {
          const got = await call('readOne', run * size.readsPerRun + r);
          mine.push(got.ms);
          readCount = got.spans;
        }
        reads.push(median(mine));
        ctx.log(`W3 run ${run + 1}/${size.runs}: import ${round(ms)} ms, read ${readCount} spans in ${mine.map(round).join(', ')} ms`);
      }
      // The raw IndexedDB API on the same records: how much of the time is Dexie's, how much the store's.
      const rawImports: number[] = [];
      const rawReads: number[] = [];
      for (let run = 0; run < size.rawRuns; run++) {
        rawImports.push(await call('importRaw'));
        const mine: number[] = [];
        for (let r = 0; r < size.readsPerRun; r++) mine.push((await call('readRaw', run * size.readsPerRun + r)).ms);
        rawReads.push(median(mine));
        ctx.log(`W3 raw IndexedDB run ${run + 1}/${size.rawRuns}: import ${round(rawImports.at(-1)!)} ms, read ${mine.map(round).join(', ')} ms`);
      }
      metrics.push(
        metric({ key: 'bulk_import_ms', label: `bulk import of ${total} spans (bulkPut in one transaction, to commit)`, unit: 'ms', runs: imports, target: { op: '<=', value: 5000 }, headline: true }),
        metric({ key: 'read_one_document_ms', label: `read one document's ${readCount} spans (loadAnnotations, fresh connection)`, unit: 'ms', runs: reads, target: { op: '<=', value: 200 }, headline: true, note: `median of ${size.readsPerRun} reads per run` }),
        metric({ key: 'raw_import_ms', label: 'reference: the same import with the raw IndexedDB API (put per span, one transaction)', unit: 'ms', runs: rawImports }),
        metric({ key: 'raw_read_ms', label: 'reference: the same read with the raw API (getAll on [docId+annotator])', unit: 'ms', runs: rawReads }),
        metric({ key: 'import_spans_per_s', label: 'import throughput', unit: 'spans/s', runs: imports.map((ms) => (total / ms) * 1000) }),
      );
      details.method = 'The app\'s MarginaliaDb (src/renderer/db/db.ts) and loadAnnotations (annotations.ts) bundled with esbuild into a page on 127.0.0.1; the database is deleted before each import.';
    } finally {
      await context.close();
      await server.close();
    }
    return { id: 'W3', title: this.title, status: statusOf(metrics), sizes: { documents: size.docs, spansPerDocument: size.perDoc, spans: size.docs * size.perDoc }, metrics, details };
  },
};
