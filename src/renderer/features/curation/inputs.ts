// Reads the files a team lead picks or drops into named inputs: text kept whole, names made unique, unusable files named with the reason.

import type { InputFile } from '../../../core/agreement';
import type { LineError } from '../../../core/format/read';

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
    try {
      const head = new Uint8Array(await f.slice(0, SNIFF_BYTES).arrayBuffer());
      if (head.includes(0)) {
        out.refused.push({ file: f.name, line: 0, message: 'a binary file, not a JSONL export' });
        continue;
      }
      content = await f.text();
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
  }
  return out;
}
