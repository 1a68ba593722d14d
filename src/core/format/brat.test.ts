// brat: every annotator keeps a folder of their own (reversible, collisions refused), no .ann line is cut by a
// character brat's str.splitlines() breaks at, and a BOM in the .txt raises no false "discontinuous" warning.

import { describe, expect, it } from 'vitest';
import { buildCorpus, sha256Hex } from '../../../test/fixtures/format/corpus';
import { annotatorFolder, annotatorFromFolder, BRAT_LINE_BREAKS, BRAT_MANIFEST, bratExporter, fromBrat } from './brat';
import { ConvertError, type ConvertWarning } from './convert-types';
import { exportAll } from './formats';
import type { NativeLine } from './native';

describe('brat annotator folders', () => {
  it.each(['j.smith', 'j.doe', 'J.Smith', '..', '.hidden', 'a/b', 'a%2Eb', '王 伟', 'ann:1?', 'x'.repeat(20)])('%s: a folder name without dots or slashes that reads back', (name) => {
    const folder = annotatorFolder(name);
    expect(folder).toMatch(/^[\p{L}\p{N}_%-]+$/u);
    expect(annotatorFromFolder(folder)).toBe(name);
  });

  it('gives j.smith and j.doe two folders, and both come back on import', () => {
    const lines = buildCorpus().filter((l) => l.annotator.startsWith('j.'));
    const files = exportAll('brat', lines);
    const txts = [...files.keys()].filter((f) => f.endsWith('.txt'));
    expect(txts.sort()).toEqual(['j%2Edoe/msf.txt', 'j%2Esmith/msf.txt']);
    const back = txts.map((f) => fromBrat(files.get(f)!, files.get(f.replace(/\.txt$/, '.ann'))!, { file: f, annotator: annotatorFromFolder(f.split('/')[0]!) }, { sha256Hex }));
    expect(back.map((l) => l.annotator).sort()).toEqual(['j.doe', 'j.smith']);
  });

  it('refuses two annotators whose folders differ only in case, instead of overwriting one', () => {
    const [line] = buildCorpus().filter((l) => l.annotator === 'j.smith') as [NativeLine];
    const exporter = bratExporter();
    exporter.write(line);
    expect(() => exporter.write({ ...line, annotator: 'J.Smith' })).toThrow(ConvertError);
    expect(() => exporter.write({ ...line, annotator: 'J.Smith' })).toThrow(/would share the brat folder/);
  });
});

describe('brat lines', () => {
  it('no .ann or manifest line holds a character brat splits lines at, and the spans holding them are reported', () => {
    const warnings: ConvertWarning[] = [];
    const files = exportAll('brat', buildCorpus(), { warn: (w) => warnings.push(w) });
    for (const [name, data] of files) {
      if (!name.endsWith('.ann') && name !== BRAT_MANIFEST) continue;
      for (const line of data.split('\n')) expect(BRAT_LINE_BREAKS.test(line), `${name}: ${JSON.stringify(line)}`).toBe(false);
    }
    expect(warnings.some((w) => w.spanId === 'd-evt1' && /U\+000B, U\+000C, U\+001C, U\+001D, U\+001E, U\+0085.*brat reads as a line break/.test(w.message))).toBe(true);
    expect(warnings.some((w) => w.spanId === 'd-claim1' && /U\+2028/.test(w.message))).toBe(true);
  });

  it('reads a discontinuous span of a .txt with a BOM without a false warning', () => {
    const txt = '\ufeffAlpha beta\ngamma';
    // brat counts the BOM: "beta" is 7..11, "gamma" 12..17; the gap between them is a line break.
    const ann = 'T1\tORG 7 11;12 17\tbeta gamma\n';
    const warnings: ConvertWarning[] = [];
    const line = fromBrat(txt, ann, { file: 'a/x.txt', annotator: 'a' }, { sha256Hex, warn: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    expect(line.spans.map((s) => s.text)).toEqual(['beta\ngamma']);
  });
});
