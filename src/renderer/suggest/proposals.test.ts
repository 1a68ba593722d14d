// The proposals worker's work without a Worker: three stages in packed pages, entities for any length, a newer find stopping an older one,
// the lexicon's ids, and a text's figures sent once.

import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../core/suggest/dictionary';
import { ProposalsClient, type ProposalsPort } from './proposals-client';
import { PAGE_SIZE, ProposalEngine, type ProposalStage, type ProposalsReply, type ProposalsRequest, type TextSuggestion } from './proposals-protocol';

/** A client wired to an engine in the same thread, replies delivered as messages (asynchronously). */
function wired(): { client: ProposalsClient; replies: ProposalsReply[] } {
  const replies: ProposalsReply[] = [];
  const port: ProposalsPort = {
    onmessage: null,
    postMessage: (req: ProposalsRequest) => void engine.handle(structuredClone(req)),
  };
  const engine = new ProposalEngine((r) => {
    replies.push(r);
    queueMicrotask(() => port.onmessage?.({ data: structuredClone(r) } as MessageEvent<ProposalsReply>));
  });
  return { client: new ProposalsClient(port), replies };
}

function findAll(client: ProposalsClient, text: string, dictionary: Dictionary): Promise<Record<ProposalStage, TextSuggestion[]>> {
  return new Promise((resolve) => {
    const got: Partial<Record<ProposalStage, TextSuggestion[]>> = {};
    client.find(text, dictionary, [], (stage, items) => {
      got[stage] = items;
      if (got.figures && got.lexicon && got.entities) resolve(got as Record<ProposalStage, TextSuggestion[]>);
    });
  });
}

describe('the proposals worker', () => {
  it('sends figures, lexicon hits, then NLP entities beside the lexicon, with their texts', async () => {
    const { client } = wired();
    const text = 'Wang Lei of Fudan University said 300 robots arrived in Cixi.';
    const dictionary = new Dictionary([{ text: 'Fudan University', label: 'ORG', attrs: { canonical: 'fudan' } }]);
    const got = await findAll(client, text, dictionary);
    expect(got.lexicon.map((s) => [s.text, s.source, s.attrs.canonical ?? null])).toEqual([['Fudan University', 'lexicon', 'fudan']]);
    expect(got.figures.map((s) => [s.text, s.source, s.attrs.unit])).toEqual([['300 robots', 'parser', 'robots']]);
    expect(got.entities.map((s) => [s.text, s.label, s.source])).toEqual([['Wang Lei', 'PERSON', 'nlp'], ['Cixi', 'LOC', 'nlp']]);
  });

  it('tags a text of any length (here 300,000 characters), in pages no longer than PAGE_SIZE', async () => {
    const { client, replies } = wired();
    const para = 'Wang Lei of Fudan University said 300 robots arrived in Cixi.\n\n';
    const text = para.repeat(Math.ceil(300_000 / para.length));
    const got = await findAll(client, text, new Dictionary([]));
    const copies = Math.ceil(300_000 / para.length);
    expect(got.entities.filter((s) => s.text === 'Cixi')).toHaveLength(copies);
    expect(got.figures).toHaveLength(copies);
    for (const r of replies) if (r.type === 'page') expect(r.items.starts.length).toBeLessThanOrEqual(PAGE_SIZE);
    expect(replies.filter((r) => r.type === 'page' && r.stage === 'entities').length).toBeGreaterThan(1);
  }, 60_000);

  it('a newer find queued behind an older one stops it (no entities from the older); the newer one delivers', async () => {
    const { client } = wired();
    const para = 'Chen Hong arrived in Cixi.\n\n';
    const text = para.repeat(6000);
    const older: ProposalStage[] = [];
    client.find(text, new Dictionary([]), [], (stage) => older.push(stage));
    const got = await findAll(client, text, new Dictionary([{ text: 'Chen Hong', label: 'PERSON', attrs: { canonical: 'chen-hong' } }]));
    expect(older).not.toContain('entities');
    expect(got.lexicon.filter((s) => s.source === 'lexicon')).toHaveLength(6000);
    // The lexicon names every Chen Hong: the NLP proposals give way to it.
    expect(got.entities.map((s) => s.text)).toEqual(Array(6000).fill('Cixi'));
  }, 60_000);

  it('a find started while the worker tags blocks stops the older at its next block; the older keeps what it delivered', async () => {
    const { client } = wired();
    const text = 'Chen Hong arrived in Cixi.\n\n'.repeat(6000);
    const older: ProposalStage[] = [];
    const olderBase = new Promise<void>((resolve) => client.find(text, new Dictionary([]), [], (stage) => (older.push(stage), resolve())));
    await olderBase;
    const got = await findAll(client, text, new Dictionary([]));
    expect(older).toEqual(['figures', 'lexicon']);
    expect(got.entities.filter((s) => s.text === 'Cixi')).toHaveLength(6000);
  }, 60_000);

  it('a second find of the same text (a new lexicon) gets the figures it had, not from the worker again', async () => {
    const { client, replies } = wired();
    const text = 'Li Ming said output rose 43.9% to 2623.9亿元 in 𠀀Cixi.';
    const first = await findAll(client, text, new Dictionary([]));
    expect(first.figures.map((s) => s.text)).toEqual(['43.9%', '2623.9亿元']);
    const pagesBefore = replies.length;
    const second = await findAll(client, text, new Dictionary([{ text: 'Cixi', label: 'LOC', attrs: {} }]));
    expect(second.figures).toBe(first.figures);
    expect(replies.slice(pagesBefore).some((r) => r.type === 'page' && r.stage === 'figures')).toBe(false);
    // Offsets past a character outside the BMP: the text is cut at UTF-16 offsets, the range is in code points.
    const cixi = second.lexicon.find((s) => s.text === 'Cixi')!;
    expect([...text].slice(cixi.start, cixi.end).join('')).toBe('Cixi');
  });

  it('a new text gets its own figures', async () => {
    const { client } = wired();
    await findAll(client, 'Sales rose 12%.', new Dictionary([]));
    const other = await findAll(client, 'Sales fell 7 tonnes.', new Dictionary([]));
    expect(other.figures.map((s) => s.text)).toEqual(['7 tonnes']);
  });
});
