// detectFigures on sentences written for these tests (not the gold corpus): what is a figure, what is not, and the offsets it reports.

import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../model/offsets';
import type { CodePoint } from '../model/types';
import { detectFigures, explainFigures } from './figures';

/** The figures of `text` as [span text, value, unit, approx]. */
function figures(text: string): Array<[string, number, string, string]> {
  return detectFigures(text).map((s) => [
    sliceCodePoints(text, s.start, s.end),
    s.attrs.value as number,
    s.attrs.unit as string,
    s.attrs.approx as string,
  ]);
}
const texts = (text: string) => figures(text).map((f) => f[0]);

describe('detectFigures: English', () => {
  it('finds measured quantities with their units and scale words', () => {
    expect(figures('Exports rose 12.5% to $3.2 billion, while the plant covers 45 hectares and uses 300 MW.')).toEqual([
      ['12.5%', 12.5, '%', 'none'],
      ['$3.2 billion', 3.2e9, 'USD', 'none'],
      ['45 hectares', 45, 'ha', 'none'],
      ['300 MW', 300, 'MW', 'none'],
    ]);
  });

  it('puts approximators in approx and leaves them outside the span', () => {
    expect(figures('The fund raised nearly 2 billion yuan from about 300 investors in over 20 cities.')).toEqual([
      ['2 billion yuan', 2e9, 'CNY', 'less-than'],
      ['300 investors', 300, 'investors', 'about'],
      ['20 cities', 20, 'cities', 'more-than'],
    ]);
  });

  it('reads counted noun phrases conservatively', () => {
    expect(texts('The port serves 140 countries and regions, and 35 shipping lines opened.')).toEqual([
      '140 countries and regions',
      '35 shipping lines',
    ]);
    expect(texts('It hired 1,200 new engineers last year.')).toEqual(['1,200 new engineers']);
    expect(texts('There are 260 robots per 10,000 people in the city.')).toEqual(['260 robots per 10,000 people']);
    expect(texts('About 800 weaving machines nationwide were linked.')).toEqual(['800 weaving machines']);
    expect(texts('Some 20 Chinese cities joined.')).toEqual(['20 Chinese cities']);
  });

  it('spells out number words', () => {
    expect(figures('The group built two factories and four trillion RMB of assets in three years.')).toEqual([
      ['two factories', 2, 'factories', 'none'],
      ['four trillion RMB', 4e12, 'CNY', 'none'],
      ['three years', 3, 'year', 'none'],
    ]);
  });

  it('reads a range as one figure with value null and the unit of its second end', () => {
    expect(figures('It will train 1500 to 2000 local workers and cut costs by 10-15%.')).toEqual([
      ['1500 to 2000 local workers', null, 'local workers', 'none'],
      ['10-15%', null, '%', 'none'],
    ]);
    expect(figures('between 2 and 3 billion dollars')).toEqual([['2 and 3 billion dollars', null, 'USD', 'none']]);
    expect(figures('Approval takes two to four weeks.')).toEqual([['two to four weeks', null, 'week', 'none']]);
    expect(texts('from 0 to 1 and from 1 to 100; 2 and 3 people')).toEqual(['3 people']);
  });

  it('keeps bare decimals and numbers after "reach" but not other bare integers', () => {
    expect(texts('The index will reach 50.2 and the count reached 40, up from 12 in the chart.')).toEqual(['50.2', '40']);
    expect(texts('Visitors reached 2,000 but the plan reached 2025 targets.')).toEqual(['2,000']);
  });

  it('keeps a bare difference before "more than"', () => {
    expect(figures('It has 645,000 firms, nearly 30,000 more than a year earlier, moving 130,000 TEUs.')).toEqual([
      ['645,000 firms', 645000, 'firms', 'none'],
      ['30,000', 30000, '', 'less-than'],
      ['130,000 TEUs', 130000, 'TEU', 'none'],
    ]);
  });

  it('skips dates, years, times and ordinals', () => {
    expect(texts('On January 30th 2023, at 10:30 a.m., the first batch left; by 2025 the 2nd phase opens on 3 March.')).toEqual([]);
    expect(texts('In 2023 companies exported more. Since 1998 people came. It was 8 pm.')).toEqual([]);
    expect(texts('The plan (2022-2025) and Edition 01 of the report, No. 7 line.')).toEqual([]);
  });

  it('skips numbers that are part of names and codes', () => {
    expect(texts('The C919 jet, 5G networks, T+1 delivery, Zone 2.0, Industry 4.0, COVID-19 cases and GPT-4.')).toEqual([]);
    expect(texts('Call +86 21 6321 5555 or 021-6321-5555; code 91310000MA1FL5XX; order 1234567890.')).toEqual([]);
    expect(texts('Version 1.2.3 shipped, and Phase 2 projects resumed.')).toEqual([]);
  });

  it('skips denominators but counts sets named by their size', () => {
    expect(texts('Fuel use per 100 kilometers fell; the four new tracks of AI, chips, biotech and energy.')).toEqual(['four new tracks']);
    expect(texts('It launched three major industries: green, digital and health.')).toEqual(['three major industries']);
  });

  it('skips hyphenated compounds and one-word articles', () => {
    expect(texts('A one-stop service, a three-year plan and a 10-year bond; one of the companies.')).toEqual([]);
  });
});

