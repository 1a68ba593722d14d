// Node file I/O for the format commands: streaming JSONL lines in bounded memory, hashing, and
// writing converter output chunks atomically (a temporary file renamed into place at the end).

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { once } from 'node:events';
import { JsonlSplitter, type SplitLine } from '../core/format/jsonl-splitter';
import type { OutputChunk } from '../core/format/convert-types';
import type { NativeLine } from '../core/format/native';
import type { ReadLine } from '../core/format/read';
import { NativeValidator, type Problem } from '../core/format/validate';

/** Lowercase hex SHA-256 of a string's UTF-8 bytes: what a document id hashes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Bytes read from disk at a time: 1 MiB keeps memory flat and syscalls few. */
const READ_CHUNK = 1024 * 1024;

/**
 * The lines of a JSONL file, read in chunks and split by {@link JsonlSplitter}:
 * a line over `maxLineBytes` comes out as an error, never as a string.
 */
export async function* readJsonlLines(path: string, options: { maxLineBytes?: number; onBytes?: (bytes: number) => void } = {}): AsyncGenerator<SplitLine> {
  const splitter = new JsonlSplitter(options);
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    options.onBytes?.(chunk.length);
    for (const line of splitter.push(chunk)) yield line;
  }
  for (const line of splitter.end()) yield line;
}

/**
 * Writes a converter's chunks. `file: ''` is the main output (a file, or the
 * folder for folder layouts); other names are relative to the main file's
 * folder (file layout) or to the output folder (folder layout). Streamed
 * files go to `NAME.partial` and are renamed into place by {@link close};
 * {@link abort} removes them.
 */
export class ChunkWriter {
  private readonly out: string;
  private readonly base: string;
  private readonly streams = new Map<string, { stream: WriteStream; tmp: string; final: string }>();
  private readonly made = new Set<string>();
  /** Whole files written so far: a second write to one is a name clash, never an overwrite. */
  private readonly written = new Set<string>();

  constructor(out: string, layout: 'file' | 'folder') {
    this.out = resolve(out);
    this.base = layout === 'folder' ? this.out : dirname(this.out);
  }

  private target(file: string): string {
    if (file === '') return this.out;
    const full = resolve(this.base, file);
    // A converter names files from document paths; never let one climb out of the output folder.
    if (full !== this.base && !full.startsWith(this.base + sep)) throw new Error(`refusing to write outside the output folder: ${file}`);
    return full;
  }

  private async dir(path: string): Promise<void> {
    const d = dirname(path);
    if (this.made.has(d)) return;
    await mkdir(d, { recursive: true });
    this.made.add(d);
  }

  /** Writes one chunk, waiting for the disk when the stream's buffer is full. */
  async write(chunk: OutputChunk): Promise<void> {
    const final = this.target(chunk.file);
    if (chunk.complete) {
      if (this.written.has(final)) {
        const clash: NodeJS.ErrnoException = new Error(`two outputs would both be written to ${final}: refusing to overwrite one with the other`);
        clash.code = 'EEXIST';
        clash.path = final;
        throw clash;
      }
      this.written.add(final);
      await this.dir(final);
      await writeFile(final, chunk.data, 'utf8');
      return;
    }
    let entry = this.streams.get(final);
    if (!entry) {
      await this.dir(final);
      const tmp = `${final}.partial`;
      entry = { stream: createWriteStream(tmp, { encoding: 'utf8' }), tmp, final };
      this.streams.set(final, entry);
    }
    if (!entry.stream.write(chunk.data)) await once(entry.stream, 'drain');
  }

  /** Finishes every streamed file and moves it into place. */
  async close(): Promise<void> {
    for (const { stream, tmp, final } of this.streams.values()) {
      stream.end();
      await once(stream, 'finish');
      await rename(tmp, final);
    }
    this.streams.clear();
  }

  /** Drops every unfinished streamed file. */
  async abort(): Promise<void> {
    for (const { stream, tmp } of this.streams.values()) {
      // A write still in flight fails once the stream is destroyed: that is the point of aborting.
      stream.on('error', () => {});
      stream.destroy();
      await rm(tmp, { force: true });
    }
    this.streams.clear();
  }
}

/** Every file under a folder, as paths relative to it with forward slashes, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(join(root, rel), { withFileTypes: true });
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path);
      else if (e.isFile()) out.push(path);
    }
  }
  await walk('');
  return out.sort();
}

/** A native input line that breaks the contract, met without `skipInvalid`: the command stops. */
export class InvalidLineError extends Error {
  override name = 'InvalidLineError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problems: readonly string[],
  ) {
    super(`${file}:${line}: ${problems.join('; ')}`);
  }
}

/** Options of {@link readNativeLines}. */
export interface NativeReadOptions {
  maxLineBytes?: number;
  /** Leave invalid lines out (each reported through `onProblem`) instead of throwing {@link InvalidLineError}. */
  skipInvalid?: boolean;
  /** Every problem met: warnings, and errors of skipped lines. */
  onProblem?: (file: string, problem: Problem) => void;
  /** Bytes read from disk, as they are read (for progress). */
  onBytes?: (bytes: number) => void;
}

/**
 * The valid lines of a native JSONL file, streamed: every line goes through the validator of
 * `marginalia validate` (schema, offsets as written, text, doc_id hash, duplicates, an empty
 * file), so what merge, agreement and convert read is exactly what validate accepts. A line
 * with an error stops the read ({@link InvalidLineError}) or, with `skipInvalid`, is left out.
 */
export async function* readNativeLines(file: string, options: NativeReadOptions = {}): AsyncGenerator<ReadLine> {
  const validator = new NativeValidator({ sha256Hex });
  const problem = (p: Problem, lineErrors: string[]) => {
    if (p.severity === 'error') lineErrors.push(p.message);
    if (p.severity === 'warning' || options.skipInvalid) options.onProblem?.(file, p);
  };
  for await (const l of readJsonlLines(file, { maxLineBytes: options.maxLineBytes, onBytes: options.onBytes })) {
    const { value, problems } = validator.readSplitLine(l);
    const errors: string[] = [];
    for (const p of problems) problem(p, errors);
    if (errors.length > 0) {
      if (!options.skipInvalid) throw new InvalidLineError(file, l.lineNo, errors);
      continue;
    }
    if (value !== undefined) yield { file, line: l.lineNo, value: value as NativeLine };
  }
  const errors: string[] = [];
  for (const p of validator.end()) problem(p, errors);
  if (errors.length > 0 && !options.skipInvalid) throw new InvalidLineError(file, 0, errors);
}
