// parseFigure on the cases the guidelines and issue 3 name, English and Chinese, and on text that is not a figure.

import { describe, expect, it } from 'vitest';
import { parseFigure } from './figure-parse';

describe('parseFigure', () => {
  const cases: Array<[string, number, string, string?]> = [
    ['43.9%', 43.9, '%'],
    ['20%', 20, '%'],
    ['1.5 trillion yuan', 1.5e12, 'CNY'],
    ['2623.9亿元', 262390000000, 'CNY'],
    ['four trillion RMB', 4e12, 'CNY'],
    ['260 robots per 10,000 people', 260, 'robots per 10,000 people'],
    ['0.88平方公里', 0.88, 'km2'],
    ['140 countries and regions', 140, 'countries and regions'],
    ['9000 textile enterprises', 9000, 'textile enterprises'],
    ['605 kilometers', 605, 'km'],
    ['1.18 kilograms', 1.18, 'kg'],
    ['0.4 yuan', 0.4, 'CNY'],
    ['100 billion yuan', 1e11, 'CNY'],
    ['3万人', 30000, '人'],
    ['5亿', 5e8, ''],
    ['1.5万亿元', 1.5e12, 'CNY'],
    ['3千亿元', 3e11, 'CNY'],
    ['2百万辆', 2e6, '辆'],
    ['一百二十家', 120, '家'],
    ['两千人', 2000, '人'],
    ['三个', 3, '个'],
    ['三万五千台', 35000, '台'],
    ['一百零五项', 105, '项'],
    ['十五个', 15, '个'],
    ['3 million people', 3e6, 'people'],
    ['2 billion', 2e9, ''],
    ['5 thousand tons', 5000, 't'],
    ['twenty-five companies', 25, 'companies'],
    ['twelve months', 12, 'month'],
    ['three hundred people', 300, 'people'],
    ['one hundred and twenty firms', 120, 'firms'],
    ['1,234,567 visitors', 1234567, 'visitors'],
    ['US$3 billion', 3e9, 'USD'],
    ['$3 billion', 3e9, 'USD'],
    ['$3.5m', 3.5e6, 'USD'],
    ['3 billion dollars', 3e9, 'USD'],
    ['3 billion US dollars', 3e9, 'USD'],
    ['€5 million', 5e6, 'EUR'],
    ['HK$200', 200, 'HKD'],
    ['RMB 10 billion', 1e10, 'CNY'],
    ['3亿港元', 3e8, 'HKD'],
    ['50亿美元', 5e9, 'USD'],
    ['12 percent', 12, '%'],
    ['12 per cent', 12, '%'],
    ['0.5 percentage points', 0.5, 'pp'],
    ['0.5个百分点', 0.5, 'pp'],
    ['百分之三十', 30, '%'],
    ['500兆瓦', 500, 'MW'],
    ['2吉瓦', 2, 'GW'],
    ['5km', 5, 'km'],
    ['5千米', 5, 'km'],
    ['179万平方米', 1790000, 'm2'],
    ['2倍', 2, 'times'],
    ['5年', 5, 'year'],
    ['3个月', 3, 'month'],
    ['１２３４５人', 12345, '人'],
    ['10 yuan per ton', 10, 'CNY per ton'],
  ];
  for (const [span, value, unit] of cases) {
    it(`${span} → ${value} ${unit || '(no unit)'}`, () => {
      expect(parseFigure(span)).toEqual({ value, unit, approx: 'none' });
    });
  }

  it('keeps decimal scale values exact (no 2623.9 * 1e8 rounding)', () => {
    expect(parseFigure('2623.9亿元')!.value).toBe(262390000000);
    expect(parseFigure('0.3 billion')!.value).toBe(300000000);
  });

  const approximators: Array<[string, string, string, string]> = [
    ['more than 9,000 textile enterprises', '', '', 'more-than'],
    ['9000 textile enterprises', 'more than ', '', 'more-than'],
    ['100 billion yuan', 'has exceeded ', '', 'more-than'],
    ['40%', 'over ', '', 'more-than'],
    ['30%', 'about ', '', 'about'],
    ['30%', 'around ', '', 'about'],
    ['30%', 'approximately ', '', 'about'],
    ['2 GW', 'nearly ', '', 'less-than'],
    ['2 GW', 'almost ', '', 'less-than'],
    ['20 facilities', 'up to ', '', 'up-to'],
    ['20 facilities', 'less than ', '', 'less-than'],
    ['20 facilities', 'no more than ', '', 'up-to'],
    ['1200家', '超', '', 'more-than'],
    ['2100个', '超过', '', 'more-than'],
    ['2吉瓦', '近', '', 'less-than'],
    ['100亿元', '逾', '', 'more-than'],
    ['30%', '约', '', 'about'],
    ['20个', '多达', '', 'up-to'],
    ['20多个', '', '', 'more-than'],
    ['70多万台', '', '', 'more-than'],
    ['40余项', '', '', 'more-than'],
    ['40%', '', '以上', 'more-than'],
    ['4.4%', '', '左右', 'about'],
    ['4.4%左右', '', '', 'about'],
    ['10 people', '', ' or more', 'more-than'],
    ['100亿元', '不超过', '', 'up-to'],
  ];
  for (const [span, before, after, approx] of approximators) {
    it(`${JSON.stringify(before)} + ${span} + ${JSON.stringify(after)} → ${approx}`, () => {
      expect(parseFigure(span, before, after)?.approx).toBe(approx);
    });
  }

  it('reads the value through 多 and 余', () => {
    expect(parseFigure('70多万台')).toEqual({ value: 700000, unit: '台', approx: 'more-than' });
    expect(parseFigure('二十多个')).toEqual({ value: 20, unit: '个', approx: 'more-than' });
    expect(parseFigure('3万多人')).toEqual({ value: 30000, unit: '人', approx: 'more-than' });
  });

  it('returns null for text that does not start with a number', () => {
    expect(parseFigure('Shanghai')).toBeNull();
    expect(parseFigure('')).toBeNull();
  });

  it('reads vague magnitudes as their order, more-than', () => {
    expect(parseFigure('tens of thousands of times')).toEqual({ value: 1e4, unit: 'times', approx: 'more-than' });
    expect(parseFigure('上万倍')).toEqual({ value: 1e4, unit: 'times', approx: 'more-than' });
    expect(parseFigure('millions of servers')).toEqual({ value: 1e6, unit: 'servers', approx: 'more-than' });
  });
});
