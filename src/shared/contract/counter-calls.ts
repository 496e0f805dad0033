import type { JobProgress, OrderView } from '../domain';
import type { AccessView, CashSaleResult, CounterView, RefundChannel, SaleView, ShiftView, ZReport } from '../counter';
import type { CartEntry } from '../items';
import type { PaymentMethod } from '../methods';
import type { PrintJobView } from '../printing';

/** A Z report: one shift, or one business day. */
export type ZReportRef = { shiftId: string } | { day: string };

/** The counter's calls (cash, split payments, refunds, shifts, Z reports, cashiers), part of Calls in ./api.ts. */
export interface CounterCalls {
  /** A cash sale: written paid before it is shown; the change is tendered - amount. Needs an open shift. */
  sellCash(input: { amount: number; tendered: number; note?: string; items?: CartEntry[] }): CashSaleResult;
  /** Part cash (taken now, into the drawer), the rest by one gateway method through the payment engine. */
  chargeSplit(input: {
    amount: number;
    cash: number;
    method: PaymentMethod;
    note?: string;
    items?: CartEntry[];
  }): OrderView;
  /** The rest of a partly paid sale (its QR failed or expired), in cash. */
  payRestInCash(input: { saleId: string; tendered: number }): CashSaleResult;
  /** A counter sale with its parts and refunds (or a payment from before the counter kept sales). */
  getSale(input: { saleId: string }): SaleView;
  /** Owner only: money back to the customer, linked to the sale; cash comes out of the open shift's drawer. */
  refundSale(input: { saleId: string; amount: number; channel: RefundChannel; note: string }): SaleView;
  /** The open shift on this till and the sales it must still finish. */
  getCounter(input: Record<string, never>): CounterView;
  openShift(input: { staffId: string; pin: string; openingCash: number }): ShiftView;
  changeCashier(input: { staffId: string; pin: string }): ShiftView;
  moveCash(input: { kind: 'in' | 'out'; amount: number; reason: string }): ShiftView;
  /** Checks the open shift's QRIS and VA with Pakasir (a job; the result is journaled on the shift). */
  checkShift(input: Record<string, never>): JobProgress;
  /** Closes the shift once with the counted cash; answers its Z report (also printed). */
  closeShift(input: { shiftId: string; countedCash: number; note?: string }): ZReport;
  getZReport(input: ZReportRef): ZReport;
  /** Owner only: the Z report as CSV or XLSX, like the daily report. */
  exportZReport(input: ZReportRef & { format: 'csv' | 'xlsx' }): JobProgress;
  /** Another printed copy of a closed shift's Z report, or of a business day's last close. */
  printZReport(input: ZReportRef): PrintJobView;
  /** Owner only: the business day's Z report, frozen and printed (no shift of that day may be open). */
  closeBusinessDay(input: { day: string }): ZReport;
  /** Owner only. */
  addCashier(input: { name: string; pin: string }): AccessView;
  /** Owner only: rename, new PIN, or switch a cashier off (never deleted: their sales keep their name). */
  updateCashier(input: { staffId: string; name?: string; pin?: string; active?: boolean }): AccessView;
}

/**
 * The counter's calls at run time, part of CALL_NAMES in ./api.ts: main forwards exactly these
 * to the counter. The check below fails to compile when this list and CounterCalls differ.
 */
export const COUNTER_CALL_NAMES = [
  'sellCash',
  'chargeSplit',
  'payRestInCash',
  'getSale',
  'refundSale',
  'getCounter',
  'openShift',
  'changeCashier',
  'moveCash',
  'checkShift',
  'closeShift',
  'getZReport',
  'exportZReport',
  'printZReport',
  'closeBusinessDay',
  'addCashier',
  'updateCashier',
] as const satisfies readonly (keyof CounterCalls)[];

const allCounterCallsListed: Exclude<keyof CounterCalls, (typeof COUNTER_CALL_NAMES)[number]> extends never
  ? true
  : never = true;
void allCounterCallsListed;
