import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OsPrinter } from '../main/printing/os-printer';

export const FILE_PRINTER_NAME = 'receipt-file';

/**
 * The browser harness's "operating system printer": each page Electron would print is
 * saved as an HTML file in the downloads folder, served at /downloads/. The same HTML, not
 * a PDF: it is exactly what the OS path prints, opens in any browser, and needs no PDF
 * library (Chromium's page.pdf belongs to the browser, not to this process).
 */
export function filePrinter(downloadsDir: string): OsPrinter & { printed: string[] } {
  const printed: string[] = [];
  let n = 0;
  return {
    printed,
    list: async () => [{ name: FILE_PRINTER_NAME, displayName: 'receipt-file.html', isDefault: true }],
    printHtml: async (page) => {
      n += 1;
      const name = `receipt-${Date.now()}-${n}.html`;
      writeFileSync(join(downloadsDir, name), page.html, 'utf8');
      printed.push(name);
    },
  };
}
