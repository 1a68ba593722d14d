// `marginalia serve`: the browser mode, the corpus API and the built UI on 127.0.0.1.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHost } from '../../host/server';
import { sampleCorpusDir, rendererDir } from '../../node/app-paths';
import { ensureBuilt } from '../../node/build';
import { hasDisplay, openBrowser } from '../../node/open-browser';
import { MARGINALIA_DIR } from '../../node/corpus-session';
import { createServices } from '../../node/services';
import { UsageError, type Command } from '../command';
import pkg from '../../../package.json' with { type: 'json' };

const USAGE = `Usage: marginalia serve [--corpus DIR] [--port N] [--no-open]

Serves the workbench on 127.0.0.1 and prints its URL (with its access token) on one line.
  --corpus DIR   the folder of .txt and .md documents (default: the bundled sample corpus)
  --port N       the port (default: a free one)
  --no-open      do not open a browser`;

/** Options shared by `serve` and `start`'s fallback. */
export interface ServeOptions {
  corpus: string;
  port: number;
  open: boolean;
}

/** Starts the browser mode and keeps it running until the process is stopped. */
export async function serve(opts: ServeOptions): Promise<number> {
  const buildError = ensureBuilt((l) => process.stderr.write(l + '\n'));
  if (buildError) {
    process.stderr.write(`marginalia serve: ${buildError}\n`);
    return 1;
  }
  let services;
  try {
    services = await createServices(opts.corpus, { kind: 'browser', version: pkg.version });
  } catch (e) {
    process.stderr.write(`marginalia serve: ${(e as Error).message}\n`);
    return 1;
  }
  let host: Awaited<ReturnType<typeof startHost>> | undefined;
  try {
    const root = () => services!.corpusRoot();
    host = await startHost({ services, staticDir: rendererDir(), port: opts.port, token: process.env.MARGINALIA_TOKEN, exportsDir: () => path.join(root(), MARGINALIA_DIR, 'exports') });
  } catch (e) {
    process.stderr.write(`marginalia serve: cannot listen on 127.0.0.1:${opts.port}: ${(e as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`Marginalia is serving ${services.corpusRoot()} at ${host.url}\n`);
  if (opts.open && hasDisplay()) openBrowser(host.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  return 0;
}

/** Parses serve's options; throws UsageError on bad ones. */
export function parseServeArgs(args: string[]): ServeOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { corpus: { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' } },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
  return { corpus: values.corpus ?? sampleCorpusDir(), port, open: !values['no-open'] };
}

export const command: Command = {
  summary: 'serve the workbench in a browser',
  usage: USAGE,
  run: (args) => serve(parseServeArgs(args)),
};
