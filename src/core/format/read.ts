// Reads native JSONL files line by line, keeping every valid line and naming every bad one by file and line.

import { NATIVE_FORMAT, type NativeLine } from './native';

/** A problem with one line of one file. */
export interface LineError {
  file: string;
  /** 1-based line number; 0 when the problem is with the whole file. */
  line: number;
  message: string;
}

/** A line that parsed, with where it came from. */
export interface ReadLine {
  file: string;
  line: number;
  value: NativeLine;
}

/** Result of {@link readNativeJsonl}: the valid lines and the errors of the rest. */
export interface ReadResult {
  lines: ReadLine[];
  errors: LineError[];
}

/** Longest line accepted, in UTF-16 units: a 64 MiB document is far past any real text; beyond it is a broken file. */
export const MAX_LINE_LENGTH = 64 * 1024 * 1024;

/** The major version of the format this reader implements (the N of `marginalia/N`). */
export const NATIVE_VERSION = 1;

/**
 * What a reader must do with a line's `format` tag: `null` when it is this
 * reader's version, otherwise the message that refuses the line. A newer
 * version is refused, never guessed at: its fields may mean something else.
 */
export function formatTagProblem(tag: unknown): string | null {
  if (tag === NATIVE_FORMAT) return null;
  if (tag === undefined) return `missing field "format" (expected "${NATIVE_FORMAT}")`;
  const m = typeof tag === 'string' ? /^marginalia\/(\d+)$/.exec(tag) : null;
  if (m && Number(m[1]) > NATIVE_VERSION) {
    return `format "${tag}" is newer than this reader (${NATIVE_FORMAT}): update Marginalia to read this line`;
  }
  return `field "format" must be "${NATIVE_FORMAT}", not ${JSON.stringify(tag)}: not a Marginalia native line`;
}

/** Result of {@link parseNativeLine}: the line, or why it is not one. */
export type ParsedLine = { value: NativeLine; error?: undefined } | { value?: undefined; error: string };

/**
 * Parses one line of a native export (without its newline). JSON.parse keeps a
 * `__proto__` key as an own data property, never as a prototype. Only a basic
 * shape check is made here; the full check (schema, offsets, ids) is the
 * validator's.
 */
export function parseNativeLine(raw: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return { error: `not valid JSON: ${(e as Error).message}` };
  }
  const problem = shapeProblem(value);
  return problem ? { error: problem } : { value: value as NativeLine };
}

/**
 * Parses the lines of a native export held in memory. For files of any size,
 * stream them through {@link JsonlSplitter} and {@link parseNativeLine} instead.
 */
export function readNativeJsonl(content: string, file: string): ReadResult {
  const lines: ReadLine[] = [];
  const errors: LineError[] = [];
  let lineNo = 0;
  let pos = 0;
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  while (pos < body.length) {
    let nl = body.indexOf('\n', pos);
    if (nl === -1) nl = body.length;
    const raw = body.slice(pos, nl).replace(/\r$/, '');
    pos = nl + 1;
    lineNo++;
    if (raw.trim() === '') continue;
    if (raw.length > MAX_LINE_LENGTH) {
      errors.push({ file, line: lineNo, message: `line is ${raw.length} characters long, over the limit of ${MAX_LINE_LENGTH}` });
      continue;
    }
    const parsed = parseNativeLine(raw);
    if (parsed.error !== undefined) errors.push({ file, line: lineNo, message: parsed.error });
    else lines.push({ file, line: lineNo, value: parsed.value });
  }
  return { lines, errors };
}

function shapeProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'a line must be a JSON object';
  const o = v as Record<string, unknown>;
  const tag = formatTagProblem(o.format);
  if (tag) return tag;
  for (const k of ['doc_id', 'annotator'] as const) if (typeof o[k] !== 'string') return `field "${k}" must be a string`;
  if (!Array.isArray(o.spans)) return 'field "spans" must be an array';
  if (o.relations !== undefined && !Array.isArray(o.relations)) return 'field "relations" must be an array';
  return null;
}
