// Merging annotators into a candidate gold: strategies, conflict kinds, curation decisions, gold lines and their bytes.

import { describe, expect, it } from 'vitest';
import { docIdOf, readLines, type LineSpec, type SpanSpec } from '../../../test/fixtures/agreement/build';
import { collectCorpus } from './corpus';
import { acceptedSides, conflictOptions, CurationError, curationProgress, goldRelations, goldSpans, resolveConflict, undecidedConflicts } from './curation';
import { goldLines, serializeGold } from './gold';
import { goldSpanId } from './ids';
import { buildCuration, thresholdFor, type CurationState, type MergeOptions } from './merge';
import { mergeReport } from './merge-report';

const TEXT = 'Chint Electric Co., Ltd. grew 43.9% in 2023, said Tang Wei.';
const DOC = docIdOf(TEXT);

/** The span of the first occurrence of `words` (the text is ASCII, so UTF-16 and code points agree). */
function at(words: string, label: string, attrs?: SpanSpec['attrs']): SpanSpec {
  const start = TEXT.indexOf(words);
  if (start < 0) throw new Error(`no "${words}"`);
  return { start, end: start + words.length, label, ...(attrs ? { attrs } : {}) };
}

const ORG = at('Chint Electric Co., Ltd.', 'ORG');
const PRODUCT = at('Chint Electric', 'PRODUCT');
const FIGURE = at('43.9%', 'FIGURE', { value: 43.9, unit: '%' });
const FIGURE_SHORT = at('43.9', 'FIGURE', { value: 43.9 });
const PERSON = at('Tang Wei', 'PERSON');
const CLAIM = at('Chint Electric Co., Ltd. grew 43.9% in 2023', 'CLAIM');

// a and b agree on ORG, FIGURE, PERSON; c sees a PRODUCT, a shorter FIGURE, and a CLAIM that a also marked.
const A: LineSpec = { text: TEXT, annotator: 'a', spans: [ORG, FIGURE, PERSON, CLAIM], relations: [['about', 1, 0], ['cites', 3, 1]] };
const B: LineSpec = { text: TEXT, annotator: 'b', spans: [ORG, FIGURE, PERSON], relations: [['about', 1, 0]] };
const C: LineSpec = { text: TEXT, annotator: 'c', spans: [PRODUCT, FIGURE_SHORT, PERSON, CLAIM], relations: [['cites', 3, 1]] };

function curate(specs: LineSpec[], options: MergeOptions): CurationState {
  return buildCuration(collectCorpus(readLines(specs)), options);
}

const key = (s: { start: number; end: number; label: string }) => `${s.label}[${s.start},${s.end})`;
const keys = (spans: readonly { start: number; end: number; label: string }[]) => spans.map(key);

