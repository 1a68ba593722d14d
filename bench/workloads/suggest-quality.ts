// S1, suggestion quality: the figure detector and the English entity rules against the held-out part of the evaluation set
// (test/fixtures/suggest), exact boundaries, as issue 15 sets the targets. Deterministic: one run is the figure.

import { ENTITY_LABELS, detectFigures, scoreSpans, suggestEntities, sumScores, type Score } from '../../src/core/suggest';
import { loadPart } from '../../test/fixtures/suggest/annotated';
import { metric, statusOf, type Metric } from '../lib/result';
import type { Workload } from '../lib/workload';

function ratio(a: { agree: number; of: number } | undefined): number {
  return a && a.of ? a.agree / a.of : 0;
}

export const s1: Workload = {
  id: 'S1',
  title: 'Suggestions: figures and entities on the held-out reports (exact boundaries)',
  async run(ctx) {
    const docs = loadPart('heldout');
    const figureScores: Score[] = [];
    const entityScores: Score[] = [];
    const t0 = performance.now();
    for (const d of docs) {
      figureScores.push(scoreSpans(d.spans.filter((s) => s.label === 'FIGURE'), detectFigures(d.text), ['value', 'unit', 'approx']));
      if (d.name.includes('/en-')) entityScores.push(scoreSpans(d.spans.filter((s) => s.label !== 'FIGURE'), suggestEntities(d.text)));
    }
    const ms = performance.now() - t0;
    // The sample corpus's and the shared corpus's English documents (entities only), and the report written last (unseen).
    const scored = new Set<string>(ENTITY_LABELS);
    const entitiesOf = (part: 'corpus-heldout' | 'unseen' | 'fresh') =>
      sumScores(loadPart(part).map((d) => scoreSpans(d.spans.filter((s) => scored.has(s.label)), suggestEntities(d.text))));
    const corpus = entitiesOf('corpus-heldout');
    const unseen = entitiesOf('unseen');
    const fresh = entitiesOf('fresh');
    const f = sumScores(figureScores);
    const e = sumScores(entityScores);
    ctx.log(`S1: figures P ${f.exact.precision.toFixed(3)} R ${f.exact.recall.toFixed(3)}; entities P ${e.exact.precision.toFixed(3)} R ${e.exact.recall.toFixed(3)}; ` +
      `corpus P ${corpus.exact.precision.toFixed(3)} R ${corpus.exact.recall.toFixed(3)}; unseen P ${unseen.exact.precision.toFixed(3)} R ${unseen.exact.recall.toFixed(3)}; fresh P ${fresh.exact.precision.toFixed(3)} R ${fresh.exact.recall.toFixed(3)}`);
    const m = (key: string, label: string, value: number, target: number, headline = false): Metric =>
      metric({ key, label, unit: 'ratio', runs: [value], target: { op: '>=', value: target }, headline });
    const metrics: Metric[] = [
      m('figure_precision', 'FIGURE exact-boundary precision (held-out EN + ZH)', f.exact.precision, 0.95, true),
      m('figure_recall', 'FIGURE exact-boundary recall (held-out EN + ZH)', f.exact.recall, 0.95, true),
      m('figure_value', 'FIGURE value right, of the figures found', ratio(f.attrs.value), 0.98),
      m('figure_approx', 'FIGURE approx right, of the figures found', ratio(f.attrs.approx), 0.95),
      m('entity_precision', 'PERSON/ORG/LOC/PRODUCT exact precision before the first label (held-out English)', e.exact.precision, 0.7, true),
      m('entity_recall', 'PERSON/ORG/LOC/PRODUCT exact recall before the first label (held-out English)', e.exact.recall, 0.7, true),
      m('corpus_entity_precision', 'the same on the sample and shared corpus documents held out (corpus-heldout)', corpus.exact.precision, 0.7),
      m('corpus_entity_recall', 'the same, recall (corpus-heldout)', corpus.exact.recall, 0.7),
      m('fresh_entity_precision', 'the same on the report never tuned on (fresh/en-wind)', fresh.exact.precision, 0.7),
      m('fresh_entity_recall', 'the same, recall (fresh/en-wind)', fresh.exact.recall, 0.7),
    ];
    return {
      id: 'S1',
      title: this.title,
      status: statusOf(metrics),
      sizes: { documents: docs.length, figures: f.exact.tp + f.exact.fn, entities: e.exact.tp + e.exact.fn },
      metrics,
      details: { figures: f, entities: e, corpusEntities: corpus, unseenEntities: unseen, freshEntities: fresh, unit: { agree: f.attrs.unit?.agree, of: f.attrs.unit?.of }, ms: Math.round(ms) },
    };
  },
};
