import { join } from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, protocol, safeStorage, screen, session, shell } from 'electron';
import { EVENT_CHANNEL } from '@shared/contract/api';
import type { DisplayInfo } from '@shared/domain';
import { createAppServices } from './app/create-services';
import type { AppServices, ExportSink } from './app/service-types';
import { registerIpc } from './ipc/register';
import { createLogger, type Logger } from './log/logger';
import { startupErrorText } from './windows/startup-error';
import { loadNativeBinding, nativeBindingFor, type SqliteRuntime } from './orders/native-binding';
import { APP_SCHEME_PRIVILEGES, appProtocolResponse } from './security/app-protocol';
import { hardenSession, hardenWebContents } from './security/harden';
import { electronSafeStorage } from './security/safe-storage';
import { APP_SCHEME, isAllowedExternalUrl, isAppUrl } from './security/trusted-url';
import { createCashierWindow } from './windows/cashier-window';
import { CustomerDisplay, createCustomerWindow } from './windows/customer-window';
import { electronOsPrinter } from './windows/os-printer';

/**
 * Electron bootstrap only: lifecycle, wiring and the Electron-specific adapters. Every
 * service lives in plain-Node modules built by createAppServices, shared with the harness.
 */

// Development only: electron-vite serves the renderer and passes its URL. A packaged app
// never trusts this variable, so it cannot be pointed at another origin.
const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
const trusted = (url: string): boolean => isAppUrl(url, devServerUrl);
const rendererRoot = join(__dirname, '../renderer');
const windowPaths = { preloadPath: join(__dirname, '../preload/index.cjs'), devServerUrl };

// Must run before 'ready': app:// becomes a standard, secure origin (own storage, fetch, CSP).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let services: AppServices | null = null;
let cashier: BrowserWindow | null = null;
let customer: CustomerDisplay | null = null;
let stopping: Promise<void> | null = null;
let stopped = false;

function listDisplays(): DisplayInfo[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d, i) => ({
    id: d.id,
    label: d.label || `Screen ${i + 1}`,
    primary: d.id === primaryId,
    width: d.size.width,
    height: d.size.height,
  }));
}

const exportSink: ExportSink = {
  async choosePath(suggestedName) {
    const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
    const result =
      cashier && !cashier.isDestroyed()
        ? await dialog.showSaveDialog(cashier, options)
        : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  describe: (path, name, bytes) => ({ name, path, bytes }),
};

function openWindows(): BrowserWindow[] {
  return [cashier, customer?.window() ?? null].filter((w): w is BrowserWindow => !!w && !w.isDestroyed());
}

/** Electron's own SQLite build, checked and loaded before anything opens the journal. */
function electronSqlite(log: Logger): string | undefined {
  const runtime: SqliteRuntime = {
    electronVersion: process.versions.electron,
    modulesVersion: process.versions.modules,
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
    platform: process.platform,
    arch: process.arch,
  };
  const binding = nativeBindingFor(runtime);
  if (!binding) return undefined;
  try {
    return loadNativeBinding(binding, runtime);
  } catch (err) {
    // The file log keeps the loader's own words for diagnosis; the person gets one sentence.
    const cause = (err as Error).cause;
    log.error((err as Error).message, { path: binding.path, detail: cause instanceof Error ? cause.message : null });
    throw err;
  }
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const log = createLogger({ dataDir });
  const sqliteBinding = electronSqlite(log);

  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererRoot, request.url));
  hardenSession(session.defaultSession, log.child('security'), trusted);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      isAppUrl: trusted,
      isAllowedExternalUrl,
      openExternal: (url) => shell.openExternal(url),
      log: log.child('security'),
    });
  });

  services = await createAppServices({
    dataDir,
    shell: 'electron',
    // safeStorage answers correctly only once the app is ready, which it is here.
    safeStorage: electronSafeStorage(safeStorage),
    listDisplays,
    exportSink,
    version: app.getVersion(),
    logger: log,
    sqliteBinding,
    osPrinter: electronOsPrinter(BrowserWindow),
  });
  const { handlers, bus } = services;

  registerIpc(ipcMain, handlers, trusted, log.child('ipc'));

  // Payloads only: the renderer's `on` listeners receive the payload, never an IPC event.
  bus.onAny((name, payload) => {
    for (const win of openWindows()) win.webContents.send(EVENT_CHANNEL, { name, payload });
  });

  cashier = createCashierWindow(windowPaths);
  cashier.on('closed', () => {
    cashier = null;
    customer?.dispose();
    app.quit();
  });

  customer = new CustomerDisplay({
    screen,
    cashier: () => cashier,
    create: () => createCustomerWindow(windowPaths),
    log: log.child('display'),
  });
  try {
    customer.apply(services.settings.view());
  } catch (err) {
    log.warn('could not read display settings; customer display off', { error: err });
  }
  bus.on('settingsChanged', (view) => customer?.apply(view));
}

function quitCleanly(): Promise<void> {
  if (!stopping) {
    stopping = (services ? services.stop() : Promise.resolve())
      .catch(() => undefined)
      .finally(() => {
        stopped = true;
      });
  }
  return stopping;
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same journal: hand over to the first and leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (cashier && !cashier.isDestroyed()) {
      if (cashier.isMinimized()) cashier.restore();
      cashier.focus();
    }
  });

  app.on('window-all-closed', () => app.quit());

  app.on('before-quit', (event) => {
    if (stopped) return;
    // Let the services finish journal writes before the process ends.
    event.preventDefault();
    void quitCleanly().then(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      const { title, body } = startupErrorText(err);
      // The terminal of `npm start` gets the same words as the dialog.
      process.stderr.write(`${body}\n`);
      dialog.showErrorBox(title, body);
      void quitCleanly().then(() => app.exit(1));
    });
}
