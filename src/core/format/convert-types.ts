// The shapes every converter shares: streamed output chunks, warnings, export and import options.
// Converters are pure (no node:*) so the in-app export dialog runs them in the renderer.

import type { ZhTokens } from './tokens';
import type { NativeLine } from './native';

/** The formats Marginalia converts to (and, except `native`, from). */
export const FORMAT_NAMES = ['native', 'spacy', 'hf', 'doccano', 'label-studio', 'brat', 'conll'] as const;
/** One of {@link FORMAT_NAMES}. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * A piece of output. `file: ''` is the main output; other names are relative
 * paths (beside the main file, or inside the output folder for folder
 * layouts). Streamed chunks of one file are appended in order; a `complete`
 * chunk is a whole file at once.
 */
export interface OutputChunk {
  file: string;
  data: string;
  complete?: boolean;
}

/** Something a conversion could not carry or had to decide, named by document and span. */
export interface ConvertWarning {
  docId: string;
  annotator?: string;
  spanId?: string;
  message: string;
}

/** Receives warnings as they happen, so a stream of any length never collects them. */
export type Warn = (w: ConvertWarning) => void;

/** How offsets are counted in a target format. */
export type OffsetUnit = 'codepoint' | 'utf16' | 'grapheme';

/** What to do with a span whose boundary falls inside a token (spaCy's `alignment_mode` names). */
export type Alignment = 'strict' | 'contract' | 'expand';

/** Options every exporter takes; format-specific ones are ignored where they do not apply. */
export interface ExportOptions {
  /** Keep only spans with these labels (relations to dropped spans go too). Empty or absent: all. */
  labels?: readonly string[];
  /** Leave the document text out (native only: every other format needs the text). Default true. */
  withText?: boolean;
  /** Offset unit, for doccano (default utf16) and label-studio (default codepoint). */
  offsets?: OffsetUnit;
  /** Token alignment for hf and conll (default strict: a misaligned span is reported and not tagged). */
  alignment?: Alignment;
  /** Locale for Intl.Segmenter words and sentences (default: the runtime's, which handles Chinese). */
  locale?: string;
  /** hf: Chinese as one token per Han character (`chars`, the default) or ICU's words (`words`). */
  zhTokens?: ZhTokens;
  warn?: Warn;
}

/** Turns native lines into a format's output, one line at a time. */
export interface Exporter {
  /** `file`: the output is one file (plus side files beside it); `folder`: a folder of files. */
  readonly layout: 'file' | 'folder';
  /** The output of one line (possibly none yet, for formats that group lines). */
  write(line: NativeLine): OutputChunk[];
  /** What is left after the last line: closing brackets, side files. */
  end(): OutputChunk[];
}

/** What an importer needs from its host. */
export interface ImportContext {
  /** Lowercase hex SHA-256 of a string's UTF-8 bytes, for doc_id. */
  sha256Hex: (text: string) => string;
  /** Annotator for records that do not name one. */
  annotator?: string;
  /** Offset unit of the input, for doccano and label-studio. */
  offsets?: OffsetUnit;
  warn?: Warn;
}

/** A record that cannot be converted at all; the CLI names its file and line. */
export class ConvertError extends Error {
  override name = 'ConvertError';
}
