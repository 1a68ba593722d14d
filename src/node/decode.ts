// Turns a file's bytes into text: BOM-marked UTF-8/UTF-16, plain UTF-8, else GB18030; binary files refused with a reason.

/** A successful decode. */
export interface Decoded {
  ok: true;
  text: string;
  /** WHATWG encoding label used: utf-8, utf-16le, utf-16be, gb18030. */
  encoding: string;
}

/** A file that is not offered as a document, and why. */
export interface NotDecoded {
  ok: false;
  reason: string;
}

/** How many leading bytes are checked for NUL when sniffing a binary file: enough for any real header. */
const SNIFF_BYTES = 8192;

/**
 * Decodes file bytes. Order: a BOM decides; else strict UTF-8; else GB18030
 * (a superset of GBK and GB2312, the usual legacy encoding of Chinese news);
 * bytes with NULs outside UTF-16 are binary and refused.
 */
export function decodeBytes(bytes: Uint8Array): Decoded | NotDecoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2));
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const utf8 = strict('utf-8', bytes);
  if (utf8.ok) return utf8;
  const gb = strict('gb18030', bytes);
  if (gb.ok && !hasControlNoise(gb.text)) return gb;
  return { ok: false, reason: 'not valid UTF-8 or GB18030 text' };
}

function strict(encoding: string, bytes: Uint8Array): Decoded | NotDecoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, reason: `not valid ${encoding}` };
  }
}

/** True when a decoded text holds C0 control characters other than tab, LF, CR, FF: the mark of a binary file. */
function hasControlNoise(text: string): boolean {
  return /[\u0000-\u0008\u000e-\u001f]/.test(text);
}
