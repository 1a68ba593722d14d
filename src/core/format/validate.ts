// The full check of a native export, one line at a time: schema, version, offsets, ids, relations, duplicates, order.
// Streaming by design: `marginalia validate` feeds it lines of any file size; nothing but one key per line is kept.

import { compareLines, compareSpans } from './native';
import { schemaProblems } from './native-schema';
import { formatTagProblem } from './read';
import type { SplitLine } from './jsonl-splitter';
import { OffsetMap, codePointLength } from '../model/offsets';
import { loneSurrogateProblems, nonIntegerOffsetProblems } from './written-numbers';
import type { CodePoint } from '../model/types';

/** How bad a problem is: errors make a file invalid, warnings do not. */
export type Severity = 'error' | 'warning';

/** One problem of one line (line 0: the file as a whole). */
export interface Problem {
  line: number;
  severity: Severity;
  message: string;
}

/** Options of {@link NativeValidator}. */
export interface ValidatorOptions {
  /**
   * Lowercase hex SHA-256 of a string's UTF-8 bytes. When given, `doc_id` is
   * checked against `text`. Left to the host: hashing is synchronous in Node
   * (node:crypto) but not in the browser.
   */
  sha256Hex?: (text: string) => string;
}

/** Longest excerpt of text quoted in a message, in code points. */
const QUOTE_MAX = 40;

