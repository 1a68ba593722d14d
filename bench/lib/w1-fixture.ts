// The W1 data set, built once per run and shared by W1 and the side-by-side peers: the long document,
// its spans as Marginalia stores them, and a corpus folder holding the document as a .txt file.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OffsetMap } from '../../src/core/model/offsets';
import { quoteOf } from '../../src/core/model/quote';
import type { CodePoint, Span } from '../../src/core/model/types';
import { docIdOf } from '../../src/node/corpus';
import { RUN_TMP } from './paths';
import { planSpans, type PlannedSpan } from './spans-gen';
import { generateText } from './text-gen';

/** The annotator whose spans W1 loads; also written as the app's 'annotator' setting so no prompt shows. */
export const W1_ANNOTATOR = 'bench';

/** The seed of the published figures. */
const SEED = 20_070_001;

/** One document of the fixture. */
export interface FixtureDoc {
  /** Corpus path of the .txt file. */
  path: string;
  text: string;
  docId: string;
  planned: PlannedSpan[];
  spans: Span[];
  paragraphs: number;
}

/** The fixture: the full-size document, and a tenth-size one for peers that cannot take the full size. */
export interface W1Fixture {
  corpusDir: string;
  long: FixtureDoc;
  tenth: FixtureDoc;
}

function makeDoc(file: string, chars: number, spans: number, seed: number, idPrefix: string): FixtureDoc {
  const gen = generateText({ chars, seed });
  const planned = planSpans(gen, { count: spans, overlapShare: 0.1, idPrefix });
  const docId = docIdOf(gen.text);
  const map = new OffsetMap(gen.text);
  // A fixed date: the same input gives the same stored rows.
  const at = '2026-01-01T00:00:00.000Z';
  const stored: Span[] = planned.map((p) => ({
    id: p.id,
    docId,
    annotator: W1_ANNOTATOR,
    label: p.label,
    start: p.start as CodePoint,
    end: p.end as CodePoint,
    attrs: {},
    quote: quoteOf(gen.text, p.start as CodePoint, p.end as CodePoint, map),
    createdAt: at,
    updatedAt: at,
  }));
  return { path: file, text: gen.text, docId, planned, spans: stored, paragraphs: gen.paragraphs };
}

let cached: { key: string; fixture: W1Fixture } | null = null;

/** Builds (or reuses) the fixture for `chars` characters and `spans` spans. */
export function w1Fixture(chars: number, spans: number): W1Fixture {
  const key = `${chars}/${spans}`;
  if (cached?.key === key) return cached.fixture;
  const corpusDir = path.join(RUN_TMP, 'w1', 'corpus');
  rmSync(path.dirname(corpusDir), { recursive: true, force: true });
  mkdirSync(corpusDir, { recursive: true });
  // Id prefixes keep the two documents' span ids apart (they share one object store).
  const long = makeDoc('long.txt', chars, spans, SEED, 'a');
  // A tenth of the size in both dimensions, for a same-size comparison where a peer cannot take the whole.
  const tenth = makeDoc('tenth.txt', Math.round(chars / 10), Math.round(spans / 10), SEED + 1, 'b');
  for (const d of [long, tenth]) writeFileSync(path.join(corpusDir, d.path), d.text);
  const fixture = { corpusDir, long, tenth };
  cached = { key, fixture };
  return fixture;
}
