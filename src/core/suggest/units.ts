// The unit words the figure reader knows, English and Chinese, and their normalized spelling in attrs.unit.
//
// Normalized units (what `attrs.unit` carries):
// - money: ISO 4217 codes (CNY, USD, HKD, EUR, GBP, JPY, ...);
// - percent `%`, per mille `‰`, percentage points `pp`, basis points `bp`;
// - SI-style symbols with plain digits for powers: km, m, cm, mm, km2, m2, m3, ha, kg, g, t,
//   L, W, kW, MW, GW, kWh, GWh, TWh; `mi` and `nmi` for miles; `mu` and `jin` for 亩 and 斤;
//   `TEU` for containers (标箱, "TEUs");
// - durations: year, month, week, day, hour, minute (singular, English);
// - multiples: `times` (倍, "times");
// - Chinese counters (个, 家, 台, 件, ...) stay as written: no standard spelling exists and
//   the counter is what the text says; English counted nouns stay as written too
//   ("countries and regions"), read by ./noun-phrase.

/** What kind of unit a word is; the figure rules treat each kind differently. */
export type UnitKind = 'currency' | 'measure' | 'time' | 'counter';

/** One surface form of a unit. */
export interface UnitDef {
  /** The form as written in text. */
  surface: string;
  /** The normalized unit for attrs.unit. */
  unit: string;
  kind: UnitKind;
}

/** Options of an English unit form. */
interface EnUnitDef extends UnitDef {
  /** Match the case exactly ("RMB", "GW"); otherwise case is ignored. */
  exactCase?: boolean;
  /** Only directly after the number ("5m"), never after a space: a lone "m" or "t" is too ambiguous. */
  gluedOnly?: boolean;
  /** May follow the number without a space ("5km", "43.9%"). */
  glued?: boolean;
}

function en(unit: string, kind: UnitKind, surfaces: string[], flags: Omit<EnUnitDef, 'surface' | 'unit' | 'kind'> = {}): EnUnitDef[] {
  return surfaces.map((surface) => ({ surface, unit, kind, ...flags }));
}

