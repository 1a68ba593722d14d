// The chart of latest.svg, written by hand: one bar per headline figure as a ratio on a log scale, where
// 1 is the target (or, for the peers, parity) and left of it is good, with min–max whiskers.

import type { Metric, WorkloadResult } from './result';

/** One bar: a ratio where ≤ 1 is good, with the spread of the runs. */
export interface Bar {
  label: string;
  ratio: number | null;
  min: number | null;
  max: number | null;
  /** What the ratio is of, shown at the bar's end. */
  caption: string;
}

/** Smallest and largest ratio drawn: figures beyond are clamped to the edge (their caption says the true value). */
const LOG_MIN = -2;
const LOG_MAX = 2;

const WIDTH = 980;
const LABEL_W = 420;
const ROW_H = 24;
const TOP = 56;
const PLOT_W = WIDTH - LABEL_W - 40;
/** Characters of a label that fit in LABEL_W at 12 px. */
const LABEL_CHARS = 62;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function x(ratio: number): number {
  const l = Math.min(LOG_MAX, Math.max(LOG_MIN, Math.log10(Math.max(ratio, 10 ** LOG_MIN))));
  return LABEL_W + ((l - LOG_MIN) / (LOG_MAX - LOG_MIN)) * PLOT_W;
}

function fmt(n: number): string {
  if (n === 0) return '0';
  const a = Math.abs(n);
  return a >= 100 ? n.toFixed(0) : a >= 10 ? n.toFixed(1) : a >= 1 ? n.toFixed(2) : n.toPrecision(2);
}

/** A metric's bar: median ÷ target for "at most" targets, target ÷ median for "at least", the ratio itself for peers. */
export function barOf(w: WorkloadResult, m: Metric): Bar {
  const label = `${w.id} · ${m.label}`;
  if (!m.summary) return { label, ratio: null, min: null, max: null, caption: `n/a: ${m.na ?? ''}` };
  const { median, min, max } = m.summary;
  if (m.target) {
    const t = m.target.value;
    if (m.target.op === '<=') return { label, ratio: median / t, min: min / t, max: max / t, caption: `${fmt(median)} ${m.unit} (target ≤ ${fmt(t)})` };
    const inv = (v: number) => (v > 0 ? t / v : 10 ** LOG_MAX);
    return { label, ratio: inv(median), min: inv(max), max: inv(min), caption: `${fmt(median)} ${m.unit} (target ≥ ${fmt(t)})` };
  }
  return { label, ratio: median, min, max, caption: `${fmt(median)}×` };
}

/** The whole chart. */
export function chart(title: string, subtitle: string, bars: Bar[]): string {
  const height = TOP + bars.length * ROW_H + 50;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="100%" height="100%" fill="#fbfaf7"/>`);
  out.push(`<text x="12" y="22" font-size="15" font-weight="600">${esc(title)}</text>`);
  out.push(`<text x="12" y="40" fill="#6b6f76">${esc(subtitle)}</text>`);
  // Grid: powers of ten, the 1 line bold.
  for (let l = LOG_MIN; l <= LOG_MAX; l++) {
    const gx = x(10 ** l);
    out.push(`<line x1="${gx}" y1="${TOP - 6}" x2="${gx}" y2="${TOP + bars.length * ROW_H}" stroke="${l === 0 ? '#1f2328' : '#dcd8cf'}" stroke-width="${l === 0 ? 1.5 : 1}"/>`);
    out.push(`<text x="${gx}" y="${TOP + bars.length * ROW_H + 16}" text-anchor="middle" fill="#6b6f76">${10 ** l >= 1 ? 10 ** l : (10 ** l).toFixed(-l)}×</text>`);
  }
  out.push(`<text x="${x(1)}" y="${TOP + bars.length * ROW_H + 34}" text-anchor="middle" fill="#6b6f76">← better · 1 = target met exactly (peers: as fast as the peer) · worse →</text>`);
  bars.forEach((b, i) => {
    const y = TOP + i * ROW_H;
    out.push(`<text x="${LABEL_W - 8}" y="${y + 15}" text-anchor="end">${esc(b.label.length > LABEL_CHARS ? b.label.slice(0, LABEL_CHARS - 1) + '…' : b.label)}</text>`);
    if (b.ratio === null) {
      out.push(`<rect x="${LABEL_W + 2}" y="${y + 3}" width="${PLOT_W}" height="${ROW_H - 6}" fill="#fbfaf7"/>`);
      out.push(`<text x="${LABEL_W + 6}" y="${y + 15}" fill="#8a8a8a">${esc(b.caption.length > 90 ? b.caption.slice(0, 89) + '…' : b.caption)}</text>`);
      return;
    }
    const good = b.ratio <= 1;
    const x0 = x(1);
    const x1 = x(b.ratio);
    out.push(`<rect x="${Math.min(x0, x1)}" y="${y + 5}" width="${Math.max(1, Math.abs(x1 - x0))}" height="${ROW_H - 10}" fill="${good ? '#5aa469' : '#d1495b'}" opacity="0.85"/>`);
    if (b.min !== null && b.max !== null) {
      const a = x(b.min);
      const c = x(b.max);
      out.push(`<line x1="${a}" y1="${y + ROW_H / 2}" x2="${c}" y2="${y + ROW_H / 2}" stroke="#1f2328"/>`);
      out.push(`<line x1="${a}" y1="${y + 7}" x2="${a}" y2="${y + ROW_H - 7}" stroke="#1f2328"/><line x1="${c}" y1="${y + 7}" x2="${c}" y2="${y + ROW_H - 7}" stroke="#1f2328"/>`);
    }
    const tx = Math.max(x1, b.max !== null ? x(b.max) : x1, x0) + 6;
    const anchor = tx > WIDTH - 150 ? 'end' : 'start';
    out.push(`<text x="${anchor === 'end' ? Math.min(x0, x1) - 6 : tx}" y="${y + 15}" text-anchor="${anchor}" fill="#1f2328">${esc(b.caption)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
