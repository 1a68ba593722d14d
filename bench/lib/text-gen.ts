// Synthetic but realistic documents for the benchmark: mixed English and Chinese news paragraphs with
// figures, people, organisations and places, generated from a seed, with the offsets of every entity
// and sentence recorded as they are written (so spans are exact without searching the text).

import { between, chance, pick, prng, type Rng } from './prng';

/** A labelled stretch of generated text, in code points (end exclusive). */
export interface GeneratedEntity {
  start: number;
  end: number;
  label: string;
}

/** A generated document: its text, the entities and the sentences in it, and its paragraphs. */
export interface GeneratedText {
  text: string;
  /** Entities and figures, in order of start. */
  entities: GeneratedEntity[];
  /** Whole sentences (the natural CLAIM spans), in order of start. */
  sentences: { start: number; end: number }[];
  /** Number of paragraphs (lines); paragraphs are separated by one "\n". */
  paragraphs: number;
}

const EN = {
  PERSON: ['Maria Okonkwo', 'Daniel Reyes', 'Aiko Tanaka', 'Samuel Osei', 'Helena Varga', 'Priya Raman', 'Tomasz Nowak', 'Grace Liu', 'Omar Haddad', 'Ingrid Solberg', 'Lucas Ferreira', 'Fatima Zahra', 'Wei Zhang', 'Elena Petrova'],
  ORG: ['Harbour City Port Authority', 'Northwind Logistics', 'Lakeside Energy Co.', 'the National Statistics Bureau', 'Meridian Bank', 'Crestline Robotics', 'the Ministry of Transport', 'Bluewater Shipping Ltd.', 'Aurora Semiconductor', 'the Central Planning Office', 'Greenfield Agritech', 'Pacific Rail Group'],
  LOC: ['Harbour City', 'Rotterdam', 'Singapore', 'the Pearl River Delta', 'Lake Ostra', 'Valparaiso', 'Gdansk', 'the Northern District', 'Mombasa', 'Hamburg', 'the Upper Valley', 'Busan'],
  PRODUCT: ['the Sinan crane', 'the C919', 'the Atlas-7 battery', 'the Kestrel drone', 'the Orca dredger', 'the Helios panel', 'the Tern ferry', 'the Quill scanner'],
  EVENT: ['the Spring Festival', 'the Harbour Expo', 'the Lake Ostra Marathon', 'the Global Shipping Summit', 'the Autumn Trade Fair'],
  POLICY: ['the Clean Ports Plan', 'the Digital Customs Act', 'the 2030 Energy Roadmap', 'the Coastal Resilience Programme', 'the Fair Freight Directive'],
};

const ZH = {
  PERSON: ['王建国', '李晓梅', '张伟', '陈静', '刘洋', '杨帆', '赵敏', '黄志强', '周婷', '吴磊', '徐海燕', '孙立新'],
  ORG: ['上海国际港务集团', '国家统计局', '宁德时代', '中国远洋海运集团', '深圳市交通运输局', '华东电网公司', '招商银行', '中国商飞', '长江航务管理局', '广州港集团'],
  LOC: ['上海', '洋山深水港', '临港新片区', '长江三角洲', '深圳', '宁波舟山港', '粤港澳大湾区', '青岛', '天津滨海新区', '重庆'],
  PRODUCT: ['C919大飞机', '司南号起重机', '麒麟电池', '蛟龙号', '复兴号动车组', '天鲲号挖泥船'],
  EVENT: ['春节', '进博会', '中国国际航运峰会', '广交会', '世界人工智能大会'],
  POLICY: ['十四五规划', '长江保护法', '绿色航运行动方案', '数字口岸建设方案', '双碳目标实施意见'],
};

const EN_UNITS = ['million TEU', 'billion dollars', 'million tonnes', 'trillion yuan', 'megawatts', 'kilometres', 'million passengers', 'billion euros', 'gigawatt-hours', 'tonnes'];
const ZH_UNITS = ['亿元', '万标准箱', '万吨', '万千瓦', '公里', '万人次', '亿千瓦时', '万辆'];

/** A slot in a template: an entity kind to fill, or a figure. */
type Slot = keyof typeof EN | 'FIGURE' | 'PCT' | 'YEAR';

/** Sentence templates: text with {SLOT} holes. Years are not figures (the guidelines say so), so YEAR is plain text. */
const EN_TEMPLATES = [
  '{ORG} handled {FIGURE} last year, up {PCT} from the year before, said {PERSON}.',
  'In {LOC}, {ORG} invested {FIGURE} in {PRODUCT} during {YEAR}.',
  '{PERSON} told reporters at {EVENT} that {POLICY} would cut emissions by {PCT} by {YEAR}.',
  'Freight volumes through {LOC} reached {FIGURE}, according to {ORG}.',
  '{ORG} expects {PRODUCT} to carry {FIGURE} a year once {POLICY} takes effect.',
  'Analysts at {ORG} said the rise of {PCT} in {LOC} was driven by exports of {PRODUCT}.',
  'During {EVENT}, {LOC} recorded {FIGURE}, the highest figure since {YEAR}.',
  '{PERSON}, who chairs {ORG}, said the budget of {FIGURE} was approved under {POLICY}.',
  'Output at the {LOC} plant fell {PCT} in the third quarter, {PERSON} said.',
  'The new terminal in {LOC} will add {FIGURE} of capacity, {ORG} announced on Tuesday.',
  'Under {POLICY}, {ORG} must report {FIGURE} of annual emissions by {YEAR}.',
  'Ticket sales for {EVENT} rose {PCT} to {FIGURE}, organisers in {LOC} said.',
];

