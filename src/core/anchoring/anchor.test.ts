// Tests of re-anchoring: each step of the chain, Chinese and astral text, repeated short
// quotes, deleted and moved text, and the round trip that keeps look-alikes from taking a span.

import { describe, expect, it } from 'vitest';
import { AnchorText, anchorAll, anchorSpan, reanchorSpans, type AnchorTarget } from './anchor';
import { OffsetMap, sliceCodePoints } from '../model/offsets';
import { quoteOf } from '../model/quote';
import type { CodePoint, Span } from '../model/types';

/** Paragraphs joined as a document. */
const doc = (...paragraphs: string[]): string => paragraphs.join('\n\n');

/** A span on the `nth` occurrence (0-based) of `needle` in `text`, offsets in code points, quote as the app stores it. */
function spanOn(text: string, needle: string, nth = 0): AnchorTarget & { id: string; orphaned?: boolean } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: no occurrence ${nth} of ${needle}`);
  }
  const map = new OffsetMap(text);
  const start = map.toCodePoint(at as never);
  const end = map.toCodePoint((at + needle.length) as never);
  return { id: `${needle}#${nth}`, start, end, quote: quoteOf(text, start as CodePoint, end as CodePoint, map) };
}

/** Where `needle`'s `nth` occurrence is in `text`, in code points. */
function placeOf(text: string, needle: string, nth = 0): [number, number] {
  const s = spanOn(text, needle, nth);
  return [s.start, s.end];
}

/** The text a result covers. */
const textAt = (text: string, r: { start: number; end: number }): string => sliceCodePoints(text, r.start, r.end);

const EN = [
  'Shanghai has built or is building 20 large science facilities, the city government said on Monday.',
  'In 2023, the output value of strategic emerging industries accounted for 43.9% of the total output value of industrial enterprises above designated size.',
  'Exports of new energy vehicles rose 20% in the first quarter, and exports of lithium batteries rose 20% as well.',
  'The proportion of research and development spending will reach about 4.4% of the city\'s GDP, and patents per 10,000 people will reach 50.2.',
];

const ZH = [
  '上海已建、在建和规划建设的设施多达20个,瞄准智能制造技术和工艺,上海实现“卡脖子”关键装备突破40余项。',
  '2023年,上海跨境电商进出口实现2623.9亿元,同比增长42.5%,建有海外仓138个,总面积超179万平方米。',
  '同期,上海空港口岸跨境电商出口申报4.4亿票,比上一年增长近2倍,创历史新高。',
];

describe('step 1: position, checked against the quote', () => {
  it('keeps a span whose text is unchanged at the same offsets: exact, same quote', () => {
    const text = doc(...EN);
    const s = spanOn(text, '43.9%');
    const r = anchorSpan(text, s);
    expect(r).toMatchObject({ status: 'exact', start: s.start, end: s.end, quote: s.quote });
  });

  it('keeps it exact when only its context changed, and recomputes the quote', () => {
    const before = doc(...EN);
    const after = before.replace('strategic emerging', 'strategic new');
    const s = spanOn(before, 'accounted for');
    // The edit also shortens the text before the span: anchorAll maps its position through the diff.
    const [r] = anchorAll(before, after, [s]);
    expect(r!.status).toBe('exact');
    expect([r!.start, r!.end]).toEqual(placeOf(after, 'accounted for'));
    expect(r!.quote).toEqual(spanOn(after, 'accounted for').quote);
  });

  it('does not take the same text at the same offsets when its context says it is another occurrence', () => {
    // Both "20%" of paragraph 3 move by 7 characters; at the first one's old offsets there is
    // now other text, and the second one sits where nothing else would have matched.
    const before = doc(...EN);
    const after = before.replace('Exports of new', 'Overall exports of new');
    const s = spanOn(before, '20%', 0);
    const r = anchorSpan(after, s);
    expect([r.start, r.end]).toEqual(placeOf(after, '20%', 0));
    expect(r.status).toBe('moved');
  });
});

