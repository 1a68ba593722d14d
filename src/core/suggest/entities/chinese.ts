// Chinese entity proposals before the first label: the platform's word segmenter plus the kind words that end Chinese names (公司, 大学, 省, 港).
//
// No offline Chinese NER library runs in both the browser and Node at a reasonable size, so
// this is the "what the platform gives" half; the other half is the corpus dictionary of
// the annotator's own labels (./index merges them, the dictionary winning). A name is the
// run of up to four segmenter words right before a kind word, cut at punctuation,
// function words and numerals; a person is the two or three characters after a role word
// (记者, 研究员, 院士). Scores are low: the annotator judges.

import type { EntityProposal } from './english';

/** Kind words that end a name, by label; longer first so 研究所 wins over 所. */
const ENDINGS: ReadonlyArray<readonly [EntityProposal['label'], string[]]> = [
  ['ORG', ['有限公司', '股份公司', '公司', '集团', '研究所', '研究院', '科学院', '实验室', '大学', '学院', '银行', '委员会', '管理局', '总署', '新华社', '协会', '联盟', '中心', '医院', '交易所', '港务局', '日报', '部', '局', '厅']],
  ['LOC', ['自治区', '新片区', '新区', '开发区', '省', '市', '区', '县', '镇', '港', '湾', '河', '江', '湖', '山', '岛']],
];
/** Verbs and conjunctions that come before a name, never inside it (成立上海数据集团, 位于浦东新区). */
const LEADING_VERBS = new Set('成立 位于 设立 建设 布局 打造 暨 支持 推动 加快 发挥 支出 占 全市 不断 以外 据 由 向 经 该 国家 重点 核心'.split(' '));
/** Endings that make a name by themselves (a legal form, a research body): no place is needed before them. */
const STRONG_ENDINGS = new Set(['有限公司', '股份公司', '研究所', '研究院', '科学院', '实验室', '大学', '新华社', '交易所', '总署', '港务局', '日报', '自治区', '新片区', '新区', '开发区', '省']);
/**
 * Places that start Chinese organisation names (浙江省海港集团, 上海数据集团): the provinces, the
 * largest cities and the national prefixes. A weak ending (公司, 集团, 中心, 局) after anything
 * else is a common noun (航运公司, 算力中心) and not proposed.
 */
const PLACE_PREFIXES = (
  '中国 国家 全国 中央 北京 上海 天津 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 ' +
  '贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 深圳 广州 杭州 南京 武汉 成都 西安 苏州 宁波 青岛 厦门 合肥 长沙 ' +
  '郑州 济南 大连 沈阳 哈尔滨 长春 福州 昆明 南宁 贵阳 兰州 太原 石家庄 无锡 浦东 临港'
).split(' ');
/** Role words before a person's name. */
const ROLES = ['记者', '研究员', '院士', '教授', '主任', '局长', '市长', '董事长', '总经理', '总裁', '负责人', '工程师', '科学家', '专家', '委员'];
/** Characters that never belong in a name run. */
const NOT_NAME = /[\s\p{P}0-9０-９零〇一二两三四五六七八九十百千万亿的了在是和与及等将已从对为把被]/u;
/** Most segmenter words in a name before its kind word (正|泰|电气|股份 + 有限公司). */
const MAX_WORDS = 4;
/** Longest name run before a kind word, in characters. */
const MAX_NAME = 8;
/** A person's given name after a role word: two or three characters. */
const PERSON_AFTER_ROLE = /^([\u4e00-\u9fff]{2,3})(?=[\s，。、,.；;：:（(“"]|展示|表示|说|介绍|指出|认为|告诉|摄)/u;

let segmenter: Intl.Segmenter | null = null;
function segment(s: string): { segment: string; index: number }[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(s)].map((x) => ({ segment: x.segment, index: x.index }));
}

/** Entity proposals for Chinese text (UTF-16 offsets), in text order. */
export function chineseEntities(text: string): EntityProposal[] {
  const out: EntityProposal[] = [];
  for (const [label, words] of ENDINGS) {
    for (const word of words) {
      let at = text.indexOf(word);
      while (at >= 0) {
        const end = at + word.length;
        let start = at;
        while (start > 0 && at - start < MAX_NAME && !NOT_NAME.test(text.charAt(start - 1))) start--;
        // Keep whole words only: the run is cut back to a segmenter word boundary, at most three words.
        const run = text.slice(start, at);
        const segs = segment(text.slice(start, Math.min(text.length, end + 2)));
        // The kind word must be a word of its own (布局 is one word, not 布 + 局).
        const boundary = segs.some((g) => start + g.index === at);
        let keep = segs.filter((g) => start + g.index < at).slice(-MAX_WORDS);
        while (keep.length && LEADING_VERBS.has(keep[0]!.segment)) keep = keep.slice(1);
        const from = start + (keep[0]?.index ?? run.length);
        const name = text.slice(from, at);
        // A one-character ending (港, 市, 区) needs whole words before it (宁波|舟山|港, not 经|该|港); a weak ending needs a place first.
        const wordsOk = word.length > 1 || keep.every((g) => g.segment.length >= 2);
        const named = STRONG_ENDINGS.has(word) || label === 'LOC' || PLACE_PREFIXES.some((p) => name.startsWith(p));
        if (boundary && at - from >= 2 && wordsOk && named && !out.some((p) => p.start <= from && p.end >= end)) out.push({ start: from, end, label, score: STRONG_ENDINGS.has(word) ? 0.5 : 0.35 });
        at = text.indexOf(word, end);
      }
    }
  }
  for (const role of ROLES) {
    let at = text.indexOf(role);
    while (at >= 0) {
      const m = PERSON_AFTER_ROLE.exec(text.slice(at + role.length, at + role.length + 6));
      if (m) out.push({ start: at + role.length, end: at + role.length + m[1]!.length, label: 'PERSON', score: 0.4 });
      at = text.indexOf(role, at + role.length);
    }
  }
  return dropNested(out.sort((a, b) => a.start - b.start || b.end - a.end));
}

/** Longest first where proposals overlap: 上海光学精密机械研究所 over 研究所. */
function dropNested(list: EntityProposal[]): EntityProposal[] {
  const out: EntityProposal[] = [];
  for (const p of list) {
    const last = out[out.length - 1];
    if (last && p.start < last.end) continue;
    out.push(p);
  }
  return out;
}
