// Deterministic ids for gold spans, relations and conflicts: the same inputs give the same ids, so a merge gives the same bytes.

/** Base32 digits, as the random ids of ../model/ids use. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** Characters of hash per id: 12 base32 digits carry 60 bits, the size of a random span id. */
const ID_LENGTH = 12;

/**
 * A 64-bit hash of a string, as two independent 32-bit lanes (FNV-1a and a
 * multiply-xorshift lane with another seed). Not cryptographic: ids only need to differ.
 */
function hash64(text: string): [number, number] {
  // FNV-1a offset basis and prime; the second lane uses the golden-ratio constant as seed.
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return [fmix(h1), fmix(h2 ^ h1)];
}

/** Final avalanche of murmur3 (fmix32): every input bit moves every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** An id with a one-letter kind prefix, derived from `parts` (joined by NUL, which no part contains in practice). */
export function stableId(kind: 's' | 'r' | 'c', parts: readonly (string | number)[]): string {
  const [hi, lo] = hash64(parts.join('\u0000'));
  let out = kind;
  // 6 digits from each lane: 30 bits of each 32.
  for (const lane of [hi, lo]) for (let k = 0; k < ID_LENGTH / 2; k++) out += ALPHABET[(lane >>> (5 * k)) & 31];
  return out;
}

/** The id of a gold span: from its document, offsets and label. */
export function goldSpanId(docId: string, start: number, end: number, label: string): string {
  return stableId('s', [docId, start, end, label]);
}

/** The id of a gold relation: from its document, label and the ids of its ends. */
export function goldRelationId(docId: string, label: string, head: string, tail: string): string {
  return stableId('r', [docId, label, head, tail]);
}