describe('buildCuration', () => {
  const state = curate([A, B, C], { strategy: 'majority' });
  const doc = state.documents[0]!;

  it('settles what every annotator marked and groups the rest into conflicts', () => {
    expect(doc.annotators).toEqual(['a', 'b', 'c']);
    expect(doc.threshold).toBe(2);
    expect(keys(doc.settled)).toEqual([key(PERSON)]);
    expect(doc.settled[0]!.sources).toEqual(['a', 'b', 'c']);
    // Ordered by region: ORG/PRODUCT [0,24), the CLAIM [0,43), the FIGUREs [30,35).
    expect(doc.conflicts.map((c) => [c.start, c.end, c.kinds])).toEqual([
      [0, 24, ['label', 'minority', 'partial']],
      [0, 43, ['partial']],
      [30, 35, ['boundary', 'minority', 'partial']],
    ]);
    const [names, claim, figures] = doc.conflicts;
    // Sides in the format's order: PRODUCT [0,14) before ORG [0,24).
    expect(keys(names!.sides)).toEqual([key(PRODUCT), key(ORG)]);
    expect(names!.byAnnotator).toEqual({ a: [goldSpanId(DOC, ORG.start, ORG.end, 'ORG')], b: [goldSpanId(DOC, ORG.start, ORG.end, 'ORG')], c: [goldSpanId(DOC, PRODUCT.start, PRODUCT.end, 'PRODUCT')] });
    // The CLAIM contains the ORG and the FIGURE but is of another group: it does not compete with them.
    expect(keys(claim!.sides)).toEqual([key(CLAIM)]);
    expect(claim!.byAnnotator.b).toEqual([]);
    expect(keys(figures!.sides)).toEqual([key(FIGURE_SHORT), key(FIGURE)]);
  });

  it('proposes what the strategy accepts', () => {
    const proposed = (s: CurationState) => keys(goldSpans(s.documents[0]!));
    expect(proposed(state)).toEqual(keys([ORG, CLAIM, FIGURE, PERSON]));
    expect(proposed(curate([A, B, C], { strategy: 'union' }))).toEqual(keys([PRODUCT, ORG, CLAIM, FIGURE_SHORT, FIGURE, PERSON]));
    expect(proposed(curate([A, B, C], { strategy: 'unanimous' }))).toEqual(keys([PERSON]));
    expect(proposed(curate([A, B, C], { strategy: 'majority', min: 3 }))).toEqual(keys([PERSON]));
    expect(proposed(curate([A, B, C], { strategy: 'majority', min: 1 }))).toEqual(proposed(curate([A, B, C], { strategy: 'union' })));
  });

  it('marks every conflict whatever the strategy', () => {
    for (const strategy of ['union', 'majority', 'unanimous'] as const) {
      expect(curate([A, B, C], { strategy }).documents[0]!.conflicts.map((c) => c.id)).toEqual(doc.conflicts.map((c) => c.id));
    }
  });

  it('votes attributes, breaking ties by the smallest JSON, and says where supporters differ', () => {
    const figure = doc.conflicts[2]!.sides.find((s) => s.end === FIGURE.end)!;
    expect(figure.attrs).toEqual({ unit: '%', value: 43.9 });
    expect(figure.attrDisagreements).toEqual([]);
    const tie = curate(
      [
        { text: TEXT, annotator: 'a', spans: [at('43.9%', 'FIGURE', { unit: 'percent' })] },
        { text: TEXT, annotator: 'b', spans: [at('43.9%', 'FIGURE', { unit: '%' })] },
      ],
      { strategy: 'union' },
    );
    const span = tie.documents[0]!.settled[0]!;
    expect(span.attrs).toEqual({ unit: '%' });
    expect(span.attrDisagreements).toEqual(['unit']);
  });

  it('keeps every relation whose ends are both gold, whoever drew it (issue 13: none is lost under majority)', () => {
    const rel = (s: CurationState) => goldRelations(s.documents[0]!).map((r) => `${r.label}:${r.sources.join('+')}`);
    // "about" FIGURE -> ORG by a and b. "cites" CLAIM -> FIGURE by a only: both ends are gold under majority, so it is
    // carried in. CLAIM -> short FIGURE by c only: the short FIGURE is not gold.
    expect(rel(state).sort()).toEqual(['about:a+b', 'cites:a']);
    expect(rel(curate([A, B, C], { strategy: 'union' })).sort()).toEqual(['about:a+b', 'cites:a', 'cites:c']);
    expect(rel(curate([A, B, C], { strategy: 'unanimous' }))).toEqual([]);
  });

  it('counts a span marked twice by one annotator once', () => {
    const s = curate(
      [
        { text: TEXT, annotator: 'a', spans: [PERSON, { ...PERSON, id: 'dup' }] },
        { text: TEXT, annotator: 'b', spans: [] },
        { text: TEXT, annotator: 'c', spans: [] },
      ],
      { strategy: 'majority' },
    );
    expect(s.documents[0]!.conflicts[0]!.sides[0]!.sources).toEqual(['a']);
    expect(goldSpans(s.documents[0]!)).toEqual([]);
  });

  it('takes a single annotator as is, and caps --min at the annotators of a document', () => {
    const single = curate([A], { strategy: 'unanimous' });
    expect(single.documents[0]!.conflicts).toEqual([]);
    expect(keys(goldSpans(single.documents[0]!))).toEqual(keys([ORG, CLAIM, FIGURE, PERSON]));
    expect(thresholdFor('majority', 2, 3)).toBe(2);
    expect(thresholdFor('majority', 4)).toBe(3);
    expect(thresholdFor('majority', 5)).toBe(3);
    expect(thresholdFor('union', 5)).toBe(1);
    expect(thresholdFor('unanimous', 5)).toBe(5);
  });

  it('calls a span one of two annotators marked a minority conflict', () => {
    const s = curate(
      [
        { text: TEXT, annotator: 'a', spans: [PERSON] },
        { text: TEXT, annotator: 'b', spans: [] },
      ],
      { strategy: 'majority' },
    );
    expect(s.documents[0]!.conflicts.map((c) => c.kinds)).toEqual([['minority']]);
    // Majority of 2 is 2: the lone span is proposed out.
    expect(goldSpans(s.documents[0]!)).toEqual([]);
  });

  it('lets labels of different groups compete only at the same offsets, and short nested entities not at all', () => {
    const text = 'The C919 flew over the Shanghai Three-year Action Plan.';
    const span = (words: string, label: string): SpanSpec => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, label });
    const s = curate(
      [
        { text, annotator: 'a', spans: [span('C919', 'PRODUCT'), span('Shanghai Three-year Action Plan', 'POLICY')] },
        { text, annotator: 'b', spans: [span('C919', 'FIGURE'), span('Shanghai', 'LOC')] },
      ],
      { strategy: 'union' },
    );
    expect(s.documents[0]!.conflicts.map((c) => [keys(c.sides), c.kinds])).toEqual([
      [[`FIGURE[4,8)`, `PRODUCT[4,8)`], ['label', 'minority']],
      [[`LOC[23,31)`], ['minority']],
      [[`POLICY[23,54)`], ['minority']],
    ]);
    // With every label in one group and a low threshold, the nested LOC competes with the POLICY.
    const grouped = buildCuration(collectCorpus(readLines([
      { text, annotator: 'a', spans: [span('Shanghai Three-year Action Plan', 'POLICY')] },
      { text, annotator: 'b', spans: [span('Shanghai', 'LOC')] },
    ])), { strategy: 'union', labelOverlap: 0.2, groupOf: () => 'all' });
    expect(grouped.documents[0]!.conflicts).toHaveLength(1);
  });

  it('refuses --min that is not a positive integer or not with majority', () => {
    const corpus = collectCorpus(readLines([A, B]));
    expect(() => buildCuration(corpus, { strategy: 'majority', min: 0 })).toThrow(RangeError);
    expect(() => buildCuration(corpus, { strategy: 'majority', min: 1.5 })).toThrow(RangeError);
    expect(() => buildCuration(corpus, { strategy: 'union', min: 2 })).toThrow(RangeError);
  });
});

