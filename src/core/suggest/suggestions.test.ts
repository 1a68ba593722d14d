// The suggestion model: stable keys and the merge that drops done, rejected and repeated proposals.

import { describe, expect, it } from 'vitest';
import type { CodePoint } from '../model/types';
import { suggestForDocument } from './index';
import { Dictionary } from './dictionary';
import { makeSuggestion, mergeSorted, mergeSuggestions, parseSuggestionKey, suggestionKey } from './suggestions';

const cp = (n: number) => n as CodePoint;

describe('suggestions', () => {
  it('keys by kind, label and range', () => {
    expect(suggestionKey('figure', 'FIGURE', 3, 6)).toBe('figure:FIGURE:3:6');
    expect(makeSuggestion('dictionary', 'ORG', cp(1), cp(4), {}).key).toBe('dictionary:ORG:1:4');
  });

  it('merges sorted, dropping existing spans, rejected keys and repeats (earlier list wins)', () => {
    const fig = makeSuggestion('figure', 'FIGURE', cp(10), cp(13), { value: 20 });
    const fig2 = makeSuggestion('figure', 'FIGURE', cp(0), cp(3), { value: 1 });
    const done = makeSuggestion('figure', 'FIGURE', cp(20), cp(25), {});
    const dictSame = makeSuggestion('dictionary', 'FIGURE', cp(10), cp(13), {});
    const dictOrg = makeSuggestion('dictionary', 'ORG', cp(10), cp(13), {});
    const rejected = makeSuggestion('dictionary', 'LOC', cp(30), cp(32), {});
    const out = mergeSuggestions([[fig, done, fig2], [dictSame, dictOrg, rejected]], {
      spans: [{ start: 20, end: 25, label: 'FIGURE' }],
      rejected: new Set([rejected.key]),
    });
    expect(out.map((s) => s.key)).toEqual(['figure:FIGURE:0:3', 'figure:FIGURE:10:13', 'dictionary:ORG:10:13']);
    expect(out[1]!.attrs).toEqual({ value: 20 });
  });

  it('suggests figures and dictionary hits for one document', () => {
    const text = 'Chint Electric sells to more than 140 countries and regions.';
    const dictionary = new Dictionary([{ text: 'Chint Electric', label: 'ORG' }]);
    const all = suggestForDocument(text, { dictionary });
    expect(all.map((s) => [s.kind, s.label, s.start, s.end])).toEqual([
      ['dictionary', 'ORG', 0, 14],
      ['figure', 'FIGURE', 34, 59],
    ]);
    const left = suggestForDocument(text, { dictionary, spans: [{ start: 0, end: 14, label: 'ORG' }], rejected: new Set(['figure:FIGURE:34:59']) });
    expect(left).toEqual([]);
  });
});

describe('parseSuggestionKey', () => {
  it('reads back the label and range of every kind of key, and refuses anything else', () => {
    expect(parseSuggestionKey(suggestionKey('figure', 'FIGURE', 3, 9))).toEqual({ start: 3, end: 9, label: 'FIGURE' });
    expect(parseSuggestionKey(suggestionKey('model', 'ORG', 0, 12))).toEqual({ start: 0, end: 12, label: 'ORG' });
    expect(parseSuggestionKey('dictionary:MY:LABEL:1:2')).toEqual({ start: 1, end: 2, label: 'MY:LABEL' });
    for (const bad of ['', 'figure:FIGURE:9:3', 'other:ORG:1:2', 'figure:FIGURE:a:b', 'figure:FIGURE:1']) expect(parseSuggestionKey(bad)).toBeNull();
  });
});

describe('mergeSorted', () => {
  it('merges sorted lists linearly, the earlier list winning on the same label and range, as mergeSuggestions does', () => {
    const a = [makeSuggestion('figure', 'FIGURE', cp(0), cp(3), { value: 1 }), makeSuggestion('dictionary', 'ORG', cp(10), cp(15), {})];
    const b = [makeSuggestion('entity', 'FIGURE', cp(0), cp(3), {}), makeSuggestion('entity', 'ORG', cp(5), cp(8), {}), makeSuggestion('entity', 'ORG', cp(10), cp(15), {})];
    const c = [makeSuggestion('model', 'PERSON', cp(20), cp(22), {})];
    const got = mergeSorted([a, b, c]);
    expect(got.map((s) => s.key)).toEqual(mergeSuggestions([a, b, c]).map((s) => s.key));
    expect(got.map((s) => s.kind)).toEqual(['figure', 'entity', 'dictionary', 'model']);
  });
});
