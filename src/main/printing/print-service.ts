import type { Language } from '@shared/domain';
import { PosError } from '@shared/errors';
import type {
  OsPrinterInfo,
  PaperWidth,
  PrinterSettingsPatch,
  PrinterSettingsView,
  PrinterStatusView,
  PrinterTarget,
  PrintJobState,
  PrintJobView,
  TestPrintResult,
} from '@shared/printing';
import { refundSlipDoc } from './layout-refund';
import { saleReceiptDoc } from './layout-sale';
import { testPageDoc } from './layout-test-page';
import { zReportDoc } from './layout-z-report';
import type { OsPrinter } from './os-printer';
import { PrintJournal, toJobView, type PrintJobRecord, type ReceiptKind, type ReceiptRecord } from './print-journal';
import { PrintQueue } from './print-queue';
import { asPrinterError } from './printer-error';
import { PrinterSettingsStore } from './printer-settings';
import { sendToPrinter, type TransportDeps } from './printer-transport';
import type { ReceiptDoc } from './receipt-doc';
import { DEFAULT_RETRY, realPacer, type Pacer, type RetryPolicy } from './retry-policy';
import { verificationText, type RefundSlipInput, type SaleReceiptInput, type ZReportInput } from './sale-input';
import type { Snapshot } from './snapshot';

/** What a document says about the shop, taken from the app's settings when it is made. */
export interface ShopContext {
  name: string;
  language: Language;
  timeZone: string;
}

export interface PrintServiceOptions {
  /** The journal file (orders.sqlite), already opened and migrated by the order store. */
  journalFile: string;
  /** The SQLite addon to load, as the order store was given it (Electron's own build). */
  sqliteBinding?: string;
  dataDir: string;
  shop: () => ShopContext;
  osPrinter: OsPrinter;
  onJob?: (job: PrintJobView) => void;
  onStatus?: (status: PrinterStatusView) => void;
  pacer?: Pacer;
  retry?: RetryPolicy;
  tcp?: TransportDeps['tcp'];
  now?: () => Date;
  log?: {
    info(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
  };
}

/**
 * - 'auto': print when auto-print is on and a printer is set up (a sale just paid);
 * - 'always': queue a copy even without a printer (it waits until one is set up);
 * - 'never': only keep the snapshot (it can be printed later).
 */
export type PrintWhen = 'auto' | 'always' | 'never';

export interface Recorded {
  receiptNo: string;
  /** False when the document already existed: its first snapshot is kept unchanged. */
  created: boolean;
  job: PrintJobView | null;
}

/**
 * Receipts, refund slips and Z reports: a snapshot frozen in the journal when the document
 * is made, copies of it queued for the printer, and the printer's state for the windows.
 * Plain Node: the OS printer comes in as an interface from the shell. Nothing here blocks
 * a caller on a printer: record* and print* write to the journal and return.
 */
export class PrintService {
  private readonly journal: PrintJournal;
  private readonly settingsStore: PrinterSettingsStore;
  private readonly queue: PrintQueue;
  private readonly pacer: Pacer;
  private readonly now: () => Date;

  constructor(private readonly options: PrintServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.pacer = options.pacer ?? realPacer;
    this.journal = new PrintJournal(options.journalFile, this.now, options.sqliteBinding);
    this.settingsStore = new PrinterSettingsStore(options.dataDir, options.log);
    this.queue = new PrintQueue({
      journal: this.journal,
      settings: () => this.settingsStore.view(),
      render: (job, receipt) => this.render(receipt.snapshot, job),
      send: (s, doc, title) => sendToPrinter(s.target, s.paperWidth, s.statusCheck, doc, title, this.transportDeps()),
      pacer: this.pacer,
      retry: options.retry ?? DEFAULT_RETRY,
      wallNow: this.now,
      onJob: (job) => options.onJob?.(job),
      onStatus: (status) => options.onStatus?.(status),
      log: options.log,
    });
  }

  start(): void {
    this.queue.start();
  }