/** English unit forms. Longer forms are tried first, so "square kilometers" wins over "kilometers". */
const EN_UNITS: EnUnitDef[] = [
  ...en('CNY', 'currency', ['yuan', 'renminbi', 'yuan renminbi']),
  ...en('CNY', 'currency', ['RMB', 'CNY'], { exactCase: true }),
  ...en('USD', 'currency', ['US dollars', 'U.S. dollars', 'US dollar', 'dollars', 'dollar']),
  ...en('USD', 'currency', ['USD'], { exactCase: true }),
  ...en('HKD', 'currency', ['Hong Kong dollars', 'HK dollars']),
  ...en('HKD', 'currency', ['HKD'], { exactCase: true }),
  ...en('EUR', 'currency', ['euros', 'euro']),
  ...en('EUR', 'currency', ['EUR'], { exactCase: true }),
  ...en('GBP', 'currency', ['pounds sterling']),
  ...en('GBP', 'currency', ['GBP'], { exactCase: true }),
  ...en('JPY', 'currency', ['yen']),
  ...en('JPY', 'currency', ['JPY'], { exactCase: true }),
  ...en('%', 'measure', ['%', '％'], { glued: true }),
  ...en('%', 'measure', ['percent', 'per cent', 'pct']),
  ...en('pp', 'measure', ['percentage points', 'percentage point']),
  ...en('bp', 'measure', ['basis points', 'basis point']),
  ...en('km2', 'measure', ['square kilometers', 'square kilometres', 'square kilometer', 'square kilometre', 'sq km']),
  ...en('km2', 'measure', ['km2', 'km²'], { glued: true }),
  ...en('m2', 'measure', ['square meters', 'square metres', 'square meter', 'square metre', 'sq m']),
  ...en('m2', 'measure', ['m2', 'm²'], { glued: true }),
  ...en('m3', 'measure', ['cubic meters', 'cubic metres']),
  ...en('ha', 'measure', ['hectares', 'hectare']),
  ...en('mu', 'measure', ['mu']),
  ...en('km', 'measure', ['kilometers', 'kilometres', 'kilometer', 'kilometre']),
  ...en('km', 'measure', ['km'], { glued: true }),
  ...en('m', 'measure', ['meters', 'metres', 'meter', 'metre']),
  ...en('m', 'measure', ['m'], { gluedOnly: true, exactCase: true }),
  ...en('cm', 'measure', ['centimeters', 'centimetres']),
  ...en('cm', 'measure', ['cm'], { glued: true }),
  ...en('mm', 'measure', ['millimeters', 'millimetres']),
  ...en('mm', 'measure', ['mm'], { glued: true }),
  ...en('mi', 'measure', ['miles', 'mile']),
  ...en('kg', 'measure', ['kilograms', 'kilogrammes', 'kilogram', 'kilos']),
  ...en('kg', 'measure', ['kg'], { glued: true }),
  ...en('g', 'measure', ['grams', 'grammes', 'gram']),
  ...en('t', 'measure', ['metric tons', 'tonnes', 'tonne', 'tons', 'ton']),
  ...en('t', 'measure', ['t'], { gluedOnly: true, exactCase: true }),
  ...en('GW', 'measure', ['gigawatts', 'gigawatt']),
  ...en('GW', 'measure', ['GW'], { glued: true, exactCase: true }),
  ...en('MW', 'measure', ['megawatts', 'megawatt']),
  ...en('MW', 'measure', ['MW'], { glued: true, exactCase: true }),
  ...en('kW', 'measure', ['kilowatts', 'kilowatt']),
  ...en('kW', 'measure', ['kW'], { glued: true, exactCase: true }),
  ...en('kWh', 'measure', ['kilowatt-hours', 'kilowatt hours', 'kilowatt-hour']),
  ...en('kWh', 'measure', ['kWh'], { glued: true, exactCase: true }),
  ...en('GWh', 'measure', ['GWh'], { glued: true, exactCase: true }),
  ...en('TWh', 'measure', ['TWh'], { glued: true, exactCase: true }),
  ...en('L', 'measure', ['liters', 'litres', 'liter', 'litre']),
  ...en('TEU', 'measure', ['TEUs', 'TEU'], { exactCase: true }),
  // Storage and computing power, written tight or spaced ("512GB", "8,000 P" for PFLOPS).
  ...en('TB', 'measure', ['TB'], { glued: true, exactCase: true }),
  ...en('GB', 'measure', ['GB'], { glued: true, exactCase: true }),
  ...en('MB', 'measure', ['MB'], { glued: true, exactCase: true }),
  ...en('PB', 'measure', ['PB'], { glued: true, exactCase: true }),
  ...en('GHz', 'measure', ['GHz'], { glued: true, exactCase: true }),
  ...en('nm', 'measure', ['nm'], { glued: true, exactCase: true }),
  ...en('P', 'measure', ['PFLOPS', 'P'], { glued: true, exactCase: true }),
  ...en('E', 'measure', ['EFLOPS'], { glued: true, exactCase: true }),
  ...en('TFLOPS', 'measure', ['TFLOPS'], { glued: true, exactCase: true }),
  ...en('times', 'measure', ['times', 'fold']),
  ...en('year', 'time', ['years', 'year']),
  ...en('decade', 'time', ['decades', 'decade']),
  ...en('quarter', 'time', ['quarters', 'quarter']),
  ...en('month', 'time', ['months', 'month']),
  ...en('week', 'time', ['weeks', 'week']),
  ...en('day', 'time', ['days', 'day']),
  ...en('hour', 'time', ['hours', 'hour']),
  ...en('minute', 'time', ['minutes', 'minute']),
].sort((a, b) => b.surface.length - a.surface.length);

function zh(unit: string | null, kind: UnitKind, surfaces: string[]): UnitDef[] {
  return surfaces.map((surface) => ({ surface, unit: unit ?? surface, kind }));
}

/**
 * Chinese unit forms. `年` is here as a duration; the figure rules tell years ("2023年")
 * apart. 日/号 (dates), 点/时/分/秒 (clock times and scores) and 度 (kWh or degrees) are
 * deliberately absent.
 */
