// Short unique ids for spans and relations, readable in exports and unique across annotators.

/** Base32 digits (no 0/1/8/9 look-alikes are needed: ids are never typed). */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** Random characters per id: 12 base32 digits are 60 bits, ample for one corpus. */
const ID_LENGTH = 12;

/** A random id with a one-letter kind prefix: `s` for spans, `r` for relations. */
export function newId(kind: 's' | 'r'): string {
  const bytes = new Uint8Array(ID_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let out = kind;
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}
