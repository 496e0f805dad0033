import { EventEmitter } from 'node:events';
import Module from 'node:module';
import { resolve } from 'node:path';

/**
 * A small stand-in for the `electron` module, so the BUILT main bundle and preload can be
 * loaded in plain Node (Electron's binary cannot be downloaded here). It records what the
 * app asks of Electron: windows and their webPreferences, IPC registrations, permission
 * handlers, protocol handlers, bridge exposures. It implements no behaviour of its own
 * beyond what the code under test needs to run.
 */
export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export const preventable = (): PreventableEvent => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

type Listener = (...args: any[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args: structuredClone(args) });
  }
  isDestroyed(): boolean {
    return false;
  }
  constructor(private readonly printing: FakePrinting = newFakePrinting()) {
    super();
  }
  async getPrintersAsync() {
    return structuredClone(this.printing.printers);
  }
  print(options: Record<string, any>, callback: (success: boolean, failureReason: string) => void): void {
    this.printing.calls.push(structuredClone(options));
    const { success, failureReason } = this.printing.outcome;
    setImmediate(() => callback(success, failureReason));
  }
}

/** The machine's OS printers as the double's windows see them, and how the next print call ends. */
export interface FakePrinting {
  printers: { name: string; displayName: string; isDefault?: boolean }[];
  outcome: { success: boolean; failureReason: string };
  calls: Record<string, any>[];
}
function newFakePrinting(): FakePrinting {
  return { printers: [], outcome: { success: true, failureReason: '' }, calls: [] };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function createElectronDouble(options: {
  userData: string;
  displays?: { id: number; bounds: Rect }[];
  /** app.getAppPath(): the project folder under `npm start` (default: the real project). */
  appPath?: string;
  /** Where the save dialog answers a file should go; unset: the dialog is canceled. */
  savePath?: string;
}) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    quitCalls: 0,
    exitCode: null as number | null,
    readyResolve: null as null | (() => void),
    getPath: (name: string) => (name === 'userData' ? options.userData : `${options.userData}/${name}`),
    getAppPath: () => options.appPath ?? resolve(import.meta.dirname, '../..'),
    getVersion: () => '0.0.0-test',
    getName: () => 'Pakasir POS',
    requestSingleInstanceLock: () => true,
    whenReady(): Promise<void> {
      return ready;
    },
    quit(): void {
      app.quitCalls += 1;
      const event = preventable();
      app.emit('before-quit', event);
      if (!event.defaultPrevented) app.emit('will-quit', preventable());
    },
    exit(code = 0): void {
      app.exitCode = code;
    },
  });
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const printing = newFakePrinting();
  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    readonly options: Record<string, any>;
    readonly webContents = new FakeWebContents(printing);
    loadedUrl: string | null = null;
    bounds: Rect;
    fullScreen = false;
    visible = false;
    destroyed = false;
    constructor(opts: Record<string, any>) {
      super();
      this.options = structuredClone(opts);
      this.bounds = { x: 0, y: 0, width: opts.width ?? 800, height: opts.height ?? 600 };
      windows.push(this);
      app.emit('web-contents-created', preventable(), this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {
      this.visible = true;
    }
    showInactive() {
      this.visible = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
    }
    destroy() {
      this.close();
    }
    getBounds() {
      return { ...this.bounds };
    }
    setBounds(b: Rect) {
      this.bounds = { ...b };
    }
    setFullScreen(v: boolean) {
      this.fullScreen = v;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }

  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
    on() {
      throw new Error('the app must use handle(), not on()');
    },
  };

  const permission = {
    request: null as
      null | ((wc: unknown, permission: string, cb: (granted: boolean) => void, details?: unknown) => void),
    check: null as null | ((wc: unknown, permission: string) => boolean),
    device: null as null | ((details: unknown) => boolean),
  };
  const defaultSession = {
    setPermissionRequestHandler: (h: typeof permission.request) => {
      permission.request = h;
    },
    setPermissionCheckHandler: (h: typeof permission.check) => {
      permission.check = h;
    },
    setDevicePermissionHandler: (h: typeof permission.device) => {
      permission.device = h;
    },
  };

  const protocolState = {
    privileged: [] as unknown[],
    handlers: new Map<string, (req: { url: string }) => Promise<Response>>(),
  };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => protocolState.privileged.push(...schemes),
    handle: (scheme: string, handler: (req: { url: string }) => Promise<Response>) =>
      protocolState.handlers.set(scheme, handler),
  };

  const displays = options.displays ?? [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
  const toDisplay = (d: { id: number; bounds: Rect }) => ({
    id: d.id,
    label: `Display ${d.id}`,
    bounds: d.bounds,
    workArea: d.bounds,
    size: { width: d.bounds.width, height: d.bounds.height },
  });
  const screen = Object.assign(new EventEmitter(), {
    getAllDisplays: () => displays.map(toDisplay),
    getPrimaryDisplay: () => toDisplay(displays[0]!),
    getDisplayMatching: (r: Rect) =>
      toDisplay(displays.find((d) => r.x >= d.bounds.x && r.x < d.bounds.x + d.bounds.width) ?? displays[0]!),
    displays,
  });

  const dialogState = { saveRequests: [] as unknown[], errors: [] as { title: string; content: string }[] };
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      dialogState.saveRequests.push(args);
      return options.savePath ? { canceled: false, filePath: options.savePath } : { canceled: true, filePath: '' };
    },
    showErrorBox: (title: string, content: string) => dialogState.errors.push({ title, content }),
  };
  const opened: string[] = [];
  const shell = { openExternal: async (url: string) => void opened.push(url) };

  // Stand-in "OS keystore": reversible, labelled as a real Linux keyring backend.
  const safeStorage = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (s: string) => Buffer.from(`enc:${Buffer.from(s).toString('hex')}`),
    decryptString: (b: Buffer) => Buffer.from(b.toString().slice(4), 'hex').toString(),
  };

  const exposed = new Map<string, unknown>();
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (exposed.has(key)) throw new Error(`${key} exposed twice`);
      exposed.set(key, api);
    },
  };

  const invokes: { channel: string; args: unknown[] }[] = [];
  const rendererEmitter = new EventEmitter();
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      invokes.push({ channel, args });
      return { ok: true, value: { channel } };
    },
    on: (channel: string, l: Listener) => {
      rendererEmitter.on(channel, l);
      return ipcRenderer;
    },
    removeListener: (channel: string, l: Listener) => {
      rendererEmitter.off(channel, l);
      return ipcRenderer;
    },
    send: () => {
      throw new Error('the preload must use invoke(), not send()');
    },
    listenerCount: (channel: string) => rendererEmitter.listenerCount(channel),
    /** Plays main sending an event: Electron passes an IpcRendererEvent first. */
    deliver: (channel: string, ...args: unknown[]) =>
      rendererEmitter.emit(channel, { sender: ipcRenderer, senderId: 0, ports: [] }, ...args),
  };

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    session: { defaultSession },
    protocol,
    screen,
    dialog,
    shell,
    safeStorage,
    contextBridge,
    ipcRenderer,
  };
  return {
    electron,
    markReady,
    windows,
    printing,
    handlers,
    permission,
    protocolState,
    dialogState,
    opened,
    exposed,
    invokes,
    ipcRenderer,
    app,
    screen,
  };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;

/**
 * Routes `require('electron')` to the double for every module loaded after this call, the
 * built bundle included. Returns the function that restores the real loader.
 */
export function interceptElectron(double: ElectronDouble): () => void {
  const mod = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = mod._load;
  mod._load = function load(request: string, parent: unknown, isMain: boolean) {
    if (request === 'electron') return double.electron;
    return original.call(this, request, parent, isMain);
  };
  return () => {
    mod._load = original;
  };
}
