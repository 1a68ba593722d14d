// The cases a new user met in issue 15, each as a test: what the detector missed, what it got wrong, and what the parser did to drawn spans.
import { describe, expect, it } from 'vitest';
import { parseFigure } from './figure-parse';
import { detectFigures } from './figures';

/** [text, value, unit, approx] of every figure found. */
function figures(text: string): [string, number | null, string, string][] {
  const cps = [...text];
  return detectFigures(text).map((s) => [cps.slice(s.start, s.end).join(''), s.attrs.value as number | null, s.attrs.unit as string, s.attrs.approx as string]);
}

describe('figures missed before', () => {
  it('spelled-out counts of things', () => {
    expect(figures('It opened four pilot zones, two new vaccines and won three national prizes.')).toEqual([
      ['four pilot zones', 4, 'pilot zones', 'none'],
      ['two new vaccines', 2, 'new vaccines', 'none'],
      ['three national prizes', 3, 'national prizes', 'none'],
    ]);
  });
  it('"twice" and "three times" as multipliers', () => {
    expect(figures('Output is twice the level of 2022 and three times that of 2020.')).toEqual([
      ['twice', 2, 'times', 'none'],
      ['three times', 3, 'times', 'none'],
    ]);
  });
  it('units written tight or abbreviated', () => {
    expect(figures('Phones ship with 512GB of storage; the platform offers 8,000 P of computing power; 1TB; 算力达到8000P。')).toEqual([
      ['512GB', 512, 'GB', 'none'],
      ['8,000 P', 8000, 'P', 'none'],
      ['1TB', 1, 'TB', 'none'],
      ['8000P', 8000, 'P', 'none'],
    ]);
  });
  it('counts of nouns that look uncountable', () => {
    expect(figures('More than 600,000 looms are linked.')).toEqual([['600,000 looms', 600000, 'looms', 'more-than']]);
  });
  it('vague magnitudes with a number word', () => {
    expect(figures('It will house millions of servers and tens of thousands of drones.')).toEqual([
      ['millions of servers', 1e6, 'servers', 'more-than'],
      ['tens of thousands of drones', 1e4, 'drones', 'more-than'],
    ]);
  });
  it('a count with a level word: the count is the value, the level goes into the unit', () => {
    expect(figures('It will build three hundred-billion-level clusters and 2 trillion-level parks.')).toEqual([
      ['three hundred-billion-level clusters', 3, 'hundred-billion-level clusters', 'none'],
      ['2 trillion-level parks', 2, 'trillion-level parks', 'none'],
    ]);
    expect(figures('打造3个千亿级产业集群。')).toEqual([['3个千亿级产业集群', 3, '千亿级产业集群', 'none']]);
  });
  it('Chinese counts written with Chinese numerals and 大', () => {
    expect(figures('布局四大新赛道和五大未来产业。')).toEqual([
      ['四大新赛道', 4, '新赛道', 'none'],
      ['五大未来产业', 5, '未来产业', 'none'],
    ]);
  });
  it('Chinese counts keep the counted noun, as English ones do', () => {
    expect(figures('平台已接入全国9000多家纺织企业、70多万台织机。')).toEqual([
      ['9000多家纺织企业', 9000, '纺织企业', 'more-than'],
      ['70多万台织机', 700000, '织机', 'more-than'],
    ]);
  });
});

