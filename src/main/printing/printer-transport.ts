import type { PaperWidth, PrinterTarget } from '@shared/printing';
import { encodeEscPos } from './escpos-encode';
import type { OsPrinter } from './os-printer';
import { PrinterError } from './printer-error';
import type { ReceiptDoc } from './receipt-doc';
import { renderReceiptHtml } from './receipt-html';
import { tcpPrint, type TcpPrinterOptions } from './tcp-printer';

export interface PrintOutcome {
  paperLow: boolean;
  detail: string;
}

export interface TransportDeps {
  osPrinter: OsPrinter;
  /** Network timeouts; tests shorten them. */
  tcp?: Partial<Pick<TcpPrinterOptions, 'connectTimeoutMs' | 'statusTimeoutMs' | 'writeTimeoutMs'>>;
}

/**
 * Sends one document to the configured printer. Network printers get ESC/POS bytes (with
 * the drawer pulse when asked); OS printers get the same rows as a page: an OS driver
 * prints no raw drawer pulse, so the drawer opens only if the driver is set to open it.
 * `doc` null: only check that the printer is there and ready.
 */
export async function sendToPrinter(
  target: PrinterTarget,
  paper: PaperWidth,
  statusCheck: boolean,
  doc: ReceiptDoc | null,
  title: string,
  deps: TransportDeps,
): Promise<PrintOutcome> {
  switch (target.kind) {
    case 'none':
      throw new PrinterError('not_configured');
    case 'tcp': {
      const bytes = doc ? encodeEscPos(doc, paper) : null;
      // An IPv6 address may be written in brackets, as in a URL; the socket wants it bare.
      const host = target.host.replace(/^\[(.*)\]$/, '$1');
      return tcpPrint({ host, port: target.port, statusCheck, ...deps.tcp }, bytes);
    }
    case 'os': {
      const printers = await deps.osPrinter.list();
      if (!printers.some((p) => p.name === target.deviceName))
        throw new PrinterError('os_printer_missing', target.deviceName);
      if (doc)
        await deps.osPrinter.printHtml({ ...renderReceiptHtml(doc, paper, title), deviceName: target.deviceName });
      return { paperLow: false, detail: 'os' };
    }
  }
}
