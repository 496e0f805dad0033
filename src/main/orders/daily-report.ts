import type Database from 'better-sqlite3';
import type { DailyReport, MethodTotals } from '@shared/domain';
import { PosError } from '@shared/errors';
import type { PaymentMethod } from '@shared/methods';
import { ORDER_STATES, type OrderState } from '@shared/order-state';
import { businessDayBounds } from './local-time';
import { toView, type OrderRow } from './order-row';

/**
 * The business day runs from `day` at cutoffHour local to the next day at cutoffHour, so a
 * sale at 01:30 after a late shift counts for the evening before. Sales are counted by when
 * they were created. Money figures count paid sales only:
 *  - netReceived: the paid amounts (what the shop receives; the customer pays the fee on top),
 *  - fees: the gateway fees customers paid on top,
 *  - grossAmount: what customers paid in total (netReceived + fees).
 */
export function buildDailyReport(
  db: Database.Database,
  day: string,
  cutoffHour: number,
  timeZone: string,
): DailyReport {
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

  const stateRows = db
    .prepare(
      'SELECT state, count(*) AS n, sum(amount) AS amount FROM orders WHERE created_at >= ? AND created_at < ? GROUP BY state',
    )
    .all(startsAt, endsAt) as { state: OrderState; n: number; amount: number }[];
  const methodRows = db
    .prepare(
      `SELECT method, count(*) AS n, sum(amount) AS amount, sum(coalesce(fee, 0)) AS fee,
              sum(coalesce(total_payment, amount + coalesce(fee, 0))) AS total
         FROM orders WHERE created_at >= ? AND created_at < ? AND state = 'paid' GROUP BY method ORDER BY method`,
    )
    .all(startsAt, endsAt) as { method: PaymentMethod; n: number; amount: number; fee: number; total: number }[];
  const review = db
    .prepare(
      "SELECT * FROM orders WHERE created_at >= ? AND created_at < ? AND state = 'needs_review' ORDER BY created_at, order_id",
    )
    .all(startsAt, endsAt) as OrderRow[];

  const byState = ORDER_STATES.map((state) => {
    const row = stateRows.find((r) => r.state === state);
    return { state, count: row?.n ?? 0, amount: row?.amount ?? 0 };
  });
  const byMethod: MethodTotals[] = methodRows.map((r) => ({
    method: r.method,
    count: r.n,
    amount: r.amount,
    fee: r.fee,
    totalPaid: r.total,
  }));
  const netReceived = byMethod.reduce((s, m) => s + m.amount, 0);
  const fees = byMethod.reduce((s, m) => s + m.fee, 0);
  return {
    day,
    startsAt,
    endsAt,
    cutoffHour,
    byMethod,
    byState,
    paidCount: byMethod.reduce((s, m) => s + m.count, 0),
    salesCount: byState.reduce((s, r) => s + r.count, 0),
    grossAmount: byMethod.reduce((s, m) => s + m.totalPaid, 0),
    fees,
    netReceived,
    needsReview: review.map(toView),
  };
}
