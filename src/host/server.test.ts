import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type HostServices } from '../node/services';
import { startHost, type RunningHost } from './server';

let tmp: string;
let host: RunningHost;
let services: HostServices;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-host-'));
  process.env.MARGINALIA_CONFIG_DIR = path.join(tmp, 'config');
  const corpus = path.join(tmp, 'corpus');
  await mkdir(path.join(corpus, 'sub'), { recursive: true });
  await writeFile(path.join(corpus, 'a.txt'), 'Alpha 43.9%\r\n');
  await writeFile(path.join(corpus, 'sub', 'b.md'), '# 上海\n');
  await writeFile(path.join(tmp, 'secret.txt'), 'secret');
  const ui = path.join(tmp, 'ui');
  await mkdir(ui);
  await writeFile(path.join(ui, 'index.html'), '<!doctype html><title>ui</title>');
  services = await createServices(corpus, { kind: 'browser', version: 'test' });
  await services.whenScanned();
  host = await startHost({ services, staticDir: ui, token: 'secret-token', exportsDir: () => path.join(services.corpusRoot(), '.marginalia', 'exports') });
});
afterAll(async () => {
  await host.close();
  await services.close();
  await rm(tmp, { recursive: true, force: true });
});

const call = (method: string, body?: unknown, headers: Record<string, string> = { 'x-marginalia-token': 'secret-token' }) =>
  fetch(`http://127.0.0.1:${host.port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? '' : JSON.stringify(body) });

type Json = any;
/** The JSON answer of a call. */
const json = async (res: Response | Promise<Response>): Promise<Json> => (await res).json();

describe('a host on a full disk', () => {
  it('answers disk-full (507) and says what was not saved', async () => {
    const corpus = path.join(tmp, 'corpus-full');
    await mkdir(corpus, { recursive: true });
    await writeFile(path.join(corpus, 'a.txt'), 'text');
    const { nodeJournalIo } = await import('../node/journal-io');
    const full = await createServices(corpus, {
      kind: 'browser',
      version: 'test',
      watch: false,
      journalIo: {
        ...nodeJournalIo,
        async open(file) {
          const h = await nodeJournalIo.open(file);
          return { ...h, append: async () => Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })) };
        },
      },
    });
    const other = await startHost({ services: full, staticDir: path.join(tmp, 'ui'), token: 't' });
    try {
      const res = await fetch(`http://127.0.0.1:${other.port}/api/appendJournal`, {
        method: 'POST',
        headers: { 'x-marginalia-token': 't' },
        body: JSON.stringify({ annotator: 'zoe', entries: [{ op: 'status', docId: 'd', status: 'done' }, { op: 'status', docId: 'e', status: 'done' }] }),
      });
      expect(res.status).toBe(507);
      expect((await json(res)).error).toEqual({ code: 'disk-full', message: expect.stringMatching(/^disk full \(ENOSPC\): 2 entries not written to .*journal-zoe\.jsonl; the entries written before are safe$/) });
    } finally {
      await other.close();
      await full.close();
    }
  });
});

describe('host events', () => {
  it('forwards every event of the services once, even when a caller also emits corpusChanged from its hook', async () => {
    let listener: ((event: string, payload: unknown) => void) | null = null;
    const fake = {
      subscribe(l: (event: string, payload: unknown) => void) {
        listener = l;
        return () => (listener = null);
      },
    } as unknown as HostServices;
    const h = await startHost({ services: fake, staticDir: path.join(tmp, 'ui'), token: 't' });
    const abort = new AbortController();
    try {
      const res = await fetch(`http://127.0.0.1:${h.port}/api/events`, { headers: { 'x-marginalia-token': 't' }, signal: abort.signal });
      const reader = res.body!.getReader();
      let text = new TextDecoder().decode((await reader.read()).value);
      const corpus = { root: '/c', name: 'c', documents: [], skipped: [], scanning: false };
      // What `marginalia serve` does: its onCorpusChanged hook emits the same object the services send.
      listener!('corpusChanged', corpus);
      h.emit('corpusChanged', corpus as never);
      listener!('scanProgress', { root: '/c', phase: 'done', done: 1, total: 1, read: 1, elapsedMs: 1 });
      while (!text.includes('event: scanProgress')) text += new TextDecoder().decode((await reader.read()).value);
      expect(text.match(/event: corpusChanged/g)).toHaveLength(1);
    } finally {
      abort.abort();
      await h.close();
    }
    expect(listener).toBeNull();
  });
});

