// Remembers the corpora a user opened, in the user's config folder, for the "recent corpora" list.

import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './files';

/** How many corpora the list keeps. */
const RECENT_MAX = 10;

/** The per-user config folder: MARGINALIA_CONFIG_DIR, else the platform's usual place. */
export function configDir(): string {
  if (process.env.MARGINALIA_CONFIG_DIR) return process.env.MARGINALIA_CONFIG_DIR;
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Marginalia');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Marginalia');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'marginalia');
}

const recentFile = () => path.join(configDir(), 'recent-corpora.json');

/** The recent corpora, most recent first; an unreadable list is an empty one. */
export async function readRecent(): Promise<string[]> {
  try {
    const list: unknown = JSON.parse(await readFile(recentFile(), 'utf8'));
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/** Puts `root` first in the recent list. */
export async function rememberCorpus(root: string): Promise<void> {
  const list = [root, ...(await readRecent()).filter((p) => p !== root)].slice(0, RECENT_MAX);
  try {
    await writeFileAtomic(recentFile(), JSON.stringify(list, null, 1));
  } catch {
    // A read-only home folder only costs the recent list.
  }
}
