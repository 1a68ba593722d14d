// Guesses the legacy encoding of bytes that are not UTF-8 (GB18030/GBK, Big5, or a Western code page), and says
// when it is not sure: many byte strings decode without error as both GB18030 and Big5, and only one reads right.

import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { EncodingCandidate } from '../core/ipc/contract';
import { hanEvidence } from './common-han';

/** The double-byte Chinese encodings always tried; others come from chardet's guesses. */
const CHINESE = ['gb18030', 'big5'] as const;

/** Bytes weighed by chardet and by the character score: 64 KiB is thousands of characters, ample evidence, in bounded time. */
const SAMPLE_BYTES = 64 * 1024;

/** Fewer non-ASCII characters than this is not enough to be sure (a title, a two-word note): the user is asked. */
const MIN_EVIDENCE = 12;

/** A Chinese guess is sure only when at least half its characters are common ones (right decodes score about 0.9)… */
const SURE_RATIO = 0.5;

/** …and it scores at least twice the runner-up (wrong decodes score under 0.25). */
const SURE_MARGIN = 2;

/** chardet confidences (0..100) under this are its shrug: it gives 10 to every encoding on short input. */
const CHARDET_MIN = 20;

/** A non-Chinese guess (a Western code page) is sure only with this chardet confidence. */
const CHARDET_SURE = 50;

/** Weight of the common-character ratio in a Chinese candidate's score; chardet's confidence has the rest. */
const HAN_WEIGHT = 0.75;

/** Characters shown as a candidate's preview. */
const PREVIEW_CHARS = 40;

/** Candidates offered at most: more is noise in a chooser. */
const MAX_CANDIDATES = 4;

/** A legacy decode: the likeliest reading, and whether the user should be asked. */
export interface LegacyDecode {
  text: string;
  encoding: string;
  uncertain: boolean;
  /** Every encoding the bytes decode under, likeliest first; the first is `encoding`. */
  candidates: EncodingCandidate[];
}

/** The WHATWG name of an encoding label, or null when TextDecoder does not know it (or it is the `replacement` sink). */
export function canonicalEncoding(label: string): string | null {
  try {
    const name = new TextDecoder(label.trim()).encoding;
    return name === 'replacement' ? null : name;
  } catch {
    return null;
  }
}

/** Encodings the platform's TextDecoder decodes right; every other one goes through iconv-lite. */
const PLATFORM_DECODED = new Set(['utf-8', 'utf-16le', 'utf-16be']);

/**
 * Decodes strictly: null when any byte sequence is invalid in `encoding`. The legacy
 * encodings are decoded by iconv-lite, not by Node's TextDecoder, whose tables are wrong for
 * some of them in Node 20 (windows-1252 gives C1 controls for curly quotes, dashes and €);
 * iconv-lite marks an invalid sequence with U+FFFD, which no legacy encoding can hold, so one
 * in the output means the bytes are not in that encoding.
 */
export function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  if (!PLATFORM_DECODED.has(encoding) && iconv.encodingExists(encoding)) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
    return text.includes('\ufffd') ? null : text;
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * True when a decoded text holds control characters other than tab, LF, VT, FF, CR: C0 ones
 * (the mark of a binary file) or C1 ones (U+0080–U+009F, which no real text holds: the mark of
 * a wrong decode, such as windows-1252 bytes read as Latin-1).
 */
export function hasControlNoise(text: string): boolean {
  return /[\u0000-\u0008\u000e-\u001f\u0080-\u009f]/.test(text);
}

/** The first characters of the text around its first non-ASCII character: what tells readings apart. */
function previewOf(text: string): string {
  const first = text.search(/[^\u0000-\u007f]/);
  const from = first < 0 ? 0 : Math.max(0, text.lastIndexOf('\n', first) + 1);
  return Array.from(text.slice(from, from + PREVIEW_CHARS * 2).replace(/\s+/g, ' ').trim()).slice(0, PREVIEW_CHARS).join('');
}

interface Scored {
  encoding: string;
  text: string;
  score: number;
  sure: boolean;
}

/**
 * Decodes bytes that are not UTF-8. Each of GB18030, Big5 and the encodings chardet
 * proposes is tried strictly; each reading is scored by the share of common Chinese
 * characters (Chinese encodings) blended with chardet's confidence; the best is used and
 * flagged `uncertain` unless the evidence is long enough and clearly ahead. Null when no
 * encoding decodes the bytes cleanly.
 */
export function decodeLegacy(bytes: Uint8Array): LegacyDecode | null {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const confidence = new Map<string, number>();
  for (const m of chardet.analyse(sample)) {
    const name = canonicalEncoding(m.name);
    if (name && m.confidence > (confidence.get(name) ?? -1)) confidence.set(name, m.confidence);
  }
  const names = new Set<string>(CHINESE);
  for (const [name, conf] of confidence) {
    if (conf >= CHARDET_MIN && !name.startsWith('utf-')) names.add(name);
  }
  const scored: Scored[] = [];
  for (const encoding of names) {
    const text = strictDecode(encoding, bytes);
    if (text === null || hasControlNoise(text)) continue;
    const conf = (confidence.get(encoding) ?? 0) / 100;
    const ev = hanEvidence(text.slice(0, SAMPLE_BYTES));
    const enough = ev.weighed >= MIN_EVIDENCE;
    if ((CHINESE as readonly string[]).includes(encoding)) {
      scored.push({ encoding, text, score: HAN_WEIGHT * ev.ratio + (1 - HAN_WEIGHT) * conf, sure: enough && ev.ratio >= SURE_RATIO });
    } else {
      scored.push({ encoding, text, score: (1 - HAN_WEIGHT) * conf, sure: enough && conf * 100 >= CHARDET_SURE });
    }
  }
  if (scored.length === 0) return null;
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored as [Scored, ...Scored[]];
  const uncertain = !best.sure || (second !== undefined && best.score < SURE_MARGIN * second.score);
  return {
    text: best.text,
    encoding: best.encoding,
    uncertain,
    candidates: scored.slice(0, MAX_CANDIDATES).map((s) => ({ encoding: s.encoding, score: Math.round(s.score * 1000) / 1000, preview: previewOf(s.text) })),
  };
}