function quote(s: string): string {
  const chars = Array.from(s);
  return JSON.stringify(chars.length > QUOTE_MAX ? chars.slice(0, QUOTE_MAX).join('') + '…' : s);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validates the lines of one native file in order. Feed it every line the
 * splitter yields ({@link checkSplitLine}), then call {@link end}. Every
 * problem is reported, not just the first.
 */
export class NativeValidator {
  private readonly options: ValidatorOptions;
  /** (doc_id, annotator) → the line that first had it; a Map, so `__proto__` is just a key. */
  private readonly seen = new Map<string, number>();
  private previous: { doc_id: string; annotator: string; line: number } | null = null;
  private reportedLineOrder = false;
  private contentLines = 0;

  constructor(options: ValidatorOptions = {}) {
    this.options = options;
  }

  /** Checks one line as the splitter yields it: over-long, bad UTF-8, BOM, blank, then {@link checkText}. */
  checkSplitLine(l: SplitLine): Problem[] {
    const out: Problem[] = [];
    if (l.bom) {
      out.push({
        line: l.lineNo,
        severity: 'error',
        message: 'the file starts with a UTF-8 byte order mark: Python\'s json.loads and most JSONL readers refuse it; save the file without BOM',
      });
    }
    if (l.error !== undefined) {
      this.contentLines++;
      out.push({ line: l.lineNo, severity: 'error', message: l.error });
      return out;
    }
    return [...out, ...this.checkText(l.text, l.lineNo)];
  }

  /** Checks the text of one line (without its newline). */
  checkText(raw: string, lineNo: number): Problem[] {
    return this.readText(raw, lineNo).problems;
  }

  /**
   * Checks one line as the splitter yields it and hands back its parsed value, so that a
   * command reading native input parses each line once: `value` is set only when the line
   * has no error (warnings allowed) and is not blank.
   */
  readSplitLine(l: SplitLine): { value?: unknown; problems: Problem[] } {
    if (l.bom || l.error !== undefined) return { problems: this.checkSplitLine(l) };
    return this.readText(l.text, l.lineNo);
  }

  private readText(raw: string, lineNo: number): { value?: unknown; problems: Problem[] } {
    if (raw.trim() === '') {
      return { problems: [{ line: lineNo, severity: 'warning', message: 'blank line: a reader that calls json.loads on every line fails here' }] };
    }
    this.contentLines++;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      return { problems: [{ line: lineNo, severity: 'error', message: `not valid JSON: ${(e as Error).message}` }] };
    }
    const problems = this.checkValue(value, lineNo);
    // What JSON.parse hides: 17.0 and 1.7e1 parse as 17 (Python reads floats), "\ud800" as a lone surrogate.
    for (const m of nonIntegerOffsetProblems(raw)) problems.push({ line: lineNo, severity: 'error', message: m });
    for (const m of loneSurrogateProblems(raw, value)) problems.push({ line: lineNo, severity: 'error', message: m });
    return problems.some((p) => p.severity === 'error') ? { problems } : { value, problems };
  }

  /** Checks one parsed line. */
  checkValue(value: unknown, lineNo: number): Problem[] {
    const out: Problem[] = [];
    const error = (message: string) => out.push({ line: lineNo, severity: 'error', message });
    const warning = (message: string) => out.push({ line: lineNo, severity: 'warning', message });
    if (!isRecord(value)) {
      error('a line must be a JSON object');
      return out;
    }
    const tag = formatTagProblem(value.format);
    if (tag && value.format !== undefined) {
      // A newer or foreign line: its other fields cannot be judged by this version's rules.
      error(tag);
      return out;
    }
    for (const m of schemaProblems(value)) error(m);
    this.checkOffsets(value, error);
    this.checkIds(value, error, warning);
    this.checkDocId(value, error);
    this.checkLineKey(value, lineNo, error, warning);
    return out;
  }

  /** Problems of the file as a whole, once every line was fed. */
  end(): Problem[] {
    return this.contentLines === 0
      ? [{ line: 0, severity: 'error', message: 'the file is empty: a native export has one line per (document, annotator)' }]
      : [];
  }

  private checkOffsets(v: Record<string, unknown>, error: (m: string) => void): void {
    if (!Array.isArray(v.spans)) return;
    const text = typeof v.text === 'string' ? v.text : null;
    const map = text === null ? null : new OffsetMap(text);
    v.spans.forEach((s: unknown, i) => {
      if (!isRecord(s) || !isInt(s.start) || !isInt(s.end)) return;
      const name = `spans[${i}]${typeof s.id === 'string' ? ` (id ${JSON.stringify(s.id)})` : ''}`;
      const { start, end } = s;
      if (start >= end) {
        error(`${name}: start ${start} must be before end ${end}`);
        return;
      }
      if (start < 0) return; // the schema already said so
      if (map && text !== null) {
        if (end > map.codePointLength) {
          error(`${name}: end ${end} is past the end of the text (${map.codePointLength} code points)`);
          return;
        }
        if (typeof s.text !== 'string') return;
        const actual = text.slice(map.toUtf16(start as CodePoint), map.toUtf16(end as CodePoint));
        if (actual !== s.text) {
          error(`${name}: text[${start}:${end}] is ${quote(actual)} but the span's text is ${quote(s.text)} (offsets are code points)`);
        }
      } else if (typeof s.text === 'string') {
        const n = codePointLength(s.text);
        if (n !== end - start) error(`${name}: the span's text is ${n} code points long but end - start is ${end - start}`);
      }
    });
  }

  private checkIds(v: Record<string, unknown>, error: (m: string) => void, warning: (m: string) => void): void {
    const spanIds = new Map<string, number>();
    if (Array.isArray(v.spans)) {
      v.spans.forEach((s: unknown, i) => {
        if (!isRecord(s) || typeof s.id !== 'string') return;
        const first = spanIds.get(s.id);
        if (first !== undefined) error(`spans[${i}]: duplicate span id ${JSON.stringify(s.id)} (first at spans[${first}])`);
        else spanIds.set(s.id, i);
        if (s.sources !== undefined && v.annotator !== 'adjudicated') {
          warning(`spans[${i}]: "sources" belongs on adjudicated lines only (annotator is ${JSON.stringify(v.annotator)})`);
        }
      });
      const typed = v.spans.filter(
        (s): s is { start: number; end: number; label: string; id: string } =>
          isRecord(s) && isInt(s.start) && isInt(s.end) && typeof s.label === 'string' && typeof s.id === 'string',
      );
      if (typed.length === v.spans.length) {
        const bad = typed.findIndex((s, i) => i > 0 && compareSpans(typed[i - 1]!, s) > 0);
        if (bad > 0) warning(`spans are not in the order start, end, label, id (first out of place: spans[${bad}]); the same annotations must always export to the same bytes`);
      }
    }
    if (!Array.isArray(v.relations)) return;
    const relIds = new Map<string, number>();
    v.relations.forEach((r: unknown, i) => {
      if (!isRecord(r)) return;
      const name = `relations[${i}]${typeof r.id === 'string' ? ` (id ${JSON.stringify(r.id)})` : ''}`;
      if (typeof r.id === 'string') {
        const first = relIds.get(r.id);
        if (first !== undefined) error(`relations[${i}]: duplicate relation id ${JSON.stringify(r.id)} (first at relations[${first}])`);
        else relIds.set(r.id, i);
      }
      for (const end of ['head', 'tail'] as const) {
        const ref = r[end];
        if (typeof ref === 'string' && !spanIds.has(ref)) error(`${name}: ${end} ${JSON.stringify(ref)} is not the id of a span of this line`);
      }
    });
  }

  private checkDocId(v: Record<string, unknown>, error: (m: string) => void): void {
    if (typeof v.text !== 'string') return;
    if (v.text.charCodeAt(0) === 0xfeff) error('text starts with a byte order mark: native text is normalized without it');
    if (v.text.includes('\r')) error('text contains a carriage return: native text is normalized to LF line ends');
    const hash = this.options.sha256Hex;
    if (!hash || typeof v.doc_id !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(v.doc_id)) return;
    const expected = `sha256:${hash(v.text)}`;
    if (expected !== v.doc_id) error(`doc_id is not the SHA-256 of the line's text (that would be ${expected})`);
  }

  private checkLineKey(v: Record<string, unknown>, lineNo: number, error: (m: string) => void, warning: (m: string) => void): void {
    if (typeof v.doc_id !== 'string' || typeof v.annotator !== 'string') return;
    const key = JSON.stringify([v.doc_id, v.annotator]);
    const first = this.seen.get(key);
    if (first !== undefined) {
      error(`duplicate line for doc_id ${v.doc_id} and annotator ${JSON.stringify(v.annotator)} (first at line ${first})`);
    } else this.seen.set(key, lineNo);
    const here = { doc_id: v.doc_id, annotator: v.annotator, line: lineNo };
    if (this.previous && !this.reportedLineOrder && compareLines(this.previous, here) > 0) {
      this.reportedLineOrder = true;
      warning(`lines are not in the order doc_id, annotator (this line sorts before line ${this.previous.line}); the same annotations must always export to the same bytes`);
    }
    this.previous = here;
  }
}
