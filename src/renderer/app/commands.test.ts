import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../core/model/offsets';
import { DEFAULT_SCHEMA } from '../../core/model/schema';
import type { CodePoint, Span } from '../../core/model/types';
import type { DocSuggestion } from './assist';
import { acceptSuggestions, createSpan, resizeByCharacter, resizeByWord, setAttr, shrinkToInside, type SessionReading } from './commands';

const TEXT = 'Exports reached more than 9,000 textile enterprises and 2623.9亿元 last year.';
const map = new OffsetMap(TEXT);

function at(s: string): { start: CodePoint; end: CodePoint } {
  const u = TEXT.indexOf(s);
  return { start: map.toCodePoint(u as never), end: map.toCodePoint((u + s.length) as never) };
}

function reading(spans: Span[], selectedId?: string): SessionReading {
  return {
    docId: 'd', annotator: 'alice', text: TEXT, map, spans, relations: [],
    selected: spans.find((s) => s.id === selectedId), span: (id) => spans.find((s) => s.id === id),
  };
}

function figure(s: string): Span {
  const cmd = createSpan(reading([]), DEFAULT_SCHEMA, 'FIGURE', at(s), true)!;
  return cmd.change.putSpans![0]!;
}

const textOf = (s: Span) => Array.from(TEXT).slice(s.start, s.end).join('');

describe('commands', () => {
  it('re-reads a FIGURE’s value and unit when its boundaries move', () => {
    const fig = figure('9,000 textile');
    expect(fig.attrs.value).toBe(9000);
    const moved = resizeByWord(reading([fig], fig.id), DEFAULT_SCHEMA, 'end', 1)!.change.putSpans![0]!;
    expect(textOf(moved)).toBe('9,000 textile enterprises');
    expect(moved.attrs).toMatchObject({ value: 9000, unit: 'textile enterprises' });
    expect(moved.quote.exact).toBe('9,000 textile enterprises');
  });

  it('keeps attributes the annotator edited by hand when the boundaries move', () => {
    const parsed = figure('2623.9亿');
    const valued = setAttr(parsed, 'value', 1, DEFAULT_SCHEMA).change.putSpans![0]!;
    const fig = setAttr(valued, 'unit', 'mine', DEFAULT_SCHEMA).change.putSpans![0]!;
    expect(fig.attrs.edited).toBe('unit,value');
    const moved = resizeByCharacter(reading([fig], fig.id), DEFAULT_SCHEMA, 'end', 1)!.change.putSpans![0]!;
    expect(textOf(moved)).toBe('2623.9亿元');
    expect(moved.attrs).toMatchObject({ value: 1, unit: 'mine', approx: parsed.attrs.approx, edited: 'unit,value' });
  });

  it('re-parses stale figure attributes that carry no hand-edit mark', () => {
    const fig = { ...figure('2623.9亿'), attrs: { value: 1, unit: 'stale', approx: 'exact' } };
    const moved = resizeByCharacter(reading([fig], fig.id), DEFAULT_SCHEMA, 'end', 1)!.change.putSpans![0]!;
    expect(moved.attrs.value).toBe(262390000000);
    expect(moved.attrs.unit).not.toBe('stale');
  });

  it('refuses a move that would empty the span', () => {
    const fig = figure('9');
    expect(resizeByCharacter(reading([fig], fig.id), DEFAULT_SCHEMA, 'end', -1)).toBeNull();
  });

  it('shrinks a span to the suggestion of its label inside it', () => {
    const wide = figure('more than 9,000 textile enterprises and');
    const inner = at('9,000 textile enterprises');
    const proposals = [{ label: 'ORG', ...at('textile') }, { label: 'FIGURE', ...inner }];
    const shrunk = shrinkToInside(reading([wide], wide.id), DEFAULT_SCHEMA, proposals)!.change.putSpans![0]!;
    expect(textOf(shrunk)).toBe('9,000 textile enterprises');
    expect(shrinkToInside(reading([shrunk], shrunk.id), DEFAULT_SCHEMA, proposals)).toBeNull();
  });

  it('copies a suggestion’s attributes (an entity’s canonical id) into the accepted span', () => {
    const s: DocSuggestion = { key: 'dictionary:ORG:0:7', kind: 'dictionary', label: 'ORG', ...at('Exports'), attrs: { canonical: 'org:exports' }, text: 'Exports' };
    const span = acceptSuggestions(reading([]), [s])!.change.putSpans![0]!;
    expect(span.attrs).toEqual({ canonical: 'org:exports' });
    expect(span.quote.exact).toBe('Exports');
  });
});