  async stop(): Promise<void> {
    await this.queue.stop();
    this.journal.close();
  }

  /** Resolves when no job is being sent right now (tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  // ------------------------------------------------------------------ settings and status

  settings(): PrinterSettingsView {
    return this.settingsStore.view();
  }

  updateSettings(patch: PrinterSettingsPatch): PrinterSettingsView {
    const view = this.settingsStore.update(patch);
    this.queue.refreshStatus();
    this.queue.kick(true);
    return view;
  }

  status(): PrinterStatusView {
    return this.queue.statusView();
  }

  listOsPrinters(): Promise<OsPrinterInfo[]> {
    return this.options.osPrinter.list();
  }

  listJobs(limit: number, states?: readonly PrintJobState[]): PrintJobView[] {
    return this.journal.list(limit, states).map(toJobView);
  }

  /** The cashier fixed the printer: try the waiting jobs now rather than at the next retry. */
  retryNow(): PrinterStatusView {
    this.queue.kick(true);
    return this.status();
  }

  cancelJob(jobId: number): PrintJobView {
    const job = toJobView(this.journal.cancel(jobId));
    this.options.onJob?.(job);
    this.queue.refreshStatus();
    return job;
  }

  /**
   * Prints the test page now, outside the queue, and reports what the printer said: the
   * owner setting up a printer needs the real reason (refused, no paper, timeout) at once.
   */
  async testPrint(input: { target?: PrinterTarget; paperWidth?: PaperWidth }): Promise<TestPrintResult> {
    const saved = this.settingsStore.view();
    const target = input.target ?? saved.target;
    const paper = input.paperWidth ?? saved.paperWidth;
    const isSaved = JSON.stringify(target) === JSON.stringify(saved.target);
    const shop = this.options.shop();
    const doc = testPageDoc({
      shopName: shop.name,
      language: shop.language,
      paperWidth: paper,
      at: this.now(),
      timeZone: shop.timeZone,
    });
    const started = this.pacer.now();
    try {
      const outcome = await sendToPrinter(target, paper, saved.statusCheck, doc, 'test', this.transportDeps());
      if (isSaved) {
        this.queue.noteContact(null, outcome.paperLow);
        this.queue.kick(true);
      }
      return { ok: true, problem: null, detail: null, paperLow: outcome.paperLow, latencyMs: this.elapsed(started) };
    } catch (err) {
      const problem = asPrinterError(err);
      if (isSaved) this.queue.noteContact(problem, false);
      return {
        ok: false,
        problem: problem.problem,
        detail: problem.detail,
        paperLow: false,
        latencyMs: this.elapsed(started),
      };
    }
  }

  // ------------------------------------------------------------------ documents

  /**
   * A paid sale's receipt. Called once when the sale is paid; the snapshot is frozen then.
   * The drawer opens only for a cash sale, and only with the first copy.
   */
  recordSale(input: SaleReceiptInput, when: PrintWhen = 'auto'): Recorded {
    const { ref, ...rest } = input;
    return this.record('sale', ref, input.terminal, when, input.method === 'cash', (receiptNo, shop) => ({
      ...rest,
      version: 1,
      kind: 'sale',
      receiptNo,
      shop,
      language: this.options.shop().language,
      timeZone: this.options.shop().timeZone,
      // The QR names the order Pakasir knows when there is one (the one History and Pakasir's
      // dashboard list); a counter sale's own id otherwise.
      verification: verificationText(receiptNo, input.pakasir?.orderId ?? ref, input.totalPaid, input.paidAt),
    }));
  }

  /** A refund slip; `openDrawer` when the money goes back in cash from the drawer. */
  recordRefund(input: RefundSlipInput, opts: { when?: PrintWhen; openDrawer?: boolean } = {}): Recorded {
    return this.record(
      'refund',
      input.refundId,
      input.terminal,
      opts.when ?? 'auto',
      !!opts.openDrawer,
      (receiptNo, shop) => ({
        ...input,
        version: 1,
        kind: 'refund',
        receiptNo,
        shop,
        language: this.options.shop().language,
        timeZone: this.options.shop().timeZone,
      }),
    );
  }

