// The one definition of a document's text: what the annotator sees, what offsets count and what the id hashes.

/**
 * Normalizes decoded file text: drops a leading BOM and turns CRLF and lone CR
 * into LF. Unicode normalization (NFC) is deliberately left alone: the
 * characters the annotator sees are never changed.
 */
export function normalizeText(decoded: string): string {
  const noBom = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  return noBom.indexOf('\r') === -1 ? noBom : noBom.replace(/\r\n?/g, '\n');
}

/** The document id for a SHA-256 hex digest of the normalized text's UTF-8 bytes. */
export function docIdFromHex(hex: string): string {
  return `sha256:${hex}`;
}

/** Longest title shown for a document, in code points; longer first lines are cut with an ellipsis. */
export const TITLE_MAX = 120;

/** The title of a document: its first non-blank line, trimmed (Markdown heading marks removed). */
export function titleOf(text: string, fallback: string): string {
  for (const line of text.split('\n', 50)) {
    const t = line.replace(/^#+\s*/, '').trim();
    if (t) {
      const chars = Array.from(t);
      return chars.length > TITLE_MAX ? chars.slice(0, TITLE_MAX - 1).join('') + '…' : t;
    }
  }
  return fallback;
}
