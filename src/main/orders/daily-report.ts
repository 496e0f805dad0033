import type Database from 'better-sqlite3';
import type { DailyReport, MethodTotals } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { SaleMethod } from '@shared/methods';
import type { RefundChannel, RefundTotals } from '@shared/refunds';
import { ORDER_STATES, type OrderState } from '@shared/order-state';
import { moneyOf } from '@shared/report-sums';
import { businessDayBounds } from './local-time';
import { toView, type OrderRow } from './order-row';

/**
 * The business day runs from `day` at cutoffHour local to the next day at cutoffHour, so a
 * sale at 01:30 after a late shift counts for the evening before. Sales are counted by when
 * they were created. Money figures count paid sales only:
 *  - grossAmount: what customers paid (Pakasir's total_payment),
 *  - fees: Pakasir's fees, a cost taken from what customers paid: feesShop is the part the
 *    shop bore (round-price sales, or a project whose "Beban Biaya" is the merchant's),
 *    feesCustomer the part customers paid above the price,
 *  - netReceived: what reaches the shop (grossAmount - fees),
 *  - refunds: money given back that day, by when it was given (a refund is a new entry, the
 *    sale it belongs to is never edited), and netAfterRefunds what the shop keeps.
 * Cash counts like any method: a cash part's total is its amount, with no fee.
 */
export function buildDailyReport(
  db: Database.Database,
  day: string,
  cutoffHour: number,
  timeZone: string,
): DailyReport {
  const { startsAt, endsAt } = reportBounds(day, cutoffHour, timeZone);

  const stateRows = db
    .prepare(
      'SELECT state, count(*) AS n, sum(coalesce(price, amount)) AS amount FROM orders WHERE created_at >= ? AND created_at < ? GROUP BY state',
    )
    .all(startsAt, endsAt) as { state: OrderState; n: number; amount: number }[];
  const methodRows = db
    .prepare(
      `SELECT method, count(*) AS n, sum(amount) AS amount, sum(coalesce(price, amount)) AS price,
              sum(coalesce(fee, 0)) AS fee, sum(total) AS total,
              sum(min(coalesce(fee, 0), max(0, total - coalesce(price, amount)))) AS fee_on_customer
         FROM (SELECT *, coalesce(total_payment, amount + coalesce(fee, 0)) AS total FROM orders
                WHERE created_at >= ? AND created_at < ? AND state = 'paid')
        GROUP BY method ORDER BY method`,
    )
    .all(startsAt, endsAt) as MethodRow[];
  const review = db
    .prepare(
      "SELECT * FROM orders WHERE created_at >= ? AND created_at < ? AND state = 'needs_review' ORDER BY created_at, order_id",
    )
    .all(startsAt, endsAt) as OrderRow[];

  const byState = ORDER_STATES.map((state) => {
    const row = stateRows.find((r) => r.state === state);
    return { state, count: row?.n ?? 0, amount: row?.amount ?? 0 };
  });
  const byMethod = methodTotals(methodRows);
  const money = moneyOf(byMethod, refundTotals(db, startsAt, endsAt));
  return {
    day,
    startsAt,
    endsAt,
    cutoffHour,
    byMethod,
    byState,
    paidCount: money.paidCount,
    salesCount: byState.reduce((s, r) => s + r.count, 0),
    grossAmount: money.gross,
    fees: money.fees,
    feesShop: money.feesShop,
    feesCustomer: money.feesCustomer,
    netReceived: money.netReceived,
    refunds: money.refunds,
    netAfterRefunds: money.netAfterRefunds,
    needsReview: review.map(toView),
  };
}

/** The business day's bounds as ISO instants; a bad day or cutoff is the caller's input error. */
function reportBounds(day: string, cutoffHour: number, timeZone: string): { startsAt: string; endsAt: string } {
  if (!Number.isInteger(cutoffHour) || cutoffHour < 0 || cutoffHour > 23) {
    throw new PosError('invalid_input', `cutoff hour must be 0-23, got ${cutoffHour}`);
  }
  let bounds: { start: Date; end: Date };
  try {
    bounds = businessDayBounds(day, cutoffHour, timeZone);
  } catch (err) {
    throw new PosError('invalid_input', (err as Error).message, [{ path: 'day', message: (err as Error).message }]);
  }
  const startsAt = bounds.start.toISOString();
  const endsAt = bounds.end.toISOString();
  return { startsAt, endsAt };
}

/** One method's paid parts as SQL sums them (the daily report's and the Z report's query). */
export interface MethodRow {
  method: SaleMethod;
  n: number;
  amount: number;
  price: number;
  fee: number;
  total: number;
  fee_on_customer: number;
}

/** Per-method totals, one definition for the daily and Z reports so they agree to the rupiah. */
export function methodTotals(rows: MethodRow[]): MethodTotals[] {
  return rows.map((r) => ({
    method: r.method,
    count: r.n,
    amount: r.amount,
    price: r.price,
    fee: r.fee,
    feeOnCustomer: r.fee_on_customer,
    totalPaid: r.total,
    shopReceives: r.total - r.fee,
  }));
}

/**
 * Refunds and voids made in [startIso, endIso), by when they were made (money given back
 * today counts today, whenever the sale was). Optionally one shift's only.
 */
export function refundTotals(db: Database.Database, startIso: string, endIso: string, shiftId?: string): RefundTotals {
  const rows = db
    .prepare(
      `SELECT channel, count(*) AS n, sum(amount) AS amount FROM refunds
        WHERE at >= ? AND at < ? ${shiftId === undefined ? '' : 'AND shift_id = ?'}
        GROUP BY channel ORDER BY channel`,
    )
    .all(...(shiftId === undefined ? [startIso, endIso] : [startIso, endIso, shiftId])) as {
    channel: RefundChannel;
    n: number;
    amount: number;
  }[];
  return {
    count: rows.reduce((s, r) => s + r.n, 0),
    amount: rows.reduce((s, r) => s + r.amount, 0),
    cash: rows.find((r) => r.channel === 'cash')?.amount ?? 0,
    byChannel: rows.map((r) => ({ channel: r.channel, count: r.n, amount: r.amount })),
  };
}
