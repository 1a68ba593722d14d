import { describe, expect, it } from 'vitest';
import type { TrainingDoc } from '../../core/suggest/learn/span-model';
import { CHART, curveCaption, curveRows, seriesPath } from './learning-curve-view';
import { ModelClient, type ModelPort } from './model-client';
import { handleModelRequest, type ModelReply, type ModelRequest, type ModelWorkerState } from './model-protocol';

const names = [['Wang Lei', 'Meridian Bank', 'Ningbo'], ['Chen Hong', 'Aurora Semiconductor', 'Hefei'], ['Grace Liu', 'Fudan University', 'Busan'], ['Omar Haddad', 'Pacific Rail Group', 'Cixi']];
function doc([p, o, l]: string[]): TrainingDoc {
  const text = `${p} of ${o} said exports from ${l} rose.`;
  const cp = (s: string) => [...text.slice(0, text.indexOf(s))].length;
  return { text, spans: [[p!, 'PERSON'], [o!, 'ORG'], [l!, 'LOC']].map(([s, label]) => ({ start: cp(s!), end: cp(s!) + [...s!].length, label: label! })) };
}

/** A port that answers like the worker, asynchronously, through the same handler. */
function fakeWorker(): ModelPort {
  const state: ModelWorkerState = { model: null };
  const port: ModelPort = {
    onmessage: null,
    postMessage(req: ModelRequest) {
      const reply = handleModelRequest(state, structuredClone(req));
      setTimeout(() => port.onmessage?.({ data: structuredClone(reply) } as MessageEvent<ModelReply>));
    },
  };
  return port;
}

describe('model worker protocol', () => {
  it('suggests nothing before training, then the learned labels, through structured-clone messages', async () => {
    const client = new ModelClient(fakeWorker());
    expect(await client.suggest('Wang Lei of Meridian Bank said.')).toEqual([]);
    expect(await client.train(names.slice(0, 3).map(doc))).toBe(3);
    const got = await client.suggest(doc(names[3]!).text);
    expect(got.map((s) => s.label)).toEqual(['PERSON', 'ORG', 'LOC']);
    expect(got.every((s) => s.source === 'model' && (s.score ?? 0) > 0)).toBe(true);
  });

  it('answers a bad request with an error reply, never a throw', () => {
    const reply = handleModelRequest({ model: null }, { type: 'train', id: 7, docs: [{ text: 'x', spans: [{ start: 0, end: 5, label: 'ORG' }] }], labels: ['ORG'] });
    expect(reply.type === 'trained' || reply.type === 'error').toBe(true);
    const bad = handleModelRequest({ model: null }, { type: 'curve', id: 8, docs: null as unknown as TrainingDoc[] });
    expect(bad).toMatchObject({ type: 'error', id: 8 });
  });

  it('computes the learning curve in the worker', async () => {
    const client = new ModelClient(fakeWorker());
    const points = await client.curve([...names, ...names].map(doc), [1, 4]);
    expect(points.map((p) => p.documents)).toEqual([1, 4]);
    expect(points[1]!.recall).toBeGreaterThanOrEqual(points[0]!.recall);
  });
});

describe('LearningCurve view', () => {
  const points = [
    { documents: 1, precision: 0.5, recall: 0.25, f1: 0.33, predicted: 4, gold: 8 },
    { documents: 4, precision: 0.9, recall: 0.8, f1: 0.85, predicted: 8, gold: 9 },
  ];
  it('captions the last point and lists every point', () => {
    expect(curveCaption(points)).toBe('Model suggestions after 4 documents: precision 90%, recall 80%');
    expect(curveRows(points)).toEqual([
      { documents: 1, precision: '50%', recall: '25%' },
      { documents: 4, precision: '90%', recall: '80%' },
    ]);
  });
  it('draws each series inside the chart, documents on x and the ratio on y', () => {
    const d = seriesPath(points, (p) => p.precision);
    const coords = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(coords).toHaveLength(2);
    for (const [x, y] of coords) {
      expect(x).toBeGreaterThanOrEqual(CHART.pad);
      expect(x).toBeLessThanOrEqual(CHART.width - CHART.pad);
      expect(y).toBeGreaterThanOrEqual(CHART.pad);
      expect(y).toBeLessThanOrEqual(CHART.height - CHART.pad);
    }
    expect(coords[1]![0]).toBe(CHART.width - CHART.pad);
    expect(coords[1]![1]).toBeLessThan(coords[0]![1]!);
  });
  it('says when there is nothing to show yet', () => {
    expect(curveCaption([])).toContain('label two documents');
    expect(curveCaption(null)).toContain('computing');
  });
});
