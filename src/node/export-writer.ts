// Writes a streamed export: chunks appended to a temporary file or folder, renamed into place only when the export is whole.

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, type ExportChunk } from '../core/ipc/contract';
import { isInside } from './paths';

/** Exports left open this long without a write are dropped: the UI that began them is gone. */
const IDLE_MS = 10 * 60 * 1000;

interface OpenExport {
  target: string;
  layout: 'file' | 'folder';
  /** The temporary file (file layout) or folder (folder layout) written into. */
  temp: string;
  handles: Map<string, FileHandle>;
  bytes: number;
  touched: number;
}

/** A side file's name must stay beside the export: a plain relative path, no `..`, no absolute path. */
function sidePath(base: string, file: string): string {
  const p = path.resolve(base, file);
  if (!file || path.isAbsolute(file) || file.includes('\0') || !isInside(base, p) || p === base) {
    throw new ApiError('bad-request', `export file name "${file}" must be a relative path inside the export`);
  }
  return p;
}

/** Where a file export's side files wait until it is finished. */
function sideDir(e: Pick<OpenExport, 'target' | 'temp'>): string {
  return `${path.join(path.dirname(e.target), path.basename(e.temp))}.side`;
}

/** Exports in progress, by id. */
export class ExportWriter {
  private readonly open = new Map<string, OpenExport>();

  /** Starts an export to `target` (a file, or a folder for folder layouts). */
  async begin(target: string, layout: 'file' | 'folder'): Promise<string> {
    this.dropIdle();
    const id = randomBytes(9).toString('base64url');
    const temp = `${target}.partial-${id}`;
    if (layout === 'folder') await mkdir(temp, { recursive: true });
    else await mkdir(path.dirname(target), { recursive: true });
    this.open.set(id, { target, layout, temp, handles: new Map(), bytes: 0, touched: Date.now() });
    return id;
  }

  private get(id: string): OpenExport {
    const e = this.open.get(String(id));
    if (!e) throw new ApiError('not-found', `no export "${id}" in progress (finished, aborted, or idle too long)`);
    e.touched = Date.now();
    return e;
  }

  /** Where a chunk's file goes while the export is written. */
  private tempPathOf(e: OpenExport, file: string): string {
    if (e.layout === 'folder') return sidePath(e.temp, file || 'annotations');
    return file ? sidePath(sideDir(e), file) : e.temp;
  }

  /** Appends chunks in order; a `complete` chunk replaces its file's content. */
  async write(id: string, chunks: ExportChunk[]): Promise<number> {
    const e = this.get(id);
    if (!Array.isArray(chunks)) throw new ApiError('bad-request', 'chunks must be an array');
    for (const c of chunks) {
      if (typeof c?.data !== 'string' || typeof c?.file !== 'string') throw new ApiError('bad-request', 'each chunk needs a file name and data');
      const p = this.tempPathOf(e, c.file);
      let h = e.handles.get(p);
      if (c.complete && h) {
        await h.close();
        e.handles.delete(p);
        h = undefined;
      }
      if (!h) {
        await mkdir(path.dirname(p), { recursive: true });
        h = await open(p, c.complete ? 'w' : 'a');
        e.handles.set(p, h);
      }
      try {
        const { bytesWritten } = await h.write(c.data);
        e.bytes += bytesWritten;
      } catch (err) {
        throw new ApiError('io', `could not write the export (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); nothing was put in place at ${e.target}`);
      }
    }
    return e.bytes;
  }

  /** Flushes, then renames the export into place; resolves to its path and size. */
  async finish(id: string): Promise<{ path: string; bytes: number }> {
    const e = this.get(id);
    this.open.delete(String(id));
    for (const h of e.handles.values()) {
      await h.sync();
      await h.close();
    }
    if (e.layout === 'folder') {
      await rm(e.target, { recursive: true, force: true });
      await rename(e.temp, e.target);
    } else {
      await stat(e.temp).catch(async () => (await open(e.temp, 'w')).close());
      await rename(e.temp, e.target);
      const side = sideDir(e);
      if (await stat(side).then(() => true, () => false)) {
        const { readdir } = await import('node:fs/promises');
        for (const f of await readdir(side, { recursive: true })) {
          const from = path.join(side, String(f));
          if ((await stat(from)).isFile()) {
            const to = path.join(path.dirname(e.target), String(f));
            await mkdir(path.dirname(to), { recursive: true });
            await rename(from, to);
          }
        }
        await rm(side, { recursive: true, force: true });
      }
    }
    return { path: e.target, bytes: e.bytes };
  }

  /** Drops an export and its temporary files. */
  async abort(id: string): Promise<void> {
    const e = this.open.get(String(id));
    if (!e) return;
    this.open.delete(String(id));
    for (const h of e.handles.values()) await h.close().catch(() => {});
    await rm(e.temp, { recursive: true, force: true });
    await rm(sideDir(e), { recursive: true, force: true });
  }

  private dropIdle(): void {
    const now = Date.now();
    for (const [id, e] of this.open) if (now - e.touched > IDLE_MS) void this.abort(id);
  }
}
