// The browser mode's host: the contract's services over HTTP on 127.0.0.1, token-guarded, serving the built UI.
//
// The token is a credential only the page holds: API calls carry it in a header, the event stream and export
// downloads (which cannot set headers) in their own query parameter. It is never read from a cookie: browsers send
// cookies to every port of 127.0.0.1, so any other local web app would receive it, and an earlier run's cookie would
// shadow the new URL's token. The built UI's files are public code and need no token at all.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { API_METHODS, ApiError, type ApiErrorShape, type HostEvents, type MarginaliaApi } from '../core/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../node/csp';
import { openRegular, realDataDir } from '../node/confined';
import { isInside } from '../node/paths';

/** Largest request body accepted: an export of a large corpus fits; anything bigger is refused, not buffered. */
const MAX_BODY_BYTES = 512 * 1024 * 1024;

/** The cookie earlier versions kept the token in: expired on sight, never read. */
const OLD_TOKEN_COOKIE = 'marginalia_token';

/** The one line an old tab or a stale link gets: what happened and what to do. */
export const UNAUTHORIZED_MESSAGE =
  'this page belongs to a Marginalia server that has stopped or restarted with a new token: open the URL that `marginalia serve` printed last';

/** The header API calls carry the token in. */
export const TOKEN_HEADER = 'x-marginalia-token';


const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const STATUS: Record<ApiErrorShape['code'], number> = {
  'bad-request': 400,
  forbidden: 403,
  'not-found': 404,
  io: 500,
  internal: 500,
  'disk-full': 507,
  'read-only': 503,
  unauthorized: 401,
};

/** Services that push events: the host forwards every one of them to the connected UIs. */
interface EventSourceServices {
  subscribe?(listener: <K extends keyof HostEvents>(event: K, payload: HostEvents[K]) => void): () => void;
}

/** Options of {@link startHost}. */
export interface HostOptions {
  /** The contract's implementation; when it has `subscribe` (HostServices), its events reach the UI by themselves. */
  services: MarginaliaApi & EventSourceServices;
  /** The built UI (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** A fixed token (tests); by default 32 random bytes. */
  token?: string;
  /** The open corpus's `.marginalia/exports/` folder, whose files are offered at `/exports/<name>`. */
  exportsDir?: () => string;
}

/** A running host. */
export interface RunningHost {
  /** The URL to open, token included. */
  url: string;
  port: number;
  token: string;
  /** Pushes an event to every connected UI. */
  emit<K extends keyof HostEvents>(event: K, payload: HostEvents[K]): void;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hasOldCookie(header: string | undefined): boolean {
  return (header ?? '').split(';').some((part) => part.trim().split('=')[0] === OLD_TOKEN_COOKIE);
}

/** Where each kind of request may carry the token: API calls only in the header; streams and downloads also in `?token=`. */
function givenToken(req: http.IncomingMessage, url: URL, queryAllowed: boolean): string | undefined {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return queryAllowed ? (url.searchParams.get('token') ?? undefined) : undefined;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(data);
}

function sendError(res: http.ServerResponse, code: ApiErrorShape['code'], message: string): void {
  sendJson(res, STATUS[code], { ok: false, error: { code, message } });
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new ApiError('bad-request', `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the host on 127.0.0.1 only. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  // An empty token (an empty MARGINALIA_TOKEN) would open the API to anyone: a random one instead.
  const token = options.token || randomBytes(32).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  const listeners = new Set<http.ServerResponse>();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function serveStatic(urlPath: string, res: http.ServerResponse): Promise<void> {
    let rel = decodeURIComponent(urlPath);
    if (rel === '/' || rel === '') rel = '/index.html';
    const abs = path.resolve(staticRoot, '.' + rel);
    if (!isInside(staticRoot, abs)) return sendError(res, 'forbidden', 'outside the app');
    let st;
    try {
      st = await stat(abs);
    } catch {
      return sendError(res, 'not-found', `no such file: ${rel}`);
    }
    if (!st.isFile()) return sendError(res, 'not-found', `no such file: ${rel}`);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(abs)] ?? 'application/octet-stream',
      'content-length': st.size,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': rel === '/index.html' ? 'no-store' : 'max-age=3600',
    });
    createReadStream(abs).pipe(res);
  }

  /**
   * Offers a file the host wrote under the corpus's `.marginalia/exports/` as a download; nothing else of the folder:
   * the folders must be real (no links), the file a regular one opened without following a link.
   */
  async function serveExport(name: string, res: http.ServerResponse): Promise<void> {
    const dir = options.exportsDir!();
    const abs = path.resolve(dir, name);
    if (!name || name.includes('/') || name.includes('\\') || !isInside(dir, abs) || abs === dir) return sendError(res, 'forbidden', 'not an export');
    let handle;
    try {
      await realDataDir(path.dirname(dir), false);
      await realDataDir(dir, false);
      handle = await openRegular(abs, constants.O_RDONLY);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return sendError(res, 'not-found', `no export named ${name}`);
      throw e;
    }
    const st = await handle.stat();
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': st.size,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    handle.createReadStream().pipe(res);
  }

  const server = http.createServer(async (req, res) => {
    try {
      // DNS rebinding: only our own host names; cross-site requests: only our own origin.
      if (!allowedHosts().has(req.headers.host ?? '')) return sendError(res, 'forbidden', 'unexpected Host header');
      const origin = req.headers.origin;
      if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return sendError(res, 'forbidden', 'cross-origin request refused');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const isApi = url.pathname.startsWith('/api/');
      const isExport = url.pathname.startsWith('/exports/') && options.exportsDir !== undefined;
      if (isApi || isExport) {
        const queryAllowed = isExport || url.pathname === '/api/events';
        if (!sameToken(givenToken(req, url, queryAllowed), token)) return sendError(res, 'unauthorized', UNAUTHORIZED_MESSAGE);
      }

      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendError(res, 'bad-request', 'API calls are POST');
        const method = url.pathname.slice('/api/'.length);
        if (!(API_METHODS as readonly string[]).includes(method)) return sendError(res, 'not-found', `no method "${method}"`);
        const body = await readBody(req);
        let arg: unknown;
        try {
          arg = body ? JSON.parse(body) : undefined;
        } catch {
          return sendError(res, 'bad-request', 'body is not JSON');
        }
        const fn = options.services[method as keyof MarginaliaApi] as (a: unknown) => Promise<unknown>;
        const value = await fn.call(options.services, arg);
        return sendJson(res, 200, { ok: true, value: value ?? null });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 'bad-request', 'method not allowed');
      if (isExport) return await serveExport(decodeURIComponent(url.pathname.slice('/exports/'.length)), res);
      // An earlier version's token cookie is a credential other local apps receive: expire it.
      if (hasOldCookie(req.headers.cookie)) res.setHeader('set-cookie', `${OLD_TOKEN_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict`);
      return await serveStatic(url.pathname, res);
    } catch (e) {
      if (e instanceof ApiError) return sendError(res, e.code, e.message);
      return sendError(res, 'internal', (e as Error).message);
    }
  });

  /** The last corpusChanged payload sent: a caller that also emits it from its onCorpusChanged hook sends the same object, once. */
  let lastCorpus: unknown = null;
  const emit = <K extends keyof HostEvents>(event: K, payload: HostEvents[K]) => {
    if (event === 'corpusChanged') {
      if (payload === lastCorpus) return;
      lastCorpus = payload;
    }
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const l of listeners) l.write(frame);
  };
  const unsubscribe = options.services.subscribe?.(emit);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe?.();
        for (const l of listeners) l.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
