// W6's data: several annotators' native exports of one project, written line by line in doc_id order
// (as Marginalia writes them), so that a 250 MB input is generated without holding it in memory.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { serializeNativeLine, toNativeLine } from '../../src/core/format/native';
import type { CodePoint, Span } from '../../src/core/model/types';
import { docIdOf } from '../../src/node/corpus';
import { chance, pick, prng } from '../lib/prng';
import { planSpans } from '../lib/spans-gen';
import { generateText } from '../lib/text-gen';

/** The size of one generated project. */
export interface ProjectSize {
  annotators: number;
  docs: number;
  spansPerDoc: number;
  /** Characters of text per document. */
  chars: number;
}

const SEED = 20_070_006;
const KEEP = 0.9;
const RELABEL = 0.05;
const SHIFT = 0.05;
const LABELS = ['PERSON', 'ORG', 'LOC', 'FIGURE', 'PRODUCT'];
const AT = '2026-01-01T00:00:00.000Z';

/** Writes one native JSONL file per annotator into `dir` (annotator1.jsonl, …); returns their paths. */
export async function writeProject(dir: string, size: ProjectSize): Promise<string[]> {
  const texts: { docId: string; d: number }[] = [];
  for (let d = 0; d < size.docs; d++) texts.push({ docId: docIdOf(generateText({ chars: size.chars, seed: SEED + d }).text), d });
  texts.sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
  const files = Array.from({ length: size.annotators }, (_, a) => path.join(dir, `annotator${a + 1}.jsonl`));
  const streams = files.map((f) => createWriteStream(f));
  const rng = prng(SEED);
  for (const { docId, d } of texts) {
    const gen = generateText({ chars: size.chars, seed: SEED + d });
    const plan = planSpans(gen, { count: size.spansPerDoc, overlapShare: 0.1 });
    for (let a = 0; a < size.annotators; a++) {
      const annotator = `annotator${a + 1}`;
      const spans: Span[] = [];
      for (const p of plan) {
        if (!chance(rng, KEEP)) continue;
        const end = chance(rng, SHIFT) ? Math.min(gen.text.length, p.end + 1) : p.end;
        const label = chance(rng, RELABEL) ? pick(rng, LABELS) : p.label;
        spans.push({ id: `${p.id}${a}`, docId, annotator, label, start: p.start as CodePoint, end: end as CodePoint, attrs: {}, quote: { exact: '', prefix: '', suffix: '' }, createdAt: AT, updatedAt: AT });
      }
      const line = toNativeLine({ docId, source: `reports/${String(d).padStart(5, '0')}.txt`, text: gen.text, annotator, status: 'done', spans, relations: [] });
      if (!streams[a]!.write(serializeNativeLine(line) + '\n')) await once(streams[a]!, 'drain');
    }
  }
  await Promise.all(streams.map(async (s) => { s.end(); await once(s, 'finish'); }));
  return files;
}
