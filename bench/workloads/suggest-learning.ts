// S2, the learning curve of the model that learns from the annotator: suggestion precision and recall on the documents
// labelled later, by documents labelled so far; on generated reports (many documents) and on the evaluation set's
// English reports (few, real). Also how long one retraining takes, which the worker pays in the background.

import { learningCurve, SpanModel, type CurvePoint, type TrainingDoc } from '../../src/core/suggest';
import { loadPart } from '../../test/fixtures/suggest/annotated';
import { metric, statusOf, type Metric } from '../lib/result';
import { generateText } from '../lib/text-gen';
import type { Workload } from '../lib/workload';
import { plural } from '../../src/core/text/plural';

const FULL = { docs: 65, chars: 2000, window: 16 };
const SMOKE = { docs: 9, chars: 800, window: 4 };
/** The seed of the published figures. */
const SEED = 20_261_204;
const LEARNED = new Set(['PERSON', 'ORG', 'LOC', 'PRODUCT', 'EVENT', 'POLICY']);

function generated(n: number, chars: number): TrainingDoc[] {
  return Array.from({ length: n }, (_, d) => {
    const g = generateText({ chars, seed: SEED + d });
    return { text: g.text, spans: g.entities.filter((s) => LEARNED.has(s.label)) };
  });
}

/** The entity labels the real documents are all annotated for (the corpus set also has EVENT and POLICY; the first reports do not). */
const REAL_LABELS = ['PERSON', 'ORG', 'LOC', 'PRODUCT'];

/** The evaluation set's English reports, in the order an annotator might label them: the first session's three, the corpus's six, the unseen one. */
function real(): TrainingDoc[] {
  const parts = [...loadPart('dev'), ...loadPart('heldout'), ...loadPart('corpus-dev'), ...loadPart('corpus-heldout'), ...loadPart('unseen')];
  return parts.filter((d) => !d.name.includes('/zh-')).map((d) => ({ text: d.text, spans: d.spans.filter((s) => REAL_LABELS.includes(s.label)) }));
}

const fmt = (p: CurvePoint) => `${p.documents}: P ${p.precision.toFixed(2)} R ${p.recall.toFixed(2)}`;

export const s2: Workload = {
  id: 'S2',
  title: 'Learning curve: model suggestions vs the annotator’s later labels, by documents labelled',
  async run(ctx) {
    const size = ctx.smoke ? SMOKE : FULL;
    const docs = generated(size.docs, size.chars);
    const curve = learningCurve(docs, { window: size.window });
    ctx.log(`S2 generated: ${curve.map(fmt).join(' · ')}`);
    const realDocs = real();
    const realCurve = learningCurve(realDocs, { steps: [1, 2, 4, 8], labels: REAL_LABELS });
    ctx.log(`S2 real (${realDocs.length} English reports): ${realCurve.map(fmt).join(' · ')}`);
    const trainRuns: number[] = [];
    for (let r = 0; r < (ctx.smoke ? 1 : 3); r++) {
      const t0 = performance.now();
      SpanModel.train(docs.slice(0, Math.min(docs.length, 50)));
      trainRuns.push(performance.now() - t0);
    }
    const at = (n: number) => curve.find((p) => p.documents === n) ?? curve[curve.length - 1]!;
    const metrics: Metric[] = [];
    for (const n of [1, 4, 16, 64]) {
      const p = at(n);
      if (p.documents !== n) continue;
      metrics.push(metric({ key: `f1_after_${n}`, label: `suggestion F1 after ${plural(n, 'document')} labelled (P ${p.precision.toFixed(2)}, R ${p.recall.toFixed(2)})`, unit: 'ratio', runs: [p.f1], headline: n === 16 }));
    }
    metrics.push(metric({ key: 'retrain_ms', label: `one retraining on ${Math.min(docs.length, 50)} documents (5 passes), in the worker`, unit: 'ms', runs: trainRuns }));
    return {
      id: 'S2',
      title: this.title,
      status: statusOf(metrics),
      sizes: { documents: docs.length, charsPerDocument: size.chars, window: size.window, realDocuments: realDocs.length },
      metrics,
      details: {
        generated: curve,
        real: realCurve,
        note: 'Generated reports draw names from small pools, so the curve rises faster than on real news; the real curve has ten English reports (PERSON, ORG, LOC, PRODUCT), too few to say much past four.',
      },
    };
  },
};
