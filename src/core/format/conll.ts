// CoNLL token-per-line BIO text: "TOKEN TAG" lines, a blank line after each sentence (Intl.Segmenter sentences),
// and the CoNLL-2003 "-DOCSTART- -X- O O" line before each document, which spaCy's and Hugging Face's readers expect.

import type { NativeLine } from './native';
import { ConvertError, type ExportOptions, type Exporter, type ImportContext } from './convert-types';
import { applyExportOptions } from './export-options';
import { bioTags, readBio } from './bio';
import { joinTokens, sentenceRanges, wordTokens } from './tokens';
import { buildNativeLine, type ImportedSpan } from './import-line';
import { requireText } from './spacy';

/** The document separator of CoNLL-2003, four columns as spaCy's converter looks for. */
export const DOCSTART = '-DOCSTART- -X- O O';

/**
 * The CoNLL text of one line. Sentences come from Intl.Segmenter; a boundary
 * that would fall inside a tagged span is not used (the sentences are joined),
 * so every sentence's BIO sequence is well formed on its own.
 */
export function toConll(line: NativeLine, options: ExportOptions = {}): string {
  const text = requireText(line, 'conll');
  // A tag is one column: a label with whitespace would split it (the native schema refuses tabs and line breaks).
  const spaced = line.spans.find((s) => /[\s\x1c-\x1f\x85]/u.test(s.label));
  if (spaced) throw new ConvertError(`span ${JSON.stringify(spaced.id)}: label ${JSON.stringify(spaced.label)} holds whitespace, which would split a CoNLL column`);
  const tokens = wordTokens(text, options.locale);
  const { tags } = bioTags(tokens, line.spans, { docId: line.doc_id, annotator: line.annotator, alignment: options.alignment, warn: options.warn });
  const ends = sentenceRanges(text, options.locale).map((s) => s.end);
  let out = `${DOCSTART}\n\n`;
  let e = 0;
  let open = false;
  tokens.forEach((t, i) => {
    while (e < ends.length && ends[e]! <= t.start) {
      e++;
      // Break only where the next token does not continue a span.
      if (open && !tags[i]!.startsWith('I-')) {
        out += '\n';
        open = false;
      }
    }
    out += `${t.text} ${tags[i]!}\n`;
    open = true;
  });
  if (open) out += '\n';
  return out;
}

/** Exporter to CoNLL text. */
export function conllExporter(options: ExportOptions = {}): Exporter {
  return {
    layout: 'file',
    write: (line) => [{ file: '', data: toConll(applyExportOptions(line, options), options) }],
    end: () => [],
  };
}

/**
 * Reads CoNLL text line by line: `-DOCSTART-` starts a document, a blank line
 * ends a sentence, other lines are whitespace-separated columns with the token
 * first and the tag last. Each finished document becomes a native line with
 * its text rebuilt from the tokens (sentences on their own lines).
 */
export class ConllReader {
  private readonly ctx: ImportContext;
  private readonly file: string;
  private sentences: Array<{ tokens: string[]; tags: string[] }> = [];
  private current: { tokens: string[]; tags: string[] } = { tokens: [], tags: [] };
  private docs = 0;
  private started = false;
  /** How many documents of each doc_id were read, to keep (doc_id, annotator) unique. */
  private readonly seen = new Map<string, number>();

  constructor(ctx: ImportContext, file: string) {
    this.ctx = ctx;
    this.file = file;
  }

  /** Feeds one line (without its newline); returns a finished document, if this line ended one. */
  line(raw: string, lineNo: number): NativeLine | null {
    const s = raw.trim();
    if (s.startsWith('-DOCSTART-')) {
      const done = this.finish();
      this.started = true;
      return done;
    }
    if (s === '') {
      this.endSentence();
      return null;
    }
    const cols = s.split(/\s+/);
    if (cols.length < 2) throw new ConvertError(`line ${lineNo}: expected a token and a tag separated by whitespace`);
    this.started = true;
    this.current.tokens.push(cols[0]!);
    this.current.tags.push(cols[cols.length - 1]!);
    return null;
  }

  /** Ends the input; returns the last document, if any. */
  end(): NativeLine | null {
    return this.finish();
  }

  private endSentence(): void {
    if (this.current.tokens.length) this.sentences.push(this.current);
    this.current = { tokens: [], tags: [] };
  }

  private finish(): NativeLine | null {
    this.endSentence();
    const sentences = this.sentences;
    this.sentences = [];
    if (!this.started || sentences.length === 0) return null;
    this.docs++;
    const where = `${this.file}#${this.docs}`;
    let text = '';
    let offset = 0;
    const spans: ImportedSpan[] = [];
    sentences.forEach((sent, k) => {
      if (k > 0) {
        text += '\n';
        offset++;
      }
      const joined = joinTokens(sent.tokens);
      for (const run of readBio(sent.tags, (i, tag) =>
        this.ctx.warn?.({ docId: where, message: `sentence ${k + 1}, token ${i + 1}: tag ${tag} does not continue a span: read as the start of one` }),
      )) {
        spans.push({ start: offset + joined.ranges[run.first]!.start, end: offset + joined.ranges[run.last]!.end, label: run.label });
      }
      text += joined.text;
      offset += Array.from(joined.text).length;
    });
    const line = buildNativeLine({ text, source: where, spans }, this.ctx);
    // CoNLL names no annotator: several annotations of one text get numbered names, not one name twice.
    const n = (this.seen.get(line.doc_id) ?? 0) + 1;
    this.seen.set(line.doc_id, n);
    if (n > 1) line.annotator = `${line.annotator}-${n}`;
    return line;
  }
}
