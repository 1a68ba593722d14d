// Progress on stderr: nothing for a short run or under --quiet, a bar redrawn in place on a terminal, plain lines elsewhere.

import { describe, expect, it } from 'vitest';
import { Progress } from './progress';

function fake(isTTY: boolean) {
  const writes: string[] = [];
  let t = 0;
  return { stream: { isTTY, write: (s: string) => writes.push(s) }, writes, now: () => t, advance: (ms: number) => (t += ms) };
}

describe('Progress', () => {
  it('says nothing in the first second', () => {
    const f = fake(true);
    const p = new Progress('merge', 100e6, { stream: f.stream, now: f.now });
    p.add(50e6);
    f.advance(500);
    p.add(10e6);
    expect(f.writes).toEqual([]);
  });

  it('draws a bar in place on a terminal and clears it at the end', () => {
    const f = fake(true);
    const p = new Progress('merge', 100e6, { stream: f.stream, now: f.now });
    f.advance(2000);
    p.add(50e6);
    expect(f.writes).toHaveLength(1);
    expect(f.writes[0]).toMatch(/^\rmerge \[#{15} {15}\] {2}50% 50\/100 MB 25 MB\/s/);
    p.finish();
    expect(f.writes[1]).toBe('\r\x1b[K');
  });

  it('writes plain lines at most every five seconds when stderr is not a terminal', () => {
    const f = fake(false);
    const p = new Progress('agreement', 100e6, { stream: f.stream, now: f.now });
    f.advance(5000);
    p.add(10e6);
    f.advance(1000);
    p.add(10e6);
    f.advance(5000);
    p.add(10e6);
    expect(f.writes).toEqual(['agreement: 10% (10 of 100 MB, 2.0 MB/s)\n', 'agreement: 30% (30 of 100 MB, 2.7 MB/s)\n']);
    p.finish();
    expect(f.writes).toHaveLength(2);
  });

  it('stays silent under --quiet', () => {
    const f = fake(true);
    const p = new Progress('merge', 100e6, { stream: f.stream, now: f.now, quiet: true });
    f.advance(10_000);
    p.add(100e6);
    p.finish();
    expect(f.writes).toEqual([]);
  });
});

describe('Progress on small inputs', () => {
  it('stays silent below 10 MB, however slow the machine', () => {
    const f = fake(true);
    const p = new Progress('merge', 5e6, { stream: f.stream, now: f.now });
    f.advance(60_000);
    p.add(5e6);
    expect(f.writes).toEqual([]);
  });
});
