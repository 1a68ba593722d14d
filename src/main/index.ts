// Electron main: one secure window on the app:// scheme, the contract over IPC with checked senders, menu and dialogs.

import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_METHODS, ApiError, IPC_PREFIX, type HostEvents, type MarginaliaApi } from '../core/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../node/csp';
import { sampleCorpusDir } from '../node/app-paths';
import { isInside } from '../node/paths';
import { createServices, type HostServices } from '../node/services';
import { APP_ORIGIN, isExternalWebLink, isTrustedSender, secureWebPreferences } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, '..', 'preload', 'index.cjs');

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;

function send<K extends keyof HostEvents>(event: K, payload: HostEvents[K]): void {
  mainWindow?.webContents.send(IPC_PREFIX + 'event', { event, payload });
}

/** Serves the built renderer on app://marginalia/, refusing any path outside it. */
function registerAppProtocol(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(rendererRoot, '.' + rel);
    if (url.host !== 'marginalia' || !isInside(rendererRoot, file)) return new Response('forbidden', { status: 403 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY },
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
      if (!isTrustedSender(event.senderFrame?.url)) {
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

/** Refuses navigation, new windows and permission requests for every web contents the app creates. */
function lockDown(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // A link the user clicked: http(s) goes to the system browser, anything else nowhere.
      if (isExternalWebLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function buildMenu(services: HostServices): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open Corpus…', accelerator: 'CmdOrCtrl+O', click: () => void services.openCorpus({}) },
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
    chooseSavePath: async (suggestedName, root) => {
      const r = await dialog.showSaveDialog({
        title: 'Export annotations',
        defaultPath: path.join(root, suggestedName),
        filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }],
      });
      return r.canceled ? null : (r.filePath ?? null);
    },
    onCorpusChanged: (c) => send('corpusChanged', c),
  });
  registerIpc(services);
  buildMenu(services);
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
