// Quantities written without digits: vague magnitudes ("millions of servers", "tens of thousands of", 上万, 数十万) and multiplier words ("twice").
//
// A vague magnitude names an order of magnitude, not a number. Its value is that order's
// lower bound and its approx `more-than`: "millions of servers" is true of 3,000,000 and
// false of 900,000. "hundreds of thousands" is 10^5, "tens of millions" 10^7; 数十万 10^5.

/** What a vague magnitude or multiplier word reads as; indices are UTF-16. */
export interface VagueNumber {
  end: number;
  value: number;
  /** 'times' for a multiplier word, else '' (the unit follows). */
  unit: string;
  /** True for magnitudes (approx more-than), false for exact words like "twice". */
  vague: boolean;
}

const EN_PLURAL_SCALE: Record<string, number> = { dozens: 1, hundreds: 2, thousands: 3, millions: 6, billions: 9 };
const EN_MULTIPLIER: Record<string, number> = { twice: 2, thrice: 3 };

/** "tens of thousands of", "hundreds of", "millions of": the order of magnitude and the " of " after it. */
const EN_VAGUE = /\b(?:(tens|hundreds)[ \t\u00a0]+of[ \t\u00a0]+)?(dozens|hundreds|thousands|millions|billions)[ \t\u00a0]+of(?=[ \t\u00a0])/iy;
const EN_MULTIPLIER_RE = /\b(twice|thrice)\b/iy;
/** 上万, 上百, 数十万, 几百, 数以万计 is left out (no unit follows it). */
const ZH_VAGUE = /[上数几]([十百千万亿]+)/y;
const HAN_SCALE_EXP: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };

/** The regex source of where a vague magnitude or multiplier word may start, for scanners. */
export const VAGUE_START = '\\b(?:tens|hundreds|thousands|millions|billions|dozens|twice|thrice)\\b|[上数几](?=[十百千万亿])';

/** Reads a vague magnitude or a multiplier word at UTF-16 index `i`, or null. */
export function readVague(text: string, i: number): VagueNumber | null {
  EN_MULTIPLIER_RE.lastIndex = i;
  let m = EN_MULTIPLIER_RE.exec(text);
  if (m) return { end: i + m[0].length, value: EN_MULTIPLIER[m[1]!.toLowerCase()]!, unit: 'times', vague: false };
  EN_VAGUE.lastIndex = i;
  m = EN_VAGUE.exec(text);
  if (m) {
    const outer = m[1] ? (m[1].toLowerCase() === 'tens' ? 1 : 2) : 0;
    const exp = EN_PLURAL_SCALE[m[2]!.toLowerCase()]! + outer;
    // "dozens of" is 12 and more, not a power of ten.
    const value = m[2]!.toLowerCase() === 'dozens' && !outer ? 12 : 10 ** exp;
    return { end: i + m[0].length, value, unit: '', vague: true };
  }
  ZH_VAGUE.lastIndex = i;
  m = ZH_VAGUE.exec(text);
  if (m) {
    let run = m[1]!;
    // 千米, 千克, 千瓦 are units: 上千米 keeps 千 for the unit reader only when nothing else scales it.
    if (run.length > 1 && run.endsWith('千') && /[米克瓦]/.test(text.charAt(i + 1 + run.length))) run = run.slice(0, -1);
    let exp = 0;
    for (const ch of run) exp += HAN_SCALE_EXP[ch]!;
    return { end: i + 1 + run.length, value: 10 ** exp, unit: '', vague: true };
  }
  return null;
}