describe('detectFigures: Chinese', () => {
  it('finds figures with scale characters, counters and units', () => {
    expect(figures('去年全市实现进出口2623.9亿元,同比增长42.5%,新增企业1200家,建成海外仓138个。')).toEqual([
      ['2623.9亿元', 262390000000, 'CNY', 'none'],
      ['42.5%', 42.5, '%', 'none'],
      ['1200家', 1200, '家', 'none'],
      ['138个', 138, '个', 'none'],
    ]);
  });

  it('keeps approximators outside, 多 and 余 inside', () => {
    expect(figures('接入超过3000家企业、20多万台设备,投资约5亿元,占比40%以上,近2倍。')).toEqual([
      ['3000家企业', 3000, '企业', 'more-than'],
      ['20多万台设备', 200000, '设备', 'more-than'],
      ['5亿元', 5e8, 'CNY', 'about'],
      ['40%', 40, '%', 'more-than'],
      ['2倍', 2, 'times', 'less-than'],
    ]);
    expect(figures('突破40余项关键技术,入住率90%左右。')).toEqual([
      ['40余项关键技术', 40, '关键技术', 'more-than'],
      ['90%', 90, '%', 'about'],
    ]);
  });

  it('reads Chinese numerals', () => {
    expect(figures('公司有两千名员工、一百二十家门店,三年内开设十五个中心。')).toEqual([
      ['两千名员工', 2000, '员工', 'none'],
      ['一百二十家门店', 120, '门店', 'none'],
      ['三年', 3, 'year', 'up-to'],
      ['十五个中心', 15, '中心', 'none'],
    ]);
  });

  it('skips dates, years, ordinals, determiners and articles', () => {
    expect(texts('2024年03月05日,3月3日电。二〇二三年,90年代。第一个项目,哪一款产品,每万人口,上一年。')).toEqual([]);
    expect(texts('这是一个好项目,一台台机器,一块块屏幕,一系列政策,统一部署。')).toEqual([]);
  });

  it('reads vague magnitudes as their order, more-than; skips quoted names', () => {
    expect(figures('容量达普通光盘上万倍、硬盘上百倍,几十个,数百家。加快“五个中心”建设,“十四五”规划。')).toEqual([
      ['上万倍', 1e4, 'times', 'more-than'],
      ['上百倍', 100, 'times', 'more-than'],
      ['几十个', 10, '个', 'more-than'],
      ['数百家', 100, '家', 'more-than'],
    ]);
  });

  it('skips calendar periods (前两个月, 前三季度, 近两年) and ranks (前10名)', () => {
    expect(texts('今年前两个月开行1200列,前三季度增长,前10名。')).toEqual(['1200列']);
    expect(figures('公司近两年增长很快。')).toEqual([]);
  });

  it('skips numbers in names: 5G, T+1, 《流浪地球2》', () => {
    expect(texts('5G基站、T+1交付、电影《流浪地球2》、C919大飞机。')).toEqual([]);
  });
});

describe('detectFigures: offsets', () => {
  it('reports code points, not UTF-16 units, after astral characters', () => {
    const text = '😀😀 sales grew 20% and 𠀀𠀀 3亿元';
    const found = detectFigures(text);
    expect(found.map((s) => [s.start, s.end])).toEqual([
      [14, 17],
      [25, 28],
    ]);
    expect(found.map((s) => sliceCodePoints(text, s.start, s.end))).toEqual(['20%', '3亿元']);
  });

  it('gives stable keys and FIGURE labels', () => {
    const [s] = detectFigures('up 20%');
    expect(s).toMatchObject({ key: 'figure:FIGURE:3:6', kind: 'figure', label: 'FIGURE', start: 3, end: 6 });
  });

  it('restricts to a window with from/to', () => {
    const text = '10% then 20% then 30%';
    expect(detectFigures(text, { from: 4 as CodePoint, to: 14 as CodePoint }).map((s) => s.attrs.value)).toEqual([20]);
  });

  it('handles a 1,000,000-character text and finds every repeated figure', () => {
    const unit = 'Sales rose 20% to 3亿元 in 2023. ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const found = detectFigures(text);
    expect(found.length).toBe(2 * Math.ceil(1_000_000 / unit.length));
  });
});

describe('explainFigures', () => {
  it('says why a candidate was dropped', () => {
    const reasons = Object.fromEntries(explainFigures('In 2023, C919, per 100 people, 2月22日').map((c) => [c.text, c.verdict]));
    expect(reasons['2023']).toBe('year');
    expect(reasons['919']).toBe('name');
    expect(reasons['100 people']).toBe('per');
  });
});
