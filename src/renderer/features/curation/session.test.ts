// The curation session's pure side: decisions put back after a rebuild, the walk through conflicts, the disagreement order.

import { describe, expect, it } from 'vitest';
import { jsonl, type LineSpec } from '../../../../test/fixtures/agreement/build';
import { computeAgreement, editGoldSpan, resolveConflict, serializeGold } from '../../../core/agreement';
import { stepFrom, type Place } from '../../../core/agreement/curation-walk';
import type { CurationState } from '../../../core/agreement';
import { disagreementOrder, rebuild, storedDocuments } from '../../../core/agreement/curation-session';
import { corpusOf, type StoredInputs } from './session';

/** The place a step leads to (the walk of core/agreement/curation-walk). */
function stepConflict(state: CurationState, order: readonly string[], from: Place | null, by: 1 | -1, openOnly = false): Place | null {
  return stepFrom(state, order, from, by, openOnly)?.place ?? null;
}

const ONE = 'Chint Electric Co., Ltd. grew 43.9% in 2023, said Tang Wei.';
const TWO = 'Tidewater Robotics Ltd. supplied 140 cranes to Vietnam.';
const at = (text: string, words: string, label: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, label });

// Two documents; the second disagrees more (a label conflict and a minority span).
const specs = (who: string, one: LineSpec['spans'], two: LineSpec['spans']): LineSpec[] => [
  { text: ONE, source: 'one.txt', annotator: who, spans: one },
  { text: TWO, source: 'two.txt', annotator: who, spans: two },
];
const inputs: StoredInputs = {
  files: [
    { file: 'a.jsonl', content: jsonl(specs('a', [at(ONE, 'Chint Electric Co., Ltd.', 'ORG'), at(ONE, '43.9%', 'FIGURE')], [at(TWO, 'Tidewater Robotics Ltd.', 'ORG')])) },
    { file: 'b.jsonl', content: jsonl(specs('b', [at(ONE, 'Chint Electric Co., Ltd.', 'ORG'), at(ONE, '43.9', 'FIGURE')], [at(TWO, 'Tidewater Robotics Ltd.', 'PRODUCT'), at(TWO, 'Vietnam', 'LOC')])) },
  ],
  refused: [],
};

describe('the curation session', () => {
  const corpus = corpusOf(inputs);
  const { state } = rebuild(corpus, { strategy: 'union', min: null }, {});
  const order = disagreementOrder(computeAgreement(corpus), state);
  const [first, second] = order;
  const conflictsOf = (docId: string) => state.documents.find((d) => d.docId === docId)!.conflicts.map((c) => c.id);

  it('orders documents by disagreement, most first', () => {
    expect(state.documents.find((d) => d.docId === first)!.source).toBe('two.txt');
    expect(conflictsOf(first!)).toHaveLength(2);
    expect(conflictsOf(second!)).toHaveLength(1);
  });

  it('puts decisions and edits back after a rebuild under another strategy, and sets aside what no longer applies', () => {
    const doc = state.documents.find((d) => d.docId === first)!;
    const conflict = doc.conflicts[0]!;
    let decided = resolveConflict(state, conflict.id, { kind: 'side', side: conflict.sides[0]!.id });
    const settled = state.documents.find((d) => d.docId === second)!.settled[0]!;
    decided = editGoldSpan(decided, second!, settled.id, { start: settled.start, end: settled.end - 1, label: 'ORG' });
    const stored = storedDocuments(decided);
    // JSON, as IndexedDB gives it back; plus a decision on a conflict that is gone.
    const revived = JSON.parse(JSON.stringify({ ...stored, 'sha256:gone': { decisions: { cnope: [] }, edits: {} } }));
    const again = rebuild(corpus, { strategy: 'majority', min: 2 }, revived);
    expect(again.kept).toBe(2);
    expect(again.dropped).toBe(1);
    expect(again.state.strategy).toBe('majority');
    // Same decisions and edits under the same strategy: the same bytes.
    expect(serializeGold(rebuild(corpus, { strategy: 'union', min: null }, revived).state)).toBe(serializeGold(decided));
  });

  it('walks conflicts across documents, wrapping, and can skip decided ones', () => {
    const [c1, c2] = conflictsOf(first!);
    const [c3] = conflictsOf(second!);
    expect(stepConflict(state, order, null, 1)).toEqual({ docId: first, conflictId: c1 });
    expect(stepConflict(state, order, { docId: first!, conflictId: c2! }, 1)).toEqual({ docId: second, conflictId: c3 });
    expect(stepConflict(state, order, { docId: second!, conflictId: c3! }, 1)).toEqual({ docId: first, conflictId: c1 });
    expect(stepConflict(state, order, { docId: first!, conflictId: c1! }, -1)).toEqual({ docId: second, conflictId: c3 });
    // From a document without a place on a conflict: its first conflict.
    expect(stepConflict(state, order, { docId: second!, conflictId: null }, 1)).toEqual({ docId: second, conflictId: c3 });
    const decided = resolveConflict(state, c2!, { kind: 'none' });
    expect(stepConflict(decided, order, { docId: first!, conflictId: c1! }, 1, true)).toEqual({ docId: second, conflictId: c3 });
    let all = decided;
    for (const id of [c1!, c3!]) all = resolveConflict(all, id, { kind: 'all' });
    expect(stepConflict(all, order, { docId: first!, conflictId: c1! }, 1, true)).toBeNull();
  });
});
