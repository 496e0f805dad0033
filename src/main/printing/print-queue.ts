import type { PrinterSettingsView, PrinterStatusView, PrintJobView } from '@shared/printing';
import { toJobView, type PrintJobRecord, type PrintJournal, type ReceiptRecord } from './print-journal';
import { asPrinterError, PrinterError } from './printer-error';
import type { PrintOutcome } from './printer-transport';
import type { ReceiptDoc } from './receipt-doc';
import { retryDelay, type Pacer, type RetryPolicy } from './retry-policy';

export interface PrintQueueDeps {
  journal: PrintJournal;
  settings: () => PrinterSettingsView;
  /** The document a job prints (its receipt's snapshot through the layout). */
  render: (job: PrintJobRecord, receipt: ReceiptRecord) => ReceiptDoc;
  send: (settings: PrinterSettingsView, doc: ReceiptDoc, title: string) => Promise<PrintOutcome>;
  pacer: Pacer;
  retry: RetryPolicy;
  wallNow: () => Date;
  onJob: (job: PrintJobView) => void;
  onStatus: (status: PrinterStatusView) => void;
  log?: {
    info(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
  };
}

/**
 * Works through the print jobs in the journal, oldest first, one at a time (one printer,
 * receipts in the order they were asked for). The caller only ever writes a job and kicks
 * the queue: nothing waits for a printer on the sale's path. A printer problem puts the
 * job back and pauses the whole queue with a growing delay (monotonic clock); any kick
 * that means "the printer may be back" (new settings, a good test print, the cashier's
 * retry) ends the pause at once.
 */
export class PrintQueue {
  private running: Promise<void> | null = null;
  private failures = 0;
  private resumeAt = 0;
  private cancelTimer: (() => void) | null = null;
  private stopped = false;
  private status: PrinterStatusView;

  constructor(private readonly deps: PrintQueueDeps) {
    this.status = {
      configured: deps.settings().target.kind !== 'none',
      state: 'unknown',
      problem: null,
      paperLow: false,
      waiting: deps.journal.countWaiting(),
      checkedAt: null,
    };
  }

  start(): void {
    const requeued = this.deps.journal.requeueInterrupted();
    if (requeued > 0) this.deps.log?.warn('print jobs interrupted by a stop are queued again', { count: requeued });
    this.kick();
  }

  /** Something changed that may let jobs print; `fresh` ends a pause after failures. */
  kick(fresh = false): void {
    if (fresh) {
      this.failures = 0;
      this.resumeAt = 0;
    }
    this.schedule();
  }

  statusView(): PrinterStatusView {
    return { ...this.status, waiting: this.deps.journal.countWaiting() };
  }

  /** A result learned outside the queue (a test print) updates the status the cashier sees. */
  noteContact(problem: PrinterError | null, paperLow: boolean): void {
    this.setStatus(problem, paperLow);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.running;
  }

  /** Resolves when the queue has nothing in hand (tests; a clean stop). */
  async idle(): Promise<void> {
    await this.running;
  }

  private schedule(): void {
    if (this.stopped || this.running) return;
    this.cancelTimer?.();
    const wait = Math.max(0, this.resumeAt - this.deps.pacer.now());
    this.cancelTimer = this.deps.pacer.setTimer(() => {
      this.cancelTimer = null;
      this.drain();
    }, wait);
  }

  private drain(): void {
    if (this.stopped || this.running) return;
    this.running = this.work()
      .catch((err: unknown) => this.deps.log?.warn('print queue stopped on an error', { error: err }))
      .finally(() => {
        this.running = null;
        // A kick that came while working, or the retry after a failure, starts the next round.
        if (!this.stopped && this.deps.journal.countWaiting() > 0 && this.status.problem !== 'not_configured')
          this.schedule();
      });
  }

  private async work(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const job = this.deps.journal.nextWaiting();
      if (!job) {
        this.publishStatus();
        return;
      }
      const settings = this.deps.settings();
      if (settings.target.kind === 'none') {
        // Nothing to try until a printer is set up; the settings change kicks the queue.
        this.setStatus(new PrinterError('not_configured'), false);
        return;
      }
      const receipt = this.deps.journal.receiptById(job.receiptId);
      let printing: PrintJobRecord;
      try {
        printing = this.deps.journal.markPrinting(job.id, settings.target);
      } catch {
        continue; // canceled in the meantime
      }
      this.deps.onJob(toJobView(printing));
      try {
        if (!receipt) throw new PrinterError('bad_job', `receipt ${job.receiptId} is missing`);
        const doc = this.deps.render(printing, receipt);
        const outcome = await this.deps.send(settings, doc, receipt.receiptNo);
        const done = this.deps.journal.markDone(job.id);
        this.failures = 0;
        this.resumeAt = 0;
        this.setStatus(null, outcome.paperLow);
        this.deps.onJob(toJobView(done));
        this.deps.log?.info('printed', { job: job.id, kind: job.kind, reprint: job.reprint });
      } catch (err) {
        const problem = asPrinterError(err);
        const final = !problem.transient;
        const back = this.deps.journal.markProblem(job.id, problem.problem, problem.detail, final);
        this.deps.onJob(toJobView(back));
        this.deps.log?.warn('print attempt failed', { job: job.id, problem: problem.problem, detail: problem.detail });
        if (final) continue;
        this.failures += 1;
        this.resumeAt = this.deps.pacer.now() + retryDelay(this.deps.retry, this.failures);
        this.setStatus(problem, false);
        return;
      }
    }
  }

  private setStatus(problem: PrinterError | null, paperLow: boolean): void {
    const configured = this.deps.settings().target.kind !== 'none';
    this.status = {
      configured,
      state: problem ? 'problem' : 'ready',
      problem: problem?.problem ?? null,
      paperLow,
      waiting: this.deps.journal.countWaiting(),
      checkedAt: problem?.problem === 'not_configured' ? this.status.checkedAt : this.deps.wallNow().toISOString(),
    };
    this.deps.onStatus(this.statusView());
  }

  /** After a job was added or dropped: the count the cashier sees changes. */
  refreshStatus(): void {
    this.publishStatus();
  }

  private publishStatus(): void {
    const configured = this.deps.settings().target.kind !== 'none';
    const next = { ...this.status, configured, waiting: this.deps.journal.countWaiting() };
    if (!configured && next.problem === null) next.state = 'unknown';
    const changed = JSON.stringify(next) !== JSON.stringify(this.status);
    this.status = next;
    if (changed) this.deps.onStatus(this.statusView());
  }
}