describe('curation', () => {
  const state = curate([A, B, C], { strategy: 'majority' });
  const names = state.documents[0]!.conflicts[0]!;
  const orgId = goldSpanId(DOC, ORG.start, ORG.end, 'ORG');
  const productId = goldSpanId(DOC, PRODUCT.start, PRODUCT.end, 'PRODUCT');

  it('offers each side, both, and neither', () => {
    const options = conflictOptions(names);
    expect(options.map((o) => o.title)).toEqual(['PRODUCT [0, 14) c', 'ORG [0, 24) a, b', 'both', 'neither']);
    expect(options.map((o) => o.accepts)).toEqual([[productId], [orgId], [productId, orgId], []]);
    expect(conflictOptions(state.documents[0]!.conflicts[1]!).map((o) => o.title)).toEqual(['CLAIM [0, 43) a, c', 'reject']);
  });

  it('decides a conflict in a new state and leaves the old one as it was', () => {
    const next = resolveConflict(state, names.id, { kind: 'side', side: productId });
    expect(keys(goldSpans(next.documents[0]!))).toContain(key(PRODUCT));
    expect(keys(goldSpans(next.documents[0]!))).not.toContain(key(ORG));
    expect(keys(goldSpans(state.documents[0]!))).toContain(key(ORG));
    expect(state.documents[0]!.decisions).toEqual({});
    // The relation "about" FIGURE -> ORG loses its end; "cites" CLAIM -> FIGURE keeps both of its.
    expect(goldRelations(next.documents[0]!).map((r) => r.label)).toEqual(['cites']);
    const both = resolveConflict(next, names.id, { kind: 'all' });
    expect(acceptedSides(both.documents[0]!, names)).toEqual([productId, orgId]);
    const none = resolveConflict(both, names.id, { kind: 'none' });
    expect(keys(goldSpans(none.documents[0]!))).not.toContain(key(PRODUCT));
    const back = resolveConflict(none, names.id, null);
    expect(goldSpans(back.documents[0]!)).toEqual(goldSpans(state.documents[0]!));
    expect(curationProgress(none)).toEqual({ conflicts: 3, decided: 1 });
    expect(curationProgress(back)).toEqual({ conflicts: 3, decided: 0 });
  });

  it('accepts an explicit list of sides, in side order', () => {
    const next = resolveConflict(state, names.id, { kind: 'sides', sides: [orgId, productId, orgId] });
    expect(acceptedSides(next.documents[0]!, names)).toEqual([productId, orgId]);
  });

  it('refuses unknown conflicts and sides', () => {
    expect(() => resolveConflict(state, 'cnope', { kind: 'all' })).toThrow(CurationError);
    expect(() => resolveConflict(state, names.id, { kind: 'side', side: 'snope' })).toThrow(CurationError);
  });

  it('keeps the state plain data that survives JSON', () => {
    const next = resolveConflict(state, names.id, { kind: 'side', side: productId });
    const revived = JSON.parse(JSON.stringify(next)) as CurationState;
    expect(serializeGold(revived)).toBe(serializeGold(next));
  });
});

