// Chooses benchmark spans on a generated document: entities and figures spread evenly over the text,
// plus a share of whole-sentence CLAIM spans that each overlap at least one of them, as annotators nest them.

import type { GeneratedText } from './text-gen';

/** A span of the benchmark, before it is given a document, an annotator and a quote. */
export interface PlannedSpan {
  /** Deterministic id: the same seed gives the same ids, so runs and peers refer to the same spans. */
  id: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  label: string;
}

/** Options of {@link planSpans}. */
export interface SpanPlan {
  count: number;
  /** Share of the spans that overlap another span (CLAIM sentences over entities): 0.1 in W1. */
  overlapShare: number;
  /** Prefix of the ids, so that spans of different documents never share one. */
  idPrefix?: string;
}

/** A span id: "s" and 12 characters, the length of the app's own ids (src/core/model/ids.ts). */
export function spanId(prefix: string, n: number): string {
  const digits = n.toString(32);
  return `s${prefix}${digits.padStart(12 - prefix.length, '0')}`;
}

/**
 * Picks `plan.count` spans: `count × (1 − overlapShare)` entities at an even stride through the text,
 * and `count × overlapShare` sentences, each holding at least one picked entity, also at an even stride.
 * Throws when the text is too short to hold that many (the caller sized it wrong).
 */
export function planSpans(doc: GeneratedText, plan: SpanPlan): PlannedSpan[] {
  const prefix = plan.idPrefix ?? '';
  const overlapping = Math.round(plan.count * plan.overlapShare);
  const plain = plan.count - overlapping;
  if (doc.entities.length < plain) throw new Error(`the text holds ${doc.entities.length} entities, fewer than the ${plain} spans asked for`);
  const picked: PlannedSpan[] = [];
  const stride = doc.entities.length / plain;
  for (let i = 0; i < plain; i++) {
    const e = doc.entities[Math.floor(i * stride)]!;
    picked.push({ id: '', start: e.start, end: e.end, label: e.label });
  }
  // Sentences that hold a picked entity, found by one merge walk over both sorted lists.
  const holding: { start: number; end: number }[] = [];
  let k = 0;
  for (const s of doc.sentences) {
    while (k < picked.length && picked[k]!.start < s.start) k++;
    if (k < picked.length && picked[k]!.end <= s.end) holding.push(s);
  }
  if (holding.length < overlapping) throw new Error(`only ${holding.length} sentences hold a picked entity, fewer than the ${overlapping} overlapping spans asked for`);
  const sStride = holding.length / Math.max(1, overlapping);
  for (let i = 0; i < overlapping; i++) {
    const s = holding[Math.floor(i * sStride)]!;
    picked.push({ id: '', start: s.start, end: s.end, label: 'CLAIM' });
  }
  picked.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return picked.map((s, n) => ({ ...s, id: spanId(prefix, n) }));
}
