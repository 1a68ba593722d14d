// Round trips native → format → native over the fixture corpus: every span each format can carry comes back.

import { describe, expect, it } from 'vitest';
import { buildCorpus, sha256Hex } from '../../../test/fixtures/format/corpus';
import { exportAll } from './formats';
import type { ConvertWarning, ImportContext, OffsetUnit } from './convert-types';
import type { NativeLine } from './native';
import { fromSpacyRecord } from './spacy';
import { fromDoccanoRecord } from './doccano';
import { fromLabelStudioTask } from './label-studio';
import { BRAT_MANIFEST, fromBrat, type BratManifestEntry } from './brat';
import { fromHfRecord } from './hf';
import { ConllReader } from './conll';
import { bioTags } from './bio';
import { wordTokens } from './tokens';
import { NativeValidator } from './validate';

const corpus = buildCorpus();

function ctx(warnings: ConvertWarning[] = [], extra: Partial<ImportContext> = {}): ImportContext {
  return { sha256Hex, warn: (w) => warnings.push(w), ...extra };
}

function jsonl(s: string | undefined): unknown[] {
  return (s ?? '')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);
}

/** (start, end, label) of every span, sorted: what offset-carrying formats must keep. */
function spanKeys(line: NativeLine): string[] {
  return line.spans.map((s) => `${s.start}-${s.end}-${s.label}-${s.text}`).sort();
}

function byKey(lines: NativeLine[]): Map<string, NativeLine> {
  return new Map(lines.map((l) => [`${l.doc_id}/${l.annotator}`, l]));
}

/** Every imported line must pass the validator: offsets, ids, schema. */
function expectValid(lines: NativeLine[]): void {
  const v = new NativeValidator({ sha256Hex });
  const problems = lines.flatMap((l, i) => v.checkValue(JSON.parse(JSON.stringify(l)), i + 1)).filter((p) => p.severity === 'error');
  expect(problems).toEqual([]);
}

