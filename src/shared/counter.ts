import type { MethodTotals, OrderView, ReconcileDifference } from './domain';
import type { RefundChannel, RefundTotals } from './refunds';

export { REFUND_CHANNELS, type RefundChannel, type RefundTotals } from './refunds';

/**
 * The counter: sales with cash and split payments, shifts and the drawer, refunds, cashiers
 * and the owner, and the Z report. Main decides every figure here; the windows show them.
 */

export type StaffRole = 'owner' | 'cashier';

/** PINs are 4 to 8 digits: typed on a keypad, never shown, kept only as a scrypt hash. */
export const PIN_PATTERN = /^\d{4,8}$/;

/** The largest amount of cash one drawer entry may carry (opening cash, cash in / out, counted cash). */
export const MAX_DRAWER_AMOUNT = 100_000_000;
/** Change above this is a typing slip, not a sale (Indonesia's largest note is Rp 100.000). */
export const MAX_CHANGE = 1_000_000;

export interface StaffView {
  staffId: string;
  name: string;
  role: StaffRole;
  active: boolean;
  /** Milliseconds until this person's PIN may be tried again after too many wrong ones; 0 when not locked. */
  lockedForMs: number;
}

/**
 * Who may do what at this till, as main enforces it. Until the owner sets a PIN the till is
 * unlocked (a first look, demo mode); refunds, voids and cashiers wait for that PIN.
 */
export interface AccessView {
  /** Raised by every change: a window keeps the newer of an answer and an event. */
  seq: number;
  ownerPinSet: boolean;
  /** The owner unlocked owner-only actions with the PIN; it locks again after ownerIdleMs unused. */
  ownerUnlocked: boolean;
  ownerIdleMs: number;
  staff: StaffView[];
}

export interface PersonRef {
  staffId: string;
  name: string;
}

export interface CashMovementView {
  id: number;
  kind: 'in' | 'out';
  amount: number;
  reason: string;
  at: string;
  by: string | null;
}

/** The drawer's money by source: expected = opening + cash sales - cash refunds + in - out. */
export interface DrawerView {
  opening: number;
  /** Cash taken for sales less the change given: the cash parts' amounts. */
  cashSales: number;
  cashRefunds: number;
  cashIn: number;
  cashOut: number;
  expected: number;
}

/** QRIS and VA of a shift as Pakasir confirmed them, or why they could not be checked. */
export interface ShiftCheckView {
  at: string;
  checked: number;
  unchecked: number;
  offline: boolean;
  differences: ReconcileDifference[];
}

export interface ShiftView {
  shiftId: string;
  terminal: string;
  /** The business day the shift opened in; a shift may run past midnight and the cutoff. */
  businessDay: string;
  state: 'open' | 'closed';
  openedAt: string;
  openedBy: PersonRef;
  /** Who is at the counter now: sales are theirs. */
  cashier: PersonRef;
  openingCash: number;
  drawer: DrawerView;
  movements: CashMovementView[];
  /** Sales of this shift still open (a QR waiting, a rest not yet paid): they end before the close. */
  openSales: number;
  check: ShiftCheckView | null;
  closedAt: string | null;
  closedBy: PersonRef | null;
  countedCash: number | null;
  /** countedCash - expected; negative means the drawer is short. */
  difference: number | null;
}

/** The counter as the windows see it: the open shift on this till, if any. */
export interface CounterView {
  seq: number;
  shift: ShiftView | null;
  /** Sales of the open shift with part paid and the rest still due: the cashier finishes or voids them. */
  unpaidSales: SaleView[];
}

/** open: a part is with Pakasir or a person; unpaid: part paid, the rest due; canceled: nothing was paid. */
export type SaleState = 'open' | 'paid' | 'unpaid' | 'voided' | 'canceled';

export interface RefundView {
  refundId: string;
  saleId: string;
  /** void: money given back for a sale that was never fully paid (a split whose QR failed). */
  kind: 'refund' | 'void';
  amount: number;
  channel: RefundChannel;
  note: string;
  at: string;
  by: string;
  shiftId: string | null;
  receiptNo: string | null;
}

/** A sale at the counter: the price asked, its payment parts, and what was given back. */
export interface SaleView {
  saleId: string;
  terminal: string;
  price: number;
  note: string;
  createdAt: string;
  cashier: PersonRef | null;
  shiftId: string | null;
  parts: OrderView[];
  refunds: RefundView[];
  /** Of the price, what the paid parts cover. */
  paid: number;
  /** What customers paid in total (a fee passed on included). */
  customerPaid: number;
  /** price - paid: still to pay. */
  remaining: number;
  refunded: number;
  /** customerPaid - refunded: the most a refund may still give back. */
  refundable: number;
  state: SaleState;
  receiptNo: string | null;
}

export interface CashSaleResult {
  sale: SaleView;
  /** The cash part, as both windows show it (tendered and change). */
  order: OrderView;
}

export interface ShiftSummary {
  shiftId: string;
  cashier: string;
  openedAt: string;
  closedAt: string | null;
  expected: number;
  counted: number | null;
  difference: number | null;
}

/**
 * The Z report: one shift, or one business day. Money counts paid parts (by shift, or by the
 * business day they were made in, as the daily report counts them), refunds by when they were
 * made, and the drawer by shift.
 */
export interface ZReport {
  scope: 'shift' | 'day';
  /** The shift id, or the business day. */
  id: string;
  businessDay: string;
  /** Shift: opened and closed (null while open). Day: the business day's bounds. */
  from: string;
  to: string | null;
  openedBy: string | null;
  closedBy: string | null;
  cashiers: string[];
  byMethod: MethodTotals[];
  paidCount: number;
  gross: number;
  fees: number;
  feesShop: number;
  feesCustomer: number;
  /** gross - fees. */
  netReceived: number;
  refunds: RefundTotals;
  /** netReceived - refunds: what the shop keeps. */
  netAfterRefunds: number;
  movements: CashMovementView[];
  drawer: DrawerView & { counted: number | null; difference: number | null };
  shifts: ShiftSummary[];
  check: ShiftCheckView | null;
  needsReview: number;
  openSales: number;
  /** Day only: when the owner closed it (a day may be closed again after later sales). */
  closes: { at: string; by: string }[];
  /**
   * Day only: the day was closed and nothing in this report changed since its last close, so
   * closing it again would add nothing (main refuses it). False for a day never closed, for a
   * day with sales, refunds or a check after its last close, and for a shift.
   */
  closedAndUnchanged: boolean;
}
