import type { Handlers } from '../api/dispatch';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../log/logger';
import { machineTimeZone } from '../orders/local-time';
import type { OrderStore } from '../orders/order-store';
import { orderReceipts } from '../printing/order-receipts';
import type { OsPrinter } from '../printing/os-printer';
import { PrintService } from '../printing/print-service';
import type { Pacer, RetryPolicy } from '../printing/retry-policy';
import type { SaleReceiptInput } from '../printing/sale-input';
import type { SettingsService } from '../settings/settings-service';

export const printingCallNames = [
  'getPrinterSettings',
  'updatePrinterSettings',
  'listOsPrinters',
  'testPrint',
  'getPrinterStatus',
  'listPrintJobs',
  'printReceipt',
  'reprintReceipt',
  'cancelPrintJob',
  'retryPrinting',
  'receiptText',
] as const satisfies readonly (keyof Handlers)[];
type PrintingCalls = (typeof printingCallNames)[number];

export interface PrintingToolsDeps {
  dataDir: string;
  store: OrderStore;
  bus: EventBus;
  settings: SettingsService;
  osPrinter: OsPrinter;
  /** Electron's own SQLite build, as the order store got it. */
  sqliteBinding?: string;
  log: Logger;
  timeZone?: string;
  /** A counter sale's receipt input (see order-receipts.ts). */
  counterSale?: (saleId: string) => SaleReceiptInput | null;
  /** Tests: faster retries and network timeouts. */
  tuning?: { pacer?: Pacer; retry?: RetryPolicy; tcp?: { connectTimeoutMs?: number; statusTimeoutMs?: number } };
}

/**
 * The printing service wired to the app: the shop's name, language and zone from the
 * settings, job and printer events onto the bus, receipts frozen when a sale turns paid.
 */
export function createPrintingTools(deps: PrintingToolsDeps): {
  printing: PrintService;
  handlers: Pick<Handlers, PrintingCalls>;
  stop(): Promise<void>;
} {
  const timeZone = deps.timeZone ?? machineTimeZone();
  const log = deps.log.child('printing');
  const printing = new PrintService({
    journalFile: deps.store.file,
    sqliteBinding: deps.sqliteBinding,
    dataDir: deps.dataDir,
    shop: () => {
      const view = deps.settings.view();
      return { name: view.shopName, language: view.language, timeZone };
    },
    osPrinter: deps.osPrinter,
    onJob: (job) => deps.bus.emit('printJobUpdated', job),
    onStatus: (status) => deps.bus.emit('printerStatusChanged', status),
    pacer: deps.tuning?.pacer,
    retry: deps.tuning?.retry,
    tcp: deps.tuning?.tcp,
    log,
  });
  const receipts = orderReceipts({ printing, orders: deps.store, log, counterSale: deps.counterSale });
  const off = deps.bus.on('orderUpdated', (order) => receipts.onOrderUpdated(order));
  printing.start();

  const handlers: Pick<Handlers, PrintingCalls> = {
    getPrinterSettings: () => printing.settings(),
    updatePrinterSettings: (patch) => printing.updateSettings(patch),
    listOsPrinters: () => printing.listOsPrinters(),
    testPrint: (input) => printing.testPrint(input),
    getPrinterStatus: () => printing.status(),
    listPrintJobs: ({ limit, states }) => printing.listJobs(limit, states),
    printReceipt: ({ orderId }) => receipts.printOrder(orderId),
    reprintReceipt: ({ orderId }) => receipts.reprintOrder(orderId),
    cancelPrintJob: ({ jobId }) => printing.cancelJob(jobId),
    retryPrinting: () => printing.retryNow(),
    receiptText: ({ orderId }) => ({ text: receipts.receiptText(orderId) }),
  };
  return {
    printing,
    handlers,
    async stop() {
      off();
      receipts.stop();
      await printing.stop();
    },
  };
}
