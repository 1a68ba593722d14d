// What validate must see that JSON.parse hides: offsets written 17.0 or 1.7e1, lone surrogate escapes, and labels
// with tabs or line breaks (CoNLL and brat write labels in columns).

import { describe, expect, it } from 'vitest';
import { buildCorpus, sha256Hex } from '../../../test/fixtures/format/corpus';
import { NativeValidator } from './validate';
import { nonIntegerOffsetProblems } from './written-numbers';

const line = buildCorpus().find((l) => l.annotator === 'alice' && l.source === 'social/berlin.txt')!;
const raw = JSON.stringify(line);

function errors(text: string): string[] {
  return new NativeValidator({ sha256Hex })
    .checkText(text, 1)
    .filter((p) => p.severity === 'error')
    .map((p) => p.message);
}

describe('validate reads numbers as written', () => {
  it('accepts the corpus line as it is', () => {
    expect(errors(raw)).toEqual([]);
  });

  it.each(['.0', 'e0', 'E0', '.00e0'])('refuses an offset written with %s (Python reads a float)', (suffix) => {
    const start = line.spans[0]!.start;
    const bad = raw.replace(`"start":${start},`, `"start":${start}${suffix},`);
    expect(bad).not.toBe(raw);
    expect(errors(bad)).toEqual([expect.stringMatching(new RegExp(`spans\\[0\\]\\.start: written ${start}${suffix.replace('.', '\\.')}, not as an integer`))]);
  });

  it('refuses 1.7e1 for 17', () => {
    expect(nonIntegerOffsetProblems('{"spans":[{"id":"a","start":1.7e1,"end":20}]}')).toEqual([expect.stringMatching(/spans\[0\]\.start: written 1\.7e1/)]);
  });

  it('leaves attribute values and other keys called start alone', () => {
    expect(nonIntegerOffsetProblems('{"spans":[{"start":1,"end":2,"attrs":{"start":1.5,"end":2e3}}],"x":{"start":1.0}}')).toEqual([]);
    expect(nonIntegerOffsetProblems('{"text":"\\"start\\": 1.0","spans":[]}')).toEqual([]);
  });

  it('refuses a lone surrogate escape in the text', () => {
    const bad = raw.replace('Firefighters', 'Fire\\ud83dfighters');
    const found = errors(bad);
    expect(found.some((m) => /^text: holds a lone surrogate/.test(m))).toBe(true);
  });

  it('accepts a surrogate pair written as escapes', () => {
    const text = 'x😀y';
    const ok = JSON.stringify({ ...line, text, doc_id: `sha256:${sha256Hex(text)}`, spans: [], relations: [] }).replace('😀', '\\ud83d\\ude00');
    expect(errors(ok)).toEqual([]);
  });

  it.each(['OR\tG', 'OR\nG', 'ORG\u2028', 'OR\u000bG'])('refuses a label with a tab or line break (%j)', (label) => {
    const bad = JSON.stringify({ ...line, spans: line.spans.map((s, i) => (i === 0 ? { ...s, label } : s)) });
    expect(errors(bad)).toEqual([expect.stringMatching(/spans\[0\]\.label: must not hold a tab or a line break/)]);
  });
});
