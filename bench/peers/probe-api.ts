// The shape of the in-page probe (probe.ts), shared by the page side and the Node side of the benchmark.
// Type-only: no DOM types here, so Node code can import it.

/** What the probe reports of one document open. */
export interface OpenResult {
  /** From the click on the list row to the first frame painted with text and a span on screen. */
  firstScreenMs: number;
  /** From the same click to the frame where, scrolled to the end, the last span is drawn. */
  endMs: number;
  /** The click's time (performance.now() of the page), to relate other timings to it. */
  clickAtMs: number;
  /** Elements in the page after the open. */
  domNodes: number;
}

/** What the probe reports of one scroll from the top to the bottom of the document. */
export interface ScrollResult {
  durationMs: number;
  /** False when the time ran out first (then `fraction` says how far it got). */
  reachedEnd: boolean;
  /** Share of the document's height scrolled past (bottom of the view ÷ scroll height). */
  fraction: number;
  /** Frames in which the view moved (one screen each). */
  steps: number;
  scrollHeight: number;
  /** Every main-thread task over 50 ms during the scroll (the Long Tasks API threshold). */
  longTasks: number[];
  /** Longest time between two animation frames during the scroll. */
  maxFrameGapMs: number;
}

/** How the probe knows a key's effect is on screen; all within one paragraph (by index among the view's children). */
export type KeyPredicate =
  | { kind: 'created'; paragraph: number; knownIds: string[] }
  | { kind: 'gone'; paragraph: number; id: string }
  | { kind: 'label'; paragraph: number; id: string; label: string };

/** Rows written straight into the app's IndexedDB (object stores as in src/renderer/db/db.ts). */
export interface SeedData {
  dbName: string;
  clearSpans?: boolean;
  spans: unknown[];
  docStates: unknown[];
  settings: { key: string; value: string }[];
}

/** The probe's functions, on `globalThis.__mbench` in the page. */
export interface ProbeApi {
  /** Starts watching for the click on the list row of `path`; the result comes from {@link ProbeApi.openResult}. */
  armOpen(args: { path: string; lastSpanId: string; timeoutMs?: number }): boolean;
  openResult(): Promise<OpenResult>;
  /** Starts watching for the next keydown; {@link ProbeApi.keyResult} gives milliseconds from it to the painted effect. */
  armKey(pred: KeyPredicate, timeoutMs?: number): boolean;
  keyResult(): Promise<number>;
  /** Distinct span ids painted in paragraph `index`. */
  spanIdsIn(index: number): string[];
  /** Indexes of the paragraphs wholly on screen (or, when none is, of those partly on screen). */
  visibleParagraphs(): number[];
  /** The page's calls to the host API (resource timing): path, start and duration in ms, body bytes. */
  apiTimings(): { api: string; startMs: number; durMs: number; bytes: number }[];
  /** Selects four characters of paragraph `index` (text wholly on screen) through the DOM selection; returns them. */
  selectWord(index: number, nth: number): string;
  /** Screen point of the k-th character of span `id` in paragraph `index`, or null when it is not drawn. */
  spanCharPoint(index: number, id: string, k: number): { x: number; y: number } | null;
  /** True when span `id` is the app's selected span. */
  isSelected(index: number, id: string): boolean;
  /** The id of the span the app shows selected (its outline), or null. */
  selectedId(): string | null;
  /** Resolves after two painted frames, so that effects of the last change have run. */
  settle(): Promise<boolean>;
  scrollToTop(): Promise<boolean>;
  /** Scrolls from the top to the end, `screensPerFrame` (default 1) per frame, recording long tasks. */
  scrollThrough(args?: { timeoutMs?: number; maxSteps?: number; screensPerFrame?: number }): Promise<ScrollResult>;
  /** Scrolls `n` screens down, one per frame, from where the view is; screens done and ms. */
  scrollSteps(n: number): Promise<{ steps: number; ms: number }>;
  seedIndexedDb(data: SeedData): Promise<number>;
  /** Rows of one object store of the database (the app's outbox: changes not yet in the journal on disk). */
  countRows(dbName: string, store: string): Promise<number>;
}
