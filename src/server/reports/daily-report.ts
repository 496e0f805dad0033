import type { Pool } from 'pg';
import type { ShopDailyReport } from '@shared/owner/contract';
import { dayBounds } from './day-bounds';
import { moneyOf } from '@shared/report-sums';
import { methodTotals, refundTotals } from './method-totals';

export { ReportInputError } from './day-bounds';
export type { ShopDailyReport, ShopMethodTotals } from '@shared/owner/contract';

/** $3 is the till, or null for all of them. */
const ON_TILL = '($3::uuid IS NULL OR o.till_id = $3::uuid)';

/**
 * The owner's daily report over every till, with the same rules as each till's own
 * (src/main/orders/daily-report.ts): the business day runs from `day` at cutoffHour local
 * time to the next day at cutoffHour; sales count by when they were created; money counts
 * paid parts only, cash parts included (grossAmount: what customers paid; fees: Pakasir's,
 * split into the part the shop bore and the part customers paid above the price;
 * netReceived: gross - fees; byState sums the prices asked); refunds count by when the money
 * went back, and netAfterRefunds is what the shop keeps. With a tillId, that till alone.
 */
export async function shopDailyReport(
  pool: Pool,
  input: { day: string; cutoffHour: number; timeZone: string; tillId?: string | null },
): Promise<ShopDailyReport> {
  const { start, end } = await dayBounds(pool, input.day, input);
  const till = input.tillId ?? null;
  const params = [start, end, till];
  const [byState, byMethod, byTill, refunds] = await Promise.all([
    statesOf(pool, params),
    methodTotals(pool, `o.created_at >= $1 AND o.created_at < $2 AND ${ON_TILL}`, params),
    tillsOf(pool, params),
    refundTotals(pool, 'r.at >= $1 AND r.at < $2 AND ($3::uuid IS NULL OR r.till_id = $3::uuid)', params),
  ]);
  const money = moneyOf(byMethod, refunds);
  return {
    day: input.day,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    cutoffHour: input.cutoffHour,
    timeZone: input.timeZone,
    tillId: till,
    byMethod,
    byState,
    byTill,
    paidCount: money.paidCount,
    salesCount: byState.reduce((s, r) => s + r.count, 0),
    grossAmount: money.gross,
    fees: money.fees,
    feesShop: money.feesShop,
    feesCustomer: money.feesCustomer,
    netReceived: money.netReceived,
    refunds,
    netAfterRefunds: money.netAfterRefunds,
  };
}

async function statesOf(pool: Pool, params: unknown[]): Promise<ShopDailyReport['byState']> {
  const r = await pool.query<{ state: ShopDailyReport['byState'][number]['state']; n: number; amount: number }>(
    `SELECT state, count(*)::int AS n, sum(coalesce(price, amount))::bigint AS amount FROM shop.orders o
      WHERE created_at >= $1 AND created_at < $2 AND ${ON_TILL} GROUP BY state ORDER BY state`,
    params,
  );
  return r.rows.map((s) => ({ state: s.state, count: s.n, amount: s.amount }));
}

async function tillsOf(pool: Pool, params: unknown[]): Promise<ShopDailyReport['byTill']> {
  const r = await pool.query<{ till_id: string; name: string; n: number; gross: number; net: number }>(
    `SELECT o.till_id, t.name, count(*)::int AS n,
            sum(coalesce(o.total_payment, o.amount + coalesce(o.fee, 0)))::bigint AS gross,
            sum(coalesce(o.total_payment, o.amount + coalesce(o.fee, 0)) - coalesce(o.fee, 0))::bigint AS net
       FROM shop.orders o JOIN shop.tills t ON t.id = o.till_id
      WHERE o.created_at >= $1 AND o.created_at < $2 AND o.state = 'paid' AND ${ON_TILL}
      GROUP BY o.till_id, t.name ORDER BY t.name, o.till_id`,
    params,
  );
  return r.rows.map((t) => ({
    tillId: t.till_id,
    tillName: t.name,
    paidCount: t.n,
    grossAmount: t.gross,
    netReceived: t.net,
  }));
}
