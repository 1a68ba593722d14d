// How merge, agreement and convert read native input: through one validating reader, every problem printed as
// FILE:LINE: message, and an invalid line either stopping the command or, with --skip-invalid, left out.

import { stat } from 'node:fs/promises';
import type { ReadLine } from '../core/format/read';
import type { Problem } from '../core/format/validate';
import { CorpusBuilder, type Corpus, type CorpusDocument } from '../core/agreement';
import { documentGroups } from '../core/agreement/doc-stream';
import { plural } from '../core/text/plural';
import { InvalidLineError, readNativeLines } from '../node/format-io';
import { Progress } from './progress';

/** The flags every command that reads native input shares. */
export const NATIVE_INPUT_OPTIONS = {
  'skip-invalid': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

/** What the usage texts say about those flags. */
export const NATIVE_INPUT_USAGE = `  --skip-invalid    leave out input lines that fail validation (each named as
                    FILE:LINE: message) instead of stopping at the first one
  -q, --quiet       no progress on stderr`;

/** The sentence printed when an invalid line stops a command. */
export function stoppedMessage(command: string, e: InvalidLineError): string {
  return `${e.file}:${e.line}: ${e.problems.join('; ')}\nmarginalia ${command}: stopped at an invalid line (run marginalia validate ${e.file} for every problem); nothing written. --skip-invalid leaves such lines out.\n`;
}

/** Several native inputs opened for reading, with one progress bar over their total size. */
export class NativeInputs {
  readonly progress: Progress;
  /** Every problem of a line left out (--skip-invalid), in the order met. */
  readonly skippedProblems: { file: string; line: number; message: string }[] = [];
  private skipped = 0;
  private lastSkipped = '';

  private constructor(
    readonly paths: readonly string[],
    private readonly options: { skipInvalid: boolean; quiet: boolean; maxLineBytes?: number },
    total: number,
    label: string,
  ) {
    this.progress = new Progress(label, total, { quiet: options.quiet });
  }

  /** Checks that every path is a readable file; returns the inputs, or the message of the first that is not. */
  static async open(paths: readonly string[], options: { skipInvalid: boolean; quiet: boolean; maxLineBytes?: number }, label: string): Promise<NativeInputs | string> {
    let total = 0;
    for (const p of paths) {
      try {
        const s = await stat(p);
        if (!s.isFile()) return `${p}:0: cannot read: is a directory`;
        total += s.size;
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        return `${p}:0: cannot read: ${err.code === 'ENOENT' ? 'no such file' : err.message}`;
      }
    }
    return new NativeInputs(paths, options, total, label);
  }

  /** The valid lines of one input, problems printed as they are met. */
  lines(path: string): AsyncGenerator<ReadLine> {
    return readNativeLines(path, {
      maxLineBytes: this.options.maxLineBytes,
      skipInvalid: this.options.skipInvalid,
      onProblem: (file, p: Problem) => {
        if (p.severity === 'error') this.noteSkipped(file, p.line, p.message);
        process.stderr.write(`${file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}${p.severity === 'error' ? ' (left out)' : ''}\n`);
      },
      onBytes: (n) => this.progress.add(n),
    });
  }

  /** Counts one more line left out for a reason found after reading (e.g. two lines of one document disagree). */
  /**
   * The inputs walked together one document (doc_id) at a time, every annotator's line of it
   * checked: an invalid one stops the walk, or with --skip-invalid is counted and left out. `corpus` holds that one document.
   */
  async *documents(): AsyncGenerator<{ doc: CorpusDocument; corpus: Corpus }> {
    for await (const group of documentGroups(this.paths.map((p) => ({ file: p, lines: this.lines(p) })))) {
      const builder = new CorpusBuilder();
      for (const l of group.lines) builder.addLine(l);
      const corpus = builder.build();
      for (const e of corpus.errors) {
        if (!this.options.skipInvalid) throw new InvalidLineError(e.file, e.line, [e.message]);
        this.skip(e.file, e.line, e.message);
      }
      const doc = corpus.documents[0];
      if (doc) yield { doc, corpus };
    }
  }

  skip(file: string, line: number, message: string): void {
    this.noteSkipped(file, line, message);
    process.stderr.write(`${file}:${line}: ${message} (left out)\n`);
  }

  private noteSkipped(file: string, line: number, message: string): void {
    this.skippedProblems.push({ file, line, message });
    const key = `${file}\u0000${line}`;
    if (key !== this.lastSkipped) this.skipped++;
    this.lastSkipped = key;
  }

  /** Problems of lines left out, for the closing summary; '' when none. */
  skippedSummary(): string {
    return this.skipped === 0 ? '' : `${plural(this.skipped, 'invalid line')} left out (--skip-invalid)`;
  }
}
