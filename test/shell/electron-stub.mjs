// A stand-in for the `electron` module so the built main process runs under plain Node and every call it makes is recorded.
// The real package must never load in tests: on Node it starts a download of Electron's binary.

const record = (globalThis.__electronStub = {
  windows: [],
  handlers: new Map(),
  protocolHandlers: new Map(),
  privilegedSchemes: [],
  appListeners: new Map(),
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  devicePermissionHandler: null,
  beforeRequest: null,
  sandboxEnabled: false,
  openedExternal: [],
  menu: null,
  readyResolve: null,
});
// Promises the tests wait on instead of polling: the first page a window loads, and the app's quit.
record.firstLoad = new Promise((resolve) => (record.firstLoadResolve = resolve));
record.quitted = new Promise((resolve) => (record.quitResolve = resolve));

class EventTarget {
  constructor() {
    this.listeners = new Map();
  }
  on(name, fn) {
    (this.listeners.get(name) ?? this.listeners.set(name, []).get(name)).push(fn);
    return this;
  }
  once(name, fn) {
    return this.on(name, fn);
  }
  emit(name, ...args) {
    for (const fn of this.listeners.get(name) ?? []) fn(...args);
  }
}

class WebContents extends EventTarget {
  constructor() {
    super();
    this.sent = [];
    this.windowOpenHandler = null;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
}

export class BrowserWindow extends EventTarget {
  static getAllWindows() {
    return record.windows;
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    this.loaded = [];
    record.windows.push(this);
    // Electron emits web-contents-created for every new web contents.
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    this.loaded.push(url);
    record.firstLoadResolve(this);
  }
  async loadFile(file) {
    this.loaded.push(file);
    record.firstLoadResolve(this);
  }
  show() {}
}

class App extends EventTarget {
  constructor() {
    super();
    this.ready = new Promise((resolve) => (record.readyResolve = resolve));
  }
  whenReady() {
    return this.ready;
  }
  getVersion() {
    return '0.0.0-stub';
  }
  enableSandbox() {
    record.sandboxEnabled = true;
  }
  quit() {
    record.quit = true;
    record.quitResolve();
  }
}
export const app = new App();

export const ipcMain = {
  handle(channel, fn) {
    record.handlers.set(channel, fn);
  },
  on(channel, fn) {
    record.handlers.set(channel, fn);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record.privilegedSchemes.push(...schemes);
  },
  handle(scheme, fn) {
    record.protocolHandlers.set(scheme, fn);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(fn) {
      record.permissionRequestHandler = fn;
    },
    setPermissionCheckHandler(fn) {
      record.permissionCheckHandler = fn;
    },
    setDevicePermissionHandler(fn) {
      record.devicePermissionHandler = fn;
    },
    webRequest: {
      onBeforeRequest(filterOrListener, maybeListener) {
        // Recorded with its filter, if any: no filter means every request.
        record.beforeRequest = maybeListener ? { filter: filterOrListener, listener: maybeListener } : { filter: null, listener: filterOrListener };
      },
    },
  },
};

export const shell = {
  async openExternal(url) {
    record.openedExternal.push(url);
  },
};

export const dialog = {
  async showOpenDialog() {
    return { canceled: true, filePaths: [] };
  },
  async showSaveDialog() {
    return { canceled: true };
  },
};

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    record.menu = menu;
  },
};

export const contextBridge = {
  exposeInMainWorld(key, api) {
    record.exposed = { key, api };
  },
};

export const ipcRenderer = {
  invoke: async (channel, arg) => ({ channel, arg }),
  on() {},
  removeListener() {},
};

export default { app, BrowserWindow, ipcMain, protocol, session, shell, dialog, Menu, contextBridge, ipcRenderer };
