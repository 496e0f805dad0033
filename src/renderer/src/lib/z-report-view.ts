import type { ZReport } from '@shared/counter';
import type { ZReportRef } from '@shared/contract/counter-calls';
import type { PrinterProblem, PrinterStatusView, PrintJobView } from '@shared/printing';
import type { MessageKey, Params } from '../i18n';
import type { ShownError } from './errors';

/**
 * What the Z report screen shows, worked out from main's frozen figures: nothing is added up
 * here that main has not already counted, except the QRIS/VA recorded at the counter (from
 * the sales by method), to set beside what Pakasir confirmed.
 */

export interface ZLine {
  key: MessageKey;
  amount: number;
  /** Shown as money going out (a minus before it). */
  out?: boolean;
  strong?: boolean;
  testId: string;
}

export type DifferenceTone = 'even' | 'short' | 'over';

/** A drawer that is short is red, over is amber: both need the owner's eye; even needs none. */
export function differenceTone(difference: number | null): DifferenceTone | null {
  if (difference === null) return null;
  if (difference === 0) return 'even';
  return difference < 0 ? 'short' : 'over';
}

export function zTitle(z: ZReport): { key: MessageKey; params: Params } {
  return z.scope === 'shift'
    ? { key: z.to ? 'zreport.titleShift' : 'zreport.titleShiftOpen', params: { cashier: z.cashiers.join(', ') } }
    : { key: 'zreport.titleDay', params: {} };
}

/** Gross, the shop's fee cost, refunds, and what the shop keeps. */
export function zMoneyLines(z: ZReport): ZLine[] {
  return [
    { key: 'zreport.gross', amount: z.gross, testId: 'z-gross' },
    { key: 'zreport.fees', amount: z.fees, out: true, testId: 'z-fees' },
    { key: 'zreport.netReceived', amount: z.netReceived, testId: 'z-net-received' },
    { key: 'zreport.refunds', amount: z.refunds.amount, out: true, testId: 'z-refunds' },
    { key: 'zreport.net', amount: z.netAfterRefunds, strong: true, testId: 'z-net' },
  ];
}

/** The drawer, as main counts it: expected = opening + cash sales - cash refunds + in - out. */
export function zDrawerLines(z: ZReport): ZLine[] {
  const d = z.drawer;
  const lines: ZLine[] = [
    { key: 'shift.opening', amount: d.opening, testId: 'z-opening' },
    { key: 'shift.cashSales', amount: d.cashSales, testId: 'z-cash-sales' },
    { key: 'shift.cashRefunds', amount: d.cashRefunds, out: true, testId: 'z-cash-refunds' },
    { key: 'shift.cashIn', amount: d.cashIn, testId: 'z-cash-in' },
    { key: 'shift.cashOut', amount: d.cashOut, out: true, testId: 'z-cash-out' },
    { key: 'shift.expected', amount: d.expected, strong: true, testId: 'z-expected' },
  ];
  if (d.counted !== null) lines.push({ key: 'shift.counted', amount: d.counted, testId: 'z-counted' });
  return lines;
}

export interface GatewayCheckView {
  /** QRIS and VA paid as the counter recorded them. */
  recordedCount: number;
  recordedAmount: number;
  key: MessageKey;
  params: Params;
  tone: 'ok' | 'bad' | 'idle';
}

/** What went through Pakasir (QRIS, VA, links) as recorded, beside what Pakasir confirmed when checked. */
export function gatewayCheck(z: ZReport): GatewayCheckView {
  const gateway = z.byMethod.filter((m) => m.method !== 'cash');
  const recordedCount = gateway.reduce((n, m) => n + m.count, 0);
  const recordedAmount = gateway.reduce((n, m) => n + m.totalPaid, 0);
  const base = { recordedCount, recordedAmount };
  const c = z.check;
  if (!c)
    return recordedCount === 0
      ? { ...base, key: 'zreport.checkNothing', params: {}, tone: 'idle' }
      : { ...base, key: 'zreport.checkNone', params: {}, tone: 'idle' };
  if (c.offline) return { ...base, key: 'zreport.checkOffline', params: { n: c.unchecked }, tone: 'bad' };
  if (c.differences.length > 0)
    return { ...base, key: 'zreport.checkDiffs', params: { n: c.differences.length, checked: c.checked }, tone: 'bad' };
  if (c.unchecked > 0)
    return { ...base, key: 'zreport.checkPartly', params: { checked: c.checked, n: c.unchecked }, tone: 'bad' };
  return { ...base, key: 'zreport.checkOk', params: { checked: c.checked }, tone: 'ok' };
}

/** Shifts of a business day that are still open: the day cannot be closed until they are. */
export function openShiftsOf(z: ZReport): string[] {
  return z.scope === 'day' ? z.shifts.filter((s) => s.closedAt === null).map((s) => s.cashier) : [];
}

/**
 * The Z report's print jobs, newest first. A shift's report is printed under its shift id; a
 * business day's under DAY-<day>-<close>, one per close of the day.
 */
export function zJobs(jobs: readonly PrintJobView[], ref: ZReportRef): PrintJobView[] {
  const mine = (j: PrintJobView) =>
    j.kind === 'z_report' && ('shiftId' in ref ? j.ref === ref.shiftId : j.ref.startsWith(`DAY-${ref.day}-`));
  return jobs.filter(mine).sort((a, b) => b.id - a.id);
}

export interface ZJobLine {
  key: MessageKey;
  params: Params;
  problem: PrinterProblem | null;
  tone: 'ok' | 'bad' | 'idle';
}

/** Where the printed copy is: printed, printing, or waiting for the printer and why. */
export function zJobLine(job: PrintJobView | null, printer: PrinterStatusView | null): ZJobLine | null {
  if (!job) return null;
  const params: Params = { n: job.reprint };
  if (job.state === 'done')
    return { key: job.reprint > 0 ? 'zreport.printedCopy' : 'zreport.printed', params, problem: null, tone: 'ok' };
  if (job.state === 'printing') return { key: 'zreport.printing', params, problem: null, tone: 'idle' };
  if (job.state === 'canceled') return { key: 'zreport.printCanceled', params, problem: null, tone: 'idle' };
  const problem = job.lastProblem ?? printer?.problem ?? null;
  if (job.state === 'failed') return { key: 'zreport.printFailed', params, problem, tone: 'bad' };
  return { key: 'zreport.printWaiting', params, problem, tone: problem ? 'bad' : 'idle' };
}

/**
 * The "close the business day" button: none on a shift's report, none on a day closed with
 * nothing new since (main would refuse it: it stays the guard), "close again" on a closed day
 * with transactions after its last close, and the plain one on a day never closed.
 */
export function closeDayButton(z: ZReport): { key: MessageKey } | null {
  if (z.scope !== 'day' || z.closedAndUnchanged) return null;
  return { key: z.closes.length > 0 ? 'zreport.closeDayAgain' : 'zreport.closeDay' };
}

/**
 * Main refuses a day close while a shift of that day is open with a `busy`, and a close of a
 * day already closed with nothing new with an `illegal_state`; the cashier reads what to do
 * about it rather than the general sentence.
 */
export function closeDayError(error: ShownError, t: (key: MessageKey) => string): ShownError {
  if (error.code === 'busy') return { ...error, text: t('zreport.dayShiftOpen') };
  if (error.code === 'illegal_state') return { ...error, text: t('zreport.dayAlreadyClosed') };
  return error;
}