describe('figures wrong before', () => {
  it('a range is one span with value null', () => {
    expect(figures('It takes two to four weeks; 企业300家至500家;岗位1500到2000个;增长10-15%。')).toEqual([
      ['two to four weeks', null, 'week', 'none'],
      ['300家至500家', null, '家', 'none'],
      ['1500到2000个', null, '个', 'none'],
      ['10-15%', null, '%', 'none'],
    ]);
  });
  it('versions and phases are not figures', () => {
    expect(figures('The upgrade from 2.0 to 4.0 and Industry 4.0; 平台从2.0版升级到4.0版。')).toEqual([]);
  });
  it('calendar periods are not figures', () => {
    expect(figures('In the first two quarters of this year and the past three months; 今年前两个季度,近两年。')).toEqual([]);
  });
  it('rates are not cut short', () => {
    expect(figures('Density reached 80 units/thousand people; 密度达到80台/千人;价格上涨300元每吨;时速120 km/h。')).toEqual([
      ['80 units/thousand people', 80, 'units/thousand people', 'none'],
      ['80台/千人', 80, '台/千人', 'none'],
      ['300元每吨', 300, 'CNY/t', 'none'],
      ['120 km/h', 120, 'km/h', 'none'],
    ]);
  });
  it('"within" is up-to, "as little as" more-than', () => {
    expect(figures('Permits are issued within 48 hours, for as little as 5 yuan; 在48小时内办结。')).toEqual([
      ['48 hours', 48, 'hour', 'up-to'],
      ['5 yuan', 5, 'CNY', 'more-than'],
      ['48小时', 48, 'hour', 'up-to'],
    ]);
  });
});

describe('parseFigure on spans the annotator drew', () => {
  it('a range "A to B days" has value null and unit day', () => {
    expect(parseFigure('2 to 4 days')).toEqual({ value: null, unit: 'day', approx: 'none' });
    expect(parseFigure('300家至500家')).toEqual({ value: null, unit: '家', approx: 'none' });
  });
  it('"N trillion-level clusters" is N, not N×10^12', () => {
    expect(parseFigure('3 trillion-level clusters')).toEqual({ value: 3, unit: 'trillion-level clusters', approx: 'none' });
  });
  it('trailing punctuation and particles are not part of the unit', () => {
    expect(parseFigure('100亿元。')).toEqual({ value: 1e10, unit: 'CNY', approx: 'none' });
    expect(parseFigure('0.88平方公里的')).toEqual({ value: 0.88, unit: 'km2', approx: 'none' });
    expect(parseFigure('5 km2 的')).toEqual({ value: 5, unit: 'km2', approx: 'none' });
  });
  it('"within" is up-to, "as little as" more-than, "X-level" about', () => {
    expect(parseFigure('48 hours', 'issued within ')).toEqual({ value: 48, unit: 'hour', approx: 'up-to' });
    expect(parseFigure('within 48 hours')).toEqual({ value: 48, unit: 'hour', approx: 'up-to' });
    expect(parseFigure('5 yuan', 'for as little as ')).toEqual({ value: 5, unit: 'CNY', approx: 'more-than' });
    expect(parseFigure('trillion-level')).toEqual({ value: 1e12, unit: '', approx: 'about' });
    expect(parseFigure('千亿级')).toEqual({ value: 1e11, unit: '', approx: 'about' });
    expect(parseFigure('万亿元级')).toEqual({ value: 1e12, unit: 'CNY', approx: 'about' });
  });
});

describe('figure scores', () => {
  it('every figure is scored, surer with a unit than as a bare number, a range or a vague magnitude', () => {
    const found = detectFigures('Sales hit 40 by May: 2.5 billion yuan, 20%, 300 workers, two to four weeks, millions of servers.');
    const score = (t: string) => found.find((s) => s.source === 'parser' && s.attrs.unit === t)?.score;
    expect(score('CNY')).toBeGreaterThan(score('workers')!);
    expect(score('workers')).toBeGreaterThan(score('')!);
    expect(score('week')).toBeLessThan(score('%')!);
    expect(score('servers')).toBeLessThan(score('%')!);
    for (const s of found) expect(s.score).toBeGreaterThan(0.5);
  });
});

describe('figure misses found after the first session (issue 15)', () => {
  it('"between 40 and 60 species": a range of a noun that is its own plural, value null', () => {
    expect(figures('Between 40 and 60 species of birds winter there, and 3 series were made.')).toEqual([
      ['40 and 60 species', null, 'species', 'none'],
      ['3 series', 3, 'series', 'none'],
    ]);
  });
  it('"over" before a duration is "during", not more-than; before a count it stays more-than', () => {
    expect(figures('It will invest in it over three to five years, spend more over five years, and expects over 1.5 million people.')).toEqual([
      ['three to five years', null, 'year', 'none'],
      ['five years', 5, 'year', 'none'],
      ['1.5 million people', 1.5e6, 'people', 'more-than'],
    ]);
  });
});
