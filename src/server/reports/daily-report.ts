import type { Pool } from 'pg';
import type { ShopDailyReport, ShopMethodTotals } from '@shared/owner/contract';
import { dayBounds } from './day-bounds';

export { ReportInputError } from './day-bounds';
export type { ShopDailyReport, ShopMethodTotals } from '@shared/owner/contract';

/**
 * The owner's daily report over every till, with the same rules as each till's own
 * (src/main/orders/daily-report.ts): the business day runs from `day` at cutoffHour local
 * time to the next day at cutoffHour; sales count by when they were created; money counts
 * paid sales only (grossAmount: what customers paid; fees: Pakasir's, split into the part
 * the shop bore and the part customers paid above the price; netReceived: gross - fees;
 * byState sums the prices asked). With a tillId, the same figures for that till alone.
 */
export async function shopDailyReport(
  pool: Pool,
  input: { day: string; cutoffHour: number; timeZone: string; tillId?: string | null },
): Promise<ShopDailyReport> {
  const { start, end } = await dayBounds(pool, input.day, input);
  const till = input.tillId ?? null;
  // $3 is the till, or null for all of them.
  const onTill = '($3::uuid IS NULL OR till_id = $3::uuid)';
  const [states, methods, tills] = await Promise.all([
    pool.query<{ state: ShopDailyReport['byState'][number]['state']; n: number; amount: number }>(
      `SELECT state, count(*)::int AS n, sum(coalesce(price, amount))::bigint AS amount FROM shop.orders
        WHERE created_at >= $1 AND created_at < $2 AND ${onTill} GROUP BY state ORDER BY state`,
      [start, end, till],
    ),
    pool.query<{
      method: ShopMethodTotals['method'];
      n: number;
      amount: number;
      price: number;
      fee: number;
      total: number;
      on_customer: number;
    }>(
      `SELECT method, count(*)::int AS n, sum(amount)::bigint AS amount, sum(coalesce(price, amount))::bigint AS price,
              sum(coalesce(fee, 0))::bigint AS fee, sum(total)::bigint AS total,
              sum(least(coalesce(fee, 0), greatest(0, total - coalesce(price, amount))))::bigint AS on_customer
         FROM (SELECT *, coalesce(total_payment, amount + coalesce(fee, 0)) AS total FROM shop.orders
                WHERE created_at >= $1 AND created_at < $2 AND state = 'paid' AND ${onTill}) paid
        GROUP BY method ORDER BY method`,
      [start, end, till],
    ),
    pool.query<{ till_id: string; name: string; n: number; gross: number; net: number }>(
      `SELECT o.till_id, t.name, count(*)::int AS n,
              sum(coalesce(o.total_payment, o.amount + coalesce(o.fee, 0)))::bigint AS gross,
              sum(coalesce(o.total_payment, o.amount + coalesce(o.fee, 0)) - coalesce(o.fee, 0))::bigint AS net
         FROM shop.orders o JOIN shop.tills t ON t.id = o.till_id
        WHERE o.created_at >= $1 AND o.created_at < $2 AND o.state = 'paid' AND ($3::uuid IS NULL OR o.till_id = $3::uuid)
        GROUP BY o.till_id, t.name ORDER BY t.name, o.till_id`,
      [start, end, till],
    ),
  ]);
  const byMethod: ShopMethodTotals[] = methods.rows.map((r) => ({
    method: r.method,
    count: r.n,
    amount: r.amount,
    price: r.price,
    fee: r.fee,
    feeOnCustomer: r.on_customer,
    totalPaid: r.total,
    shopReceives: r.total - r.fee,
  }));
  const sum = (pick: (m: ShopMethodTotals) => number): number => byMethod.reduce((s, m) => s + pick(m), 0);
  const fees = sum((m) => m.fee);
  const feesCustomer = sum((m) => m.feeOnCustomer);
  return {
    day: input.day,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    cutoffHour: input.cutoffHour,
    timeZone: input.timeZone,
    tillId: till,
    byMethod,
    byState: states.rows.map((r) => ({ state: r.state, count: r.n, amount: r.amount })),
    byTill: tills.rows.map((r) => ({
      tillId: r.till_id,
      tillName: r.name,
      paidCount: r.n,
      grossAmount: r.gross,
      netReceived: r.net,
    })),
    paidCount: sum((m) => m.count),
    salesCount: states.rows.reduce((s, r) => s + r.n, 0),
    grossAmount: sum((m) => m.totalPaid),
    fees,
    feesShop: fees - feesCustomer,
    feesCustomer,
    netReceived: sum((m) => m.shopReceives),
  };
}
