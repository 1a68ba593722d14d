// Reads the counted noun after a Chinese counter ("9000多家纺织企业", "3个千亿级产业集群"), so Chinese counts keep their noun as English ones do.
//
// Chinese has no spaces and no plural, so the phrase is found by words (Intl.Segmenter):
// words are taken up to punctuation, a numeral, a function word or a common verb, then
// the phrase is cut back to its last word that ends in a noun head character (业 of 企业,
// 机 of 织机, 群 of 集群). A phrase that ends nowhere on such a word is not read, and the
// figure stops at the counter: that costs recall, never a span running into the verb.

/** Most words and Han characters a counted noun may have ("千亿级产业集群" is 5 words, 7 characters). */
const MAX_WORDS = 6;
const MAX_CHARS = 10;
/** UTF-16 units looked at after the counter: longer than any phrase kept. */
const WINDOW = 24;

/** Last characters of common nouns: what a counted phrase may end on. */
const NOUN_HEAD = new Set(
  [...'业司家区国地目品人员者所院校站厂园线车机船店户道群台器馆场港城市省县镇村团队组局厅委会社心室库仓位书网物货箭药苗型款链路桥楼房田林树鱼猪牛羊奖卡头岸屏灯桩井画片件包衣鞋表艇舰剂端码题项域段座门柜塔罐炉坝湖河江海山岛湾峰星球池板芯屋窑矿商工备施料术策金源权标案系统']
);
/** Words that end the phrase: function words and verbs that follow counts in news. */
const STOP = new Set(
  (
    '的 了 在 是 为 将 已 并 等 共 均 都 也 还 又 从 向 对 把 被 让 给 于 以 之 其 中 内 外 上 下 里 间 达 超 近 约 及 个 每 ' +
    // Single-character verbs the segmenter leaves alone when it splits an unknown verb (接|入).
    '接 入 进 出 来 去 到 用 获 建 投 开 设 办 运 售 做 卖 买 送 增 降 涨 跌 占 有 由 经 按 据 即 ' +
    '已经 正在 目前 其中 分别 共计 累计 同比 全年 全部 相关 主要 以上 左右 以来 之间 ' +
    '接入 参加 参与 落户 入驻 实现 完成 达到 进入 投产 运行 签约 获得 建成 建设 开展 推出 发布 提供 使用 生产 出口 进口 ' +
    '销售 参展 加入 覆盖 分布 位于 来自 包括 涉及 成为 共有 增长 下降 提升 带动 聚集 集聚 新增 拥有 采用 服务 应用 落地 ' +
    '上线 开通 运营 投用 就业 挂靠 正式 全天候 运转 工作 组装 交付 获批 认定 入选 亮相 展出 展示 研发 合作 签署 ' +
    '从事 专注 致力 主营 涉足 经营 属于 来到 前往 选择 表示 认为 希望 计划 预计 需要 可以 能够 已有'
  ).split(' '),
);
const JOIN = new Set(['和', '与', '及', '或']);
const HAN = /^[\u3400-\u9fff]+$/;
const NUMERAL_CHAR = /[0-9０-９零〇一二两三四五六七八九十百千万亿]/;
const LEVEL = /^[十百千万亿]+级/;
const OPEN_QUOTE = '“';
const CLOSE_QUOTE = '”';
/** Longest quoted name inside a counted phrase (“工赋链主”). */
const MAX_QUOTED = 12;

let segmenter: Intl.Segmenter | null = null;
function words(s: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(s)].map((x) => x.segment);
}

/** The counted noun starting at UTF-16 index `i` (right after a counter), or null: its end and text. */
export function readZhNoun(text: string, i: number): { end: number; text: string } | null {
  let pos = i;
  let chars = 0;
  let count = 0;
  let lastHead = -1;
  const tokens: { end: number; word: string }[] = [];
  const window = text.slice(i, i + WINDOW);
  let offset = 0;
  // A quoted name first: 25家“工赋链主”企业.
  if (window.startsWith(OPEN_QUOTE)) {
    const close = window.indexOf(CLOSE_QUOTE, 1);
    if (close < 0 || close > MAX_QUOTED) return null;
    offset = close + 1;
    tokens.push({ end: i + offset, word: window.slice(0, offset) });
  }
  // A level word first: 3个千亿级产业集群 (the level is part of what is counted).
  const level = LEVEL.exec(window.slice(offset));
  if (level) {
    offset += level[0].length;
    tokens.push({ end: i + offset, word: level[0] });
  }
  let run = '';
  for (const ch of window.slice(offset)) {
    if (!HAN.test(ch)) break;
    run += ch;
  }
  for (const w of words(run)) {
    if (count >= MAX_WORDS || chars + w.length > MAX_CHARS) break;
    if (STOP.has(w) || NUMERAL_CHAR.test(w)) break;
    pos = (tokens.at(-1)?.end ?? i) + w.length;
    tokens.push({ end: pos, word: w });
    count++;
    chars += w.length;
    if (!JOIN.has(w) && NOUN_HEAD.has(w.charAt(w.length - 1))) lastHead = tokens.length - 1;
  }
  if (lastHead < 0 || (offset > 0 && tokens[lastHead]!.end <= i + offset)) return null;
  const end = tokens[lastHead]!.end;
  return { end, text: text.slice(i, end) };
}