describe('step 2: the exact quote, anywhere', () => {
  it('finds a span moved by an insertion before it (no old text: by its quote)', () => {
    const before = doc(...EN);
    const after = doc('A new first paragraph, written after the annotations were made.', ...EN);
    const s = spanOn(before, 'strategic emerging industries');
    const r = anchorSpan(after, s, { oldLength: before.length });
    expect(r.status).toBe('moved');
    expect([r.start, r.end]).toEqual(placeOf(after, 'strategic emerging industries'));
  });

  it('tells repeated short quotes apart by their context: each "20%" to its own place', () => {
    const before = doc(...EN, 'Imports fell 20% while re-exports grew 20% and transit trade grew 20% too.');
    const after = doc('Preface.', ...EN.slice(0, 2), 'An inserted paragraph with no figures at all.', ...EN.slice(2), 'Imports fell 20% while re-exports grew 20% and transit trade grew 20% too.');
    const spans = [0, 1, 2, 3, 4].map((n) => spanOn(before, '20%', n));
    for (const [n, s] of spans.entries()) {
      const r = anchorSpan(after, s, { oldLength: before.length });
      expect([r.start, r.end], `occurrence ${n}`).toEqual(placeOf(after, '20%', n));
    }
  });

  it('orphans a short quote whose context is found twice, the same', () => {
    // The paragraph is duplicated: two places agree equally, nothing tells them apart.
    const p = EN[2]!;
    const before = doc(EN[0]!, p, EN[1]!);
    const after = doc(EN[0]!, p, EN[1]!, p);
    const s = spanOn(before, '20%', 0);
    expect(anchorSpan(after, s, { position: null }).status).toBe('orphaned');
  });
});

describe('the margin between the best place and the next', () => {
  it('orphans a quote found twice with contexts edited about as much', () => {
    const sentence = 'Exports of new energy vehicles rose by 20% in the first quarter of the year, customs data showed.';
    const before = doc(EN[0]!, sentence, EN[3]!);
    // Two copies with about a quarter of each context changed (case only), differently:
    // they score within MARGIN of each other, and nothing but chance tells them apart.
    const copyA = 'Exports of nEW ENergy VEhicles rosE BY 20% IN tHE fIRST quarter of the year, customs data showed.';
    const copyB = 'ExpoRTS OF new energy VEHIcles rOSE by 20% in THE FIrst QUARter of the year, customs data showed.';
    const after = doc(EN[0]!, copyA, EN[3]!, copyB);
    const s = spanOn(before, '20%');
    expect(anchorSpan(after, s, { position: null }).status).toBe('orphaned');
    // With one copy only, the same quote is placed.
    const single = doc(EN[0]!, copyA, EN[3]!);
    expect(textAt(single, anchorSpan(single, s, { position: null }))).toBe('20%');
  });
});

describe('step 3: fuzzy', () => {
  it('follows a figure whose digits changed', () => {
    const before = doc(...EN);
    const after = before.replace('43.9%', '44.1%');
    const s = spanOn(before, '43.9%');
    const r = anchorSpan(after, s, { position: null });
    expect(r.status).toBe('fuzzy');
    expect(textAt(after, r)).toBe('44.1%');
  });

  it('keeps a long claim through small edits, boundaries on its own characters', () => {
    const claim = EN[1]!;
    const before = doc(...EN);
    const edited = claim.replace('output value', 'output volume').replace('designated size', 'designated scale');
    const after = doc('Note: figures revised.', EN[0]!, edited, EN[2]!, EN[3]!);
    const s = spanOn(before, claim);
    const [r] = anchorAll(before, after, [s]);
    expect(r!.status).toBe('fuzzy');
    expect(textAt(after, r!)).toBe(edited);
  });

  it('takes text inserted inside a span into it, and text inserted at its edge not', () => {
    const claim = 'Exports of new energy vehicles rose 20% in the first quarter';
    const before = doc(...EN);
    const inside = before.replace('new energy vehicles', 'new energy and hybrid vehicles');
    const s = spanOn(before, claim);
    const [r1] = anchorAll(before, inside, [s]);
    expect(textAt(inside, r1!)).toBe('Exports of new energy and hybrid vehicles rose 20% in the first quarter');
    const edge = before.replace('in the first quarter, and', 'in the first quarter of the year, and');
    const [r2] = anchorAll(before, edge, [s]);
    expect(textAt(edge, r2!)).toBe(claim);
  });

  it('orphans a span whose text changed beyond recognition', () => {
    const before = doc(...EN);
    const after = before.replace('43.9%', 'two fifths');
    const [r] = anchorAll(before, after, [spanOn(before, '43.9%')]);
    expect(r!.status).toBe('orphaned');
  });
});

