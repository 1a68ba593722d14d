// The built Electron main process, loaded under Node with a stub `electron`: security options, IPC, protocol, lockdown.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire, register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { API_METHODS, IPC_PREFIX } from '../../src/core/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../src/node/csp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainFile = path.join(root, 'out', 'main', 'index.js');
const preloadFile = path.join(root, 'out', 'preload', 'index.cjs');
const rendererIndex = path.join(root, 'out', 'renderer', 'index.html');
/** The IPC event of a message from the app's own top frame. */
const APP_FRAME = { senderFrame: { url: 'app://marginalia/index.html', parent: null } };
let corpusDir: string;
let tmpDir: string;

type Stub = any;
let stub: Stub;
let win: Stub;

before(async () => {
  assert.ok(existsSync(mainFile), `${mainFile} is missing: run \`npm run build\` first`);
  register('./resolve-electron.mjs', import.meta.url);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-shell-'));
  tmpDir = tmp;
  corpusDir = path.join(tmp, 'corpus');
  await mkdir(corpusDir);
  await writeFile(path.join(corpusDir, 'a.txt'), 'Port volume rose 6.8%.');
  process.env.MARGINALIA_CORPUS = corpusDir;
  process.env.MARGINALIA_CONFIG_DIR = path.join(tmp, 'config');
  await import(pathToFileURL(mainFile).href);
  stub = (globalThis as Stub).__electronStub;
  stub.readyResolve();
  // The window's first load, awaited (node:test's timeout below is the guard against a main process that never loads one).
  await stub.firstLoad;
  win = stub.windows[0];
  assert.ok(win, 'the main process opened no window');
}, { timeout: 30_000 });

describe('the window', () => {
  it('has the secure web preferences', () => {
    const prefs = win.options.webPreferences;
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.webviewTag, false);
  });

  it('loads the renderer from the app:// scheme, never a remote URL', () => {
    assert.deepEqual(win.loaded, ['app://marginalia/index.html']);
    assert.ok(stub.privilegedSchemes.some((s: Stub) => s.scheme === 'app' && s.privileges.secure));
  });

  it('has a preload that exists and is CommonJS exposing exactly the contract', () => {
    const prefs = win.options.webPreferences;
    assert.equal(prefs.preload, preloadFile);
    assert.ok(existsSync(preloadFile));
    const source = readFileSync(preloadFile, 'utf8');
    assert.doesNotMatch(source, /^\s*(import|export)\s/m, 'the preload must not use ESM syntax');
    // Run it as a sandboxed preload runs: CommonJS, with nothing but `electron` to require.
    const exposed: { key?: string; api?: Stub } = {};
    const invoked: string[] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Stub) => Object.assign(exposed, { key, api }) },
      ipcRenderer: { invoke: async (channel: string) => invoked.push(channel), on() {}, removeListener() {} },
    };
    const module = { exports: {} };
    const requireStub = (id: string) => {
      if (id === 'electron') return fakeElectron;
      throw new Error(`a sandboxed preload cannot require "${id}"`);
    };
    vm.runInNewContext(source, { require: requireStub, module, exports: module.exports, console });
    assert.equal(exposed.key, 'marginalia');
    assert.deepEqual(Object.keys(exposed.api.methods).sort(), [...API_METHODS].sort());
    exposed.api.methods.getCorpus();
    assert.deepEqual(invoked, [IPC_PREFIX + 'getCorpus']);
    void createRequire;
  });

  it('turns the sandbox on for every renderer and has no remote module anywhere', () => {
    assert.equal(stub.sandboxEnabled, true);
    for (const file of [mainFile, preloadFile]) {
      const source = readFileSync(file, 'utf8');
      assert.doesNotMatch(source, /@electron\/remote|enableRemoteModule/, file);
    }
    assert.equal(win.options.webPreferences.enableRemoteModule, undefined);
  });

  it('has the same Content-Security-Policy as a meta tag in the built page (all but frame-ancestors, which meta cannot carry)', () => {
    assert.ok(existsSync(rendererIndex), `${rendererIndex} is missing: run \`npm run build\` first`);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(rendererIndex, 'utf8'));
    assert.ok(meta, 'the built index.html has no CSP meta tag');
    const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d] as const));
    const fromMeta = directives(meta[1]!);
    const fromHeader = directives(CONTENT_SECURITY_POLICY);
    fromHeader.delete('frame-ancestors');
    assert.deepEqual(fromMeta, fromHeader);
    assert.doesNotMatch(meta[1]!, /unsafe-eval/);
  });

  it('sets a Content-Security-Policy on what the app scheme serves and refuses paths outside the renderer', async () => {
    const handler = stub.protocolHandlers.get('app');
    const ok: Response = await handler(new Request('app://marginalia/index.html'));
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-security-policy')!, /default-src 'self'/);
    for (const bad of ['app://marginalia/..%2F..%2Fpackage.json', 'app://marginalia/%2e%2e/main/index.js', 'app://elsewhere/index.html']) {
      const res: Response = await handler(new Request(bad));
      assert.notEqual(res.status, 200, bad);
    }
    const post: Response = await handler(new Request('app://marginalia/index.html', { method: 'POST', body: 'x' }));
    assert.equal(post.status, 405);
    // A symlink inside the built UI that points out of it is not followed.
    const secret = path.join(tmpDir, 'secret.js');
    await writeFile(secret, 'secret');
    const link = path.join(root, 'out', 'renderer', 'marginalia-test-link.js');
    await symlink(secret, link);
    try {
      const res: Response = await handler(new Request('app://marginalia/marginalia-test-link.js'));
      assert.equal(res.status, 403);
    } finally {
      await rm(link, { force: true });
    }
  });
});

