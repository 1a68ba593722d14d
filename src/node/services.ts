// The contract's implementation on node:fs, shared by the Electron main process and the HTTP host.

import path from 'node:path';
import {
  ApiError,
  type CorpusInfo,
  type HostInfo,
  type MarginaliaApi,
  type SaveExportRequest,
  type SaveExportResult,
} from '../core/ipc/contract';
import { MARGINALIA_DIR, readCorpusDocument, scanCorpus } from './corpus';
import { safeFileName, writeFileAtomic } from './files';
import { readRecent, rememberCorpus } from './recent';

/** What differs between hosts: dialogs exist only in Electron. */
export interface HostHooks {
  kind: HostInfo['kind'];
  version: string;
  /** Asks the user for a corpus folder; null when canceled. */
  chooseFolder?: () => Promise<string | null>;
  /** Asks the user where to save an export; null when canceled. */
  chooseSavePath?: (suggestedName: string, corpusRoot: string) => Promise<string | null>;
  /** Told whenever another corpus is opened. */
  onCorpusChanged?: (corpus: CorpusInfo) => void;
}

/** The services of one host, bound to the corpus it has open. */
export interface HostServices extends MarginaliaApi {
  /** The open corpus's root (absolute, real path). */
  corpusRoot(): string;
}

/** Opens `initialRoot` and returns the contract implemented over it. */
export async function createServices(initialRoot: string, hooks: HostHooks): Promise<HostServices> {
  let corpus = await scanCorpus(initialRoot);
  await rememberCorpus(corpus.root);

  async function open(root: string): Promise<CorpusInfo> {
    corpus = await scanCorpus(root);
    await rememberCorpus(corpus.root);
    hooks.onCorpusChanged?.(corpus);
    return corpus;
  }

  return {
    corpusRoot: () => corpus.root,
    async hostInfo() {
      return { kind: hooks.kind, version: hooks.version };
    },
    async getCorpus() {
      return corpus;
    },
    async readDocument(req) {
      return readCorpusDocument(corpus.root, req?.path);
    },
    async saveExport(req: SaveExportRequest): Promise<SaveExportResult> {
      if (typeof req?.content !== 'string') throw new ApiError('bad-request', 'content must be a string');
      const name = safeFileName(String(req.suggestedName ?? 'export.jsonl'));
      let target: string | null;
      if (hooks.chooseSavePath) {
        target = await hooks.chooseSavePath(name, corpus.root);
        if (!target) return { canceled: true };
      } else {
        target = path.join(corpus.root, MARGINALIA_DIR, 'exports', name);
      }
      try {
        await writeFileAtomic(target, req.content);
      } catch (e) {
        throw new ApiError('io', `could not write ${target}: ${(e as Error).message}`);
      }
      return { path: target };
    },
    async listRecentCorpora() {
      return readRecent();
    },
    async openCorpus(req) {
      if (req?.path) {
        // Only folders the user opened before may be reopened by path from the UI.
        const recent = await readRecent();
        if (!recent.includes(req.path)) throw new ApiError('forbidden', `"${req.path}" is not in the recent corpora`);
        return open(req.path);
      }
      if (!hooks.chooseFolder) throw new ApiError('bad-request', 'this host cannot show a folder dialog; pass a path');
      const chosen = await hooks.chooseFolder();
      return chosen ? open(chosen) : null;
    },
  };
}