describe('deleted and moved text', () => {
  it('orphans a deleted span, keeping its offsets and quote, and never drops it', () => {
    const before = doc(...EN);
    const after = doc(EN[0]!, EN[2]!, EN[3]!);
    const spans = [spanOn(before, '43.9%'), spanOn(before, 'strategic emerging industries'), spanOn(before, 'lithium batteries')];
    const out = reanchorSpans(before, after, spans);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ ...spans[0], orphaned: true });
    expect(out[1]).toEqual({ ...spans[1], orphaned: true });
    expect(out[2]!.orphaned).toBeUndefined();
    expect(textAt(after, out[2]!)).toBe('lithium batteries');
  });

  it('orphans a deleted "20%" rather than move it onto another "20%"', () => {
    const before = doc(...EN);
    const after = before.replace(', and exports of lithium batteries rose 20% as well', '');
    const spans = [spanOn(before, '20%', 0), spanOn(before, '20%', 1)];
    const [kept, deleted] = anchorAll(before, after, spans);
    expect([kept!.start, kept!.end]).toEqual(placeOf(after, '20%', 0));
    expect(deleted!.status).toBe('orphaned');
    // Without the old text as well.
    expect(anchorSpan(after, spans[1]!, { position: spans[1]!.start }).status).toBe('orphaned');
  });

  it('finds the spans of a moved paragraph where it went: moved', () => {
    const before = doc(...EN);
    const after = doc(EN[0]!, EN[2]!, EN[3]!, EN[1]!);
    const spans = [spanOn(before, 'In 2023'), spanOn(before, '43.9%'), spanOn(before, EN[1]!), spanOn(before, 'Shanghai')];
    const results = anchorAll(before, after, spans);
    expect(results.map((r) => r.status)).toEqual(['moved', 'moved', 'moved', 'exact']);
    expect(results.map((r) => textAt(after, r))).toEqual(['In 2023', '43.9%', EN[1], 'Shanghai']);
    expect([results[1]!.start, results[1]!.end]).toEqual(placeOf(after, '43.9%'));
  });

  it('brings an orphaned span back when its text returns', () => {
    const v1 = doc(...EN);
    const v2 = doc(EN[0]!, EN[2]!, EN[3]!);
    const [orphan] = reanchorSpans(v1, v2, [spanOn(v1, '43.9%')]);
    expect(orphan!.orphaned).toBe(true);
    const [back] = reanchorSpans(v2, v1, [orphan!]);
    expect(back!.orphaned).toBeUndefined();
    expect([back!.start, back!.end]).toEqual(placeOf(v1, '43.9%'));
  });
});

describe('the round trip (old text at hand)', () => {
  it('does not move a deleted phrase onto a look-alike in another sentence', () => {
    const a = 'We must thoroughly implement the innovation-driven development strategy, firmly grasp the lifeblood of science.';
    const b = 'The cadres implemented the innovation-driven development strategy in depth and cultivated new momentum.';
    const before = doc(EN[0]!, a, EN[2]!, b);
    const after = doc(EN[0]!, 'We must grasp the lifeblood of science.', EN[2]!, b);
    const [r] = anchorAll(before, after, [spanOn(before, 'innovation', 0)]);
    expect(r!.status).toBe('orphaned');
    const [other] = anchorAll(before, after, [spanOn(before, 'innovation', 1)]);
    expect(textAt(after, other!)).toBe('innovation');
  });
});

describe('Chinese text', () => {
  it('re-anchors Chinese spans after an insertion, a substitution and a move', () => {
    const before = doc(...ZH);
    const after = doc(ZH[2]!, '新华社上海3月5日电', ZH[0]!.replace('40余项', '50余项'), ZH[1]!);
    const spans = [spanOn(before, '2623.9亿元'), spanOn(before, '上海', 0), spanOn(before, '40余项'), spanOn(before, '4.4亿票'), spanOn(before, ZH[1]!)];
    const results = anchorAll(before, after, spans);
    expect(results.map((r) => textAt(after, r))).toEqual(['2623.9亿元', '上海', '50余项', '4.4亿票', ZH[1]]);
    expect(results[2]!.status).toBe('fuzzy');
    // The first "上海" of the old text opens ZH[0], now after two paragraphs that have one each.
    expect([results[1]!.start, results[1]!.end]).toEqual(placeOf(after, '上海', 2));
  });

  it('tells the repeated "上海" of one sentence apart', () => {
    const before = doc(...ZH);
    const after = doc('前言。', ...ZH);
    for (const n of [0, 1, 2, 3]) {
      const r = anchorSpan(after, spanOn(before, '上海', n), { oldLength: before.length });
      expect([r.start, r.end], `occurrence ${n}`).toEqual(placeOf(after, '上海', n));
    }
  });
});

