// Parses the text of one FIGURE span into its attributes {value, unit, approx}, for spans the annotator draws by hand.

import { approxAfter, approxBefore, leadingApprox, trailingApprox, type Approx } from './approx';
import type { FigureAttrs } from './figures';
import { readQuantity, type Quantity } from './quantity';
import { readRateTail } from './rate';

/** Punctuation, spaces and particles that a drawn span may drag along at its end ("100亿元。", "5 km2 的", "了"). */
const TRAILING_JUNK = /(?:[\s。，,；;：:、！？!?)）」』》”’"']|(?<=[\p{Script=Han}\p{L}\p{N}%\s])[的了])+$/u;
/** "A to B days", "300家至500家", "10-15%", "2 and 3 billion" (after "between"). */
const RANGE = /^\s*(?:-|–|—|~|～|至|到|to\b|and\b)\s*/i;
/** A level word that is the whole figure: "trillion-level", "100-billion-yuan-level", 千亿级, 万亿元级. */
const EN_LEVEL = /^(?:([0-9][0-9,.]*)-)?(hundred|thousand|million|billion|trillion)(?:[ -](yuan|dollar|dollars|RMB))?[ -]level\b\s*/i;
const ZH_LEVEL = /^([0-9.]+)?([十百千万亿]+)(元|美元)?级/;
const EN_SCALE: Record<string, number> = { hundred: 2, thousand: 3, million: 6, billion: 9, trillion: 12 };
const ZH_SCALE: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };
const LEVEL_CURRENCY: Record<string, string> = { yuan: 'CNY', rmb: 'CNY', dollar: 'USD', dollars: 'USD', 元: 'CNY', 美元: 'USD' };

/** A span's text without the punctuation and particles glued to its end. */
export function stripTrailing(span: string): string {
  return span.replace(TRAILING_JUNK, '');
}

/** "trillion-level", 千亿级: an order of magnitude, approx about; the rest of the span is the unit. */
function parseLevel(text: string): FigureAttrs | null {
  const en = EN_LEVEL.exec(text);
  if (en) {
    const base = en[1] ? Number(en[1].replace(/,/g, '')) : 1;
    const unit = [en[3] ? LEVEL_CURRENCY[en[3].toLowerCase()]! : '', text.slice(en[0].length).trim()].filter(Boolean).join(' ');
    return { value: Number(`${base}e${EN_SCALE[en[2]!.toLowerCase()]!}`), unit, approx: 'about' };
  }
  const zh = ZH_LEVEL.exec(text);
  if (zh) {
    let exp = 0;
    for (const ch of zh[2]!) exp += ZH_SCALE[ch]!;
    const unit = [zh[3] ? LEVEL_CURRENCY[zh[3]]! : '', text.slice(zh[0].length).trim()].filter(Boolean).join(' ');
    return { value: Number(`${zh[1] ?? 1}e${exp}`), unit, approx: 'about' };
  }
  return null;
}

/** The unit of a quantity read with nothing after it, plus the words that follow it in the span. */
function unitWithRest(q: Quantity, rest: string): string {
  if (!rest) return q.unit;
  if (q.unitKind === 'none') return rest;
  // A Chinese counter's noun is what is counted: 9000多家纺织企业 → 纺织企业.
  if (q.unitKind === 'counter' && !/^[/每]/.test(rest)) return rest;
  return /^[/每]/.test(rest) ? `${q.unit}${rest}` : `${q.unit} ${rest}`;
}

/**
 * The attributes of a figure written as `span` ("43.9%", "1.5 trillion yuan", "2623.9亿元",
 * "260 robots per 10,000 people"), or null when it does not start with a number.
 *
 * `before` and `after` are the text just outside the span, where the guidelines put
 * approximators ("more than", "约", "以上", "within"); an approximator inside the span text
 * is read too. A range ("two to four weeks", "300家至500家") has value null and the unit of
 * its second end. A level word ("trillion-level", 千亿级) is its order of magnitude with
 * approx `about`; after a count ("3 trillion-level clusters") it is part of the unit.
 * Punctuation and the particles 的/了 at the end of the span are not part of the unit.
 */
export function parseFigure(span: string, before = '', after = ''): FigureAttrs | null {
  let text = stripTrailing(span.trim());
  let approx: Approx | null = null;
  const lead = leadingApprox(text);
  if (lead) {
    approx = lead.approx;
    text = text.slice(lead.length);
  }
  const trail = trailingApprox(text);
  if (trail) {
    approx = approx ?? trail.approx;
    text = stripTrailing(text.slice(0, text.length - trail.length).trimEnd());
  }
  const outside = (): Approx => approx ?? approxBefore(before, before.length)?.approx ?? approxAfter(after, 0)?.approx ?? 'none';
  const level = parseLevel(text);
  if (level) return { ...level, approx: approx ?? 'about' };
  const q = readQuantity(text, 0, { nounPhrase: false });
  if (!q) return null;
  const range = RANGE.exec(text.slice(q.end));
  if (range) {
    const q2 = readQuantity(text, q.end + range[0].length, { nounPhrase: false });
    if (q2 && (q.unitKind === 'none' || q.unit === q2.unit)) {
      const rest = text.slice(q2.end).trim();
      return { value: null, unit: unitWithRest(q2, rest), approx: q2.innerApprox ?? outside() };
    }
  }
  let unit = unitWithRest(q, text.slice(q.end).trim());
  const rate = readRateTail(text, q.end, /[\u3400-\u9fff]/.test(text));
  if (rate && rate.end === text.length && !unit.includes('/')) unit = `${q.unit}${rate.unit}`;
  return { value: q.value, unit, approx: q.innerApprox ?? outside() };
}
