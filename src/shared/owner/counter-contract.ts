import { z } from 'zod';
import type { RefundView } from '../counter';
import type { RefundTotals } from '../refunds';
import type { ShopMethodTotals } from './contract';

/**
 * The counter as the owner sees it over every till: shifts with their drawers, the Z report
 * of one shift (any till) or of one business day across tills, and the refunds. Built by the
 * server from the tills' counter entries with the same rules as each till's own Z report
 * (src/main/counter/z-report.ts), so the two agree to the rupiah.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a till id');

export const ownerShiftZSchema = z.object({ tillId: uuid, shiftId: z.string().min(1).max(64) });
export const ownerDayZSchema = z.object({ day, tillId: uuid.optional() });

/** The drawer: expected = opening + cash sales - cash refunds + cash in - cash out. */
export interface ShopDrawer {
  opening: number;
  cashSales: number;
  cashRefunds: number;
  cashIn: number;
  cashOut: number;
  expected: number;
  /** Null while a shift (or, for a day, any of its shifts) is open. */
  counted: number | null;
  difference: number | null;
}

export interface ShopCashMovement {
  kind: 'in' | 'out';
  amount: number;
  reason: string;
  at: string;
  by: string | null;
}

export interface ShopShiftSummary {
  tillId: string;
  tillName: string;
  shiftId: string;
  terminal: string;
  businessDay: string;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  expected: number;
  counted: number | null;
  difference: number | null;
}

export interface ShopZReport {
  scope: 'shift' | 'day';
  /** The shift id, or the business day. */
  id: string;
  businessDay: string;
  /** Shift: opened and closed (null while open). Day: the business day's bounds. */
  from: string;
  to: string | null;
  /** The one till a report is narrowed to (always, for a shift), or null for every till. */
  tillId: string | null;
  byMethod: ShopMethodTotals[];
  paidCount: number;
  gross: number;
  fees: number;
  netReceived: number;
  refunds: RefundTotals;
  netAfterRefunds: number;
  movements: ShopCashMovement[];
  drawer: ShopDrawer;
  shifts: ShopShiftSummary[];
  /** Day only: when the owner closed it on each till. */
  closes: { tillName: string; at: string; by: string }[];
}

/** A refund or void as a till recorded it, with the till it was made on (no receipt number on the server). */
export type ShopRefundRow = Omit<RefundView, 'receiptNo'> & { tillId: string; tillName: string };