describe('astral characters', () => {
  const P = 'Lantern Festival Draws Record Crowds 🎉 to the Riverside';
  const Q = 'Vendors from the old town of 𠀀𠀁 village sold about 30,000 handmade lanterns 🪔 in the market.';

  it('counts offsets in code points: an emoji inserted before a span shifts it by one', () => {
    const before = doc(P, Q);
    const after = doc(P, '🏮 ' + Q);
    const s = spanOn(before, '30,000');
    const [r] = anchorAll(before, after, [s]);
    expect(r!.start - s.start).toBe(2);
    expect(textAt(after, r!)).toBe('30,000');
  });

  it('places spans made of astral characters, exactly and fuzzily', () => {
    const before = doc(P, Q);
    const after = doc('Riverside news 🎉', P, Q.replace('𠀀𠀁', '𠀀𠀂'));
    const spans = [spanOn(before, '𠀀𠀁 village'), spanOn(before, 'lanterns 🪔'), spanOn(before, '🎉')];
    const results = anchorAll(before, after, spans);
    expect(results.map((r) => textAt(after, r))).toEqual(['𠀀𠀂 village', 'lanterns 🪔', '🎉']);
    expect([results[2]!.start, results[2]!.end]).toEqual(placeOf(after, '🎉', 1));
    // Offsets agree with Python's text[start:end]: count code points, not UTF-16 units.
    expect(results[1]!.end - results[1]!.start).toBe(10);
  });
});

describe('edges and odd input', () => {
  it('re-anchors spans at the very start and end of the text', () => {
    const before = doc(...EN);
    const after = before.replace('Shanghai has built', 'Shanghai has built and planned').replace('reach 50.2.', 'reach 50.2 by 2025.');
    const first = spanOn(before, 'Shanghai', 0);
    const last = spanOn(before, '50.2');
    const [a, b] = anchorAll(before, after, [first, last]);
    expect([a!.start, a!.end]).toEqual([0, 8]);
    expect(textAt(after, b!)).toBe('50.2');
  });

  it('orphans a span with an empty quote', () => {
    expect(anchorSpan('some text', { start: 0, end: 0, quote: { exact: '', prefix: '', suffix: 'some' } }).status).toBe('orphaned');
  });

  it('accepts a prepared text for many spans', () => {
    const text = doc(...EN);
    const prepared = new AnchorText(text);
    expect(anchorSpan(prepared, spanOn(text, 'GDP')).status).toBe('exact');
  });

  it('re-anchors stored spans as they are typed, code-point offsets and all', () => {
    const before = doc(...ZH);
    const after = '【新华社】' + before;
    const t = spanOn(before, '4.4亿票');
    const span: Span = {
      id: 's1', docId: 'sha256:x', annotator: 'alice', label: 'FIGURE', start: t.start as CodePoint, end: t.end as CodePoint,
      attrs: { value: 440000000, unit: '票' }, quote: t.quote, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    };
    const [out] = reanchorSpans<Span>(before, after, [span]);
    expect(out!.start - span.start).toBe(5);
    expect(out!.quote.exact).toBe('4.4亿票');
    expect(out!.quote.prefix.endsWith('跨境电商出口申报')).toBe(true);
  });

  it('keeps every field of the span it does not own', () => {
    const before = doc(...EN);
    const after = 'Intro. ' + before;
    const span = { ...spanOn(before, 'GDP'), label: 'ORG', attrs: { canonical: 'x' } };
    const [out] = reanchorSpans(before, after, [span]);
    expect(out).toMatchObject({ id: 'GDP#0', label: 'ORG', attrs: { canonical: 'x' } });
    expect(textAt(after, out!)).toBe('GDP');
  });
});
