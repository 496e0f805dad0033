import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOrderStore } from '../../src/main/orders/journal';
import type { OrderStore } from '../../src/main/orders/order-store';
import type { OsPrinter } from '../../src/main/printing/os-printer';
import { PrintService, type ShopContext } from '../../src/main/printing/print-service';
import { realPacer } from '../../src/main/printing/retry-policy';
import type { PrinterStatusView, PrintJobView } from '../../src/shared/printing';

/** Retries and timeouts short enough for tests, on the same monotonic pacer as the app. */
export const FAST_PRINTING = {
  pacer: realPacer,
  retry: { firstDelayMs: 30, maxDelayMs: 150, factor: 2 },
  tcp: { connectTimeoutMs: 800, statusTimeoutMs: 300, writeTimeoutMs: 1500 },
};

export interface PrintRig {
  dir: string;
  store: OrderStore;
  printing: PrintService;
  shop: ShopContext;
  jobs: PrintJobView[];
  statuses: PrinterStatusView[];
  /** A new service on the same journal and data folder, as after an app restart. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startPrintRig(options: { osPrinter?: OsPrinter; now?: () => Date } = {}): Promise<PrintRig> {
  const dir = mkdtempSync(join(tmpdir(), 'pos-print-'));
  const store = openOrderStore({ file: join(dir, 'orders.sqlite'), timeZone: 'Asia/Jakarta' });
  const shop: ShopContext = { name: 'Warung Bu Sari', language: 'id', timeZone: 'Asia/Jakarta' };
  const jobs: PrintJobView[] = [];
  const statuses: PrinterStatusView[] = [];
  const make = () =>
    new PrintService({
      journalFile: store.file,
      dataDir: dir,
      shop: () => shop,
      osPrinter: options.osPrinter ?? { list: async () => [], printHtml: async () => undefined },
      onJob: (j) => jobs.push(j),
      onStatus: (s) => statuses.push(s),
      now: options.now,
      ...FAST_PRINTING,
    });
  const rig: PrintRig = {
    dir,
    store,
    printing: make(),
    shop,
    jobs,
    statuses,
    async restart() {
      await rig.printing.stop();
      rig.printing = make();
      rig.printing.start();
    },
    async close() {
      await rig.printing.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  rig.printing.start();
  return rig;
}

/** Polls until `check` holds: a printer coming back is an event in the future, not a fixed delay. */
export async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
