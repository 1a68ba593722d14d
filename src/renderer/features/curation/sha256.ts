// SHA-256 as the curation UI needs it: synchronous (WebCrypto's digest is async), so the contract reader can
// check every doc_id against its text while the corpus is built, as the CLI does with node:crypto.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const encoder = new TextEncoder();

/** Lowercase hex SHA-256 of a string's UTF-8 bytes: what a document id hashes. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(encoder.encode(text)));
}
