// A .jsonl corpus: one document per line (`text`, optional `id`, `title`, `meta`), each line its own document.
// Bad lines are listed with their numbers; the good ones are offered; keys such as `__proto__` stay plain data.

import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { docIdFromHex, normalizeText, titleOf } from '../core/model/text';
import type { LineDescription } from './doc-description';
import { splitJsonl } from './jsonl-lines';

/** Opens a corpus file for reading without waiting on a FIFO (O_NONBLOCK) and refuses anything but a regular file. */
async function openRegularForReading(abs: string): Promise<FileHandle> {
  const handle = await open(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw Object.assign(new Error(`${abs} is not a regular file`), { code: 'ENOTREG', kind: 'not a regular file' });
  }
  return handle;
}

/** Longest line of a JSONL corpus: 16 MiB of JSON is far past any document an annotator reads. */
export const MAX_JSONL_LINE_BYTES = 16 * 1024 * 1024;

/** The native export format's marker: such a file is annotations, not a corpus. */
const EXPORT_FORMAT = 'marginalia/1';

/** A parsed document line, text included. */
export interface ParsedLine {
  text: string;
  id?: string;
  title?: string;
  meta?: Record<string, unknown>;
}

/** What a JSONL corpus file holds. */
export interface JsonlCorpus {
  docs: LineDescription[];
  skipped: { line: number; reason: string }[];
  /** Set when the whole file is not a corpus (e.g. a Marginalia export). */
  refused?: string;
}

/** The document id of normalized text (kept here so this module does not import the corpus service). */
function idOf(normalized: string): string {
  return docIdFromHex(createHash('sha256').update(normalized, 'utf8').digest('hex'));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property only: `constructor`, `toString` and friends from the prototype are never fields. */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/**
 * Parses one line of a JSONL corpus: a JSON object with a non-empty string `text`, an
 * optional `id` (string or finite number), `title` (string) and `meta` (object). Returns
 * the reason when the line is not a document.
 */
export function parseCorpusLine(line: string): ParsedLine | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { reason: `not JSON (${(e as Error).message})` };
  }
  if (!isPlainObject(value)) return { reason: 'not a JSON object' };
  const text = own(value, 'text');
  if (typeof text !== 'string') return { reason: 'no "text" string field' };
  const normalized = normalizeText(text);
  if (normalized.trim() === '') return { reason: 'empty "text"' };
  const out: ParsedLine = { text: normalized };
  const id = own(value, 'id');
  if (id !== undefined && id !== null) {
    if (typeof id === 'string' && id !== '') out.id = id;
    else if (typeof id === 'number' && Number.isFinite(id)) out.id = String(id);
    else return { reason: 'the "id" must be a non-empty string or a number' };
  }
  const meta = own(value, 'meta');
  if (meta !== undefined && meta !== null) {
    if (!isPlainObject(meta)) return { reason: 'the "meta" must be an object' };
    out.meta = meta;
  }
  const title = own(value, 'title') ?? (out.meta ? own(out.meta, 'title') : undefined);
  if (typeof title === 'string' && title.trim()) out.title = title.trim();
  return out;
}

/**
 * Reads a JSONL corpus in bounded memory: each good line's id, title and offsets; each bad
 * line with its number and reason (not JSON, no text, too long, not UTF-8, duplicate id).
 * A file of Marginalia exports (`format: marginalia/1`) is refused as a whole.
 */
export async function readJsonlCorpus(abs: string, fileName: string, maxLineBytes = MAX_JSONL_LINE_BYTES): Promise<JsonlCorpus> {
  const docs: LineDescription[] = [];
  const skipped: { line: number; reason: string }[] = [];
  const ids = new Map<string, number>();
  const handle = await openRegularForReading(abs);
  try {
    for await (const l of splitJsonl(handle.createReadStream({ autoClose: false }), maxLineBytes)) {
      if (l.text === undefined) {
        skipped.push({ line: l.lineNo, reason: l.error ?? 'unreadable line' });
        continue;
      }
      if (docs.length === 0 && skipped.length === 0 && l.text.includes(EXPORT_FORMAT)) {
        try {
          const v: unknown = JSON.parse(l.text);
          if (isPlainObject(v) && own(v, 'format') === EXPORT_FORMAT) {
            return { docs: [], skipped: [], refused: 'a Marginalia export (format marginalia/1), not a corpus: it holds annotations, open its source documents instead' };
          }
        } catch {
          // Not JSON: reported below with the line's number.
        }
      }
      const parsed = parseCorpusLine(l.text);
      if ('reason' in parsed) {
        skipped.push({ line: l.lineNo, reason: l.unterminated ? `${parsed.reason}; the last line has no line end (cut short?)` : parsed.reason });
        continue;
      }
      if (parsed.id !== undefined) {
        const first = ids.get(parsed.id);
        if (first !== undefined) {
          skipped.push({ line: l.lineNo, reason: `duplicate id "${parsed.id}" (first on line ${first})` });
          continue;
        }
        ids.set(parsed.id, l.lineNo);
      }
      docs.push({
        line: l.lineNo,
        offset: l.offset,
        bytes: l.bytes,
        docId: idOf(parsed.text),
        title: parsed.title ?? titleOf(parsed.text, `${fileName}#${l.lineNo}`),
        ...(parsed.id !== undefined ? { id: parsed.id } : {}),
      });
    }
    return { docs, skipped };
  } finally {
    await handle.close();
  }
}

/** Reads one line back by its offsets; null when the bytes there are no longer that document. */
export async function readJsonlLineAt(abs: string, offset: number, bytes: number, docId: string): Promise<ParsedLine | null> {
  const handle = await openRegularForReading(abs);
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, offset);
    if (bytesRead !== bytes) return null;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      return null;
    }
    const parsed = parseCorpusLine(text);
    if ('reason' in parsed || idOf(parsed.text) !== docId) return null;
    return parsed;
  } finally {
    await handle.close();
  }
}
