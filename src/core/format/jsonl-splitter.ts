// Splits a byte stream into JSONL lines with a hard cap on line size, so that a
// 100 MB export (or a hostile 4 GB line) is read in bounded memory, in Node or in the browser.

/** Default cap on one line, in bytes: 64 MiB is far past any real document; beyond it the file is broken. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** One line out of {@link JsonlSplitter}: its text, or why it has none. */
export type SplitLine =
  | { lineNo: number; text: string; error?: undefined; bom?: boolean }
  | { lineNo: number; text?: undefined; error: string; bom?: boolean };

/** The three bytes of a UTF-8 byte order mark. */
const BOM = [0xef, 0xbb, 0xbf] as const;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Cuts chunks of bytes into lines at LF (a CR before it is dropped), decodes
 * each line as strict UTF-8 and refuses, with a message, lines over the cap:
 * their bytes are skipped up to the next LF, never held. A UTF-8 BOM at the
 * start of the stream is removed and flagged on line 1 (`bom: true`), since
 * Python's `json.loads` refuses it. Push chunks with {@link push}, then call
 * {@link end} once.
 */
export class JsonlSplitter {
  private readonly maxLineBytes: number;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private parts: Uint8Array[] = [];
  private partBytes = 0;
  private overLong = false;
  private lineNo = 0;
  private atStart = true;
  private sawBom = false;
  /** Bytes held back at the very start until we know whether they are a BOM. */
  private head: number[] = [];

  constructor(options: { maxLineBytes?: number } = {}) {
    this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  }

  /** Number of lines seen so far, counting a last line without LF only after {@link end}. */
  get lines(): number {
    return this.lineNo;
  }

  /** Feeds the next chunk; returns the lines it completed. */
  push(chunk: Uint8Array): SplitLine[] {
    let bytes = chunk;
    if (this.atStart) {
      // Hold back the first bytes until three are known, to strip a BOM split across chunks.
      const need = BOM.length - this.head.length;
      this.head.push(...bytes.subarray(0, need));
      bytes = bytes.subarray(need);
      if (this.head.length < BOM.length) return [];
      this.atStart = false;
      const isBom = this.head.every((b, i) => b === BOM[i]);
      this.sawBom = isBom;
      const head = isBom ? new Uint8Array(0) : Uint8Array.from(this.head);
      this.head = [];
      return [...this.scan(head), ...this.scan(bytes)];
    }
    return this.scan(bytes);
  }

  /** Ends the stream; returns the last line if it had no LF. */
  end(): SplitLine[] {
    const out: SplitLine[] = [];
    if (this.atStart) {
      this.atStart = false;
      out.push(...this.scan(Uint8Array.from(this.head)));
      this.head = [];
    }
    if (this.partBytes > 0 || this.overLong) {
      const line = this.finishLine();
      if (line) out.push(line);
    }
    return out;
  }

  private scan(bytes: Uint8Array): SplitLine[] {
    const out: SplitLine[] = [];
    let from = 0;
    for (;;) {
      const nl = bytes.indexOf(LF, from);
      const piece = bytes.subarray(from, nl === -1 ? bytes.length : nl);
      this.add(piece);
      if (nl === -1) break;
      const line = this.finishLine();
      if (line) out.push(line);
      from = nl + 1;
    }
    return out;
  }

  private add(piece: Uint8Array): void {
    if (piece.length === 0 || this.overLong) return;
    if (this.partBytes + piece.length > this.maxLineBytes) {
      this.overLong = true;
      this.parts = [];
      this.partBytes = 0;
      return;
    }
    // Copy: the caller may reuse its chunk buffer.
    this.parts.push(piece.slice());
    this.partBytes += piece.length;
  }

  private finishLine(): SplitLine | null {
    this.lineNo++;
    const lineNo = this.lineNo;
    const bom = lineNo === 1 && this.sawBom ? true : undefined;
    if (this.overLong) {
      this.overLong = false;
      return { lineNo, bom, error: `line is longer than ${this.maxLineBytes} bytes, the limit; it was skipped` };
    }
    let bytes: Uint8Array;
    if (this.parts.length === 1) bytes = this.parts[0]!;
    else {
      bytes = new Uint8Array(this.partBytes);
      let at = 0;
      for (const p of this.parts) {
        bytes.set(p, at);
        at += p.length;
      }
    }
    this.parts = [];
    this.partBytes = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    try {
      return { lineNo, bom, text: this.decoder.decode(bytes) };
    } catch {
      return { lineNo, bom, error: 'line is not valid UTF-8' };
    }
  }
}
