// Progress of a long command on stderr: a bar redrawn in place on a terminal, a plain line now and then
// otherwise (logs, CI), nothing under --quiet; stdout is left to the command's output.

/** Where progress goes: process.stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): unknown;
}

/** Shortest time between two redraws of the bar, and between two plain lines. */
const TTY_INTERVAL_MS = 100;
const PLAIN_INTERVAL_MS = 5_000;
const BAR_WIDTH = 30;
const QUIET_START_MS = 1_000;
/** Inputs smaller than this finish too fast to need progress (and tests stay quiet on a slow machine). */
const MIN_TOTAL_BYTES = 10e6;

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0);
}

/** Progress in bytes of input read, out of a known total. */
export class Progress {
  private done = 0;
  private drawn = false;
  private readonly started: number;
  /** Nothing is shown in the first second: a short run needs no progress. */
  private lastDraw: number;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly options: { quiet?: boolean; stream?: ProgressStream; now?: () => number } = {},
  ) {
    this.started = this.now();
    this.lastDraw = this.started + QUIET_START_MS - ((this.stream.isTTY === true) ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS);
  }

  private get stream(): ProgressStream {
    return this.options.stream ?? process.stderr;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Counts `bytes` more as read, and shows it when it is time to. */
  add(bytes: number): void {
    this.done += bytes;
    if (this.options.quiet || this.total < MIN_TOTAL_BYTES) return;
    const t = this.now();
    const tty = this.stream.isTTY === true;
    if (t - this.lastDraw < (tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
    this.lastDraw = t;
    this.draw(tty);
  }

  private draw(tty: boolean): void {
    const share = Math.min(1, this.done / this.total);
    const pct = `${Math.floor(share * 100)}%`.padStart(4);
    const seconds = Math.max(0.001, (this.now() - this.started) / 1000);
    const rate = `${mb(this.done / seconds)} MB/s`;
    if (tty) {
      const filled = Math.round(share * BAR_WIDTH);
      this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${pct} ${mb(this.done)}/${mb(this.total)} MB ${rate}\x1b[K`);
      this.drawn = true;
    } else {
      this.stream.write(`${this.label}: ${pct.trim()} (${mb(this.done)} of ${mb(this.total)} MB, ${rate})\n`);
    }
  }

  /** Ends the bar's line on a terminal (so the next message starts on a line of its own). */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
