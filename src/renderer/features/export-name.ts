// One naming rule for every export format: corpus, annotator and time, then the format's own ending.

import type { FormatName } from '../../core/format/convert-types';
import { FORMATS } from '../../core/format/formats';

/** Characters no file name may hold on Windows, macOS or Linux, and white space: each becomes a hyphen. */
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f\s]+/g;

/**
 * The suggested file (or folder) name of an export, the same for every format:
 * corpus, annotator and time, then the format's own ending (`.jsonl` for native;
 * `-spacy.jsonl`, `-brat`, `-conll.txt`, … for the others, from {@link FORMATS}).
 * So two exports never overwrite each other and each says whose and when it is.
 */
export function exportFileName(corpusName: string, annotator: string, now = new Date(), format: FormatName = 'native'): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const safe = (x: string) => x.replace(UNSAFE_IN_FILE_NAMES, '-').replace(/^[-.]+|-+$/g, '') || 'export';
  const stem = `${safe(corpusName)}-${safe(annotator)}-${stamp}`;
  if (format === 'native') return `${stem}.jsonl`;
  const info = FORMATS.find((f) => f.name === format);
  return `${stem}-${info?.defaultOutput ?? format}`;
}
