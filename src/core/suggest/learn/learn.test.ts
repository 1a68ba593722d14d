import { describe, expect, it } from 'vitest';
import type { SpanLike } from '../suggestions';
import { shape } from './features';
import { doublingSteps, learningCurve } from './learning-curve';
import { Perceptron } from './perceptron';
import { SpanModel, toTrainingDoc, type TrainingDoc } from './span-model';
import { tokenize } from './tokens';

/** A document and the spans of each [text, label] it names, found by their first occurrence after the previous one. */
function doc(text: string, named: [string, string][]): TrainingDoc {
  const spans: SpanLike[] = [];
  let from = 0;
  for (const [name, label] of named) {
    const at = text.indexOf(name, from);
    if (at < 0) throw new Error(`"${name}" not in "${text}"`);
    spans.push({ start: [...text.slice(0, at)].length, end: [...text.slice(0, at + name.length)].length, label });
    from = at + name.length;
  }
  return { text, spans };
}

const PEOPLE = ['Wang Lei', 'Maria Okonkwo', 'Chen Hong', 'Daniel Reyes', 'Aiko Tanaka', 'Omar Haddad', 'Grace Liu', 'Samuel Osei'];
const ORGS = ['Fudan University', 'Meridian Bank', 'Zhejiang Seaport Group', 'Aurora Semiconductor', 'Tongji University', 'Pacific Rail Group', 'Crestline Robotics', 'Northwind Logistics'];
const PLACES = ['Ningbo', 'Rotterdam', 'Hefei', 'Busan', 'Gdansk', 'Cixi', 'Mombasa', 'Hamburg'];

function report(k: number): TrainingDoc {
  const p = PEOPLE[k % PEOPLE.length]!;
  const o = ORGS[(k * 3) % ORGS.length]!;
  const l = PLACES[(k * 5) % PLACES.length]!;
  return doc(`${p} of ${o} said exports from ${l} rose last year. The plan was approved, ${p} added.`, [[p, 'PERSON'], [o, 'ORG'], [l, 'LOC'], [p, 'PERSON']]);
}

describe('tokens and features', () => {
  it('segments English and Chinese lines and keeps punctuation, with UTF-16 offsets', () => {
    const text = 'Wang Lei, 研究员阮昊\n😀 ok';
    expect(tokenize(text).map((t) => [t.text, text.slice(t.start, t.end)]).every(([a, b]) => a === b)).toBe(true);
    expect(tokenize('Wang Lei, ok').map((t) => t.text)).toEqual(['Wang', 'Lei', ',', 'ok']);
  });
  it('gives word shapes', () => {
    expect([shape('Ascend'), shape('910B'), shape('阮昊'), shape('U.S.')]).toEqual(['Xx', 'dX', 'H', 'X.X.']);
  });
});

describe('Perceptron', () => {
  it('learns a separable rule and keeps it after averaging, and round-trips its state', () => {
    const p = new Perceptron(['O', 'A']);
    for (let epoch = 0; epoch < 5; epoch++) {
      for (const [f, t] of [[['x=1'], 'A'], [['x=0'], 'O']] as const) p.update(t, p.predict([...f]).tag, [...f]);
    }
    p.average();
    expect(p.predict(['x=1']).tag).toBe('A');
    expect(Perceptron.fromState(p.toState()).predict(['x=0']).tag).toBe('O');
  });
});

describe('SpanModel', () => {
  it('suggests spans of the annotator\'s labels in a document it has not seen, scored, from source model', () => {
    const model = SpanModel.train([0, 1, 2, 3, 4, 5].map(report));
    // A person and a place it never saw, in a context it did.
    const unseen = doc('Grace Liu of Meridian Bank said exports from Mombasa rose last year. The plan was approved, Grace Liu added.', [
      ['Grace Liu', 'PERSON'], ['Meridian Bank', 'ORG'], ['Mombasa', 'LOC'], ['Grace Liu', 'PERSON'],
    ]);
    const got = model.predict(unseen.text);
    expect(got.map((s) => [s.start, s.end, s.label])).toEqual(unseen.spans.map((s) => [s.start, s.end, s.label]));
    for (const s of got) {
      expect(s.source).toBe('model');
      expect(s.score).toBeGreaterThan(0.5);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(SpanModel.fromState(model.toState()).predict(unseen.text)).toEqual(got);
  });

  it('learns from rejected suggestions: a string it proposed and the annotator rejected is no longer proposed', () => {
    const docs = [0, 1, 2, 3].map(report);
    const before = SpanModel.train(docs);
    const text = 'Annual Report of the exports rose last year.';
    const wrong = before.predict(text);
    // Whatever it proposes here is wrong: the annotator rejects each, many times over documents.
    const rejectedDocs: TrainingDoc[] = Array.from({ length: 6 }, () => ({ text, spans: [], rejected: wrong.map((s) => ({ start: s.start, end: s.end, label: s.label })) }));
    const after = SpanModel.train([...docs, ...rejectedDocs]);
    const again = after.predict(text).filter((s) => wrong.some((w) => w.key === s.key));
    expect(again).toEqual([]);
    // And it still finds what it learned.
    expect(after.predict(report(6).text).length).toBeGreaterThan(0);
  });

  it('builds training documents from stored spans and rejected suggestion keys', () => {
    expect(toTrainingDoc('Wang Lei said.', [{ start: 0, end: 8, label: 'PERSON' }], ['entity:ORG:9:13', 'not a key'])).toEqual({
      text: 'Wang Lei said.',
      spans: [{ start: 0, end: 8, label: 'PERSON' }],
      rejected: [{ start: 9, end: 13, label: 'ORG' }],
    });
  });

  it('trains the same model twice from the same documents (seeded shuffle)', () => {
    const docs = [0, 1, 2].map(report);
    expect(SpanModel.train(docs).toState()).toEqual(SpanModel.train(docs).toState());
  });
});

describe('learningCurve', () => {
  it('rises as the annotator labels more documents', () => {
    const docs = Array.from({ length: 9 }, (_, k) => report(k));
    const curve = learningCurve(docs, { steps: [1, 4, 8] });
    expect(curve.map((p) => p.documents)).toEqual([1, 4, 8]);
    expect(curve[2]!.f1).toBeGreaterThan(curve[0]!.f1);
    expect(curve[2]!.recall).toBe(1);
    expect(doublingSteps(20)).toEqual([1, 2, 4, 8, 16, 19]);
  });
});
