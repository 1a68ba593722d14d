// Entity suggestions before the first label against the English reports of the evaluation set (test/fixtures/suggest): exact P and R >= 0.7 with no annotation of the document.

import { describe, expect, it } from 'vitest';
import { scoreSpans, sumScores, type Score } from '../../core/suggest';
import { suggestEntities } from '../../core/suggest/entities';
import { loadPart } from '../../../test/fixtures/suggest/annotated';

describe('English entity suggestions on the evaluation set', () => {
  for (const part of ['dev', 'heldout'] as const) {
    it(`${part}: exact P and R >= 0.7, every proposal from nlp with a score`, () => {
      const scores: Score[] = [];
      for (const doc of loadPart(part).filter((d) => d.name.includes('/en-'))) {
        const gold = doc.spans.filter((s) => s.label !== 'FIGURE');
        const predicted = suggestEntities(doc.text);
        for (const p of predicted) {
          expect(p.source).toBe('nlp');
          expect(p.score).toBeGreaterThan(0);
        }
        const score = scoreSpans(gold, predicted);
        scores.push(score);
        process.stdout.write(`${doc.name}: ${gold.length} entities, exact P ${score.exact.precision.toFixed(3)} R ${score.exact.recall.toFixed(3)}\n`);
      }
      const total = sumScores(scores);
      process.stdout.write(`${part}: exact P ${total.exact.precision.toFixed(3)} R ${total.exact.recall.toFixed(3)} (${total.exact.tp} of ${total.exact.tp + total.exact.fn})\n`);
      expect(total.exact.precision).toBeGreaterThanOrEqual(0.7);
      expect(total.exact.recall).toBeGreaterThanOrEqual(0.7);
    });
  }
});
