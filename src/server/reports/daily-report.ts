import type { Pool } from 'pg';

export interface ShopMethodTotals {
  method: string;
  count: number;
  amount: number;
  fee: number;
  totalPaid: number;
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
  netReceived: number;
}

export class ReportInputError extends Error {}

/**
 * The owner's daily report over every till, with the same rules as each till's own: the
 * business day runs from `day` at cutoffHour local time to the next day at cutoffHour;
 * sales count by when they were created; money counts paid sales only (netReceived: the
 * paid amounts; fees: what customers paid on top; grossAmount: both). The day bounds are
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
      `SELECT state, count(*)::int AS n, sum(amount)::bigint AS amount FROM shop.orders
        WHERE created_at >= $1 AND created_at < $2 GROUP BY state ORDER BY state`,
      [start, end],
    ),
    pool.query<{ method: string; n: number; amount: number; fee: number; total: number }>(
      `SELECT method, count(*)::int AS n, sum(amount)::bigint AS amount, sum(coalesce(fee, 0))::bigint AS fee,
              sum(coalesce(total_payment, amount + coalesce(fee, 0)))::bigint AS total
         FROM shop.orders WHERE created_at >= $1 AND created_at < $2 AND state = 'paid'
        GROUP BY method ORDER BY method`,
      [start, end],
    ),
    pool.query<{ till_id: string; name: string; n: number; amount: number }>(
      `SELECT o.till_id, t.name, count(*)::int AS n, sum(o.amount)::bigint AS amount
         FROM shop.orders o JOIN shop.tills t ON t.id = o.till_id
        WHERE o.created_at >= $1 AND o.created_at < $2 AND o.state = 'paid'
        GROUP BY o.till_id, t.name ORDER BY t.name`,
      [start, end],
    ),
  ]);
  const byMethod = methods.rows.map((r) => ({
    method: r.method,
    count: r.n,
    amount: r.amount,
    fee: r.fee,
    totalPaid: r.total,
  }));
  return {
    day: input.day,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    cutoffHour: input.cutoffHour,
    timeZone: input.timeZone,
    byMethod,
    byState: states.rows.map((r) => ({ state: r.state, count: r.n, amount: r.amount })),
    byTill: tills.rows.map((r) => ({ tillId: r.till_id, tillName: r.name, paidCount: r.n, netReceived: r.amount })),
    paidCount: byMethod.reduce((s, m) => s + m.count, 0),
    salesCount: states.rows.reduce((s, r) => s + r.n, 0),
    grossAmount: byMethod.reduce((s, m) => s + m.totalPaid, 0),
    fees: byMethod.reduce((s, m) => s + m.fee, 0),
    netReceived: byMethod.reduce((s, m) => s + m.amount, 0),
  };
}