describe('IPC', () => {
  it('has a handler for every contract method and no other channel', () => {
    assert.deepEqual([...stub.handlers.keys()].sort(), API_METHODS.map((m) => IPC_PREFIX + m).sort());
  });

  it('answers the app frame and refuses a message from an unexpected sender', async () => {
    const handle = stub.handlers.get(IPC_PREFIX + 'getCorpus');
    const good = await handle(APP_FRAME, { waitForScan: true });
    assert.equal(good.ok, true);
    assert.deepEqual(good.value.documents.map((d: Stub) => d.path), ['a.txt']);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://elsewhere/index.html', undefined]) {
      const bad = await handle({ senderFrame: url ? { url } : null });
      assert.equal(bad.ok, false, String(url));
      assert.equal(bad.error.code, 'forbidden');
    }
    // The app's own URL in a sub-frame is not the app.
    const framed = await handle({ senderFrame: { url: 'app://marginalia/index.html', parent: { url: 'app://marginalia/index.html' } } });
    assert.equal(framed.ok, false);
    assert.equal(framed.error.code, 'forbidden');
    // Every method checks, not only getCorpus.
    for (const method of API_METHODS) {
      const res = await stub.handlers.get(IPC_PREFIX + method)({ senderFrame: { url: 'https://evil.example/' } }, {});
      assert.equal(res.error?.code, 'forbidden', method);
    }
  });

  it('keeps the journal through IPC and refuses annotator names and paths that escape', async () => {
    const append = stub.handlers.get(IPC_PREFIX + 'appendJournal');
    const entries = [{ op: 'status', docId: 'sha256:' + 'c'.repeat(64), status: 'done' }];
    const ok = await append(APP_FRAME, { annotator: 'alice', entries });
    assert.equal(ok.ok, true, JSON.stringify(ok));
    assert.equal(ok.value.written, 1);
    const read = await stub.handlers.get(IPC_PREFIX + 'readJournal')(APP_FRAME, { annotator: 'alice' });
    assert.deepEqual(read.value.entries.map((e: Stub) => e.status), ['done']);
    const trick = await append(APP_FRAME, { annotator: '../../outside', entries });
    assert.equal(trick.error.code, 'forbidden');
    const enc = await stub.handlers.get(IPC_PREFIX + 'setEncoding')(APP_FRAME, { path: '../outside.txt', encoding: 'big5' });
    assert.equal(enc.error.code, 'forbidden');
  });

  it('forwards host events to the window', async () => {
    await writeFile(path.join(corpusDir, 'b.txt'), 'A second report');
    await stub.handlers.get(IPC_PREFIX + 'rescanCorpus')(APP_FRAME, {});
    await stub.handlers.get(IPC_PREFIX + 'getCorpus')(APP_FRAME, { waitForScan: true });
    const events = win.webContents.sent.filter((m: Stub) => m.channel === IPC_PREFIX + 'event').map((m: Stub) => m.payload);
    assert.ok(events.some((e: Stub) => e.event === 'scanProgress' && e.payload.phase === 'done'));
    assert.ok(events.some((e: Stub) => e.event === 'documentsChanged' && e.payload.added.some((d: Stub) => d.path === 'b.txt')));
  });

  it('returns errors as data with their code', async () => {
    const read = stub.handlers.get(IPC_PREFIX + 'readDocument');
    const res = await read({ senderFrame: { url: 'app://marginalia/' } }, { path: '../../etc/passwd' });
    assert.equal(res.ok, false);
    assert.equal(res.error.code, 'forbidden');
  });
});

