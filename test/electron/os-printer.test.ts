import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saleReceiptDoc } from '../../src/main/printing/layout-sale';
import { renderReceiptHtml } from '../../src/main/printing/receipt-html';
import { electronOsPrinter, type PrintWindowClass } from '../../src/main/windows/os-printer';
import { CASH_SALE } from '../support/receipts';
import { createElectronDouble, type ElectronDouble } from './electron-double';

describe('OS printing through Electron (against the double)', () => {
  let dir: string;
  let double: ElectronDouble;
  let Window: PrintWindowClass;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pos-osprint-'));
    double = createElectronDouble({ userData: dir });
    double.printing.printers = [
      { name: 'POS-58', displayName: 'POS-58 Thermal', isDefault: true },
      { name: 'Office Laser', displayName: '' },
    ];
    Window = double.electron.BrowserWindow as unknown as PrintWindowClass;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const page = (paper: 58 | 80) =>
    renderReceiptHtml(saleReceiptDoc(CASH_SALE, { reprint: 0, openDrawer: true }), paper, 'KSR1-000044');

  it('lists the printers the OS offers', async () => {
    expect(await electronOsPrinter(Window).list()).toEqual([
      { name: 'POS-58', displayName: 'POS-58 Thermal', isDefault: true },
      { name: 'Office Laser', displayName: 'Office Laser', isDefault: false },
    ]);
    expect(double.windows.every((w) => w.destroyed)).toBe(true);
  });

  it('prints silently on the named printer with the paper width in microns and no margins', async () => {
    for (const paper of [58, 80] as const) {
      const p = page(paper);
      await electronOsPrinter(Window).printHtml({ ...p, deviceName: 'POS-58' });
      const call = double.printing.calls.at(-1)!;
      expect(call).toEqual({
        silent: true,
        printBackground: false,
        deviceName: 'POS-58',
        pageSize: { width: paper * 1000, height: p.heightMicrons },
        margins: { marginType: 'none' },
      });
    }
    // Each job gets its own hidden, script-less, sandboxed window, destroyed afterwards.
    const printWindows = double.windows.filter((w) => w.loadedUrl?.startsWith('data:text/html'));
    expect(printWindows).toHaveLength(2);
    for (const w of printWindows) {
      expect(w.options.show).toBe(false);
      expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, javascript: false });
      expect(w.options.webPreferences.preload).toBeUndefined();
      expect(w.destroyed).toBe(true);
      expect(decodeURIComponent(w.loadedUrl!.slice('data:text/html;charset=utf-8,'.length))).toContain('KSR1-000044');
    }
  });

  it('a printer that is gone, or a print the OS refuses, is a typed error with the reason', async () => {
    const printer = electronOsPrinter(Window);
    await expect(printer.printHtml({ ...page(58), deviceName: 'Unplugged' })).rejects.toMatchObject({
      name: 'PrinterError',
      problem: 'os_printer_missing',
      detail: 'Unplugged',
    });
    expect(double.printing.calls).toHaveLength(0);
    double.printing.outcome = { success: false, failureReason: 'Print job failed' };
    await expect(printer.printHtml({ ...page(58), deviceName: 'POS-58' })).rejects.toMatchObject({
      problem: 'os_print_failed',
      detail: 'Print job failed',
    });
    expect(double.windows.every((w) => w.destroyed)).toBe(true);
  });
});
