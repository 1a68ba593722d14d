// The two stages of a document's proposals: blocks that cover the text, entities in code points of the whole text, the lexicon's names and ids.

import { describe, expect, it } from 'vitest';
import { OffsetMap, sliceCodePoints } from '../model/offsets';
import { Dictionary } from './dictionary';
import { blockEntities, entitiesBesideLexicon, entityBlocks } from './document-proposals';
import { suggestEntities } from './entities';

describe('entityBlocks', () => {
  it('covers the text with whole paragraphs of at least the block size', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} about Wang Lei.`).join('\n\n');
    const blocks = entityBlocks(text, 200);
    expect(blocks[0]![0]).toBe(0);
    expect(blocks[blocks.length - 1]![1]).toBe(text.length);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]![0]).toBe(blocks[i - 1]![1]);
    for (const [a, b] of blocks.slice(0, -1)) {
      expect(b - a).toBeGreaterThanOrEqual(200);
      expect(text.slice(b - 1, b)).toBe('\n');
    }
    expect(entityBlocks('short')).toEqual([[0, 5]]);
  });
});

describe('blockEntities', () => {
  it('gives the same proposals, in code points of the whole text, as tagging each block alone', () => {
    const para = '😀 Wang Lei of Fudan University met officials in Cixi.';
    const text = [para, para, para].join('\n\n');
    const map = new OffsetMap(text);
    const got = entityBlocks(text, 60).flatMap((b) => blockEntities(text, b, map));
    expect(got.map((s) => sliceCodePoints(text, s.start, s.end))).toEqual(Array(3).fill(['Wang Lei', 'Fudan University', 'Cixi']).flat());
    expect(got.every((s) => s.source === 'nlp')).toBe(true);
    expect(got.slice(0, 3).map((s) => s.key)).toEqual(suggestEntities(para).map((s) => s.key));
  });
});

describe('entitiesBesideLexicon', () => {
  it('drops NLP proposals that overlap a lexicon entity hit and gives the others the canonical id the lexicon knows', () => {
    const text = 'Wang Lei of Fudan University met Chen Hong.';
    const map = new OffsetMap(text);
    const dictionary = new Dictionary([
      { text: 'Fudan', label: 'ORG', attrs: { canonical: 'fudan' } },
      { text: 'Chen Hong', label: 'PERSON', attrs: { canonical: 'chen-hong' } },
    ]);
    const nlp = blockEntities(text, [0, text.length], map);
    // The lexicon's hit on "Chen Hong" is not there (the annotator rejected it, say): the NLP proposal keeps the id.
    const hits = dictionary.find(text, { map }).filter((h) => h.label === 'ORG');
    const got = entitiesBesideLexicon(nlp, hits, dictionary, (s) => sliceCodePoints(text, s.start, s.end));
    expect(got.map((s) => [sliceCodePoints(text, s.start, s.end), s.attrs.canonical ?? null])).toEqual([['Wang Lei', null], ['Chen Hong', 'chen-hong']]);
  });
});
