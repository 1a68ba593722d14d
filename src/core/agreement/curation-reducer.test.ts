// The curation reducer: decisions, edits, the walk, undo and inputs as pure state changes; relations adjudicated and never silently lost.

import { describe, expect, it } from 'vitest';
import { jsonl, type LineSpec } from '../../../test/fixtures/agreement/build';
import { corpusFromFiles } from './corpus';
import { goldLines } from './gold';
import { changedDocuments, curationReducer, INITIAL_CURATION, type CurationAction, type CurationModel } from './curation-reducer';
import { relationsLeftOut, relationRows } from './curation-relations';
import { walkProgress, walkSteps } from './curation-walk';
import { computeAgreement } from './report';

const ONE = 'Exports rose 12% to 4.1 billion yuan, 300 firms and 9 ports, the office said.';
const TWO = 'Tidewater Robotics Ltd. supplied 140 cranes to Vietnam.';
const at = (text: string, words: string, label: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, label });
const CLAIM = at(ONE, 'Exports rose 12% to 4.1 billion yuan, 300 firms and 9 ports', 'CLAIM');
const FIGURES = ['12%', '4.1 billion yuan', '300 firms', '9 ports'].map((w) => at(ONE, w, 'FIGURE'));

/** Alice marks the claim, four figures and four `cites`; bob and carol mark only the first figure; all three agree on document two but its LOC/ORG. */
function files(): { file: string; content: string }[] {
  const spec = (who: string, one: LineSpec['spans'], relations: LineSpec['relations'], two: LineSpec['spans']): LineSpec[] => [
    { text: ONE, source: 'one.txt', annotator: who, spans: one, relations },
    { text: TWO, source: 'two.txt', annotator: who, spans: two },
  ];
  const two = (label: string) => [at(TWO, 'Tidewater Robotics Ltd.', label), at(TWO, '140 cranes', 'FIGURE')];
  return [
    { file: 'alice.jsonl', content: jsonl(spec('alice', [CLAIM, ...FIGURES], [['cites', 0, 1], ['cites', 0, 2], ['cites', 0, 3], ['cites', 0, 4]], two('ORG'))) },
    { file: 'bob.jsonl', content: jsonl(spec('bob', [FIGURES[0]!], [], two('ORG'))) },
    { file: 'carol.jsonl', content: jsonl(spec('carol', [FIGURES[0]!], [], two('PRODUCT'))) },
  ];
}

function loaded(): CurationModel {
  const corpus = corpusFromFiles(files());
  return curationReducer(INITIAL_CURATION, { type: 'setInputs', corpus, report: computeAgreement(corpus) });
}

const run = (model: CurationModel, ...actions: CurationAction[]) => actions.reduce(curationReducer, model);
const docOne = (m: CurationModel) => m.curation!.documents.find((d) => d.source === 'one.txt')!;