  /** The Z report of a closed shift. Printed when a printer is set up ('auto' ignores the auto-print switch). */
  recordZReport(input: ZReportInput, when: PrintWhen = 'auto'): Recorded {
    const effective: PrintWhen = when === 'auto' && this.settingsStore.view().target.kind !== 'none' ? 'always' : when;
    return this.record('z_report', input.reportId, input.terminal, effective, false, (receiptNo, shop) => ({
      ...input,
      version: 1,
      kind: 'z_report',
      receiptNo,
      shop,
      language: this.options.shop().language,
      timeZone: this.options.shop().timeZone,
    }));
  }

  receipt(kind: ReceiptKind, ref: string): ReceiptRecord | null {
    return this.journal.receipt(kind, ref);
  }

  /** The document's first copy, or the copy already waiting: pressing "print" twice prints once. */
  print(kind: ReceiptKind, ref: string): PrintJobView {
    const receipt = this.mustReceipt(kind, ref);
    this.mustHavePrinter();
    const waiting = this.journal.waitingFor(receipt.id);
    if (waiting) return toJobView(waiting);
    return this.enqueue(receipt, false);
  }

  /** Another copy, marked with its reprint number; never opens the drawer. */
  reprint(kind: ReceiptKind, ref: string): PrintJobView {
    const receipt = this.mustReceipt(kind, ref);
    this.mustHavePrinter();
    return this.enqueue(receipt, false);
  }

  // ------------------------------------------------------------------ internals

  private record(
    kind: ReceiptKind,
    ref: string,
    terminal: string,
    when: PrintWhen,
    openDrawer: boolean,
    build: (receiptNo: string, shop: Snapshot['shop']) => Snapshot,
  ): Recorded {
    const printer = this.settingsStore.view();
    const shop: Snapshot['shop'] = {
      name: this.options.shop().name,
      headerLines: printer.headerLines,
      footerLines: printer.footerLines,
    };
    const { receipt, created } = this.journal.recordReceipt(kind, ref, terminal, (no) => build(no, shop));
    const print =
      created && (when === 'always' || (when === 'auto' && printer.autoPrint && printer.target.kind !== 'none'));
    const job = print ? this.enqueue(receipt, openDrawer) : null;
    return { receiptNo: receipt.receiptNo, created, job };
  }

  private enqueue(receipt: ReceiptRecord, openDrawer: boolean): PrintJobView {
    const job = toJobView(this.journal.enqueue(receipt, openDrawer));
    this.options.onJob?.(job);
    this.queue.refreshStatus();
    this.queue.kick();
    return job;
  }

  private render(snapshot: Snapshot, job: PrintJobRecord): ReceiptDoc {
    switch (snapshot.kind) {
      case 'sale':
        return saleReceiptDoc(snapshot, { reprint: job.reprint, openDrawer: job.opensDrawer });
      case 'refund':
        return refundSlipDoc(snapshot, { reprint: job.reprint, openDrawer: job.opensDrawer });
      case 'z_report':
        return zReportDoc(snapshot, { reprint: job.reprint });
    }
  }

  private mustReceipt(kind: ReceiptKind, ref: string): ReceiptRecord {
    const receipt = this.journal.receipt(kind, ref);
    if (!receipt) throw new PosError('not_found', `No ${kind} document ${ref} has been recorded.`);
    return receipt;
  }

  private mustHavePrinter(): void {
    if (this.settingsStore.view().target.kind === 'none')
      throw new PosError('printer_not_configured', 'No printer is set up. Set one up in Settings → Printer.');
  }

  private transportDeps(): TransportDeps {
    return { osPrinter: this.options.osPrinter, tcp: this.options.tcp };
  }

  private elapsed(started: number): number {
    return Math.max(0, Math.round(this.pacer.now() - started));
  }
}
