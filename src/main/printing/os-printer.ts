import type { OsPrinterInfo } from '@shared/printing';
import { PrinterError } from './printer-error';

/**
 * A printer the operating system drives. Electron implements it at the edge
 * (windows/os-printer.ts: a hidden window and webContents.print), the browser harness by
 * saving the page as a file. Either throws PrinterError ('os_printer_missing' or
 * 'os_print_failed') with the system's reason as its detail.
 */
export interface OsPrinter {
  list(): Promise<OsPrinterInfo[]>;
  printHtml(page: { html: string; deviceName: string; widthMicrons: number; heightMicrons: number }): Promise<void>;
}

/** For a shell with no OS printing at all (tests): every printer is missing. */
export const NO_OS_PRINTER: OsPrinter = {
  list: async () => [],
  printHtml: async () => {
    throw new PrinterError('os_printer_missing', 'this shell has no OS printing');
  },
};
