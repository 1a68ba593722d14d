// Reads a native export held in memory through the one contract: the same splitter and validator as `marginalia
// validate` and every CLI command, so the curation UI keeps, and refuses, exactly the lines the CLI would.

import { JsonlSplitter, type SplitLine } from './jsonl-splitter';
import type { NativeLine } from './native';
import type { LineError, ReadLine } from './read';
import { NativeValidator, type ValidatorOptions } from './validate';

/** What {@link readCheckedNativeJsonl} found: the valid lines, one error per invalid line (its problems joined), and the warnings. */
export interface CheckedRead {
  lines: ReadLine[];
  errors: LineError[];
  warnings: LineError[];
}

/**
 * The lines of a native export that `marginalia validate` accepts, each invalid line named by
 * FILE:LINE with every problem it has, as `merge --skip-invalid` reports and leaves it out.
 * `content` is the file's bytes, or its text (a leading U+FEFF is then the file's BOM).
 * Pass `sha256Hex` to check each `doc_id` against its text, as the CLI does.
 */
export function readCheckedNativeJsonl(content: string | Uint8Array, file: string, options: ValidatorOptions = {}): CheckedRead {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const splitter = new JsonlSplitter();
  const validator = new NativeValidator(options);
  const out: CheckedRead = { lines: [], errors: [], warnings: [] };
  const take = (l: SplitLine) => {
    const { value, problems } = validator.readSplitLine(l);
    const errors: string[] = [];
    for (const p of problems) {
      if (p.severity === 'error') errors.push(p.message);
      else out.warnings.push({ file, line: p.line, message: p.message });
    }
    if (errors.length > 0) out.errors.push({ file, line: l.lineNo, message: errors.join('; ') });
    else if (value !== undefined) out.lines.push({ file, line: l.lineNo, value: value as NativeLine });
  };
  for (const l of splitter.push(bytes)) take(l);
  for (const l of splitter.end()) take(l);
  for (const p of validator.end()) (p.severity === 'error' ? out.errors : out.warnings).push({ file, line: p.line, message: p.message });
  return out;
}
