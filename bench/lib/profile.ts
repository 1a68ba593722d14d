// Where the time of one W1 open goes: a Chrome trace split into scripting, style, layout, paint and GC
// on the page's main thread, and a CPU profile whose JavaScript time is split by the bundled module it
// ran in (ProseMirror, React, Dexie, the app) using the module comments the unminified build keeps.

import type { Browser, CDPSession, Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { round } from './stats';

/** Trace categories: the DevTools performance panel's, which name every main-thread task and its parts. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'blink.user_timing'];

/** Microseconds between CPU samples: 250 µs resolves short functions without slowing the page much. */
const SAMPLING_INTERVAL_US = 250;

/** Main-thread tasks shorter than this are not listed one by one (they are still counted in the totals). */
const TASK_LIST_MIN_MS = 20;

/** The parts of main-thread time, as the DevTools summary names them. */
type Category = 'scripting' | 'style' | 'layout' | 'paint' | 'gc' | 'parse' | 'other';

function categoryOf(name: string): Category {
  if (/^(MinorGC|MajorGC|V8\.GC|BlinkGC|CppGC|ThreadState::|V8\.Scavenger|GCEvent)/.test(name)) return 'gc';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation|StyleInvalidatorInvalidationTracking)/.test(name)) return 'style';
  if (/^(Layout|InvalidateLayout|UpdateLayerTree|IntersectionObserverController|ComputeIntersections|LocalFrameView::layout)/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|PaintImage|Decode|Rasterize|Draw)/.test(name)) return 'paint';
  if (/^(ParseHTML|ParseHTMLDocument)/.test(name)) return 'parse';
  if (/^(FunctionCall|EvaluateScript|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|XHR|v8\.|V8\.|FireIdleCallback|HandlePostMessage|ResourceReceivedData|ResourceFinish)/.test(name)) return 'scripting';
  return 'other';
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Main-thread time by category and by event name (self time: an event's duration less its children's). */
export interface TraceBreakdown {
  windowMs: number;
  byCategoryMs: Record<Category, number>;
  topEventsMs: { name: string; category: Category; selfMs: number }[];
  /** Main-thread tasks of at least TASK_LIST_MIN_MS, in order, with what filled them; startMs is from the click when the trace has its mark. */
  longTasks: { startMs: number; durMs: number; byCategoryMs: Partial<Record<Category, number>> }[];
}

/** Splits the renderer main thread's time of a trace into categories. */
export function analyzeTrace(traceJson: string): TraceBreakdown {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [];
  // The page's main thread: of the threads named CrRendererMain, the busiest.
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busy = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const byCategoryMs: Record<Category, number> = { scripting: 0, style: 0, layout: 0, paint: 0, gc: 0, parse: 0, other: 0 };
  if (!main) return { windowMs: 0, byCategoryMs, topEventsMs: [], longTasks: [] };
  // Complete events, and begin/end pairs turned into complete ones.
  const spans: { name: string; ts: number; end: number }[] = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main) continue;
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: e.name, ts: e.ts, end: e.ts + e.dur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ name: b.name, ts: b.ts, end: e.ts });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map<string, number>();
  const stack: { name: string; ts: number; end: number; child: number }[] = [];
  const tasks: TraceBreakdown['longTasks'] = [];
  let taskCats: Partial<Record<Category, number>> = {};
  const close = (s: (typeof stack)[number]) => {
    const own = Math.max(0, s.end - s.ts - s.child) / 1000;
    self.set(s.name, (self.get(s.name) ?? 0) + own);
    const c = categoryOf(s.name);
    byCategoryMs[c] += own;
    taskCats[c] = (taskCats[c] ?? 0) + own;
    if (stack.length === 0) {
      const dur = (s.end - s.ts) / 1000;
      if (dur >= TASK_LIST_MIN_MS) {
        const rounded: Partial<Record<Category, number>> = {};
        for (const [k, v] of Object.entries(taskCats)) if (v >= 1) rounded[k as Category] = round(v);
        tasks.push({ startMs: s.ts / 1000, durMs: round(dur), byCategoryMs: rounded });
      }
      taskCats = {};
    }
  };
  for (const s of spans) {
    while (stack.length && stack[stack.length - 1]!.end <= s.ts) close(stack.pop()!);
    const parent = stack[stack.length - 1];
    // Only properly nested events count as children; an overlapping stray event is treated as a sibling.
    if (parent && s.end <= parent.end) parent.child += s.end - s.ts;
    else if (parent) continue;
    stack.push({ ...s, child: 0 });
  }
  while (stack.length) close(stack.pop()!);
  // Times are from the probe's click mark when the trace has it, else from the first event.
  const click = events.find((e) => e.name === 'mbench-click');
  const first = click?.ts ?? spans[0]?.ts ?? 0;
  let last = first;
  for (const s of spans) if (s.end > last) last = s.end;
  for (const k of Object.keys(byCategoryMs) as Category[]) byCategoryMs[k] = round(byCategoryMs[k]);
  const topEventsMs = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([name, ms]) => ({ name, category: categoryOf(name), selfMs: round(ms) }));
  const longTasks = tasks.map((t) => ({ ...t, startMs: round(t.startMs - first / 1000) }));
  return { windowMs: round((last - first) / 1000), byCategoryMs, topEventsMs, longTasks };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** JavaScript self time by module group and by function. */
