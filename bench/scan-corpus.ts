// Measures the corpus service on a generated folder of 10,000 files of ~5 KB: the first scan (no index), a reopen
// of the unchanged folder (index, stat only), and how long one edited file takes to reach the list through the watcher.
// Usage: npx tsx bench/scan-corpus.ts [--files N] [--keep]   (prints the figures; writes bench/results/scan-corpus.json)

import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { DocumentsChange } from '../src/core/ipc/contract';
import { CorpusSession } from '../src/node/corpus-session';
import { encodeLegacy } from '../test/fixtures/corpus/legacy-encode';
import { SIMPLIFIED_SAMPLE } from '../test/fixtures/corpus/folder';

/** Files in the generated corpus (the figure the issue asks for). */
const DEFAULT_FILES = 10_000;
/** Files per folder: 100 folders of 100, like a year of daily news feeds. */
const PER_FOLDER = 100;
/** Target size of each file: ~5 KB, a news report. */
const FILE_BYTES = 5 * 1024;
/** Files are dated an hour back, as a real corpus's are (a file written this instant is re-read on reopen: the racy check). */
const AGE_MS = 60 * 60 * 1000;

const args = process.argv.slice(2);
const filesArg = args.indexOf('--files');
const count = filesArg >= 0 ? Number(args[filesArg + 1]) : DEFAULT_FILES;
const keep = args.includes('--keep');

const ENGLISH =
  'The port handled 49.2 million containers last year, up 3.9% from the year before, the authority said on Tuesday. ' +
  'Officials expect growth to slow as new terminals open further along the coast and shipping lines reroute. ';

/** File `i`'s name and bytes: mostly English and Chinese UTF-8 text, some Markdown and HTML, 1% GB18030. */
function fileFor(i: number): { rel: string; bytes: Uint8Array } {
  const dir = `feed-${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}`;
  const n = String(i).padStart(5, '0');
  const kind = i % 100;
  const repeat = (s: string) => {
    let out = `Report ${n}\n\n`;
    while (Buffer.byteLength(out) < FILE_BYTES) out += s + `(${n}) `;
    return out;
  };
  if (kind === 0) return { rel: `${dir}/${n}-gb.txt`, bytes: encodeLegacy(repeat(SIMPLIFIED_SAMPLE), 'gb18030') };
  if (kind < 5) return { rel: `${dir}/${n}.html`, bytes: Buffer.from(`<html><head><title>Report ${n}</title></head><body><p>${repeat(ENGLISH)}</p></body></html>`) };
  if (kind < 30) return { rel: `${dir}/${n}-zh.txt`, bytes: Buffer.from(repeat(SIMPLIFIED_SAMPLE)) };
  if (kind < 40) return { rel: `${dir}/${n}.md`, bytes: Buffer.from('# ' + repeat(ENGLISH)) };
  return { rel: `${dir}/${n}.txt`, bytes: Buffer.from(repeat(ENGLISH)) };
}

async function generate(root: string): Promise<{ bytes: number; ms: number }> {
  const t0 = performance.now();
  const dated = new Date(Date.now() - AGE_MS);
  let bytes = 0;
  for (let d = 0; d * PER_FOLDER < count; d++) await mkdir(path.join(root, `feed-${String(d).padStart(3, '0')}`), { recursive: true });
  for (let i = 0; i < count; i++) {
    const f = fileFor(i);
    const abs = path.join(root, f.rel);
    await writeFile(abs, f.bytes);
    await utimes(abs, dated, dated);
    bytes += f.bytes.length;
  }
  return { bytes, ms: performance.now() - t0 };
}