describe('round trip through each format', () => {
  it('the fixture corpus is itself valid native JSONL', () => {
    expectValid(corpus);
    expect(corpus.length).toBe(7);
  });

  it('spacy keeps every span, the text, the annotator and the source', () => {
    const back = jsonl(exportAll('spacy', corpus).get('')).map((r, i) => fromSpacyRecord(r, ctx(), `spacy.jsonl:${i + 1}`));
    expectValid(back);
    const orig = byKey(corpus);
    for (const l of back) {
      const o = orig.get(`${l.doc_id}/${l.annotator}`)!;
      expect(o, `${l.doc_id}/${l.annotator}`).toBeDefined();
      expect(l.text).toBe(o.text);
      expect(l.source).toBe(o.source);
      expect(spanKeys(l)).toEqual(spanKeys(o));
    }
    expect(back).toHaveLength(corpus.length);
  });

  it.each<OffsetUnit>(['utf16', 'codepoint', 'grapheme'])('doccano (%s offsets) keeps every span', (unit) => {
    const warnings: ConvertWarning[] = [];
    const out = exportAll('doccano', corpus, { offsets: unit, warn: (w) => warnings.push(w) }).get('');
    const back = jsonl(out).map((r, i) => fromDoccanoRecord(r, ctx([], { offsets: unit }), `doccano.jsonl:${i + 1}`));
    // Only the comments and unsure flags are reported: doccano has no place for them.
    expect(warnings.filter((w) => !/comments? or unsure flags? left out: doccano has no place/.test(w.message))).toEqual([]);
    expect(warnings).toHaveLength(2);
    expectValid(back);
    const orig = byKey(corpus);
    for (const l of back) expect(spanKeys(l)).toEqual(spanKeys(orig.get(`${l.doc_id}/${l.annotator}`)!));
  });

  it('doccano utf16 offsets really are UTF-16 indices (they differ after an emoji)', () => {
    const en = corpus.find((l) => l.source === 'reports/shanghai-gdp.txt')!;
    const rec = jsonl(exportAll('doccano', [en]).get(''))[0] as { text: string; label: Array<[number, number, string]> };
    const fig = rec.label.find((l) => rec.text.slice(l[0], l[1]) === '43.9%');
    expect(fig).toBeDefined();
    expect(en.spans.find((s) => s.text === '43.9%')!.start).toBe(fig![0] - 1);
  });

  it('label-studio keeps spans with their ids, relations, annotators and sources', () => {
    const out = exportAll('label-studio', corpus).get('')!;
    const tasks = JSON.parse(out) as unknown[];
    expect(tasks).toHaveLength(4); // four documents; the Chinese one has three annotations
    const back = tasks.flatMap((t, i) => fromLabelStudioTask(t, ctx(), `task ${i + 1}`));
    expectValid(back);
    const orig = byKey(corpus);
    expect(back).toHaveLength(corpus.length);
    for (const l of back) {
      const o = orig.get(`${l.doc_id}/${l.annotator}`)!;
      expect(l.spans.map((s) => [s.id, s.start, s.end, s.label])).toEqual(o.spans.map((s) => [s.id, s.start, s.end, s.label]));
      expect(l.relations.map((r) => [r.label, r.head, r.tail])).toEqual(o.relations.map((r) => [r.label, r.head, r.tail]));
      expect(l.source).toBe(o.source);
      // Comments and unsure flags ride in Label Studio's region meta and the task's document_notes.
      expect(l.spans.map((s) => [s.comment, s.unsure])).toEqual(o.spans.map((s) => [s.comment, s.unsure]));
      expect([l.comment, l.unsure]).toEqual([o.comment, o.unsure]);
    }
  });

  it('label-studio with utf16 offsets round-trips, and an import in the wrong unit is caught by value.text', () => {
    const out = exportAll('label-studio', corpus, { offsets: 'utf16' }).get('')!;
    const back = (JSON.parse(out) as unknown[]).flatMap((t, i) => fromLabelStudioTask(t, ctx([], { offsets: 'utf16' }), `task ${i + 1}`));
    const orig = byKey(corpus);
    for (const l of back) expect(spanKeys(l)).toEqual(spanKeys(orig.get(`${l.doc_id}/${l.annotator}`)!));
    // Read as code points (the default), the regions after the emoji only match as UTF-16: detected, reported, fixed.
    const warnings: ConvertWarning[] = [];
    const guessed = (JSON.parse(out) as unknown[]).flatMap((t, i) => fromLabelStudioTask(t, ctx(warnings), `task ${i + 1}`));
    for (const l of guessed) expect(spanKeys(l)).toEqual(spanKeys(orig.get(`${l.doc_id}/${l.annotator}`)!));
    expect(warnings.some((w) => /matches the text in utf16 offsets/.test(w.message))).toBe(true);
  });

  it('brat keeps everything: ids, attributes, relations, sources, status and dates', () => {
    const files = exportAll('brat', corpus);
    const manifest = new Map(jsonl(files.get(BRAT_MANIFEST)).map((e) => [(e as BratManifestEntry).file, e as BratManifestEntry]));
    const back: NativeLine[] = [];
    for (const [name, txt] of files) {
      if (!name.endsWith('.txt')) continue;
      const ann = files.get(name.replace(/\.txt$/, '.ann'))!;
      back.push(fromBrat(txt, ann, { file: name, annotator: name.split('/')[0], manifest: manifest.get(name) }, ctx()));
    }
    expectValid(back);
    const orig = byKey(corpus);
    expect(back).toHaveLength(corpus.length);
    for (const l of back) expect(JSON.parse(JSON.stringify(l))).toEqual(JSON.parse(JSON.stringify(orig.get(`${l.doc_id}/${l.annotator}`))));
  });

  it('brat splits a span over a line break into fragments, as brat itself does', () => {
    const ann = exportAll('brat', corpus).get('alice/shanghai-gdp.ann')!;
    expect(ann).toMatch(/^T\d+\tCLAIM 85 104;105 122\treported revenue of 1\.5 trillion yuan$/m);
  });

  /** The spans the token formats can carry: the layer bioTags keeps, as (label, text without whitespace). */
  function taggedSpans(l: NativeLine): string[] {
    const { kept } = bioTags(wordTokens(l.text!), l.spans, { docId: l.doc_id });
    return kept.map((k) => `${k.span.label}:${squeeze(k.span.text)}`);
  }
  /** Text without whitespace as the token formats see it (Python's str.split(): U+001C–U+001F and NEL too). */
  function squeeze(t: string): string {
    return t.replace(/[\s\x1c-\x1f\x85]+/gu, '');
  }

  it('hf keeps every tagged span (label and text; the format keeps no whitespace)', () => {
    const files = exportAll('hf', corpus);
    const names = JSON.parse(files.get('labels.json')!) as string[];
    const back = jsonl(files.get('')).map((r, i) => fromHfRecord(r, names, ctx(), `hf.jsonl:${i + 1}`));
    expectValid(back);
    corpus.forEach((o, i) => {
      const l = back[i]!;
      expect(l.annotator).toBe(o.annotator);
      expect(squeeze(l.text!)).toBe(squeeze(o.text!));
      expect(l.spans.map((s) => `${s.label}:${squeeze(s.text)}`)).toEqual(taggedSpans(o));
    });
  });

  it('conll keeps every tagged span, document by document', () => {
    const out = exportAll('conll', corpus).get('')!;
    const reader = new ConllReader(ctx(), 'conll.txt');
    const back: NativeLine[] = [];
    out.split('\n').forEach((row, i) => {
      const doc = reader.line(row, i + 1);
      if (doc) back.push(doc);
    });
    const last = reader.end();
    if (last) back.push(last);
    expectValid(back);
    expect(back).toHaveLength(corpus.length);
    corpus.forEach((o, i) => {
      const l = back[i]!;
      expect(squeeze(l.text!)).toBe(squeeze(o.text!));
      expect(l.spans.map((s) => `${s.label}:${squeeze(s.text)}`)).toEqual(taggedSpans(o));
    });
  });

  it('native keeps the lines byte for byte, and the label filter and without-text options apply', () => {
    expect(exportAll('native', corpus).get('')).toBe(corpus.map((l) => JSON.stringify(l) + '\n').join(''));
    const figures = jsonl(exportAll('native', corpus, { labels: ['FIGURE'], withText: false }).get('')) as NativeLine[];
    for (const l of figures) {
      expect(l.text).toBeUndefined();
      expect(l.spans.every((s) => s.label === 'FIGURE')).toBe(true);
      expect(l.relations).toEqual([]); // every relation had a CLAIM at its head
    }
    expectValid(figures);
  });
});
