// The benchmark's instruments inside Marginalia's page: bundled by esbuild into one script and injected
// before the app loads, so timings are taken where the work happens (click and key event timestamps,
// requestAnimationFrame, long tasks) instead of across the slow CDP round trip.

import { afterNextPaint, paintedWhen } from './paint';
import type { KeyPredicate, OpenResult, ProbeApi, ScrollResult, SeedData } from './probe-api';

/** Longest wait for any one measured thing: past it the measurement fails with a message instead of hanging. */
const DEFAULT_TIMEOUT_MS = 60_000;

/** What is not the document's own text to select: label chips, widgets, suggestion ghosts. */
const NOT_TEXT = '.span-chip, [contenteditable="false"], [data-suggestion-key]';

/** The element that scrolls the document text: the nearest ancestor of `.doc-text` that can scroll. */
function scroller(): HTMLElement {
  const text = document.querySelector('.doc-text');
  for (let el = text?.parentElement ?? null; el; el = el.parentElement) {
    const oy = getComputedStyle(el).overflowY;
    if ((oy === 'auto' || oy === 'scroll') && el.scrollHeight > el.clientHeight) return el;
  }
  return (document.scrollingElement as HTMLElement) ?? document.documentElement;
}

/** True when the element shows at least a pixel inside the scroller's visible box. */
function visibleIn(el: Element | null | undefined, box: DOMRect): boolean {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.bottom > box.top && r.top < box.bottom;
}

/** The first painted span element of the document view (document order). */
function firstSpan(root: Element): Element | null {
  return root.querySelector('.span[data-span-id]');
}

/** The element of span `id`, looked for in the last paragraph first (where the last span is), then everywhere. */
function spanElement(root: Element, id: string): Element | null {
  const sel = `[data-span-id="${CSS.escape(id)}"]`;
  return root.lastElementChild?.querySelector(sel) ?? root.querySelector(sel);
}

/** The document view's paragraphs (lines), in order, whatever elements group them. */
function paragraphs(): HTMLCollectionOf<Element> | [] {
  return document.querySelector('.doc-text')?.getElementsByClassName('line') ?? [];
}

/** The paragraph element at `index` among the document view's lines. */
function paragraph(index: number): Element | null {
  return paragraphs()[index] ?? null;
}

let pendingOpen: Promise<OpenResult> | null = null;
let pendingKey: Promise<number> | null = null;

