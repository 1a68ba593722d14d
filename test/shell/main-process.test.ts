// The built Electron main process, loaded under Node with a stub `electron`: security options, IPC, protocol, lockdown.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire, register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { API_METHODS, IPC_PREFIX } from '../../src/core/ipc/contract';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainFile = path.join(root, 'out', 'main', 'index.js');
const preloadFile = path.join(root, 'out', 'preload', 'index.cjs');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Stub = any;
let stub: Stub;
let win: Stub;

before(async () => {
  assert.ok(existsSync(mainFile), `${mainFile} is missing: run \`npm run build\` first`);
  register('./resolve-electron.mjs', import.meta.url);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-shell-'));
  await mkdir(path.join(tmp, 'corpus'));
  await writeFile(path.join(tmp, 'corpus', 'a.txt'), 'Port volume rose 6.8%.');
  process.env.MARGINALIA_CORPUS = path.join(tmp, 'corpus');
  process.env.MARGINALIA_CONFIG_DIR = path.join(tmp, 'config');
  await import(pathToFileURL(mainFile).href);
  stub = (globalThis as Stub).__electronStub;
  stub.readyResolve();
  for (let i = 0; i < 200 && !stub.windows[0]?.loaded.length; i++) await new Promise((r) => setTimeout(r, 10));
  win = stub.windows[0];
  assert.ok(win, 'the main process opened no window');
});

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

  it('sets a Content-Security-Policy on what the app scheme serves and refuses paths outside the renderer', async () => {
    const handler = stub.protocolHandlers.get('app');
    const ok: Response = await handler(new Request('app://marginalia/index.html'));
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-security-policy')!, /default-src 'self'/);
    for (const bad of ['app://marginalia/..%2F..%2Fpackage.json', 'app://marginalia/%2e%2e/main/index.js', 'app://elsewhere/index.html']) {
      const res: Response = await handler(new Request(bad));
      assert.notEqual(res.status, 200, bad);
    }
  });
});

describe('IPC', () => {
  it('has a handler for every contract method and no other channel', () => {
    assert.deepEqual([...stub.handlers.keys()].sort(), API_METHODS.map((m) => IPC_PREFIX + m).sort());
  });

  it('answers the app frame and refuses a message from an unexpected sender', async () => {
    const handle = stub.handlers.get(IPC_PREFIX + 'getCorpus');
    const good = await handle({ senderFrame: { url: 'app://marginalia/index.html' } });
    assert.equal(good.ok, true);
    assert.deepEqual(good.value.documents.map((d: Stub) => d.path), ['a.txt']);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://elsewhere/index.html', undefined]) {
      const bad = await handle({ senderFrame: url ? { url } : null });
      assert.equal(bad.ok, false, String(url));
      assert.equal(bad.error.code, 'forbidden');
    }
  });

  it('returns errors as data with their code', async () => {
    const read = stub.handlers.get(IPC_PREFIX + 'readDocument');
    const res = await read({ senderFrame: { url: 'app://marginalia/' } }, { path: '../../etc/passwd' });
    assert.equal(res.ok, false);
    assert.equal(res.error.code, 'forbidden');
  });
});

describe('lockdown', () => {
  it('refuses navigation and new windows, opening only http(s) links outside', () => {
    let prevented = false;
    win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example');
    assert.equal(prevented, true);
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
  });

  it('has a File menu with Open Corpus and Export', () => {
    const file = stub.menu.template.find((m: Stub) => m.label === 'File');
    assert.ok(file.submenu.some((i: Stub) => i.label === 'Open Corpus…'));
    assert.ok(file.submenu.some((i: Stub) => i.label === 'Export…'));
  });
});
