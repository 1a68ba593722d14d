// Synthetic edits of real text with known truth, for the re-anchoring measurement: each
// character remembers where it came from, so a span's true new place is known after any edit.

import { OffsetMap } from '../../src/core/model/offsets';
import { between, type Rng } from './prng';

/**
 * A text being edited, character by character, that remembers where each character came
 * from: `origin[i]` is the old code-point index of character i, or -1 if it was inserted.
 * A substituted character keeps its origin (it is still "the character at that place").
 */
export class TrackedText {
  readonly chars: string[];
  readonly origin: number[];

  constructor(text: string) {
    this.chars = Array.from(text);
    this.origin = this.chars.map((_, i) => i);
  }

  get text(): string {
    return this.chars.join('');
  }

  /** New position of every old character, -1 where it was deleted. */
  newPositions(oldLength: number): Int32Array {
    const out = new Int32Array(oldLength).fill(-1);
    this.origin.forEach((o, i) => {
      if (o >= 0) out[o] = i;
    });
    return out;
  }
}

/** One kind of edit, applied to a fresh copy of a document per trial. */
export interface EditKind {
  name: string;
  /** What the edit does, for the table. */
  describe: string;
  apply(t: TrackedText, rng: Rng, donors: readonly string[]): void;
}

/** Replaces a share of the characters (line breaks kept) with other characters drawn from the same text. */
function substitutions(share: number): EditKind {
  return {
    name: `sub-${Math.round(share * 100)}%`,
    describe: `${Math.round(share * 100)}% of characters replaced at random`,
    apply(t, rng) {
      const pool = t.chars.filter((c) => c !== '\n');
      const n = Math.round(t.chars.length * share);
      for (let k = 0; k < n; k++) {
        const i = between(rng, 0, t.chars.length - 1);
        const old = t.chars[i]!;
        if (old === '\n') continue;
        let c = old;
        while (c === old) c = pool[between(rng, 0, pool.length - 1)]!;
        t.chars[i] = c;
      }
    },
  };
}

/** Longest inserted or deleted run, in code points: a phrase to a sentence. */
const MAX_RUN = 80;

/**
 * Inserts `count` runs of 1..MAX_RUN characters cut from other documents. An insertion
 * whose first character equals the one after it (or last the one before) could equally
 * have been made one place over: such draws are redrawn, so that the truth is unambiguous.
 */
function insertions(count: number): EditKind {
  return {
    name: 'insert',
    describe: `${count} runs of 1-${MAX_RUN} characters from other documents inserted`,
    apply(t, rng, donors) {
      for (let k = 0; k < count; k++) {
        for (;;) {
          const donor = Array.from(donors[between(rng, 0, donors.length - 1)]!);
          const len = between(rng, 1, Math.min(MAX_RUN, donor.length));
          const from = between(rng, 0, donor.length - len);
          const run = donor.slice(from, from + len);
          const at = between(rng, 0, t.chars.length);
          if (at < t.chars.length && run[0] === t.chars[at]) continue;
          if (at > 0 && run[run.length - 1] === t.chars[at - 1]) continue;
          t.chars.splice(at, 0, ...run);
          t.origin.splice(at, 0, ...run.map(() => -1));
          break;
        }
      }
    },
  };
}

/** Deletes `count` runs of 1..MAX_RUN characters, redrawing deletions that could slide (see {@link insertions}). */
function deletions(count: number): EditKind {
  return {
    name: 'delete',
    describe: `${count} runs of 1-${MAX_RUN} characters deleted`,
    apply(t, rng) {
      for (let k = 0; k < count; k++) {
        for (;;) {
          const len = between(rng, 1, MAX_RUN);
          const at = between(rng, 0, t.chars.length - len);
          const next = t.chars[at + len];
          if (next !== undefined && next === t.chars[at]) continue;
          if (at > 0 && t.chars[at - 1] === t.chars[at + len - 1]) continue;
          t.chars.splice(at, len);
          t.origin.splice(at, len);
          break;
        }
      }
    },
  };
}

/** Starts of the blocks of `t` (paragraphs: after blank lines; sentences: Intl.Segmenter). */
function blockStarts(t: TrackedText, unit: 'paragraph' | 'sentence'): number[] {
  if (unit === 'paragraph') {
    const starts = [0];
    for (let i = 1; i < t.chars.length; i++) if (t.chars[i - 1] === '\n' && t.chars[i] !== '\n' && i >= 2 && t.chars[i - 2] === '\n') starts.push(i);
    return starts;
  }
  const text = t.text;
  const map = new OffsetMap(text);
  return [...new Intl.Segmenter(isChinese(text) ? 'zh' : 'en', { granularity: 'sentence' }).segment(text)].map((s) =>
    map.toCodePoint(s.index as never),
  );
}

/** Moves `count` whole blocks (with their trailing separator) before another block. */
function moves(unit: 'paragraph' | 'sentence', count: number): EditKind {
  return {
    name: `move-${unit}`,
    describe: `${count} ${unit}${count > 1 ? 's' : ''} moved elsewhere`,
    apply(t, rng) {
      for (let k = 0; k < count; k++) {
        const starts = blockStarts(t, unit);
        // The last block has no separator after it: it stays put, so blocks need 3 to move one.
        if (starts.length < 3) return;
        const i = between(rng, 0, starts.length - 2);
        let j = between(rng, 0, starts.length - 2);
        while (j === i || j === i + 1) j = between(rng, 0, starts.length - 2);
        const from = starts[i]!;
        const to = starts[i + 1]!;
        const chars = t.chars.splice(from, to - from);
        const origin = t.origin.splice(from, to - from);
        const at = starts[j]! > from ? starts[j]! - (to - from) : starts[j]!;
        t.chars.splice(at, 0, ...chars);
        t.origin.splice(at, 0, ...origin);
      }
    },
  };
}

/** The edit kinds of the measurement, in table order. */
export const EDIT_KINDS: readonly EditKind[] = [
  substitutions(0.01),
  substitutions(0.02),
  substitutions(0.05),
  substitutions(0.1),
  insertions(5),
  deletions(5),
  moves('paragraph', 1),
  moves('sentence', 2),
];

/** True when most of the text's letters are CJK ideographs. */
export function isChinese(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return han > latin;
}