const ZH_UNITS: UnitDef[] = [
  ...zh('CNY', 'currency', ['元', '人民币', '元人民币']),
  ...zh('USD', 'currency', ['美元']),
  ...zh('HKD', 'currency', ['港元', '港币']),
  ...zh('EUR', 'currency', ['欧元']),
  ...zh('GBP', 'currency', ['英镑']),
  ...zh('JPY', 'currency', ['日元']),
  ...zh('KRW', 'currency', ['韩元']),
  ...zh('RUB', 'currency', ['卢布']),
  ...zh('TWD', 'currency', ['新台币']),
  ...zh('AUD', 'currency', ['澳元']),
  ...zh('%', 'measure', ['%', '％']),
  ...zh('‰', 'measure', ['‰']),
  ...zh('pp', 'measure', ['个百分点', '百分点']),
  ...zh('km2', 'measure', ['平方公里', '平方千米']),
  ...zh('m2', 'measure', ['平方米']),
  ...zh('m3', 'measure', ['立方米']),
  ...zh('ha', 'measure', ['公顷']),
  ...zh('mu', 'measure', ['亩']),
  ...zh('km', 'measure', ['公里', '千米']),
  ...zh('m', 'measure', ['米']),
  ...zh('cm', 'measure', ['厘米']),
  ...zh('mm', 'measure', ['毫米']),
  ...zh('mi', 'measure', ['英里']),
  ...zh('nmi', 'measure', ['海里']),
  ...zh('t', 'measure', ['吨']),
  ...zh('kg', 'measure', ['公斤', '千克']),
  ...zh('g', 'measure', ['克']),
  ...zh('jin', 'measure', ['斤']),
  ...zh('GW', 'measure', ['吉瓦']),
  ...zh('MW', 'measure', ['兆瓦']),
  ...zh('kWh', 'measure', ['千瓦时']),
  ...zh('kW', 'measure', ['千瓦']),
  ...zh('W', 'measure', ['瓦']),
  ...zh('L', 'measure', ['升']),
  ...zh('TEU', 'measure', ['标准箱', '标箱']),
  ...zh('times', 'measure', ['倍']),
  ...zh('year', 'time', ['年']),
  ...zh('quarter', 'time', ['个季度', '季度']),
  ...zh('TB', 'measure', ['TB']),
  ...zh('GB', 'measure', ['GB']),
  ...zh('P', 'measure', ['P']),
  ...zh('month', 'time', ['个月']),
  ...zh('week', 'time', ['周', '个星期']),
  ...zh('day', 'time', ['天']),
  ...zh('hour', 'time', ['小时', '个小时']),
  ...zh('minute', 'time', ['分钟']),
  ...zh('years old', 'measure', ['岁']),
  ...zh(null, 'counter', [
    '个', '家', '台', '辆', '项', '件', '人', '名', '位', '座', '架', '艘', '套', '款', '批', '次',
    '只', '条', '份', '张', '所', '户', '种', '类', '票', '场', '部', '本', '篇', '颗', '株', '头',
    '匹', '棵', '栋', '幢', '层', '间', '处', '宗', '起', '例', '单', '笔', '支', '枚', '块', '片',
    '对', '双', '轮', '届', '期', '口', '列', '趟', '班', '人次', '家次', '架次', '辆次', '批次', '列次',
  ]),
];

/** Chinese unit forms by first UTF-16 unit, longest first. */
const ZH_BY_FIRST: Map<number, UnitDef[]> = (() => {
  const m = new Map<number, UnitDef[]>();
  for (const d of [...ZH_UNITS].sort((a, b) => b.surface.length - a.surface.length)) {
    const k = d.surface.charCodeAt(0);
    const list = m.get(k);
    if (list) list.push(d);
    else m.set(k, [d]);
  }
  return m;
})();

/** The longest Chinese unit written at UTF-16 index `i` (no space before it), if any. */
export function matchZhUnit(text: string, i: number): UnitDef | null {
  const list = ZH_BY_FIRST.get(text.charCodeAt(i));
  if (!list) return null;
  for (const d of list) if (text.startsWith(d.surface, i)) return d;
  return null;
}

const LATIN_WORD_CHAR = /[A-Za-z0-9]/;

/** English unit forms by lowercased first character, longest first. */
const EN_BY_FIRST: Map<string, EnUnitDef[]> = (() => {
  const m = new Map<string, EnUnitDef[]>();
  for (const d of EN_UNITS) {
    const k = d.surface.charAt(0).toLowerCase();
    const list = m.get(k);
    if (list) list.push(d);
    else m.set(k, [d]);
  }
  return m;
})();

/**
 * The longest English unit at UTF-16 index `i`. `glued` says whether it follows the
 * number directly ("5km") or after a space ("5 km"); a word unit must end at a word end.
 */
export function matchEnUnit(text: string, i: number, glued: boolean): UnitDef | null {
  const list = EN_BY_FIRST.get(text.charAt(i).toLowerCase());
  if (!list) return null;
  for (const d of list) {
    if (glued ? !(d.glued || d.gluedOnly) : d.gluedOnly) continue;
    const got = text.slice(i, i + d.surface.length);
    if (d.exactCase ? got !== d.surface : got.toLowerCase() !== d.surface.toLowerCase()) continue;
    const next = text.charAt(i + d.surface.length);
    if (LATIN_WORD_CHAR.test(d.surface.slice(-1)) && next && LATIN_WORD_CHAR.test(next)) continue;
    return d;
  }
  return null;
}

/** ISO 4217 codes of currency signs and codes written before a number ("US$3", "€5", "RMB 10"). */
export const CURRENCY_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'], ['HK$', 'HKD'], ['NT$', 'TWD'], ['A$', 'AUD'], ['C$', 'CAD'], ['S$', 'SGD'],
  // ¥ is read as yuan: the corpus is Chinese and English news about China, where it means CNY.
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'CNY'], ['￥', 'CNY'],
  ['RMB', 'CNY'], ['CNY', 'CNY'], ['USD', 'USD'], ['EUR', 'EUR'], ['HKD', 'HKD'], ['GBP', 'GBP'], ['JPY', 'JPY'],
];
