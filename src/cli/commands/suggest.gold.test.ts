// The figure detector against the evaluation set of test/fixtures/suggest: exact-boundary precision and recall, and how often value and approx are right.
//
// The set is reports written for the project and annotated inline under ../shared/GUIDELINES.md
// and the decisions of test/fixtures/suggest/README.md, before the rules were tuned. `dev`
// is what the rules were tuned on (a training figure); `heldout` was annotated at the same
// time and only measured, never looked at while tuning: its figures are the estimate.

import { describe, expect, it } from 'vitest';
import { detectFigures, scoreSpans, sumScores, type Score } from '../../core/suggest';
import { loadPart } from '../../../test/fixtures/suggest/annotated';

/** The targets of issue 15 on unseen reports. */
const TARGET = { precision: 0.95, recall: 0.95, value: 0.98, approx: 0.95 };

function measure(part: 'dev' | 'heldout'): { total: Score; report: string } {
  const scores: Score[] = [];
  const lines: string[] = [];
  for (const doc of loadPart(part)) {
    const gold = doc.spans.filter((s) => s.label === 'FIGURE');
    for (const g of gold) expect([...doc.text].slice(g.start, g.end).join('')).toBe(g.text);
    const score = scoreSpans(gold, detectFigures(doc.text), ['value', 'unit', 'approx']);
    scores.push(score);
    lines.push(`${doc.name}: ${gold.length} figures, exact P ${score.exact.precision.toFixed(3)} R ${score.exact.recall.toFixed(3)}`);
  }
  const total = sumScores(scores);
  const a = total.attrs;
  lines.push(
    `${part}: exact P ${total.exact.precision.toFixed(3)} R ${total.exact.recall.toFixed(3)}; ` +
      `value ${a.value!.agree}/${a.value!.of}, unit ${a.unit!.agree}/${a.unit!.of}, approx ${a.approx!.agree}/${a.approx!.of}`,
  );
  return { total, report: lines.join('\n') };
}

describe('figure detector on the evaluation set', () => {
  for (const part of ['dev', 'heldout'] as const) {
    it(`${part}: exact P and R >= 0.95, value right >= 0.98, approx >= 0.95 of the figures found`, () => {
      const { total, report } = measure(part);
      process.stdout.write(report + '\n');
      expect(total.exact.tp).toBeGreaterThan(30);
      expect(total.exact.precision).toBeGreaterThanOrEqual(TARGET.precision);
      expect(total.exact.recall).toBeGreaterThanOrEqual(TARGET.recall);
      expect(total.attrs.value!.agree / total.attrs.value!.of).toBeGreaterThanOrEqual(TARGET.value);
      expect(total.attrs.approx!.agree / total.attrs.approx!.of).toBeGreaterThanOrEqual(TARGET.approx);
    });
  }
});
