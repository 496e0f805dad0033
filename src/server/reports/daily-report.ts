import type { Pool } from 'pg';

export interface ShopMethodTotals {
  method: string;
  count: number;
  /** What was sent to Pakasir. */
  amount: number;
  /** What the cashiers asked for. */
  price: number;
  fee: number;
  /** The part of the fee customers paid above the price (the rest the shop bore). */
  feeOnCustomer: number;
  /** What customers paid. */
  totalPaid: number;
  /** What reached the shop: totalPaid - fee. */
  shopReceives: number;
}

export interface ShopDailyReport {
  day: string;
  startsAt: string;
  endsAt: string;
  cutoffHour: number;
  timeZone: string;
  byMethod: ShopMethodTotals[];
  byState: { state: string; count: number; amount: number }[];
  byTill: { tillId: string; tillName: string; paidCount: number; netReceived: number }[];
  paidCount: number;
  salesCount: number;
  grossAmount: number;
  fees: number;
  feesShop: number;
  feesCustomer: number;
  netReceived: number;
}

export class ReportInputError extends Error {}

/**
 * The owner's daily report over every till, with the same rules as each till's own
 * (src/main/orders/daily-report.ts): the business day runs from `day` at cutoffHour local
 * time to the next day at cutoffHour; sales count by when they were created; money counts
 * paid sales only (grossAmount: what customers paid; fees: Pakasir's, split into the part
 * the shop bore and the part customers paid above the price; netReceived: gross - fees;
 * byState sums the prices asked). The day bounds are
 * worked out by PostgreSQL's own time-zone rules, independently of the till's code, so the
 * two agreeing is a real check.
 */
export async function shopDailyReport(
  pool: Pool,
  input: { day: string; cutoffHour: number; timeZone: string },
): Promise<ShopDailyReport> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day)) throw new ReportInputError('day must be YYYY-MM-DD');
  if (!Number.isInteger(input.cutoffHour) || input.cutoffHour < 0 || input.cutoffHour > 23)
    throw new ReportInputError('cutoffHour must be 0-23');
  try {
    new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
  } catch {
    throw new ReportInputError(`unknown time zone: ${input.timeZone}`);
  }
  const bounds = await pool.query<{ starts_at: Date; ends_at: Date }>(
    `SELECT ($1::date + make_interval(hours => $2)) AT TIME ZONE $3 AS starts_at,
            ($1::date + 1 + make_interval(hours => $2)) AT TIME ZONE $3 AS ends_at`,
    [input.day, input.cutoffHour, input.timeZone],
  );
  const { starts_at: start, ends_at: end } = bounds.rows[0]!;
  const [states, methods, tills] = await Promise.all([
    pool.query<{ state: string; n: number; amount: number }>(
      `SELECT state, count(*)::int AS n, sum(coalesce(price, amount))::bigint AS amount FROM shop.orders
        WHERE created_at >= $1 AND created_at < $2 GROUP BY state ORDER BY state`,
      [start, end],
    ),
    pool.query<{
      method: string;
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
                WHERE created_at >= $1 AND created_at < $2 AND state = 'paid') paid
        GROUP BY method ORDER BY method`,
      [start, end],
    ),
    pool.query<{ till_id: string; name: string; n: number; net: number }>(
      `SELECT o.till_id, t.name, count(*)::int AS n,
              sum(coalesce(o.total_payment, o.amount + coalesce(o.fee, 0)) - coalesce(o.fee, 0))::bigint AS net
         FROM shop.orders o JOIN shop.tills t ON t.id = o.till_id
        WHERE o.created_at >= $1 AND o.created_at < $2 AND o.state = 'paid'
        GROUP BY o.till_id, t.name ORDER BY t.name`,
      [start, end],
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
    byMethod,
    byState: states.rows.map((r) => ({ state: r.state, count: r.n, amount: r.amount })),
    byTill: tills.rows.map((r) => ({ tillId: r.till_id, tillName: r.name, paidCount: r.n, netReceived: r.net })),
    paidCount: sum((m) => m.count),
    salesCount: states.rows.reduce((s, r) => s + r.n, 0),
    grossAmount: sum((m) => m.totalPaid),
    fees,
    feesShop: fees - feesCustomer,
    feesCustomer,
    netReceived: sum((m) => m.shopReceives),
  };
}
