// The curator's corrections of gold spans: new offsets and labels, ids and text from them, relations that follow, bytes that stay stable.

import { describe, expect, it } from 'vitest';
import { docIdOf, readLines, type LineSpec, type SpanSpec } from '../../../test/fixtures/agreement/build';
import { collectCorpus } from './corpus';
import { CurationError, editGoldSpan, goldRelations, goldSpans, isDecided, resolveConflict } from './curation';
import { serializeGold } from './gold';
import { goldSpanId } from './ids';
import { buildCuration, type CurationState } from './merge';

// An astral character before the spans, so code points and UTF-16 units differ.
const TEXT = '𝑥 Chint Electric Co., Ltd. grew 43.9% in 2023.';
const DOC = docIdOf(TEXT);

function at(words: string, label: string, attrs?: SpanSpec['attrs']): SpanSpec {
  const utf16 = TEXT.indexOf(words);
  const start = Array.from(TEXT.slice(0, utf16)).length;
  return { start, end: start + Array.from(words).length, label, ...(attrs ? { attrs } : {}) };
}

const ORG = at('Chint Electric Co., Ltd.', 'ORG');
const FIGURE = at('43.9%', 'FIGURE', { value: 43.9, unit: '%' });
const FIGURE_SHORT = at('43.9', 'FIGURE', { value: 43.9 });
const CLAIM = at('Chint Electric Co., Ltd. grew 43.9% in 2023', 'CLAIM');

const A: LineSpec = { text: TEXT, annotator: 'a', spans: [ORG, FIGURE, CLAIM], relations: [['cites', 2, 1]] };
const B: LineSpec = { text: TEXT, annotator: 'b', spans: [ORG, FIGURE_SHORT, CLAIM], relations: [['cites', 2, 1]] };

function curate(): CurationState {
  return buildCuration(collectCorpus(readLines([A, B])), { strategy: 'union' });
}

const key = (s: { start: number; end: number; label: string; text?: string }) => `${s.label}[${s.start},${s.end})${s.text === undefined ? '' : ` ${s.text}`}`;

describe('editGoldSpan', () => {
  const state = curate();
  const doc = state.documents[0]!;
  const org = doc.settled.find((c) => c.label === 'ORG')!;

  it('moves and relabels a settled span, with text, id and sources from it', () => {
    const next = editGoldSpan(state, DOC, org.id, { start: ORG.start, end: ORG.start + 14, label: 'PRODUCT' });
    const spans = goldSpans(next.documents[0]!);
    const edited = spans.find((s) => s.editedFrom === org.id)!;
    expect(key(edited)).toBe(`PRODUCT[${ORG.start},${ORG.start + 14}) Chint Electric`);
    expect(edited.id).toBe(goldSpanId(DOC, ORG.start, ORG.start + 14, 'PRODUCT'));
    expect(edited.sources).toEqual(['a', 'b']);
    // The state is persistent: the old one is unchanged.
    expect(goldSpans(state.documents[0]!).map((s) => s.id)).toContain(org.id);
  });

  it('keeps attributes when the label stays, drops them when it changes', () => {
    const conflict = doc.conflicts.find((c) => c.sides.some((s) => s.label === 'FIGURE'))!;
    const long = conflict.sides.find((s) => s.end === FIGURE.end)!;
    const moved = editGoldSpan(state, DOC, long.id, { start: FIGURE.start, end: FIGURE.end - 1, label: 'FIGURE' });
    const byLabel = goldSpans(moved.documents[0]!).filter((s) => s.label === 'FIGURE');
    // Moved onto the short FIGURE: one span, marked by both.
    expect(byLabel.map((s) => [key(s), s.sources])).toEqual([[key(FIGURE_SHORT) + ' 43.9', ['a', 'b']]]);
    const relabelled = editGoldSpan(state, DOC, long.id, { start: FIGURE.start, end: FIGURE.end, label: 'CLAIM' });
    const claim = goldSpans(relabelled.documents[0]!).find((s) => s.editedFrom === long.id)!;
    expect(Object.keys(claim.attrs)).toEqual([]);
    // An edit does not decide the conflict.
    expect(isDecided(moved.documents[0]!, conflict.id)).toBe(false);
  });

  it('lets relations follow the edited span', () => {
    const claim = doc.settled.find((c) => c.label === 'CLAIM')!;
    const next = editGoldSpan(state, DOC, claim.id, { start: CLAIM.start, end: CLAIM.end + 1, label: 'CLAIM' });
    const rels = goldRelations(next.documents[0]!);
    // a cites the long FIGURE, b the short one; under union both are gold.
    expect(rels.map((r) => r.head)).toEqual([goldSpanId(DOC, CLAIM.start, CLAIM.end + 1, 'CLAIM'), goldSpanId(DOC, CLAIM.start, CLAIM.end + 1, 'CLAIM')]);
    expect(serializeGold(next)).toContain(`"head":"${goldSpanId(DOC, CLAIM.start, CLAIM.end + 1, 'CLAIM')}"`);
  });

  it('undoes with null or an edit equal to the span, and gives the same bytes as before', () => {
    const edited = editGoldSpan(state, DOC, org.id, { start: 3, end: 9, label: 'ORG' });
    expect(serializeGold(edited)).not.toBe(serializeGold(state));
    expect(serializeGold(editGoldSpan(edited, DOC, org.id, null))).toBe(serializeGold(state));
    expect(serializeGold(editGoldSpan(edited, DOC, org.id, { start: org.start, end: org.end, label: org.label }))).toBe(serializeGold(state));
  });

  it('survives a JSON round trip with decisions', () => {
    const conflict = doc.conflicts[0]!;
    const decided = editGoldSpan(resolveConflict(state, conflict.id, { kind: 'side', side: conflict.sides[0]!.id }), DOC, org.id, { start: 3, end: 9, label: 'ORG' });
    expect(serializeGold(JSON.parse(JSON.stringify(decided)) as CurationState)).toBe(serializeGold(decided));
  });

  it('refuses unknown spans and ranges outside the text', () => {
    expect(() => editGoldSpan(state, DOC, 'snope', { start: 0, end: 1, label: 'ORG' })).toThrow(CurationError);
    expect(() => editGoldSpan(state, 'sha256:none', org.id, { start: 0, end: 1, label: 'ORG' })).toThrow(CurationError);
    expect(() => editGoldSpan(state, DOC, org.id, { start: 5, end: 5, label: 'ORG' })).toThrow(CurationError);
    expect(() => editGoldSpan(state, DOC, org.id, { start: 0, end: Array.from(TEXT).length + 1, label: 'ORG' })).toThrow(CurationError);
    expect(() => editGoldSpan(state, DOC, org.id, { start: 0, end: 2, label: '' })).toThrow(CurationError);
  });
});
