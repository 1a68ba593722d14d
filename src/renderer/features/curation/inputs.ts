// Reads the files a team lead picks or drops into named inputs: text kept whole, names made unique, unusable files named with the reason.

import type { InputFile } from '../../../core/agreement';
import type { LineError } from '../../../core/format/read';
import { JsonlSplitter } from '../../../core/format/jsonl-splitter';

/** Bytes looked at for a NUL: a text export has none in its first 8 KiB, a binary file nearly always does. */
const SNIFF_BYTES = 8192;

/** Files larger than this are refused: 512 MiB of JSONL is past what a browser tab holds comfortably; split it or use `marginalia merge`. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** What reading a batch of files gave. */
export interface PickedFiles {
  /** Files to add, with names unique among the inputs. */
  added: InputFile[];
  /** Files that could not be used, named with the reason (line 0: the whole file). */
  refused: LineError[];
  /** Names of files skipped because the same content is loaded already. */
  duplicates: string[];
}

/** A name not yet among `taken`: `alice.jsonl`, then `alice (2).jsonl`, … */
function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; ; i++) {
    const candidate = `${stem} (${i})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The text of a file for the contract reader. A leading BOM is kept (Blob.text() would drop it
 * silently; the reader refuses it, as `marginalia validate` does). Lines that are not UTF-8
 * cannot be held in a string: each is named (as the CLI names it) and blanked, so nothing
 * decoded with replacement characters is used.
 */
export function decodeInput(file: string, bytes: Uint8Array): { content: string; refused: LineError[] } {
  try {
    return { content: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), refused: [] };
  } catch {
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).split('\n');
    const refused: LineError[] = [];
    const splitter = new JsonlSplitter();
    for (const l of [...splitter.push(bytes), ...splitter.end()]) {
      if (l.error === undefined) continue;
      refused.push({ file, line: l.lineNo, message: l.error });
      lines[l.lineNo - 1] = '';
    }
    return { content: lines.join('\n'), refused };
  }
}

/**
 * Reads picked or dropped files as UTF-8 text. Binary and oversized files are refused;
 * a file whose content is already loaded is skipped (its lines would only repeat).
 */
export async function readPickedFiles(files: readonly File[], existing: readonly InputFile[]): Promise<PickedFiles> {
  const taken = new Set(existing.map((f) => f.file));
  const contents = new Set(existing.map((f) => f.content));
  const out: PickedFiles = { added: [], refused: [], duplicates: [] };
  for (const f of files) {
    if (f.size > MAX_INPUT_BYTES) {
      out.refused.push({ file: f.name, line: 0, message: `${(f.size / 1024 / 1024).toFixed(0)} MiB is over the limit of ${MAX_INPUT_BYTES / 1024 / 1024} MiB; split the file or use \`marginalia merge\`` });
      continue;
    }
    let content: string;
    let badLines: LineError[];
    try {
      const head = new Uint8Array(await f.slice(0, SNIFF_BYTES).arrayBuffer());
      if (head.includes(0)) {
        out.refused.push({ file: f.name, line: 0, message: 'a binary file, not a JSONL export' });
        continue;
      }
      ({ content, refused: badLines } = decodeInput(f.name, new Uint8Array(await f.arrayBuffer())));
    } catch (e) {
      out.refused.push({ file: f.name, line: 0, message: `cannot read: ${(e as Error).message ?? e}` });
      continue;
    }
    if (contents.has(content)) {
      out.duplicates.push(f.name);
      continue;
    }
    contents.add(content);
    const name = uniqueName(f.name, taken);
    taken.add(name);
    out.added.push({ file: name, content });
    for (const e of badLines) out.refused.push({ ...e, file: name });
  }
  return out;
}
