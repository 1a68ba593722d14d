// W4, export: 10,000 documents with 200,000 spans written as native JSONL by serializeNativeExport
// (src/core/format/native.ts), against the limit of writing the same bytes with one fs.writeFile, and
// the writer's peak memory growth against the size of what it writes. Each run is a fresh process.

import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ExportDocument } from '../../src/core/format/native';
import { OffsetMap } from '../../src/core/model/offsets';
import { quoteOf } from '../../src/core/model/quote';
import type { AttrValue, CodePoint, DocStatus, Span } from '../../src/core/model/types';
import { docIdOf } from '../../src/node/corpus';
import { BENCH, ROOT, RUN_TMP } from '../lib/paths';
import { metric, statusOf, type Metric } from '../lib/result';
import { planSpans } from '../lib/spans-gen';
import { median, round } from '../lib/stats';
import { generateText } from '../lib/text-gen';
import type { BenchContext, Workload } from '../lib/workload';
import type { ExportRun } from './w4-export-child';

/** About 5 KB of UTF-8 per document: 3,900 characters of the mixed text average 1.29 bytes each. */
const CHARS_PER_DOC = 3_900;
const FULL = { docs: 10_000, spansPerDoc: 20, runs: 3, streamRuns: 2 };
const SMOKE = { docs: 50, spansPerDoc: 20, runs: 1, streamRuns: 1 };
/** The seed of the published figures. */
const SEED = 20_070_004;
const STATUSES: DocStatus[] = ['in-progress', 'done', 'done', 'todo'];

const run = promisify(execFile);

/** The export's input as the app builds it (src/renderer/features/export.ts): stored spans with their quotes. */
function makeInput(docs: number, spansPerDoc: number): { docs: ExportDocument[]; textBytes: number } {
  const out: ExportDocument[] = [];
  let textBytes = 0;
  const at = '2026-01-01T00:00:00.000Z';
  for (let d = 0; d < docs; d++) {
    const gen = generateText({ chars: CHARS_PER_DOC, seed: SEED + d });
    const docId = docIdOf(gen.text);
    const map = new OffsetMap(gen.text);
    const spans: Span[] = planSpans(gen, { count: spansPerDoc, overlapShare: 0.1, idPrefix: d.toString(32) }).map((p) => ({
      id: p.id,
      docId,
      annotator: 'bench',
      label: p.label,
      start: p.start as CodePoint,
      end: p.end as CodePoint,
      attrs: (p.label === 'FIGURE' ? { approx: 'none', unit: 'CNY' } : {}) as Record<string, AttrValue>,
      quote: quoteOf(gen.text, p.start as CodePoint, p.end as CodePoint, map),
      createdAt: at,
      updatedAt: at,
    }));
    textBytes += Buffer.byteLength(gen.text);
    out.push({ docId, source: `reports/${String(d).padStart(5, '0')}.txt`, text: gen.text, annotator: 'bench', status: STATUSES[d % STATUSES.length]!, spans, relations: [] });
  }
  return { docs: out, textBytes };
}

async function measure(input: string, out: string, mode: 'export' | 'stream'): Promise<ExportRun> {
  const child = path.join(BENCH, 'workloads', 'w4-export-child.ts');
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', child, input, out, mode], { cwd: ROOT, maxBuffer: 1 << 20 });
  rmSync(out, { force: true });
  rmSync(out + '.limit', { force: true });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ExportRun;
}

export const w4: Workload = {
  id: 'W4',
  title: 'Export: 10,000 documents, 200,000 spans to native JSONL',
  async run(ctx: BenchContext) {
    const size = ctx.smoke ? SMOKE : FULL;
    const dir = path.join(RUN_TMP, 'w4');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    ctx.log(`W4: generating ${size.docs} documents with ${size.spansPerDoc} spans each`);
    const { docs, textBytes } = makeInput(size.docs, size.spansPerDoc);
    const input = path.join(dir, 'input.json');
    writeFileSync(input, JSON.stringify(docs));
    const out = path.join(dir, 'export.jsonl');
    const runs: ExportRun[] = [];
    for (let i = 0; i < size.runs; i++) {
      runs.push(await measure(input, out, 'export'));
      const r = runs[runs.length - 1]!;
      ctx.log(`W4 run ${i + 1}/${size.runs}: ${round(r.outputBytes / 1e6)} MB in ${round(r.exportMs)} ms (limit ${round(r.limitMs)} ms), peak RSS +${round(r.peakRssGrowthBytes / 1e6)} MB`);
    }
    const streams: ExportRun[] = [];
    for (let i = 0; i < size.streamRuns; i++) streams.push(await measure(input, out, 'stream'));
    rmSync(input, { force: true });
    const bytes = runs[0]!.outputBytes;
    const metrics: Metric[] = [
      metric({ key: 'export_ms', label: 'serializeNativeExport + one fs.writeFile of the result', unit: 'ms', runs: runs.map((r) => r.exportMs) }),
      metric({ key: 'limit_ms', label: 'the limit: the same bytes from one Buffer in one fs.writeFile', unit: 'ms', runs: runs.map((r) => r.limitMs) }),
      metric({
        key: 'throughput_vs_limit',
        label: 'export throughput ÷ the limit\'s (same run)',
        unit: '×',
        runs: runs.map((r) => r.limitMs / r.exportMs),
        target: { op: '>=', value: 0.5 },
        headline: true,
      }),
      metric({ key: 'export_mb_per_s', label: 'export throughput', unit: 'MB/s', runs: runs.map((r) => r.outputBytes / 1e6 / (r.exportMs / 1000)) }),
      metric({
        key: 'peak_rss_growth_vs_output',
        label: 'peak RSS growth during the export ÷ output size',
        unit: '×',
        runs: runs.map((r) => r.peakRssGrowthBytes / r.outputBytes),
        target: { op: '<=', value: 1 },
        headline: true,
        note: `peak read as ${runs[0]!.peakSource}`,
      }),
      metric({ key: 'peak_rss_growth_mb', label: 'peak RSS growth during the export', unit: 'MB', runs: runs.map((r) => r.peakRssGrowthBytes / 1e6) }),
      metric({ key: 'stream_ms', label: 'reference: line by line (toNativeLine + serializeNativeLine) to a write stream', unit: 'ms', runs: streams.map((r) => r.exportMs) }),
      metric({ key: 'stream_throughput_vs_limit', label: 'reference: streamed throughput ÷ the limit\'s', unit: '×', runs: streams.map((r) => r.limitMs / r.exportMs) }),
      metric({ key: 'stream_peak_rss_growth_vs_output', label: 'reference: streamed peak RSS growth ÷ output size', unit: '×', runs: streams.map((r) => r.peakRssGrowthBytes / r.outputBytes) }),
    ];
    return {
      id: 'W4',
      title: this.title,
      status: statusOf(metrics),
      sizes: { documents: size.docs, spans: size.docs * size.spansPerDoc, textBytes, outputBytes: bytes },
      metrics,
      details: {
        phasesMs: Object.fromEntries(Object.keys(runs[0]!.phasesMs ?? {}).map((k) => [k, round(median(runs.map((r) => r.phasesMs?.[k] ?? NaN)))])),
        method: 'Each run is a fresh `node --expose-gc` process that parses the input, collects garbage, resets its peak-RSS counter (/proc/self/clear_refs) and then times the writer; the limit writes the file\'s bytes again from one Buffer in the same process.',
      },
    };
  },
};
