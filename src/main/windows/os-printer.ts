import type { BrowserWindow, BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import type { OsPrinterInfo } from '@shared/printing';
import type { OsPrinter } from '../printing/os-printer';
import { PrinterError } from '../printing/printer-error';

/** The part of Electron's BrowserWindow this adapter uses; index.ts passes the real class. */
type PrintWindow = Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'print' | 'getPrintersAsync'>;
};
export type PrintWindowClass = new (options: BrowserWindowConstructorOptions) => PrintWindow;

/**
 * A hidden window that shows one receipt page and nothing else: no preload, no script,
 * sandboxed. It is created per job and destroyed after it, so a receipt never shares a
 * page with the app.
 */
const PRINT_WINDOW: BrowserWindowConstructorOptions = {
  show: false,
  width: 420,
  height: 800,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webviewTag: false,
    spellcheck: false,
  },
};

/**
 * The operating system's printers through Electron: webContents.print() with silent:true,
 * the printer by name, the page exactly the paper's width in microns (58000 or 80000; a
 * thermal driver otherwise assumes A4 and prints the receipt tiny or across pages, see
 * electron issues 9780 and 31705) and no margins.
 */
export function electronOsPrinter(Window: PrintWindowClass): OsPrinter {
  const withWindow = async <T>(fn: (win: PrintWindow) => Promise<T>): Promise<T> => {
    const win = new Window(PRINT_WINDOW);
    try {
      return await fn(win);
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  };
  const listOn = async (win: PrintWindow): Promise<OsPrinterInfo[]> =>
    (await win.webContents.getPrintersAsync()).map((p) => ({
      name: p.name,
      displayName: p.displayName || p.name,
      isDefault: !!(p as { isDefault?: boolean }).isDefault,
    }));

  return {
    list: () => withWindow(listOn),
    printHtml: (page) =>
      withWindow(async (win) => {
        if (!(await listOn(win)).some((p) => p.name === page.deviceName))
          throw new PrinterError('os_printer_missing', page.deviceName);
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page.html)}`);
        const options: WebContentsPrintOptions = {
          silent: true,
          printBackground: false,
          deviceName: page.deviceName,
          pageSize: { width: page.widthMicrons, height: page.heightMicrons },
          margins: { marginType: 'none' },
        };
        await new Promise<void>((resolve, reject) => {
          win.webContents.print(options, (success, failureReason) => {
            if (success) resolve();
            else reject(new PrinterError('os_print_failed', (failureReason || 'print failed').slice(0, 200)));
          });
        });
      }),
  };
}
