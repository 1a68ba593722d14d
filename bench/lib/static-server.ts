// A minimal static file server on 127.0.0.1 for the benchmark's own pages (the Dexie store page and the
// peers' pages): they need a real http origin for IndexedDB and module-free script loading.

import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** A running static server. */
export interface StaticServer {
  origin: string;
  /** Every path asked for that was not there (a peer that wants assets it does not ship). */
  misses: string[];
  close(): Promise<void>;
}

/** Serves the files under each mount ("/prefix" → folder); GET only, nothing outside the folders. */
export async function startStaticServer(mounts: Record<string, string>): Promise<StaticServer> {
  const misses: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!pathname.startsWith(prefix + '/')) continue;
      const root = path.resolve(dir);
      const abs = path.resolve(root, '.' + pathname.slice(prefix.length));
      if (abs !== root && !abs.startsWith(root + path.sep)) break;
      if (!existsSync(abs) || !statSync(abs).isFile()) break;
      res.writeHead(200, { 'content-type': TYPES[path.extname(abs)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      createReadStream(abs).pipe(res);
      return;
    }
    misses.push(pathname);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    misses,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
