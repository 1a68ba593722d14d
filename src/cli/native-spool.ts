// Where `convert --from` puts the native lines it makes before they are sorted: a temporary file on disk, with
// only each line's key kept in memory, so an import of any size runs in bounded memory and writes in doc_id order.

import { open, rm, type FileHandle } from 'node:fs/promises';
import { compareLines, serializeNativeLine, type NativeLine } from '../core/format/native';

/** Bytes gathered before one write to the spool file. */
const FLUSH_BYTES = 1024 * 1024;

/** Where one spooled line is, and what it sorts by. */
interface SpoolKey {
  doc_id: string;
  annotator: string;
  /** Order of arrival: ties keep it, as a stable sort of the lines would. */
  seq: number;
  offset: number;
  bytes: number;
}

/** Native lines spooled to `path` as they are made, read back sorted by doc_id, annotator (then arrival). */
export class NativeSpool {
  private handle: FileHandle | null = null;
  private readonly keys: SpoolKey[] = [];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private offset = 0;

  constructor(private readonly path: string) {}

  /** Number of lines spooled. */
  get size(): number {
    return this.keys.length;
  }

  /** Adds one line (serialized now; written with the next flush). */
  add(line: NativeLine): void {
    const data = Buffer.from(serializeNativeLine(line), 'utf8');
    this.keys.push({ doc_id: line.doc_id, annotator: line.annotator, seq: this.keys.length, offset: this.offset + this.pendingBytes, bytes: data.length });
    this.pending.push(data);
    this.pendingBytes += data.length;
  }

  /** Writes what was added once enough is gathered (always, with `force`). Call it between records. */
  async flush(force = false): Promise<void> {
    if (this.pendingBytes === 0 || (!force && this.pendingBytes < FLUSH_BYTES)) return;
    this.handle ??= await open(this.path, 'w+');
    const data = Buffer.concat(this.pending, this.pendingBytes);
    await this.handle.write(data, 0, data.length, this.offset);
    this.offset += data.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The serialized lines, sorted; each as the line's key and its JSON text. */
  async *sorted(): AsyncGenerator<{ doc_id: string; annotator: string; data: string }> {
    await this.flush(true);
    this.keys.sort((x, y) => compareLines(x, y) || x.seq - y.seq);
    for (const k of this.keys) {
      const buf = Buffer.alloc(k.bytes);
      await this.handle!.read(buf, 0, k.bytes, k.offset);
      yield { doc_id: k.doc_id, annotator: k.annotator, data: buf.toString('utf8') };
    }
  }

  /** Closes and removes the spool file. */
  async dispose(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
    await rm(this.path, { force: true });
  }
}
