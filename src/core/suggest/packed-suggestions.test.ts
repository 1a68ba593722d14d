// Packed suggestions and spans come back as they were, texts cut at the right UTF-16 offsets, repeated strings shared.

import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../model/offsets';
import { SharedStrings } from '../model/shared-strings';
import type { CodePoint } from '../model/types';
import { detectFigures } from './figures';
import { packedBuffers, packSpans, packSuggestions, unpackSpans, unpackSuggestions } from './packed-suggestions';
import { makeSuggestion, type Suggestion } from './suggestions';

const text = '𠀀 Output rose 43.9% to 2623.9亿元; 𝟘 Wang Lei visited Cixi.';
const map = new OffsetMap(text);
const toUtf16 = (cp: number) => map.toUtf16(cp as CodePoint);
const cp = (s: string) => [...text.slice(0, text.indexOf(s))].length as CodePoint;

describe('packed suggestions', () => {
  const figures = detectFigures(text, { map });
  const entity = makeSuggestion('entity', 'PERSON', cp('Wang'), (cp('Wang') + 8) as CodePoint, { canonical: 'wang-lei' }, 0.7);
  const bare: Suggestion = { key: 'entity:LOC:1:2', kind: 'entity', label: 'LOC', start: cp('Cixi'), end: (cp('Cixi') + 4) as CodePoint, attrs: {} };
  const all = [...figures, entity, { ...bare, key: `entity:LOC:${bare.start}:${bare.end}` }];

  it('unpack gives back every field, and each text from the document', () => {
    const got = unpackSuggestions(structuredClone(packSuggestions(all, toUtf16)), text);
    expect(got).toEqual(all.map((s) => ({ ...s, text: [...text].slice(s.start, s.end).join('') })));
    expect(got.map((s) => s.text)).toEqual(['43.9%', '2623.9亿元', 'Wang Lei', 'Cixi']);
  });

  it('a suggestion without source or score stays without them', () => {
    const [got] = unpackSuggestions(packSuggestions([{ ...bare, key: `entity:LOC:${bare.start}:${bare.end}` }], toUtf16), text);
    expect(got!.source).toBeUndefined();
    expect(got!.score).toBeUndefined();
  });

  it('names and attribute strings go through the shared table; a suggestion without attributes gets no object of its own', () => {
    const shared = new SharedStrings();
    unpackSuggestions(structuredClone(packSuggestions(figures, toUtf16)), text, shared);
    const afterOne = shared.size;
    expect(afterOne).toBeGreaterThanOrEqual(5); // figure, FIGURE, parser, the units, 'none'
    const [a, b] = unpackSuggestions(structuredClone(packSuggestions([bare, bare], toUtf16)), text, shared);
    expect(shared.size).toBe(afterOne + 2); // entity, LOC
    expect(a!.attrs).toBe(b!.attrs);
  });

  it('hands over its buffers: after a transfer the sender has empty arrays', () => {
    const p = packSuggestions(all, toUtf16);
    const moved = structuredClone(p, { transfer: packedBuffers(p) });
    expect(p.starts.length).toBe(0);
    expect(unpackSuggestions(moved, text)).toHaveLength(all.length);
  });

  it('an empty list packs and unpacks', () => {
    expect(unpackSuggestions(packSuggestions([], toUtf16), text)).toEqual([]);
  });

  it('spans pack and unpack with their labels, each label stored once', () => {
    const spans = [
      { start: 0, end: 4, label: 'ORG' },
      { start: 2, end: 9, label: 'CLAIM' },
      { start: 5, end: 6, label: 'ORG' },
    ];
    const p = structuredClone(packSpans(spans));
    expect(p.labels).toEqual(['ORG', 'CLAIM']);
    expect(unpackSpans(p)).toEqual(spans);
  });
});
