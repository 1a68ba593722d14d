// Approximators before, after and at the edges of a figure, in English and Chinese.

import { describe, expect, it } from 'vitest';
import { approxAfter, approxBefore, leadingApprox, trailingApprox } from './approx';

const before = (s: string) => approxBefore(s, s.length);

describe('approxBefore', () => {
  it('reads English phrases with their start', () => {
    expect(before('exported to more than ')).toMatchObject({ approx: 'more-than', at: 12, word: 'more than' });
    expect(before('with up to ')).toMatchObject({ approx: 'up-to', word: 'up to' });
    expect(before('Nearly ')).toMatchObject({ approx: 'less-than' });
    expect(before('in excess of ')).toMatchObject({ approx: 'more-than' });
    expect(before('approx. ')).toMatchObject({ approx: 'about' });
  });
  it('prefers the longer phrase', () => {
    expect(before('no more than ')).toMatchObject({ approx: 'up-to', word: 'no more than' });
    expect(before('不超过')).toMatchObject({ approx: 'up-to', word: '不超过' });
    expect(before('超过')).toMatchObject({ approx: 'more-than', word: '超过' });
  });
  it('reads Chinese words with or without a space', () => {
    expect(before('总投资逾')).toMatchObject({ approx: 'more-than', at: 3 });
    expect(before('占比约 ')).toMatchObject({ approx: 'about' });
    expect(before('设施多达')).toMatchObject({ approx: 'up-to' });
    expect(before('增长近')).toMatchObject({ approx: 'less-than' });
  });
  it('needs a word boundary and a space in English', () => {
    expect(before('moreover ')).toBeNull();
    expect(before('about')).toBeNull();
    expect(before('reached ')).toBeNull();
  });
});

describe('approxAfter and edges', () => {
  it('reads words after a figure', () => {
    expect(approxAfter('40%以上,', 3)).toMatchObject({ approx: 'more-than', at: 5 });
    expect(approxAfter('90%左右', 3)).toMatchObject({ approx: 'about' });
    expect(approxAfter('10 people or more.', 9)).toMatchObject({ approx: 'more-than' });
    expect(approxAfter('10 people or moreover', 9)).toBeNull();
  });
  it('strips approximators at the edges of a span text', () => {
    expect(leadingApprox('more than 9,000 enterprises')).toEqual({ approx: 'more-than', length: 10 });
    expect(leadingApprox('约30%')).toEqual({ approx: 'about', length: 1 });
    expect(trailingApprox('4.4%左右')).toEqual({ approx: 'about', length: 2 });
    expect(trailingApprox('10 people or so')).toEqual({ approx: 'about', length: 6 });
    expect(leadingApprox('9,000 enterprises')).toBeNull();
  });
});
