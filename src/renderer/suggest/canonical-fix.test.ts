// An accepted NLP entity gets the lexicon's canonical id whether the lexicon knew the name before, at or after the accept.

import { describe, expect, it } from 'vitest';
import type { CodePoint, Span } from '../../core/model/types';
import { Dictionary } from '../../core/suggest/dictionary';
import { makeSuggestion } from '../../core/suggest/suggestions';
import { acceptedWithoutCanonical, canonicalFix, type CanonicalTarget } from './canonical-fix';
import { OpenTracker } from './open-tracker';

const cp = (n: number) => n as CodePoint;

function span(id: string, label: string, start: number, end: number, exact: string, attrs: Span['attrs'] = {}): Span {
  return { id, docId: 'd', annotator: 'a', label, start: cp(start), end: cp(end), attrs, quote: { exact, prefix: '', suffix: '' }, createdAt: '', updatedAt: '' } as Span;
}

function session(spans: Span[]): CanonicalTarget & { updates: string[] } {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const updates: string[] = [];
  return {
    updates,
    span: (id) => byId.get(id),
    updateSpan: (label, s) => {
      updates.push(`${label}:${s.id}:${String(s.attrs.canonical)}`);
      byId.set(s.id, s);
    },
  };
}

describe('canonical ids for accepted NLP entities', () => {
  const text = 'Researchers at Fudan University said so.';
  const nlp = makeSuggestion('entity', 'ORG', cp(15), cp(31), {});
  const accepted = span('s1', 'ORG', 15, 31, 'Fudan University');

  it('a span made from an NLP proposal without an id is pending; one from a figure or with an id is not', () => {
    const tracker = new OpenTracker([nlp, makeSuggestion('figure', 'FIGURE', cp(0), cp(3), {})], [], new Set());
    tracker.build();
    expect(acceptedWithoutCanonical([accepted, span('s2', 'FIGURE', 0, 3, 'Res'), span('s3', 'ORG', 15, 31, 'Fudan University', { canonical: 'x' })], tracker)).toEqual(['s1']);
    void text;
  });

  it('a span made from a lexicon hit read before the id was given is pending too', () => {
    // The lexicon was read between the label key and the id's Enter: its hit has the name and no id.
    const stale = makeSuggestion('dictionary', 'ORG', cp(15), cp(31), {});
    const tracker = new OpenTracker([stale], [], new Set());
    tracker.build();
    expect(acceptedWithoutCanonical([accepted], tracker)).toEqual(['s1']);
    const s = session([accepted]);
    canonicalFix(s, new Dictionary([{ text: 'Fudan University', label: 'ORG', attrs: { canonical: 'fudan-university' } }]), new Set(['s1']));
    expect(s.updates).toEqual(['set canonical:s1:fudan-university']);
  });

  it('the lexicon read after the accept gives the id; a later lexicon does not set it twice', () => {
    const s = session([accepted]);
    const pending = new Set(['s1']);
    canonicalFix(s, new Dictionary([]), pending);
    expect(s.updates).toEqual([]);
    expect(pending.has('s1')).toBe(true);
    // The lexicon is read again: it now knows the name, with the id given in another document (a bare mention first).
    const lexicon = new Dictionary([{ text: 'Fudan University', label: 'ORG', attrs: {} }, { text: 'Fudan University', label: 'ORG', attrs: { canonical: 'fudan-university' } }]);
    canonicalFix(s, lexicon, pending);
    expect(s.updates).toEqual(['set canonical:s1:fudan-university']);
    canonicalFix(s, lexicon, new Set(['s1']));
    expect(s.updates).toHaveLength(1);
    expect(pending.size).toBe(0);
  });

  it('a span gone before the lexicon came is forgotten', () => {
    const pending = new Set(['gone']);
    canonicalFix(session([]), new Dictionary([{ text: 'Fudan University', label: 'ORG', attrs: { canonical: 'f' } }]), pending);
    expect(pending.size).toBe(0);
  });
});
