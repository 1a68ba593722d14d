import { describe, expect, it } from 'vitest';
import { FEED_SLICE, OverlayFeed, type FeedPatch } from './overlay-feed';

/** A layer as the view holds it: keys to values, changed by patches (remove, then add by key). */
function held(): { map: Map<string, string>; applied: number; apply: (layer: string, p: FeedPatch<[string, string]>) => void } {
  const out = {
    map: new Map<string, string>(),
    applied: 0,
    apply: (_layer: string, p: FeedPatch<[string, string]>) => {
      out.applied++;
      for (const k of p.remove) out.map.delete(k);
      for (const [k, v] of p.add) out.map.set(k, v);
    },
  };
  return out;
}

const settle = async (feed: { busy: boolean }) => {
  while (feed.busy) await new Promise((r) => setTimeout(r));
};

describe('OverlayFeed', () => {
  it('applies a small patch at once', () => {
    const view = held();
    const feed = new OverlayFeed<string, [string, string]>(view.apply);
    feed.patch('s', { add: [['a', '1']], remove: [] });
    expect(view.map.get('a')).toBe('1');
  });

  it('cuts a large patch into slices, one per task, and ends where one big patch would', async () => {
    const view = held();
    const feed = new OverlayFeed<string, [string, string]>(view.apply);
    const first = Array.from({ length: 1000 }, (_, i) => [`k${i}`, 'old'] as [string, string]);
    feed.patch('s', { add: first, remove: [] });
    expect(view.map.size).toBe(0);
    await settle(feed);
    expect(view.map.size).toBe(1000);
    expect(view.applied).toBe(Math.ceil(1000 / FEED_SLICE));
    // Replacements (remove and add of one key) and a small patch queued behind a large one keep their order.
    feed.patch('s', { add: first.slice(0, 700).map(([k]) => [k, 'new'] as [string, string]), remove: first.slice(0, 900).map(([k]) => k) });
    feed.patch('s', { add: [['k1', 'latest']], remove: ['k2'] });
    await settle(feed);
    expect(view.map.size).toBe(799);
    expect(view.map.get('k1')).toBe('latest');
    expect(view.map.has('k2')).toBe(false);
    expect(view.map.get('k3')).toBe('new');
    expect(view.map.has('k800')).toBe(false);
    expect(view.map.get('k950')).toBe('old');
  });

  it('drops the waiting slices of a layer that gets a whole new list', async () => {
    const view = held();
    const feed = new OverlayFeed<string, [string, string]>(view.apply);
    feed.patch('s', { add: Array.from({ length: 1000 }, (_, i) => [`k${i}`, 'x'] as [string, string]), remove: [] });
    feed.drop('s');
    await new Promise((r) => setTimeout(r, 5));
    expect(view.applied).toBe(0);
  });
});
