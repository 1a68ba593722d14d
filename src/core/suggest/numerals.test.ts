// The numeral readers: Arabic digits with separators, Chinese numerals, English number words, and scale words.

import { describe, expect, it } from 'vitest';
import { parseHanInteger, readArabic, readEnScale, readHan, readHanScale, readWords, scaledValue } from './numerals';

describe('readArabic', () => {
  it('reads thousands commas and decimals, and flags leading zeros', () => {
    expect(readArabic('1,234,567.5 yuan', 0)).toMatchObject({ end: 11, digits: '1234567.5', intDigits: 7, hasDecimal: true });
    expect(readArabic('x 10000 people', 2)).toMatchObject({ end: 7, digits: '10000', leadingZero: false });
    expect(readArabic('01', 0)).toMatchObject({ leadingZero: true });
    expect(readArabic('0.88', 0)).toMatchObject({ leadingZero: false, digits: '0.88' });
  });
  it('does not take a comma that is not a thousands separator', () => {
    expect(readArabic('20,3', 0)!.digits).toBe('20');
    expect(readArabic('1,5000', 0)!.digits).toBe('1');
    expect(readArabic('50.', 0)!.digits).toBe('50');
  });
  it('reads full-width digits', () => {
    expect(readArabic('１２．５％', 0)).toMatchObject({ digits: '12.5', end: 4 });
  });
  it('returns null without a digit', () => {
    expect(readArabic('abc', 0)).toBeNull();
  });
});

describe('parseHanInteger', () => {
  const cases: Array<[string, number]> = [
    ['三', 3], ['十', 10], ['十五', 15], ['二十', 20], ['一百二十', 120], ['两千', 2000], ['一百零五', 105],
    ['三万五千', 35000], ['十万', 100000], ['一万亿', 1e12], ['三亿五千万', 350000000], ['二〇二三', 2023],
  ];
  for (const [s, n] of cases) it(`${s} = ${n}`, () => expect(parseHanInteger(s)).toBe(n));
  it('refuses runs that are not one number', () => {
    expect(parseHanInteger('十四五')).toBeNull();
  });
});

describe('readHan', () => {
  it('reads a numeral and marks digit-by-digit years', () => {
    expect(readHan('两千人', 0)).toMatchObject({ end: 2, digits: '2000', digitSequence: false });
    expect(readHan('二〇二三年', 0)).toMatchObject({ end: 4, digits: '2023', digitSequence: true });
  });
  it('leaves 千 to the unit in 千米', () => {
    expect(readHan('五千米', 0)).toMatchObject({ end: 1, digits: '5' });
  });
  it('does not start on a scale character', () => {
    expect(readHan('万倍', 0)).toBeNull();
    expect(readHan('千万', 0)).toBeNull();
  });
});

describe('readWords', () => {
  const cases: Array<[string, number]> = [
    ['one', 1], ['four', 4], ['twelve', 12], ['twenty', 20], ['twenty-five', 25], ['Ninety nine', 99],
    ['three hundred', 300], ['one hundred and twenty', 120], ['seventeen', 17],
  ];
  for (const [s, n] of cases) it(`${s} = ${n}`, () => expect(readWords(`${s} things`, 0)?.digits).toBe(String(n)));
  it('needs whole words', () => {
    expect(readWords('tens of thousands', 0)).toBeNull();
    expect(readWords('someone', 4)).toBeNull();
  });
});

describe('scales', () => {
  it('reads Chinese scale runs as powers of ten', () => {
    expect(readHanScale('亿元', 0)).toEqual({ end: 1, exponent: 8 });
    expect(readHanScale('万亿元', 0)).toEqual({ end: 2, exponent: 12 });
    expect(readHanScale('千亿', 0)).toEqual({ end: 2, exponent: 11 });
    expect(readHanScale('百万', 0)).toEqual({ end: 2, exponent: 6 });
    expect(readHanScale('千米', 0)).toBeNull();
    expect(readHanScale('百分点', 0)).toBeNull();
  });
  it('reads English scale words, and single letters only after a currency sign', () => {
    expect(readEnScale(' billion yuan', 0, false)).toEqual({ end: 8, exponent: 9 });
    expect(readEnScale(' Thousand', 0, false)).toEqual({ end: 9, exponent: 3 });
    expect(readEnScale('bn', 0, false)).toEqual({ end: 2, exponent: 9 });
    expect(readEnScale('m', 0, false)).toBeNull();
    expect(readEnScale('m', 0, true)).toEqual({ end: 1, exponent: 6 });
  });
  it('computes scaled values from the decimal string', () => {
    expect(scaledValue('2623.9', 8)).toBe(262390000000);
    expect(scaledValue('1.18', 0)).toBe(1.18);
  });
});