export interface CpuBreakdown {
  totalMs: number;
  /** Self time per group: a package ("prosemirror-view"), an app folder ("src/renderer/editor"), or V8's own entries ("(garbage collector)", "(program)"). */
  byGroupMs: Record<string, number>;
  topFunctions: { fn: string; group: string; selfMs: number }[];
}

/** The start line of every module in an unminified bundle, from its "// path/to/module.js" comments. */
function moduleStarts(bundleText: string): { line: number; module: string }[] {
  const out: { line: number; module: string }[] = [];
  const lines = bundleText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/(?:#region)? (\S+\.(?:[cm]?[jt]sx?))$/.exec(lines[i]!);
    if (m) out.push({ line: i, module: m[1]! });
  }
  return out;
}

/** The group a module belongs to: its npm package, or its folder in the app. */
function groupOf(module: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (nm) return nm[1]!;
  const src = /^(src\/[^/]+(?:\/[^/]+)?)\//.exec(module);
  if (src) return src[1]!;
  return module;
}

/**
 * Splits a CPU profile's self time by module. `bundles` maps a script URL's file name to the bundle's
 * text; functions in other scripts are grouped by URL.
 */
export function analyzeCpuProfile(profile: CpuProfile, bundles: Map<string, string>): CpuBreakdown {
  const starts = new Map<string, { line: number; module: string }[]>();
  for (const [name, text] of bundles) starts.set(name, moduleStarts(text));
  const groupByNode = new Map<number, { fn: string; group: string }>();
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber } = n.callFrame;
    let group: string;
    if (!url) group = functionName.startsWith('(') ? functionName : '(native)';
    else {
      const file = path.basename(new URL(url, 'http://x/').pathname);
      const table = starts.get(file);
      if (table?.length) {
        let lo = 0;
        let hi = table.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (table[mid]!.line <= lineNumber) lo = mid;
          else hi = mid - 1;
        }
        group = table[lo]!.line <= lineNumber ? groupOf(table[lo]!.module) : file;
      } else group = file || url;
    }
    groupByNode.set(n.id, { fn: functionName || '(anonymous)', group });
  }
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Sample i lasts until sample i+1: its duration is the next delta.
  for (let i = 0; i < samples.length; i++) {
    const dur = i + 1 < deltas.length ? deltas[i + 1]! : 0;
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + Math.max(0, dur));
  }
  const byGroup = new Map<string, number>();
  const byFn = new Map<string, { fn: string; group: string; us: number }>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const g = groupByNode.get(id) ?? { fn: '?', group: '?' };
    if (g.group === '(idle)') continue;
    total += us;
    byGroup.set(g.group, (byGroup.get(g.group) ?? 0) + us);
    const key = `${g.group}::${g.fn}`;
    const f = byFn.get(key) ?? { fn: g.fn, group: g.group, us: 0 };
    f.us += us;
    byFn.set(key, f);
  }
  const byGroupMs: Record<string, number> = {};
  for (const [g, us] of [...byGroup.entries()].sort((a, b) => b[1] - a[1])) if (us >= 1000) byGroupMs[g] = round(us / 1000);
  const topFunctions = [...byFn.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, 15)
    .map((f) => ({ fn: f.fn, group: f.group, selfMs: round(f.us / 1000) }));
  return { totalMs: round(total / 1000), byGroupMs, topFunctions };
}

/** Both recordings of one action in a page. */
export interface Recording<T> {
  result: T;
  trace: TraceBreakdown;
  cpu: CpuBreakdown;
}

/**
 * Runs `action` while tracing the page and sampling its JavaScript, and analyses both. `staticDir`
 * holds the page's bundles (to read their module comments).
 */
export async function record<T>(browser: Browser, page: Page, cdp: CDPSession, staticDir: string, action: () => Promise<T>): Promise<Recording<T>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  // The sampler first: starting it is a long task of its own, which the trace should not count.
  await cdp.send('Profiler.start');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let result: T | undefined;
  let failure: unknown;
  try {
    result = await action();
  } catch (e) {
    failure = e;
  }
  const traceBuffer = await browser.stopTracing();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.send('Profiler.disable');
  if (failure !== undefined) throw failure;
  const bundles = new Map<string, string>();
  for (const n of profile.nodes) {
    const url = n.callFrame.url;
    if (!url.startsWith('http')) continue;
    const file = path.basename(new URL(url).pathname);
    if (bundles.has(file)) continue;
    const local = path.join(staticDir, new URL(url).pathname);
    if (existsSync(local)) bundles.set(file, readFileSync(local, 'utf8'));
  }
  return { result: result as T, trace: analyzeTrace(traceBuffer.toString('utf8')), cpu: analyzeCpuProfile(profile, bundles) };
}