const ms = (x: number) => Math.round(x);

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'marginalia-scan-bench-'));
  try {
    const gen = await generate(root);
    // Other work on the machine moves every figure: the load average is printed with them.
    const load = Math.round(os.loadavg()[0]! * 100) / 100;
    console.log(
      `Generated ${count} files (${(gen.bytes / 1e6).toFixed(1)} MB) in ${root} in ${ms(gen.ms)} ms ` +
        `(${os.cpus().length} cores, load average ${load}, Node ${process.version}; files in the page cache)`,
    );

    // 1. First scan: no index. The event loop's delay is sampled meanwhile: how long a UI call could wait.
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    let firstDocsAt = 0;
    let t0 = performance.now();
    const first = await CorpusSession.open(root, {
      watch: false,
      emit: (event) => {
        if (event === 'documentsChanged' && !firstDocsAt) firstDocsAt = performance.now() - t0;
      },
    });
    const answerMs = (() => {
      const a = performance.now();
      const info = first.info();
      if (!info.scanning) throw new Error('expected a scan in progress');
      return performance.now() - a;
    })();
    await first.whenScanned();
    const firstScanMs = performance.now() - t0;
    loop.disable();
    const stallMs = loop.max / 1e6;
    const firstInfo = first.info();
    await first.close();
    console.log(
      `First scan: ${ms(firstScanMs)} ms for ${firstInfo.documents.length} documents (${firstInfo.skipped.length} skipped, ${firstInfo.scan!.read} read); ` +
        `getCorpus during the scan answered in ${answerMs.toFixed(2)} ms; first documents listed after ${ms(firstDocsAt)} ms; ` +
        `longest event-loop stall ${ms(stallMs)} ms`,
    );

    // 2. Reopen unchanged: index + stat only.
    t0 = performance.now();
    const again = await CorpusSession.open(root, { watch: false });
    const listedAtOnce = again.info().documents.length;
    await again.whenScanned();
    const reopenMs = performance.now() - t0;
    const againInfo = again.info();
    await again.close();
    console.log(`Reopen unchanged: ${ms(reopenMs)} ms, ${againInfo.scan!.read} files read, ${listedAtOnce} documents listed at once from the index`);

    // 3. One changed file reflected through the watcher: edited right after the corpus is opened (the watcher not yet
    // live: the catch-up check finds it), then another edited once everything is live.
    const waitFor = (target: string) => {
      let resolve: (c: DocumentsChange) => void = () => {};
      const promise = new Promise<DocumentsChange>((r) => (resolve = r));
      return { target, promise, resolve: (c: DocumentsChange) => (c.changed.some((e) => e.path === target) ? resolve(c) : undefined) };
    };
    const early = waitFor(fileFor(4242 % count).rel);
    const late = waitFor(fileFor(777 % count).rel);
    t0 = performance.now();
    const live = await CorpusSession.open(root, {
      watch: true,
      emit: (event, payload) => {
        if (event !== 'documentsChanged') return;
        early.resolve(payload as DocumentsChange);
        late.resolve(payload as DocumentsChange);
      },
    });
    let t1 = performance.now();
    await writeFile(path.join(root, early.target), 'Edited report\n\nThe figure was revised to 4.1%.');
    await early.promise;
    const earlyMs = performance.now() - t1;
    await live.whenWatching();
    const watchReadyMs = performance.now() - t0;
    t1 = performance.now();
    await writeFile(path.join(root, late.target), 'Edited again\n\nThe figure was revised to 4.2%.');
    await late.promise;
    const reflectMs = performance.now() - t1;
    await live.close();
    console.log(
      `One changed file reflected: ${ms(reflectMs)} ms once the watcher is live (includes its 75 ms settle); ` +
        `${ms(earlyMs)} ms when edited right after opening; watcher live and caught up ${ms(watchReadyMs)} ms after open`,
    );

    const results = {
      files: count,
      megabytes: Math.round(gen.bytes / 1e5) / 10,
      cores: os.cpus().length,
      node: process.version,
      firstScanMs: ms(firstScanMs),
      firstDocumentsListedMs: ms(firstDocsAt),
      getCorpusDuringScanMs: Math.round(answerMs * 100) / 100,
      longestEventLoopStallMs: ms(stallMs),
      loadAverageAtStart: load,
      reopenUnchangedMs: ms(reopenMs),
      reopenFilesRead: againInfo.scan!.read,
      changedFileReflectedMs: ms(reflectMs),
      changedRightAfterOpenReflectedMs: ms(earlyMs),
      watcherReadyMs: ms(watchReadyMs),
    };
    if (count === DEFAULT_FILES) {
      const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'scan-corpus.json');
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, JSON.stringify(results, null, 2) + '\n');
      console.log(`Wrote ${out}`);
    }
  } finally {
    if (keep) console.log(`Kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}

await main();
