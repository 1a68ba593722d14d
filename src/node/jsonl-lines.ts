// Reads a JSONL file line by line in bounded memory, with each line's byte offset (so one line can be read again
// alone) and a hard cap on line size; shared by JSONL corpora and the annotation journals.

import { createReadStream } from 'node:fs';

/** Bytes read from disk at a time: 1 MiB keeps memory flat and system calls few. */
const READ_CHUNK = 1024 * 1024;

/** One line of a JSONL file: its text, or why it has none. */
export interface JsonlLine {
  /** 1-based. */
  lineNo: number;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** Length of the line in bytes, without its LF (and CR). */
  bytes: number;
  /** The line's text (strict UTF-8), absent when {@link error} is set. */
  text?: string;
  error?: string;
  /** True for a last line without LF: complete if it parses, torn by a crash if it does not. */
  unterminated?: boolean;
}

const LF = 0x0a;
const CR = 0x0d;

/** True when a line holds nothing but spaces and tabs: skipped, not an error (files often end with one). */
function isBlank(buf: Uint8Array): boolean {
  for (const b of buf) if (b !== 0x20 && b !== 0x09) return false;
  return true;
}

/** The length of a UTF-8 byte order mark. */
const BOM_LENGTH = 3;

/** Re-chunks a stream so that its first chunk holds at least the BOM's three bytes (when the stream has them). */
async function* withHead(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let head: Uint8Array | null = new Uint8Array(0);
  for await (const chunk of chunks) {
    if (head === null) {
      yield chunk;
      continue;
    }
    const joined: Uint8Array = new Uint8Array(head.length + chunk.length);
    joined.set(head);
    joined.set(chunk, head.length);
    if (joined.length < BOM_LENGTH) {
      head = joined;
      continue;
    }
    head = null;
    yield joined;
  }
  if (head !== null && head.length) yield head;
}

/**
 * Splits a stream of chunks into lines at LF, dropping a CR before it and a UTF-8 BOM at the
 * start of the file. A line over `maxLineBytes` comes out as an error (its bytes are skipped,
 * never held); a line that is not UTF-8 likewise. Empty lines are skipped.
 */
export async function* splitJsonl(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<JsonlLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let overLong = false;
  let lineNo = 0;
  let lineStart = 0;
  let position = 0;
  let first = true;

  function finish(unterminated: boolean): JsonlLine | null {
    lineNo++;
    const offset = lineStart;
    let bytes = partBytes;
    let line: JsonlLine | null;
    if (overLong) {
      line = { lineNo, offset, bytes, error: `line is longer than ${maxLineBytes} bytes, the limit; it was skipped` };
    } else {
      let buf: Uint8Array;
      if (parts.length === 1) buf = parts[0]!;
      else {
        buf = new Uint8Array(partBytes);
        let at = 0;
        for (const p of parts) {
          buf.set(p, at);
          at += p.length;
        }
      }
      if (buf.length > 0 && buf[buf.length - 1] === CR) {
        buf = buf.subarray(0, buf.length - 1);
        bytes--;
      }
      if (isBlank(buf)) line = null;
      else {
        try {
          line = { lineNo, offset, bytes, text: decoder.decode(buf) };
        } catch {
          line = { lineNo, offset, bytes, error: 'line is not valid UTF-8' };
        }
      }
    }
    if (line && unterminated) line.unterminated = true;
    parts = [];
    partBytes = 0;
    overLong = false;
    return line;
  }

  for await (const chunk of withHead(chunks)) {
    let bytes = chunk;
    if (first) {
      first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        position = 3;
        lineStart = 3;
      }
    }
    let from = 0;
    for (;;) {
      const nl = bytes.indexOf(LF, from);
      const piece = bytes.subarray(from, nl === -1 ? bytes.length : nl);
      if (piece.length > 0 && !overLong) {
        if (partBytes + piece.length > maxLineBytes) {
          overLong = true;
          parts = [];
        } else parts.push(piece.slice());
      }
      partBytes += piece.length;
      if (nl === -1) break;
      const line = finish(false);
      if (line) yield line;
      lineStart = position + nl + 1;
      from = nl + 1;
    }
    position += bytes.length;
  }
  if (partBytes > 0) {
    const line = finish(true);
    if (line) yield line;
  }
}

/** The lines of a JSONL file on disk; see {@link splitJsonl}. */
export function readJsonlFile(path: string, maxLineBytes: number): AsyncGenerator<JsonlLine> {
  return splitJsonl(createReadStream(path, { highWaterMark: READ_CHUNK }) as AsyncIterable<Uint8Array>, maxLineBytes);
}