describe('the HTTP host', () => {
  it('prints a URL on 127.0.0.1 with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=secret-token`);
  });

  it('serves the corpus and documents to a request with the token', async () => {
    const corpus = await json(call('getCorpus'));
    expect(corpus.ok).toBe(true);
    expect(corpus.value.documents.map((d: { path: string }) => d.path)).toEqual(['a.txt', 'sub/b.md']);
    const doc = await json(call('readDocument', { path: 'a.txt' }));
    expect(doc.value.text).toBe('Alpha 43.9%\n');
  });

  it('refuses API calls without the token or with a wrong one: 401 and one line saying what to do', async () => {
    const none = await call('getCorpus', undefined, {});
    expect(none.status).toBe(401);
    expect((await json(none)).error).toEqual({ code: 'unauthorized', message: expect.stringMatching(/stopped or restarted .*open the URL that `marginalia serve` printed/) });
    expect((await call('getCorpus', undefined, { 'x-marginalia-token': 'guess' })).status).toBe(401);
  });

  it('never takes the token from a cookie, nor from the query of an API call', async () => {
    const cookie = { cookie: 'marginalia_token=secret-token' };
    expect((await call('getCorpus', undefined, cookie)).status).toBe(401);
    expect((await call('appendJournal', { annotator: 'mallory', entries: [] }, cookie)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${host.port}/api/getCorpus?token=secret-token`, { method: 'POST', body: '' })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${host.port}/api/events`, { headers: cookie })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${host.port}/exports/x.jsonl`, { headers: cookie })).status).toBe(401);
  });

  it('serves the UI to the printed URL whatever cookies the browser holds, sets none, and expires an old token cookie', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('set-cookie')).toBeNull();
    // A cookie of an earlier run (another token) or of another port changes nothing, and is expired.
    const stale = await fetch(host.url, { headers: { cookie: 'marginalia_token=an-earlier-run; other=1' } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('set-cookie')).toMatch(/^marginalia_token=; Max-Age=0/);
    // The UI's files are public code: no token needed for them.
    expect((await fetch(`http://127.0.0.1:${host.port}/index.html`)).status).toBe(200);
  });

  it('a tab of a restarted server (new token) gets 401 with what to do, the new URL works at once', async () => {
    const restarted = await startHost({ services, staticDir: path.join(tmp, 'ui') });
    try {
      expect(restarted.token).not.toBe('secret-token');
      const old = await fetch(`http://127.0.0.1:${restarted.port}/api/getCorpus`, { method: 'POST', headers: { 'x-marginalia-token': 'secret-token', cookie: 'marginalia_token=secret-token' }, body: '' });
      expect(old.status).toBe(401);
      expect((await json(old)).error.code).toBe('unauthorized');
      expect((await fetch(restarted.url, { headers: { cookie: 'marginalia_token=secret-token' } })).status).toBe(200);
      const fresh = await fetch(`http://127.0.0.1:${restarted.port}/api/getCorpus`, { method: 'POST', headers: { 'x-marginalia-token': restarted.token }, body: '' });
      expect(fresh.status).toBe(200);
    } finally {
      await restarted.close();
    }
  });

  it('refuses paths outside the corpus', async () => {
    for (const p of ['../secret.txt', path.join(tmp, 'secret.txt'), 'sub/../../secret.txt']) {
      const res = await call('readDocument', { path: p });
      expect(res.status).toBe(403);
    }
    expect((await call('readDocument', { path: 'nope.txt' })).status).toBe(404);
  });

  it('refuses a foreign Host header (DNS rebinding) and a cross-site Origin', async () => {
    const http = await import('node:http');
    const status = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const req = http.request({ host: '127.0.0.1', port: host.port, path: '/api/getCorpus', method: 'POST', headers: { 'x-marginalia-token': 'secret-token', ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.end();
      });
    expect(await status({ host: 'evil.example:80' })).toBe(403);
    expect(await status({ origin: 'http://evil.example' })).toBe(403);
    expect(await status({ origin: 'null' })).toBe(403);
    expect(await status({ origin: `http://127.0.0.1:${host.port}.evil.example` })).toBe(403);
    expect(await status({ origin: `http://127.0.0.1:${host.port}` })).toBe(200);
  });

  it('rejects unknown methods and bad bodies with a clear error', async () => {
    expect((await call('deleteEverything')).status).toBe(404);
    const bad = await fetch(`http://127.0.0.1:${host.port}/api/readDocument`, { method: 'POST', headers: { 'x-marginalia-token': 'secret-token' }, body: '{' });
    expect(bad.status).toBe(400);
  });

  it('writes exports under .marginalia/exports with a safe name', async () => {
    const res = await json(call('saveExport', { suggestedName: '../../evil.jsonl', content: '{"a":1}\n' }));
    expect(res.value.path).toBe(path.join(await (await import('node:fs/promises')).realpath(path.join(tmp, 'corpus')), '.marginalia', 'exports', '_.._evil.jsonl'));
    expect(await readFile(res.value.path, 'utf8')).toBe('{"a":1}\n');
  });

  it('keeps journals over HTTP and refuses annotator names that try to be paths', async () => {
    const entries = [{ op: 'status', docId: 'sha256:' + 'b'.repeat(64), status: 'done' }];
    const appended = await json(call('appendJournal', { annotator: 'Ann Lee', entries }));
    expect(appended.value).toMatchObject({ written: 1 });
    expect(appended.value.path).toMatch(/\.marginalia[\\/]journal-Ann%20Lee\.jsonl$/);
    const read = await json(call('readJournal', { annotator: 'Ann Lee' }));
    expect(read.value.entries).toEqual([expect.objectContaining({ op: 'status', status: 'done' })]);
    expect((await json(call('listJournals'))).value.map((j: { annotator: string }) => j.annotator)).toEqual(['Ann Lee']);
    for (const annotator of ['../../escape', 'a/b', '..\\x']) {
      const res = await call('appendJournal', { annotator, entries });
      expect(res.status, annotator).toBe(403);
    }
    const bad = await call('appendJournal', { annotator: 'Ann Lee', entries: [{ op: 'status', docId: 'x', status: 'nope' }] });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.message).toMatch(/^entry 0: "status" must be one of/);
  });

  it('refuses paths outside the corpus on every method that takes one', async () => {
    for (const p of ['../secret.txt', path.join(tmp, 'secret.txt'), 'sub/../../secret.txt', '../x.jsonl#1']) {
      expect((await call('setEncoding', { path: p, encoding: 'big5' })).status, p).toBe(403);
      expect((await call('readDocument', { path: p })).status, p).toBe(403);
    }
    expect((await call('readDocument', { path: '.marginalia/index.json' })).status).toBe(403);
  });

  it('streams events only with the token (its own query parameter) and forwards a new file as documentsChanged', async () => {
    expect((await fetch(`http://127.0.0.1:${host.port}/api/events`)).status).toBe(401);
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${host.port}/api/events?token=secret-token`, { signal: abort.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    await services.rescanCorpus({});
    let text = '';
    // Read frames until the rescan's progress and its end arrive (the stream itself is the deadline's guard: the test times out).
    while (!/event: scanProgress\ndata: \{[^\n]*"phase":"done"/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: scanProgress');
    await writeFile(path.join(tmp, 'corpus', 'new.txt'), 'A new report');
    await services.rescanCorpus({});
    while (!/event: documentsChanged\ndata: [^\n]*new\.txt/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    const frame = /event: documentsChanged\ndata: ([^\n]*new\.txt[^\n]*)/.exec(text)![1]!;
    expect(JSON.parse(frame)).toMatchObject({ added: [expect.objectContaining({ path: 'new.txt', title: 'A new report' })] });
    abort.abort();
  });

  it('serves only regular files that really live in the exports folder, with the token in the download query', async () => {
    const exportsDir = path.join(services.corpusRoot(), '.marginalia', 'exports');
    await mkdir(exportsDir, { recursive: true });
    await writeFile(path.join(exportsDir, 'gold.jsonl'), '{"a":1}\n');
    const ok = await fetch(`http://127.0.0.1:${host.port}/exports/gold.jsonl?token=secret-token`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('{"a":1}\n');
    // A link planted in the exports folder (a shared corpus is enough) is refused, whatever it points at.
    await symlink(path.join(tmp, 'secret.txt'), path.join(exportsDir, 'leak.jsonl'));
    const leak = await fetch(`http://127.0.0.1:${host.port}/exports/leak.jsonl?token=secret-token`);
    expect(leak.status).toBe(403);
    expect((await json(leak)).error.message).toMatch(/leak\.jsonl is a symbolic link/);
    // A FIFO there is never opened for reading (it would block): refused at once.
    execFileSync('mkfifo', [path.join(exportsDir, 'pipe.jsonl')]);
    const pipe = await fetch(`http://127.0.0.1:${host.port}/exports/pipe.jsonl?token=secret-token`);
    expect(pipe.status).toBe(403);
    expect((await json(pipe)).error.message).toMatch(/named pipe/);
    // The exports folder itself a link to elsewhere: nothing is served from it.
    await rm(exportsDir, { recursive: true });
    await mkdir(path.join(tmp, 'elsewhere'), { recursive: true });
    await writeFile(path.join(tmp, 'elsewhere', 'gold.jsonl'), 'outside');
    await symlink(path.join(tmp, 'elsewhere'), exportsDir);
    expect((await fetch(`http://127.0.0.1:${host.port}/exports/gold.jsonl?token=secret-token`)).status).toBe(403);
    await rm(exportsDir);
  });

  it('does not serve files outside the built UI', async () => {
    for (const p of ['/../package.json', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await fetch(`http://127.0.0.1:${host.port}${p}`, { headers: { 'x-marginalia-token': 'secret-token' } });
      expect(res.status, p).not.toBe(200);
    }
  });

  it('reopens only corpora from the recent list', async () => {
    const recent: string[] = (await json(call('listRecentCorpora'))).value;
    const corpus = await (await import('node:fs/promises')).realpath(path.join(tmp, 'corpus'));
    expect(recent).toContain(corpus);
    expect((await call('openCorpus', { path: tmp })).status).toBe(403);
    const reopened = (await json(call('openCorpus', { path: corpus }))).value;
    // The reopen answers at once (from the index, or as far as the scan got).
    expect(reopened.documents.map((d: { path: string }) => d.path)).toEqual(['a.txt', 'new.txt', 'sub/b.md']);
  });
});
