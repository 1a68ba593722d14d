// Turns a file's bytes into text: a BOM decides; else strict UTF-8; else the likeliest legacy encoding (GB18030, Big5, …),
// flagged when unsure so the user can choose; or the user's own choice. Binary files are refused with a reason.

import type { EncodingCandidate } from '../core/ipc/contract';
import { canonicalEncoding, decodeLegacy, hasControlNoise, strictDecode } from './legacy-encoding';

/** A successful decode. */
export interface Decoded {
  ok: true;
  text: string;
  /** WHATWG encoding name used: utf-8, utf-16le, utf-16be, gb18030, big5, … */
  encoding: string;
  /** Set when the bytes read under several legacy encodings and the guess is not sure. */
  uncertain?: boolean;
  /** The readings, likeliest first, when {@link uncertain}. */
  candidates?: EncodingCandidate[];
}

/** A file that is not offered as a document, and why. */
export interface NotDecoded {
  ok: false;
  reason: string;
}

/** How much of the head is searched for NUL bytes when sniffing a binary file: enough for any real header. */
const SNIFF_BYTES = 8192;

/** The byte order marks this decoder honours, longest first. */
const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** The encoding a byte order mark at the start of `bytes` names, and the mark's length. */
export function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return null;
}

function strict(encoding: string, bytes: Uint8Array): Decoded | NotDecoded {
  const text = strictDecode(encoding, bytes);
  return text === null ? { ok: false, reason: `not valid ${encoding}` } : { ok: true, text, encoding };
}

/**
 * Decodes file bytes. Order: a BOM decides (UTF-8, UTF-16 LE/BE); bytes with NULs are
 * binary and refused; strict UTF-8; else the likeliest legacy encoding by
 * {@link decodeLegacy}, with `uncertain` and `candidates` when it is not sure. `declared`
 * (an HTML page's `<meta charset>`) is tried before the guess when UTF-8 fails.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded | NotDecoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const bom = bomOf(bytes);
  if (bom) return strict(bom.encoding, bytes.subarray(bom.length));
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const utf8 = strict('utf-8', bytes);
  if (utf8.ok) return utf8;
  const named = declared ? canonicalEncoding(declared) : null;
  if (named && named !== 'utf-8') {
    const text = strictDecode(named, bytes);
    if (text !== null && !hasControlNoise(text)) return { ok: true, text, encoding: named };
  }
  const legacy = decodeLegacy(bytes);
  if (!legacy) return { ok: false, reason: 'not text in any encoding tried (UTF-8, GB18030, Big5, or one chardet proposed)' };
  return legacy.uncertain
    ? { ok: true, text: legacy.text, encoding: legacy.encoding, uncertain: true, candidates: legacy.candidates }
    : { ok: true, text: legacy.text, encoding: legacy.encoding };
}

/**
 * Decodes with the encoding the user chose: strictly, so a wrong choice is refused with
 * the reason instead of shown as mojibake. A BOM of that same encoding is dropped.
 */
export function decodeWith(bytes: Uint8Array, encoding: string): Decoded | NotDecoded {
  const name = canonicalEncoding(encoding);
  if (!name) return { ok: false, reason: `unknown encoding "${encoding}"` };
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const bom = bomOf(bytes);
  const body = bom && bom.encoding === name ? bytes.subarray(bom.length) : bytes;
  const text = strictDecode(name, body);
  if (text === null) return { ok: false, reason: `the bytes are not valid ${name}` };
  return { ok: true, text, encoding: name };
}

export { canonicalEncoding };