describe('gold', () => {
  it('writes adjudicated lines with sources, deterministic ids and the format order', () => {
    const state = curate([A, B, C], { strategy: 'majority' });
    const [line] = goldLines(state);
    expect(line!.annotator).toBe('adjudicated');
    expect(line!.doc_id).toBe(DOC);
    expect(line!.status).toBe('in-progress');
    expect(line!.spans.map((s) => [s.label, s.text, s.sources])).toEqual([
      ['ORG', 'Chint Electric Co., Ltd.', ['a', 'b']],
      ['CLAIM', 'Chint Electric Co., Ltd. grew 43.9% in 2023', ['a', 'c']],
      ['FIGURE', '43.9%', ['a', 'b']],
      ['PERSON', 'Tang Wei', ['a', 'b', 'c']],
    ]);
    for (const s of line!.spans) expect(s.id).toBe(goldSpanId(DOC, s.start, s.end, s.label));
    expect(line!.relations).toHaveLength(2);
    expect(line!.relations.find((r) => r.label === 'about')).toMatchObject({ head: line!.spans[2]!.id, tail: line!.spans[0]!.id });
    expect(line!.relations.find((r) => r.label === 'cites')).toMatchObject({ head: line!.spans[1]!.id, tail: line!.spans[2]!.id });
    // Key order of the writer.
    expect(Object.keys(line!)).toEqual(['format', 'doc_id', 'source', 'text', 'annotator', 'status', 'updated_at', 'spans', 'relations']);
    expect(Object.keys(line!.spans[0]!)).toEqual(['id', 'start', 'end', 'label', 'text', 'attrs', 'sources']);
  });

  it('gives the same bytes for the same inputs, in any order', () => {
    const one = serializeGold(curate([A, B, C], { strategy: 'majority' }));
    const two = serializeGold(curate([C, A, B], { strategy: 'majority' }));
    expect(two).toBe(one);
    expect(one.endsWith('\n')).toBe(true);
    expect(one.split('\n')).toHaveLength(2);
  });

  it('marks a document done once every conflict is decided', () => {
    let state = curate([A, B, C], { strategy: 'majority' });
    for (const c of state.documents[0]!.conflicts) state = resolveConflict(state, c.id, { kind: 'all' });
    expect(undecidedConflicts(state.documents[0]!)).toEqual([]);
    expect(goldLines(state)[0]!.status).toBe('done');
  });

  it('omits the text when no input line had it', () => {
    const state = curate([{ ...A, withoutText: true }, { ...B, withoutText: true }], { strategy: 'union' });
    const [line] = goldLines(state);
    expect('text' in line!).toBe(false);
    expect(line!.spans.find((s) => s.label === 'ORG')!.text).toBe('Chint Electric Co., Ltd.');
  });
});

describe('mergeReport', () => {
  it('reports coverage, counts by kind, and each conflict with its sides', () => {
    const corpus = collectCorpus(readLines([A, B, C, { text: 'Other text.', annotator: 'a', spans: [] }]));
    const state = buildCuration(corpus, { strategy: 'majority' });
    const report = mergeReport(state, corpus);
    expect(report.documents).toBe(2);
    expect(report.coverage.a!.documents).toBe(2);
    expect(report.coverage.b!.documents).toBe(1);
    expect(report.conflicts).toEqual({ total: 3, boundary: 1, label: 1, minority: 2, partial: 3 });
    expect(report.single_annotator_documents).toEqual([docIdOf('Other text.')]);
    const doc = report.per_document.find((d) => d.doc_id === DOC)!;
    expect(doc.gold_spans).toBe(4);
    expect(doc.conflicts[0]!.sides.map((s) => s.label)).toEqual(['PRODUCT', 'ORG']);
    expect(doc.conflicts[0]!.accepted).toEqual(doc.conflicts[0]!.proposed);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
