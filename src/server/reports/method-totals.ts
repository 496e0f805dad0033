import type { Pool } from 'pg';
import type { ShopMethodTotals } from '@shared/owner/contract';
import type { RefundChannel, RefundTotals } from '@shared/refunds';

/**
 * Paid payment parts by method, with the tills' own rules: price is what the cashier asked
 * (the amount on sales from before round prices), total what the customer paid (a cash
 * part's total is its amount, with no fee), the customer's share of the fee what they paid
 * above the price. `where` narrows the parts (a day, a till, a shift); `o` is shop.orders and
 * `s` the counter sale the part belongs to, if any.
 */
export async function methodTotals(pool: Pool, where: string, params: unknown[]): Promise<ShopMethodTotals[]> {
  const r = await pool.query<{
    method: ShopMethodTotals['method'];
    n: number;
    amount: number;
    price: number;
    fee: number;
    total: number;
    on_customer: number;
  }>(
    `SELECT method, count(*)::int AS n, sum(amount)::bigint AS amount, sum(price)::bigint AS price,
            sum(fee)::bigint AS fee, sum(total)::bigint AS total,
            sum(least(fee, greatest(0, total - price)))::bigint AS on_customer
       FROM (SELECT o.method, o.amount, coalesce(o.price, o.amount) AS price, coalesce(o.fee, 0) AS fee,
                    coalesce(o.total_payment, o.amount + coalesce(o.fee, 0)) AS total
               FROM shop.orders o
               LEFT JOIN shop.counter_sales s ON s.till_id = o.till_id AND s.sale_id = o.sale_id
              WHERE o.state = 'paid' AND ${where}) paid
      GROUP BY method ORDER BY method`,
    params,
  );
  return r.rows.map((m) => ({
    method: m.method,
    count: m.n,
    amount: m.amount,
    price: m.price,
    fee: m.fee,
    feeOnCustomer: m.on_customer,
    totalPaid: m.total,
    shopReceives: m.total - m.fee,
  }));
}

/** Refunds and voids by channel; `where` narrows shop.refunds (aliased `r`). */
export async function refundTotals(pool: Pool, where: string, params: unknown[]): Promise<RefundTotals> {
  const rows = await pool.query<{ channel: RefundChannel; n: number; amount: number }>(
    `SELECT channel, count(*)::int AS n, sum(amount)::bigint AS amount FROM shop.refunds r
      WHERE ${where} GROUP BY channel ORDER BY channel`,
    params,
  );
  return {
    count: rows.rows.reduce((s, r) => s + r.n, 0),
    amount: rows.rows.reduce((s, r) => s + r.amount, 0),
    cash: rows.rows.find((r) => r.channel === 'cash')?.amount ?? 0,
    byChannel: rows.rows.map((r) => ({ channel: r.channel, count: r.n, amount: r.amount })),
  };
}
