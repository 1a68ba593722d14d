// Writes files the way nothing is lost: to a temporary file, flushed, then renamed over the target.

import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Writes `content` to `target` atomically: a crash leaves either the old file or the new one, never half. */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  await rename(tmp, target);
}

/** A file name safe on every OS: path separators, reserved characters and leading dots replaced. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim();
  return cleaned.slice(0, 200) || 'export.jsonl';
}
