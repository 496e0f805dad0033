import type { Pool } from 'pg';
import type { OwnerReconcileDifference, OwnerReconciliation, OwnerReconcileTill } from '@shared/owner/contract';
import { dayBounds, type DayRules } from '../reports/day-bounds';

/**
 * The server's own view of a business day against what the tills sent. The server holds two
 * independent witnesses: Pakasir's webhooks (what the gateway said was paid) and the tills'
 * sales (what each till recorded). Where they disagree, or where a till put a sale aside,
 * the owner gets a line; per till, the entries the server could not apply and when it was
 * last heard from, since a till that is behind makes every figure of the day provisional.
 *
 * A sale counts in a day by when it was created (as in the reports); a webhook for a sale no
 * till has sent counts by when it was received.
 */
export async function reconcileDay(pool: Pool, day: string, rules: DayRules): Promise<OwnerReconciliation> {
  const { start, end } = await dayBounds(pool, day, rules);
  const [tills, hooks, differences] = await Promise.all([
    tillsOfDay(pool, start, end),
    pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM shop.webhook_receipts WHERE received_at >= $1 AND received_at < $2',
      [start, end],
    ),
    differencesOfDay(pool, start, end),
  ]);
  return {
    day,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    webhooks: hooks.rows[0]!.n,
    tills,
    differences,
  };
}

/** Per till: the day's sales and paid gross, how far it has pushed, and the entries refused. */
async function tillsOfDay(pool: Pool, start: Date, end: Date): Promise<OwnerReconcileTill[]> {
  const r = await pool.query<{
    id: string;
    name: string;
    hwm: number;
    last_seen_at: Date | null;
    revoked_at: Date | null;
    sales: number;
    paid: number;
    gross: number;
    rejected: number;
  }>(
    `SELECT t.id, t.name, t.hwm, t.last_seen_at, t.revoked_at,
            count(o.order_id)::int AS sales,
            (count(o.order_id) FILTER (WHERE o.state = 'paid'))::int AS paid,
            coalesce(sum(coalesce(o.total_payment, o.amount + coalesce(o.fee, 0))) FILTER (WHERE o.state = 'paid'), 0)::bigint AS gross,
            (SELECT count(*)::int FROM shop.events e WHERE e.till_id = t.id AND e.rejected_code IS NOT NULL) AS rejected
       FROM shop.tills t
       LEFT JOIN shop.orders o ON o.till_id = t.id AND o.created_at >= $1 AND o.created_at < $2
      GROUP BY t.id ORDER BY t.name, t.id`,
    [start, end],
  );
  return r.rows.map((t) => ({
    tillId: t.id,
    tillName: t.name,
    sales: t.sales,
    paid: t.paid,
    grossAmount: t.gross,
    hwm: t.hwm,
    lastSeenAt: t.last_seen_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
    rejected: t.rejected,
  }));
}

/** Every line the owner should look at: webhook against till, then sales put aside. */
async function differencesOfDay(pool: Pool, start: Date, end: Date): Promise<OwnerReconcileDifference[]> {
  const [matched, orphans, review] = await Promise.all([
    webhookDisagreements(pool, start, end),
    webhookOrphans(pool, start, end),
    putAside(pool, start, end),
  ]);
  return [...matched, ...orphans, ...review];
}

/**
 * The day's sales that a completed webhook names, with the newest such webhook's amount,
 * where the till's sale is not paid or its amount differs. A sale put aside is listed once,
 * as needs_review, by putAside().
 */
async function webhookDisagreements(pool: Pool, start: Date, end: Date): Promise<OwnerReconcileDifference[]> {
  const r = await pool.query<{
    order_id: string;
    till_id: string;
    till_name: string;
    state: string;
    amount: number;
    hook_amount: number | null;
  }>(
    `SELECT o.order_id, o.till_id, t.name AS till_name, o.state, o.amount, w.amount AS hook_amount
       FROM shop.orders o JOIN shop.tills t ON t.id = o.till_id
       JOIN LATERAL (SELECT amount FROM shop.webhook_receipts w
                      WHERE w.order_id = o.order_id AND w.status = 'completed'
                      ORDER BY w.id DESC LIMIT 1) w ON true
      WHERE o.created_at >= $1 AND o.created_at < $2 AND o.state <> 'needs_review'
        AND (o.state <> 'paid' OR (w.amount IS NOT NULL AND w.amount <> o.amount))
      ORDER BY o.created_at, o.order_id`,
    [start, end],
  );
  return r.rows.map((m) => ({
    kind: m.state !== 'paid' ? 'webhook_paid_sale_not_paid' : 'amount_differs',
    orderId: m.order_id,
    tillId: m.till_id,
    tillName: m.till_name,
    tillState: m.state,
    tillAmount: m.amount,
    webhookStatus: 'completed',
    webhookAmount: m.hook_amount,
  }));
}

/** Completed webhooks received that day for a sale no till has sent. */
async function webhookOrphans(pool: Pool, start: Date, end: Date): Promise<OwnerReconcileDifference[]> {
  const r = await pool.query<{ order_id: string; amount: number | null }>(
    `SELECT DISTINCT ON (w.order_id) w.order_id, w.amount FROM shop.webhook_receipts w
      WHERE w.received_at >= $1 AND w.received_at < $2 AND w.status = 'completed'
        AND NOT EXISTS (SELECT 1 FROM shop.orders o WHERE o.order_id = w.order_id)
      ORDER BY w.order_id, w.id DESC`,
    [start, end],
  );
  return r.rows.map((o) => ({
    kind: 'webhook_paid_sale_unknown',
    orderId: o.order_id,
    tillId: null,
    tillName: null,
    tillState: null,
    tillAmount: null,
    webhookStatus: 'completed',
    webhookAmount: o.amount,
  }));
}

/** The day's sales a till put aside for a person to check. */
async function putAside(pool: Pool, start: Date, end: Date): Promise<OwnerReconcileDifference[]> {
  const r = await pool.query<{ order_id: string; till_id: string; till_name: string; amount: number }>(
    `SELECT o.order_id, o.till_id, t.name AS till_name, o.amount
       FROM shop.orders o JOIN shop.tills t ON t.id = o.till_id
      WHERE o.created_at >= $1 AND o.created_at < $2 AND o.state = 'needs_review'
      ORDER BY o.created_at, o.order_id`,
    [start, end],
  );
  return r.rows.map((o) => ({
    kind: 'needs_review',
    orderId: o.order_id,
    tillId: o.till_id,
    tillName: o.till_name,
    tillState: 'needs_review',
    tillAmount: o.amount,
    webhookStatus: null,
    webhookAmount: null,
  }));
}
