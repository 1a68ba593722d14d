// The proposals worker's work without a Worker: two stages in pages, entities for any length, a newer find stopping an older one, the lexicon's ids.

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
      if (got.base && got.entities) resolve(got as Record<ProposalStage, TextSuggestion[]>);
    });
  });
}

describe('the proposals worker', () => {
  it('sends figures and lexicon hits, then NLP entities beside the lexicon, with their texts', async () => {
    const { client } = wired();
    const text = 'Wang Lei of Fudan University said 300 robots arrived in Cixi.';
    const dictionary = new Dictionary([{ text: 'Fudan University', label: 'ORG', attrs: { canonical: 'fudan' } }]);
    const got = await findAll(client, text, dictionary);
    expect(got.base.map((s) => [s.text, s.source, s.attrs.canonical ?? null])).toEqual([['Fudan University', 'lexicon', 'fudan'], ['300 robots', 'parser', null]]);
    expect(got.entities.map((s) => [s.text, s.label, s.source])).toEqual([['Wang Lei', 'PERSON', 'nlp'], ['Cixi', 'LOC', 'nlp']]);
  });

  it('tags a text of any length (here 300,000 characters), in pages no longer than PAGE_SIZE', async () => {
    const { client, replies } = wired();
    const para = 'Wang Lei of Fudan University said 300 robots arrived in Cixi.\n\n';
    const text = para.repeat(Math.ceil(300_000 / para.length));
    const got = await findAll(client, text, new Dictionary([]));
    const copies = Math.ceil(300_000 / para.length);
    expect(got.entities.filter((s) => s.text === 'Cixi')).toHaveLength(copies);
    expect(got.base).toHaveLength(copies);
    for (const r of replies) if (r.type === 'page') expect(r.items.length).toBeLessThanOrEqual(PAGE_SIZE);
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
    expect(got.base.filter((s) => s.source === 'lexicon')).toHaveLength(6000);
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
    expect(older).toEqual(['base']);
    expect(got.entities.filter((s) => s.text === 'Cixi')).toHaveLength(6000);
  }, 60_000);
});
