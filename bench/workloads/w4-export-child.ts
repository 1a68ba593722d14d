// W4's measuring process: loads the generated export input, then times serializeNativeExport plus one
// file write against the limit (the same bytes in one fs.writeFile), and reads its own peak RSS, so each
// run's memory figure starts from a clean process. Prints one JSON line. Run by w4-export.ts, not by hand.

import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { compareLines, serializeNativeExport, serializeNativeLine, toNativeLine, type ExportDocument } from '../../src/core/format/native';

/** What one measuring process reports. */
export interface ExportRun {
  mode: 'export' | 'stream';
  outputBytes: number;
  /** The writer: serialize and write to the file. */
  exportMs: number;
  /** Writing the same bytes from one Buffer with one fs.writeFile. */
  limitMs: number;
  /** Peak resident memory during the writer, over the resident memory just before it (after a full GC). */
  peakRssGrowthBytes: number;
  /** How the peak was read: "VmHWM" (reset before the writer) or "maxRSS" (the process's whole life: an upper bound). */
  peakSource: string;
  heapUsedBeforeBytes: number;
  /**
   * Where the export's time goes, timed after the measured run (same process, warm): building the
   * lines (toNativeLine), sorting them, serializing them (serializeNativeLine), joining them into one
   * string, encoding it to UTF-8, writing the bytes.
   */
  phasesMs?: Record<string, number>;
}

function rssBytes(): number {
  return process.memoryUsage().rss;
}

/** Resets the kernel's peak-RSS counter of this process; false where /proc is not there. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak RSS since the last reset, in bytes (VmHWM), or the lifetime peak when /proc is not there. */
function peakBytes(resettable: boolean): number {
  if (resettable) {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  }
  return process.resourceUsage().maxRSS * 1024;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const [input, out, mode] = process.argv.slice(2) as [string, string, 'export' | 'stream'];
const docs = JSON.parse(readFileSync(input, 'utf8')) as ExportDocument[];
gc();
gc();
const heapUsedBeforeBytes = process.memoryUsage().heapUsed;
const before = rssBytes();
const resettable = resetPeak();

const t0 = performance.now();
if (mode === 'export') {
  await writeFile(out, serializeNativeExport(docs));
} else {
  // The streaming alternative, from the module's exported pieces: lines in the format's order, one at a time.
  const order = [...docs].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0));
  const stream = createWriteStream(out);
  for (const d of order) {
    if (!stream.write(serializeNativeLine(toNativeLine(d)) + '\n')) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}
const exportMs = performance.now() - t0;
const peak = peakBytes(resettable);

// The limit: the same bytes, already encoded, in one fs.writeFile.
const bytes = readFileSync(out);
const t1 = performance.now();
await writeFile(out + '.limit', bytes);
const limitMs = performance.now() - t1;

let phasesMs: Record<string, number> | undefined;
if (mode === 'export') {
  // The same steps as serializeNativeExport, one at a time.
  gc();
  const p: Record<string, number> = {};
  let t = performance.now();
  const lines = docs.map((d) => toNativeLine(d));
  p.toNativeLine = performance.now() - t;
  t = performance.now();
  lines.sort(compareLines);
  p.sortLines = performance.now() - t;
  t = performance.now();
  const strings = lines.map((l) => serializeNativeLine(l) + '\n');
  p.stringify = performance.now() - t;
  t = performance.now();
  const joined = strings.join('');
  p.join = performance.now() - t;
  t = performance.now();
  const encoded = Buffer.from(joined, 'utf8');
  p.encodeUtf8 = performance.now() - t;
  t = performance.now();
  await writeFile(out + '.phases', encoded);
  p.writeBytes = performance.now() - t;
  rmSync(out + '.phases', { force: true });
  phasesMs = p;
}

const result: ExportRun = {
  mode,
  outputBytes: statSync(out).size,
  exportMs,
  limitMs,
  peakRssGrowthBytes: Math.max(0, peak - before),
  peakSource: resettable ? 'VmHWM' : 'maxRSS',
  heapUsedBeforeBytes,
  phasesMs,
};
process.stdout.write(JSON.stringify(result) + '\n');