describe('lockdown', () => {
  it('refuses navigation, redirects, frame navigation and webviews', () => {
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      win.webContents.emit(event, { preventDefault: () => (prevented = true) }, 'https://evil.example');
      assert.equal(prevented, true, event);
    }
  });

  it('cancels every request but the app scheme: no remote content', () => {
    assert.equal(stub.beforeRequest.filter, null, 'the request filter must cover every URL');
    const cancelled = (url: string) => {
      let answer: Stub;
      stub.beforeRequest.listener({ url }, (a: Stub) => (answer = a));
      return answer.cancel;
    };
    for (const url of ['https://evil.example/x.js', 'http://127.0.0.1:8080/', 'ws://evil.example/', 'file:///etc/passwd', 'app://elsewhere/x', 'ftp://x/']) {
      assert.equal(cancelled(url), true, url);
    }
    for (const url of ['app://marginalia/index.html', 'app://marginalia/assets/index.js', 'data:image/png;base64,AA==', 'blob:app://marginalia/1234']) {
      assert.equal(cancelled(url), false, url);
    }
  });

  it('refuses new windows, opening only http(s) links outside', () => {
    assert.deepEqual(win.webContents.windowOpenHandler({ url: 'https://example.org/guide' }), { action: 'deny' });
    assert.deepEqual(win.webContents.windowOpenHandler({ url: 'file:///etc/passwd' }), { action: 'deny' });
    assert.deepEqual(win.webContents.windowOpenHandler({ url: 'javascript:alert(1)' }), { action: 'deny' });
    assert.deepEqual(stub.openedExternal, ['https://example.org/guide']);
  });

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    stub.permissionRequestHandler({}, 'media', (g: boolean) => (granted = g));
    assert.equal(granted, false);
    assert.equal(stub.permissionCheckHandler({}, 'geolocation'), false);
    assert.equal(stub.devicePermissionHandler({ deviceType: 'usb' }), false);
  });

  it('has a File menu with Open Corpus and Export', () => {
    const file = stub.menu.template.find((m: Stub) => m.label === 'File');
    assert.ok(file.submenu.some((i: Stub) => i.label === 'Open Corpus…'));
    assert.ok(file.submenu.some((i: Stub) => i.label === 'Export…'));
  });
});

describe('quitting', () => {
  it('waits for the services to close (journal writes, index) before the app quits', { timeout: 30_000 }, async () => {
    let prevented = false;
    const appListeners = (await import('./electron-stub.mjs' as string)).app;
    appListeners.emit('before-quit', { preventDefault: () => (prevented = true) });
    assert.equal(prevented, true);
    await stub.quitted;
    assert.equal(stub.quit, true);
    assert.ok(existsSync(path.join(corpusDir, '.marginalia', 'index.json')));
  });
});
