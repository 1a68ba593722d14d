// Writes files the way nothing is lost: to a temporary file, flushed, then renamed over the target, and the folder flushed.

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { readRegularNoFollow, realDataDir } from './confined';

/** The temporary name a write goes to before its rename: unique per call, recognisable as ours. */
export function tempNameFor(target: string): string {
  return `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/**
 * Flushes a folder's entries (a rename inside it) to disk. Best effort: some platforms
 * (Windows) cannot open a folder for this, and a rename is durable there without it.
 */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here: nothing more can be done.
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** Writes `content` to `target` atomically: a crash leaves either the old file or the new one, never half. */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = tempNameFor(target);
  // 'wx': the temporary name is new, so nothing (a planted link) is ever opened through it.
  const handle = await open(tmp, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await syncDir(path.dirname(target));
}

/** A file name safe on every OS: path separators, reserved characters and leading dots replaced. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim();
  return cleaned.slice(0, 200) || 'export.jsonl';
}

/**
 * Reads a file of the corpus's `.marginalia` folder as UTF-8: the folder must be real and the
 * file is opened without following a link (a link is refused, `forbidden`); an ENOENT error when missing.
 */
export async function readDataFile(file: string): Promise<string> {
  await realDataDir(path.dirname(file), false);
  const bytes = await readRegularNoFollow(file);
  if (bytes === null) throw Object.assign(new Error(`${file} does not exist`), { code: 'ENOENT' });
  return bytes.toString('utf8');
}

/** Writes a file of the corpus's `.marginalia` folder atomically, the folder checked to be real first (a link replaced, never followed). */
export async function writeDataFile(file: string, content: string | Uint8Array): Promise<void> {
  await realDataDir(path.dirname(file));
  await writeFileAtomic(file, content);
}
