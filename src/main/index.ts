// Electron main: one secure window on the app:// scheme, the contract over IPC with checked senders, menu and dialogs.

import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_METHODS, ApiError, IPC_PREFIX, type HostEvents, type MarginaliaApi } from '../core/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../node/csp';
import { sampleCorpusDir } from '../node/app-paths';
import { isInside } from '../node/paths';
import { createServices, type HostServices } from '../node/services';
import { APP_ORIGIN, isAllowedRequest, isExternalWebLink, isTrustedIpcEvent, secureWebPreferences } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, '..', 'preload', 'index.cjs');

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

// Every renderer sandboxed, whatever a window's options say (must run before the app is ready).
app.enableSandbox();

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;

function send<K extends keyof HostEvents>(event: K, payload: HostEvents[K]): void {
  mainWindow?.webContents.send(IPC_PREFIX + 'event', { event, payload });
}

/** Serves the built renderer on app://marginalia/, refusing any path (or symlink) that leads outside it. */
function registerAppProtocol(): void {
  protocol.handle('app', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405 });
    const url = new URL(request.url);
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(rendererRoot, '.' + rel);
    if (url.host !== 'marginalia' || !isInside(rendererRoot, file)) return new Response('forbidden', { status: 403 });
    try {
      const [realRoot, real] = await Promise.all([realpath(rendererRoot), realpath(file)]);
      if (!isInside(realRoot, real)) return new Response('forbidden', { status: 403 });
      const body = await readFile(real);
      return new Response(body, {
        headers: {
          'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

/** Registers one IPC handler per contract method; each checks the sender frame first. */
function registerIpc(services: HostServices): void {
  for (const method of API_METHODS) {
    ipcMain.handle(IPC_PREFIX + method, async (event, arg: unknown) => {
      if (!isTrustedIpcEvent(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'message from an untrusted frame refused' } };
      }
      try {
        const fn = services[method as keyof MarginaliaApi] as (a: unknown) => Promise<unknown>;
        return { ok: true, value: (await fn.call(services, arg)) ?? null };
      } catch (e) {
        const code = e instanceof ApiError ? e.code : 'internal';
        return { ok: false, error: { code, message: (e as Error).message } };
      }
    });
  }
}

/** Refuses navigation, redirects, new windows, webviews, remote requests and permission requests for every web contents. */
function lockDown(): void {
  app.on('web-contents-created', (_e, contents) => {
    const refuse = (event: { preventDefault(): void }) => event.preventDefault();
    contents.on('will-navigate', refuse);
    contents.on('will-frame-navigate', refuse);
    contents.on('will-redirect', refuse);
    contents.on('will-attach-webview', refuse);
    contents.setWindowOpenHandler(({ url }) => {
      // A link the user clicked (target=_blank): http(s) goes to the system browser, anything else nowhere.
      if (isExternalWebLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content: every request but the app's own scheme (and data:/blob: it builds) is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}

function buildMenu(services: HostServices): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open Corpus…', accelerator: 'CmdOrCtrl+O', click: () => void services.openCorpus({}) },
        { label: 'Rescan Corpus', click: () => void services.rescanCorpus({ full: false }) },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send('menuCommand', { command: 'export' }) },
        { label: 'Mark Document Done', accelerator: 'CmdOrCtrl+Shift+D', click: () => send('menuCommand', { command: 'mark-done' }) },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { label: 'Edit', submenu: [{ role: 'copy' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow(): Promise<void> {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Marginalia',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

app.whenReady().then(async () => {
  registerAppProtocol();
  lockDown();
  const corpus = process.env.MARGINALIA_CORPUS ?? sampleCorpusDir();
  const services = await createServices(corpus, {
    kind: 'electron',
    version: app.getVersion(),
    chooseFolder: async () => {
      const r = await dialog.showOpenDialog({ title: 'Open a corpus folder', properties: ['openDirectory'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    chooseSavePath: async (suggestedName, root, layout) => {
      const ext = path.extname(suggestedName).slice(1);
      const r = await dialog.showSaveDialog({
        title: layout === 'folder' ? 'Export annotations to a new folder' : 'Export annotations',
        defaultPath: path.join(root, suggestedName),
        filters: layout === 'folder' || !ext ? [] : [{ name: ext.toUpperCase(), extensions: [ext] }],
      });
      return r.canceled ? null : (r.filePath ?? null);
    },
  });
  // Every host event (another corpus opened, scan progress, documents changed) goes to the window.
  services.subscribe((event, payload) => send(event, payload));
  registerIpc(services);
  buildMenu(services);
  // Journal writes in flight finish and the index is saved before the app goes.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    void services.close().finally(() => app.quit());
  });
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
