import type { PrinterProblem, PrintJobView, PrinterStatusView } from '@shared/printing';
import type { MessageKey, Params } from '../i18n';

/** A sale's receipt jobs, newest first; `ref` is what the receipt is recorded under (receiptRef). */
export function jobsOfSale(jobs: readonly PrintJobView[], ref: string): PrintJobView[] {
  return jobs.filter((j) => j.kind === 'sale_receipt' && j.ref === ref).sort((a, b) => b.id - a.id);
}

/**
 * A part of a counter sale has one receipt for the whole sale, recorded under the sale's id;
 * a sale taken before the counter existed has its receipt under its own order id.
 */
export function receiptRef(order: { orderId: string; saleId?: string | null }): string {
  return order.saleId ?? order.orderId;
}

export interface ReceiptJobLine {
  key: MessageKey;
  params: Params;
  /** Why it waits or failed: the job's own last problem, else the printer's. */
  problem: PrinterProblem | null;
  tone: 'ok' | 'bad' | 'idle';
}

/** What the cashier reads about a sale's receipt, so a printer that is off is never a mystery. */
export function receiptJobLine(job: PrintJobView | null, printer: PrinterStatusView | null): ReceiptJobLine | null {
  if (!job) return null;
  const params: Params = { n: job.reprint };
  if (job.state === 'done')
    return { key: job.reprint > 0 ? 'receipt.printedCopy' : 'receipt.printed', params, problem: null, tone: 'ok' };
  if (job.state === 'printing') return { key: 'receipt.printing', params, problem: null, tone: 'idle' };
  if (job.state === 'canceled') return { key: 'receipt.canceled', params, problem: null, tone: 'idle' };
  const problem = job.lastProblem ?? printer?.problem ?? null;
  if (job.state === 'failed') return { key: 'receipt.failed', params, problem, tone: 'bad' };
  return { key: 'receipt.waiting', params, problem, tone: problem ? 'bad' : 'idle' };
}