const api: ProbeApi = {
  armOpen({ path, lastSpanId, timeoutMs = DEFAULT_TIMEOUT_MS }) {
    pendingOpen = new Promise<number>((resolve) => {
      const onClick = (e: Event) => {
        const row = (e.target as Element | null)?.closest?.('.doc-row');
        if (row && row.getAttribute('data-path') === path) {
          window.removeEventListener('click', onClick, true);
          // A mark in the trace, so a profile can measure from the click.
          performance.mark('mbench-click');
          resolve(e.timeStamp);
        }
      };
      window.addEventListener('click', onClick, true);
    }).then(async (clickAt) => {
      const root = () => document.querySelector(`main.document[data-open-path="${CSS.escape(path)}"] .doc-text`);
      const first = await paintedWhen(
        () => {
          const r = root();
          if (!r) return false;
          return visibleIn(firstSpan(r), scroller().getBoundingClientRect());
        },
        timeoutMs,
        'first screen with spans',
      );
      // Then the whole document: scroll to the end every frame until the last span is drawn there.
      const end = await paintedWhen(
        () => {
          const r = root();
          if (!r) return false;
          const s = scroller();
          s.scrollTop = s.scrollHeight;
          return visibleIn(spanElement(r, lastSpanId), s.getBoundingClientRect());
        },
        timeoutMs,
        'last span drawn at the end of the document',
      );
      const s = scroller();
      s.scrollTop = 0;
      return { firstScreenMs: first - clickAt, endMs: end - clickAt, clickAtMs: clickAt, domNodes: document.getElementsByTagName('*').length };
    });
    return true;
  },

  async openResult() {
    if (!pendingOpen) throw new Error('armOpen was not called');
    const r = await pendingOpen;
    pendingOpen = null;
    return r;
  },

  armKey(pred: KeyPredicate, timeoutMs = DEFAULT_TIMEOUT_MS) {
    pendingKey = new Promise<number>((resolve) => {
      const onKey = (e: KeyboardEvent) => {
        window.removeEventListener('keydown', onKey, true);
        resolve(e.timeStamp);
      };
      window.addEventListener('keydown', onKey, true);
    }).then(async (keyAt) => {
      const check = (): boolean => {
        const p = paragraph(pred.paragraph);
        if (!p) return false;
        if (pred.kind === 'created') {
          const known = new Set(pred.knownIds);
          for (const el of p.querySelectorAll('[data-span-id]')) if (!known.has(el.getAttribute('data-span-id')!)) return true;
          return false;
        }
        const el = p.querySelector(`[data-span-id="${CSS.escape(pred.id)}"]`);
        if (pred.kind === 'gone') return el === null;
        return el?.getAttribute('data-label') === pred.label;
      };
      const painted = await paintedWhen(check, timeoutMs, `key result (${pred.kind})`);
      return painted - keyAt;
    });
    return true;
  },

  async keyResult() {
    if (!pendingKey) throw new Error('armKey was not called');
    const r = await pendingKey;
    pendingKey = null;
    return r;
  },

  spanIdsIn(index) {
    const p = paragraph(index);
    return p ? [...new Set([...p.querySelectorAll('[data-span-id]')].map((e) => e.getAttribute('data-span-id')!))] : [];
  },

  visibleParagraphs() {
    const children = paragraphs();
    if (!children.length) return [];
    const box = scroller().getBoundingClientRect();
    const out: number[] = [];
    // Paragraphs with some text on screen, those wholly on screen first (a word of theirs can always be clicked).
    const whole: number[] = [];
    for (let i = 0; i < children.length; i++) {
      const r = children[i]!.getBoundingClientRect();
      if (r.top >= box.bottom) break;
      if (r.bottom > box.top && r.height > 0) (r.top >= box.top && r.bottom <= box.bottom ? whole : out).push(i);
    }
    return whole.length ? whole : out;
  },

  selectWord(index, nth) {
    const p = paragraph(index);
    if (!p) throw new Error(`no paragraph ${index}`);
    // Plain text: outside label chips, widgets and suggestion ghosts (a click there is the suggestion's, not the span's),
    // holding a run of at least four non-blank characters.
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => ((n.parentElement as Element).closest(NOT_TEXT) || !/\S{4}/.test(n.textContent ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    // Only text wholly on screen: a span created off screen cannot be clicked.
    const box = scroller().getBoundingClientRect();
    const onScreen = (n: Text) => {
      const r = document.createRange();
      r.selectNodeContents(n);
      const b = r.getBoundingClientRect();
      return b.top >= box.top && b.bottom <= box.bottom;
    };
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (onScreen(n as Text)) nodes.push(n as Text);
    if (!nodes.length) throw new Error(`paragraph ${index} has no text wholly on screen to select`);
    const node = nodes[nth % nodes.length]!;
    const t = node.textContent!;
    // Four characters of such a run: a span of four, with room to click its second and third characters.
    const from = t.search(/\S{4}/);
    const to = from + 4;
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return t.slice(from, to);
  },

  apiTimings() {
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.name.includes('/api/'))
      .map((e) => ({ api: new URL(e.name).pathname, startMs: e.startTime, durMs: e.duration, bytes: e.encodedBodySize }));
  },

  spanCharPoint(index, id, k) {
    const el = paragraph(index)?.querySelector(`[data-span-id="${CSS.escape(id)}"]`);
    if (!el) return null;
    // The k-th character of the span's own text (label chips excluded), clamped to its last.
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => ((n.parentElement as Element).closest('.span-chip, [contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const chars: { node: Text; offset: number }[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.textContent!.length; i++) chars.push({ node: n as Text, offset: i });
    }
    const c = chars[Math.min(k, chars.length - 1)];
    if (!c) return null;
    const range = document.createRange();
    range.setStart(c.node, c.offset);
    range.setEnd(c.node, c.offset + 1);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  },

  isSelected(index, id) {
    // A span of that paragraph whose outline the annotator sees.
    return paragraph(index)?.querySelector(`[data-span-id="${CSS.escape(id)}"]`) != null && api.selectedId() === id;
  },

  selectedId() {
    // The outline is drawn by the annotation layer (src/renderer/editor/annotation-layer.ts) from the selected id.
    return document.querySelector('.annotation-svg .selected-outline')?.getAttribute('data-span-id') ?? null;
  },

  settle() {
    return afterNextPaint().then(afterNextPaint).then(() => true);
  },

  scrollToTop() {
    scroller().scrollTop = 0;
    return afterNextPaint().then(() => true);
  },

  async scrollThrough({ timeoutMs = DEFAULT_TIMEOUT_MS, maxSteps = 100_000, screensPerFrame = 1 } = {}) {
    const s = scroller();
    s.scrollTop = 0;
    await afterNextPaint();
    await afterNextPaint();
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const gaps: number[] = [];
    const t0 = performance.now();
    let last = t0;
    let steps = 0;
    let reachedEnd = false;
    await new Promise<void>((resolve) => {
      const frame = (now: number) => {
        gaps.push(now - last);
        last = now;
        if (s.scrollTop + s.clientHeight >= s.scrollHeight - 1 || steps >= maxSteps) {
          reachedEnd = true;
          return resolve();
        }
        // Out of time: stop where it is; what was seen so far is still reported.
        if (now - t0 > timeoutMs) return resolve();
        // One screen per frame by default: every part of the document is shown once, as fast as frames come (a fling);
        // a fraction of a screen is a reader's pace (a wheel, a held arrow key).
        s.scrollTop += Math.max(1, Math.round(s.clientHeight * screensPerFrame));
        steps++;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const t1 = performance.now();
    const fraction = s.scrollHeight > s.clientHeight ? Math.min(1, (s.scrollTop + s.clientHeight) / s.scrollHeight) : 1;
    // Long-task entries are delivered after the task; give the last ones time to arrive.
    await afterNextPaint();
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    s.scrollTop = 0;
    const result: ScrollResult = {
      durationMs: t1 - t0,
      reachedEnd,
      fraction,
      steps,
      scrollHeight: s.scrollHeight,
      longTasks,
      maxFrameGapMs: gaps.length > 1 ? Math.max(...gaps.slice(1)) : 0,
    };
    return result;
  },

  async scrollSteps(n) {
    const s = scroller();
    const t0 = performance.now();
    let steps = 0;
    await new Promise<void>((resolve) => {
      const frame = () => {
        if (steps >= n || s.scrollTop + s.clientHeight >= s.scrollHeight - 1) return resolve();
        s.scrollTop += s.clientHeight;
        steps++;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await afterNextPaint();
    return { steps, ms: performance.now() - t0 };
  },

  async seedIndexedDb(data: SeedData) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(data.dbName);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const missing = ['spans', 'docState', 'settings'].filter((s) => !db.objectStoreNames.contains(s));
    if (missing.length) {
      db.close();
      throw new Error(`database "${data.dbName}" has no ${missing.join(', ')} store: the app did not create it`);
    }
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['spans', 'docState', 'settings'], 'readwrite');
      const spans = tx.objectStore('spans');
      if (data.clearSpans) spans.clear();
      for (const s of data.spans) spans.put(s);
      for (const d of data.docStates) tx.objectStore('docState').put(d);
      for (const s of data.settings) tx.objectStore('settings').put(s);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('seeding aborted'));
    });
    db.close();
    return data.spans.length;
  },

  async countRows(dbName, store) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(dbName);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        const q = db.transaction(store).objectStore(store).count();
        q.onsuccess = () => resolve(q.result);
        q.onerror = () => reject(q.error);
      });
    } finally {
      db.close();
    }
  },
};

(globalThis as unknown as { __mbench: ProbeApi }).__mbench = api;
