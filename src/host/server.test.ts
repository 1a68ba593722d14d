import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../node/services';
import { startHost, type RunningHost } from './server';

let tmp: string;
let host: RunningHost;

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
  const services = await createServices(corpus, { kind: 'browser', version: 'test' });
  host = await startHost({ services, staticDir: ui, token: 'secret-token' });
});
afterAll(async () => {
  await host.close();
  await rm(tmp, { recursive: true, force: true });
});

const call = (method: string, body?: unknown, headers: Record<string, string> = { 'x-marginalia-token': 'secret-token' }) =>
  fetch(`http://127.0.0.1:${host.port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? '' : JSON.stringify(body) });

describe('the HTTP host', () => {
  it('prints a URL on 127.0.0.1 with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=secret-token`);
  });

  it('serves the corpus and documents to a request with the token', async () => {
    const corpus = await (await call('getCorpus')).json();
    expect(corpus.ok).toBe(true);
    expect(corpus.value.documents.map((d: { path: string }) => d.path)).toEqual(['a.txt', 'sub/b.md']);
    const doc = await (await call('readDocument', { path: 'a.txt' })).json();
    expect(doc.value.text).toBe('Alpha 43.9%\n');
  });

  it('refuses requests without the token or with a wrong one', async () => {
    const none = await call('getCorpus', undefined, {});
    expect(none.status).toBe(403);
    expect((await none.json()).error.message).toMatch(/token/);
    expect((await call('getCorpus', undefined, { 'x-marginalia-token': 'guess' })).status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${host.port}/`)).status).toBe(403);
  });

  it('serves the UI with the token in the URL and sets a cookie for its assets', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    const again = await fetch(`http://127.0.0.1:${host.port}/index.html`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(again.status).toBe(200);
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
    expect(await status({ origin: `http://127.0.0.1:${host.port}` })).toBe(200);
  });

  it('rejects unknown methods and bad bodies with a clear error', async () => {
    expect((await call('deleteEverything')).status).toBe(404);
    const bad = await fetch(`http://127.0.0.1:${host.port}/api/readDocument`, { method: 'POST', headers: { 'x-marginalia-token': 'secret-token' }, body: '{' });
    expect(bad.status).toBe(400);
  });

  it('writes exports under .marginalia/exports with a safe name', async () => {
    const res = await (await call('saveExport', { suggestedName: '../../evil.jsonl', content: '{"a":1}\n' })).json();
    expect(res.value.path).toBe(path.join(await (await import('node:fs/promises')).realpath(path.join(tmp, 'corpus')), '.marginalia', 'exports', '_.._evil.jsonl'));
    expect(await readFile(res.value.path, 'utf8')).toBe('{"a":1}\n');
  });

  it('reopens only corpora from the recent list', async () => {
    const recent = (await (await call('listRecentCorpora')).json()).value;
    expect(recent).toHaveLength(1);
    expect((await call('openCorpus', { path: tmp })).status).toBe(403);
    expect((await (await call('openCorpus', { path: recent[0] })).json()).value.documents).toHaveLength(2);
  });
});
