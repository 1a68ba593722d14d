// The lane layout: lines, rows of nested spans, segments cut at every boundary, ranges sorted into lines.

import { describe, expect, it } from 'vitest';
import { assignRows, blockAt, blocksOf, bucketByBlock, MAX_BLOCK, segmentsOf, type Band, type Mark } from './lanes';

const mark = (id: string, from: number, to: number, row = 0): Mark => ({ id, from, to, row, color: '#000', title: id });

describe('lanes', () => {
  const text = 'Title\n\nFirst line here.\n  \nSecond.';
  const blocks = blocksOf(text);

  it('cuts the text into its non-blank lines', () => {
    expect(blocks.map((b) => text.slice(b.from, b.to))).toEqual(['Title', 'First line here.', 'Second.']);
    expect(blockAt(blocks, 0)).toBe(0);
    expect(blockAt(blocks, 6)).toBe(1);
    expect(blockAt(blocks, text.length)).toBe(-1);
  });

  it('cuts a line longer than a block at a space, never inside a surrogate pair', () => {
    const long = 'word '.repeat(MAX_BLOCK / 2);
    const cut = blocksOf(long);
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.every((b) => b.to - b.from <= MAX_BLOCK && long[b.to - 1] === ' ')).toBe(true);
    expect(cut.map((b) => long.slice(b.from, b.to)).join('')).toBe(long);
    const astral = '𝑥'.repeat(MAX_BLOCK);
    expect(blocksOf(astral).every((b) => !/[\udc00-\udfff]/.test(astral[b.from]!))).toBe(true);
  });

  it('gives nested spans their own rows', () => {
    const rows = assignRows([{ id: 'inner', from: 2, to: 4 }, { id: 'outer', from: 0, to: 10 }, { id: 'after', from: 10, to: 12 }]);
    expect(rows.map((r) => [r.id, r.row])).toEqual([['outer', 0], ['inner', 1], ['after', 0]]);
  });

  it('cuts segments at marks and bands, outermost mark first', () => {
    const b = blocks[1]!;
    const marks = [mark('claim', b.from, b.to), mark('fig', b.from + 6, b.from + 10, 1)];
    const bands: Band[] = [{ id: 'c1', from: b.from + 6, to: b.from + 12, state: 'current' }];
    const segs = segmentsOf(b, marks, bands);
    expect(segs.map((s) => [text.slice(s.from, s.to), s.marks.map((m) => m.id).join('+'), s.band?.id ?? ''])).toEqual([
      ['First ', 'claim', ''],
      ['line', 'claim+fig', 'c1'],
      [' h', 'claim', 'c1'],
      ['ere.', 'claim', ''],
    ]);
  });

  it('sorts a range across lines into each line it touches', () => {
    const across = { from: 2, to: 10 };
    const buckets = bucketByBlock(blocks, [across, { from: 30, to: 31 }, { from: 3, to: 3 }]);
    expect(buckets.map((b) => b.length)).toEqual([1, 1, 1]);
  });
});