const ZH_TEMPLATES = [
  '据{ORG}介绍，{YEAR}年{LOC}完成集装箱吞吐量{FIGURE}，同比增长{PCT}。',
  '{PERSON}在{EVENT}上表示，{POLICY}实施后，{LOC}的碳排放将下降{PCT}。',
  '{ORG}宣布投资{FIGURE}，在{LOC}建设{PRODUCT}生产基地。',
  '{YEAR}年{LOC}全年用电量达到{FIGURE}，其中新能源占比约{PCT}。',
  '{PERSON}说，{ORG}今年计划交付{PRODUCT}，订单总额超过{FIGURE}。',
  '根据{POLICY}，{LOC}到{YEAR}年将新增充电桩{FIGURE}。',
  '{EVENT}期间，{LOC}共接待游客{FIGURE}，比去年同期增长{PCT}。',
  '{ORG}董事长{PERSON}表示，未来三年将投入{FIGURE}用于智慧港口建设。',
  '{LOC}第三季度货运量下降{PCT}，{ORG}认为主要受外需放缓影响。',
  '{PRODUCT}已在{LOC}完成试运行，累计运营里程{FIGURE}。',
];

/** A figure in the English style: "41.2 million TEU", "3,450 tonnes". */
function enFigure(rng: Rng): string {
  const unit = pick(rng, EN_UNITS);
  if (unit === 'tonnes' || unit === 'kilometres' || unit === 'megawatts') {
    return `${between(rng, 1, 99).toLocaleString('en-US')},${String(between(rng, 0, 999)).padStart(3, '0')} ${unit}`;
  }
  return `${between(rng, 1, 999)}.${between(rng, 0, 9)} ${unit}`;
}

/** A figure in the Chinese style: "2623.9亿元", "120万吨". */
function zhFigure(rng: Rng): string {
  const n = chance(rng, 0.5) ? `${between(rng, 1, 9999)}.${between(rng, 0, 9)}` : String(between(rng, 10, 9999));
  return `${n}${pick(rng, ZH_UNITS)}`;
}

function percent(rng: Rng): string {
  return `${between(rng, 0, 49)}.${between(rng, 0, 9)}%`;
}

/** Appends text to a document under construction, tracking code points (all generated text is BMP: UTF-16 length is code points). */
class Writer {
  readonly parts: string[] = [];
  length = 0;
  entities: GeneratedEntity[] = [];
  sentences: { start: number; end: number }[] = [];

  write(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  entity(s: string, label: string): void {
    this.entities.push({ start: this.length, end: this.length + s.length, label });
    this.write(s);
  }

  /** Writes one sentence from a template, recording each filled slot and the sentence itself. */
  sentence(rng: Rng, template: string, zh: boolean): void {
    const start = this.length;
    const names = zh ? ZH : EN;
    for (const piece of template.split(/(\{[A-Z]+\})/)) {
      const m = /^\{([A-Z]+)\}$/.exec(piece);
      if (!m) {
        if (piece) this.write(piece);
        continue;
      }
      const slot = m[1] as Slot;
      if (slot === 'YEAR') this.write(String(between(rng, 2015, 2030)));
      else if (slot === 'FIGURE') this.entity(zh ? zhFigure(rng) : enFigure(rng), 'FIGURE');
      else if (slot === 'PCT') this.entity(percent(rng), 'FIGURE');
      else {
        let name = pick(rng, names[slot]);
        // The sentence may start with a slot: capitalise "the" there (the entity keeps its own text).
        if (!zh && this.length === start && name.startsWith('the ')) name = 'T' + name.slice(1);
        this.entity(name, slot);
      }
    }
    this.sentences.push({ start, end: this.length });
  }
}

/** Options of {@link generateText}. */
export interface TextOptions {
  /** Length to reach, in code points: generation stops at the first paragraph end at or past it. */
  chars: number;
  seed: number;
  /** Share of paragraphs in Chinese (0..1); 0.4 by default. */
  zhShare?: number;
}

/**
 * Generates a document of about `opts.chars` code points: paragraphs of three to eight sentences, each
 * paragraph in English or Chinese, separated by single newlines. All characters are in the Basic
 * Multilingual Plane, so UTF-16 offsets equal code points (the peers count UTF-16 units).
 */
export function generateText(opts: TextOptions): GeneratedText {
  const rng = prng(opts.seed);
  const zhShare = opts.zhShare ?? 0.4;
  const w = new Writer();
  let paragraphs = 0;
  while (w.length < opts.chars) {
    if (paragraphs > 0) w.write('\n');
    const zh = chance(rng, zhShare);
    const n = between(rng, 3, 8);
    for (let i = 0; i < n; i++) {
      if (i > 0 && !zh) w.write(' ');
      w.sentence(rng, pick(rng, zh ? ZH_TEMPLATES : EN_TEMPLATES), zh);
    }
    paragraphs++;
  }
  return { text: w.parts.join(''), entities: w.entities, sentences: w.sentences, paragraphs };
}