describe('the curation reducer', () => {
  it('keeps alice’s four cites in the gold under majority once her claim and figures are taken', () => {
    let m = loaded();
    expect(m.choice.strategy).toBe('majority');
    const one = docOne(m);
    m = run(m, { type: 'goTo', place: { docId: one.docId, conflictId: null } });
    // Take alice's version of every span conflict of document one, walking with j (open only).
    for (const s of walkSteps(one).filter((x) => x.kind === 'span')) {
      m = run(m, { type: 'goTo', place: { docId: one.docId, conflictId: s.id } }, { type: 'decide', choice: { kind: 'annotator', index: 0 } });
    }
    const line = goldLines(m.curation!).find((l) => l.doc_id === one.docId)!;
    expect(line.spans.map((s) => s.label).sort()).toEqual(['CLAIM', 'FIGURE', 'FIGURE', 'FIGURE', 'FIGURE']);
    expect(line.relations).toHaveLength(4);
    const claim = line.spans.find((s) => s.label === 'CLAIM')!;
    expect(line.relations.every((r) => r.label === 'cites' && r.head === claim.id)).toBe(true);
    expect(new Set(line.relations.map((r) => r.tail))).toEqual(new Set(line.spans.filter((s) => s.label === 'FIGURE').map((s) => s.id)));
    expect(relationsLeftOut(m.curation!)).toEqual({ endMissing: 0, refused: 0 });
  });

  it('reports relations whose ends are not gold, and lets the curator refuse and take them by the same keys', () => {
    let m = loaded();
    const one = docOne(m);
    // Nothing decided: under majority alice's claim is not gold, so her four cites are left out, and said so.
    expect(relationsLeftOut(m.curation!)).toEqual({ endMissing: 4, refused: 0 });
    const relSteps = walkSteps(one).filter((s) => s.kind === 'relation');
    expect(relSteps).toHaveLength(4);
    // x on a relation refuses it; 1 (alice drew it) takes it; 2 (bob did not) refuses it; u forgets.
    m = run(m, { type: 'goTo', place: { docId: one.docId, conflictId: relSteps[0]!.id } }, { type: 'decide', choice: { kind: 'none' } });
    expect(relationRows(docOne(m))[0]!.status).toBe('refused');
    m = run(m, { type: 'decide', choice: { kind: 'annotator', index: 0 } });
    expect(relationRows(docOne(m)).find((r) => r.key === relSteps[0]!.id)!.decision).toBe(true);
    m = run(m, { type: 'decide', choice: { kind: 'annotator', index: 1 } });
    expect(relationRows(docOne(m)).find((r) => r.key === relSteps[0]!.id)!.decision).toBe(false);
    expect(relationsLeftOut(m.curation!).refused).toBe(1);
    m = run(m, { type: 'decide', choice: null });
    expect(relationRows(docOne(m)).find((r) => r.key === relSteps[0]!.id)!.decision).toBeUndefined();
  });

  it('j goes to the next open step, never past one, and says when it changes document', () => {
    let m = loaded();
    const total = walkProgress(m.curation!).steps;
    const seen: string[] = [];
    m = run(m, { type: 'step', by: 1, openOnly: true });
    for (let i = 0; i < total; i++) {
      expect(m.place?.conflictId).toBeTruthy();
      seen.push(m.place!.conflictId!);
      // The decision stays on its step; j moves on.
      const before = m.place;
      m = run(m, { type: 'decide', choice: { kind: 'all' } });
      expect(m.place).toEqual(before);
      m = run(m, { type: 'step', by: 1, openOnly: true });
      if (i < total - 1 && m.place!.docId !== before!.docId) expect(m.message?.text).toMatch(/is in (one|two)\.txt \(document \d of 2\): moved there/);
    }
    expect(new Set(seen).size).toBe(total);
    expect(m.message?.text).toBe('Every conflict is decided.');
  });

  it('undo and redo go back and forth between curations, sharing unchanged documents', () => {
    const m0 = loaded();
    const one = docOne(m0);
    const first = walkSteps(one)[0]!;
    const m1 = run(m0, { type: 'goTo', place: { docId: one.docId, conflictId: first.id } }, { type: 'decide', choice: { kind: 'none' } });
    expect(changedDocuments(m0.curation, m1.curation!)).toEqual([one.docId]);
    const m2 = run(m1, { type: 'undo' });
    expect(m2.curation).toBe(m0.curation);
    const m3 = run(m2, { type: 'redo' });
    expect(m3.curation).toBe(m1.curation);
    expect(run(m0, { type: 'undo' }).message?.text).toBe('Nothing to undo.');
  });

  it('edits the selected gold span and deciding its open conflict as it stands', () => {
    let m = loaded();
    const one = docOne(m);
    m = run(m, { type: 'openDocument', docId: one.docId }, { type: 'selectGold', id: null }, { type: 'stepGold', by: 1 });
    const selected = m.selectedGold!;
    m = run(m, { type: 'edit', edit: { kind: 'move', edge: 'end', by: -1 } });
    expect(m.selectedGold).not.toBe(selected);
    expect(Object.keys(docOne(m).edits ?? {})).toHaveLength(1);
    m = run(m, { type: 'edit', edit: { kind: 'reset' } });
    expect(Object.keys(docOne(m).edits ?? {})).toHaveLength(0);
  });

  it('keeps decisions, relation decisions included, across a strategy change and new inputs', () => {
    let m = loaded();
    const one = docOne(m);
    const rel = walkSteps(one).find((s) => s.kind === 'relation')!;
    m = run(m, { type: 'goTo', place: { docId: one.docId, conflictId: rel.id } }, { type: 'decide', choice: { kind: 'none' } });
    m = run(m, { type: 'setStrategy', choice: { strategy: 'union', min: null } });
    expect(m.curation!.strategy).toBe('union');
    expect(m.message?.text).toContain('Strategy: union. 1 decision kept.');
    expect(relationRows(docOne(m)).find((r) => r.key === rel.id)!.status).toBe('refused');
    // Under union every span is gold: the other three cites are carried in.
    expect(goldLines(m.curation!).find((l) => l.doc_id === one.docId)!.relations).toHaveLength(3);
    expect(m.history.done).toHaveLength(0);
  });
});

describe('attribute disagreements', () => {
  const FIG = at(ONE, '12%', 'FIGURE');
  const withValues = (who: string, value: number): LineSpec => ({ text: ONE, source: 'one.txt', annotator: who, spans: [{ ...FIG, attrs: { value, unit: '%' } }] });
  const corpus = corpusFromFiles([
    { file: 'a.jsonl', content: jsonl([withValues('a', 12)]) },
    { file: 'b.jsonl', content: jsonl([withValues('b', 12)]) },
    { file: 'c.jsonl', content: jsonl([withValues('c', 0.12)]) },
  ]);
  const gold = (m: CurationModel) => goldLines(m.curation!)[0]!.spans[0]!;

  it('takes one annotator’s value for the gold, goes back to the vote, and keeps the choice across a rebuild', () => {
    let m = curationReducer(INITIAL_CURATION, { type: 'setInputs', corpus, report: computeAgreement(corpus) });
    const doc = m.curation!.documents[0]!;
    m = run(m, { type: 'openDocument', docId: doc.docId }, { type: 'stepGold', by: 1 });
    expect(gold(m).attrs).toEqual({ unit: '%', value: 12 });
    m = run(m, { type: 'chooseAttribute', key: 'value', value: 0.12 });
    expect(gold(m).attrs).toEqual({ unit: '%', value: 0.12 });
    // Kept through the stored form, as a reload rebuilds it.
    const again = run(m, { type: 'setStrategy', choice: { strategy: 'union', min: null } });
    expect(gold(again).attrs.value).toBe(0.12);
    // Back to the vote; an attribute all agree on is not the curator's to choose.
    expect(gold(run(m, { type: 'chooseAttribute', key: 'value', value: undefined })).attrs.value).toBe(12);
    expect(run(m, { type: 'chooseAttribute', key: 'unit', value: 'x' }).message?.kind).toBe('error');
  });
});
