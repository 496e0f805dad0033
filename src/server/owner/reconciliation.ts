import type { Pool } from 'pg';
import type { OwnerReconcileDifference, OwnerReconciliation, ReconcileKind } from '@shared/owner/contract';
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
  const [tills, hooks, matched, orphans, review] = await Promise.all([
    pool.query<{
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
    ),
    pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM shop.webhook_receipts WHERE received_at >= $1 AND received_at < $2',
      [start, end],
    ),
    // The day's sales that a completed webhook names, with the newest such webhook's amount.
    pool.query<{
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
        WHERE o.created_at >= $1 AND o.created_at < $2
          AND (o.state <> 'paid' OR (w.amount IS NOT NULL AND w.amount <> o.amount))
        ORDER BY o.created_at, o.order_id`,
      [start, end],
    ),
    pool.query<{ order_id: string; amount: number | null }>(
      `SELECT DISTINCT ON (w.order_id) w.order_id, w.amount FROM shop.webhook_receipts w
        WHERE w.received_at >= $1 AND w.received_at < $2 AND w.status = 'completed'
          AND NOT EXISTS (SELECT 1 FROM shop.orders o WHERE o.order_id = w.order_id)
        ORDER BY w.order_id, w.id DESC`,
      [start, end],
    ),
    pool.query<{ order_id: string; till_id: string; till_name: string; amount: number }>(
      `SELECT o.order_id, o.till_id, t.name AS till_name, o.amount
         FROM shop.orders o JOIN shop.tills t ON t.id = o.till_id
        WHERE o.created_at >= $1 AND o.created_at < $2 AND o.state = 'needs_review'
        ORDER BY o.created_at, o.order_id`,
      [start, end],
    ),
  ]);
  const differences: OwnerReconcileDifference[] = [];
  const diff = (kind: ReconcileKind, d: Omit<OwnerReconcileDifference, 'kind'>) => differences.push({ kind, ...d });
  for (const m of matched.rows) {
    const kind: ReconcileKind = m.state !== 'paid' ? 'webhook_paid_sale_not_paid' : 'amount_differs';
    // A sale put aside is listed once, as needs_review, below.
    if (m.state === 'needs_review') continue;
    diff(kind, {
      orderId: m.order_id,
      tillId: m.till_id,
      tillName: m.till_name,
      tillState: m.state,
      tillAmount: m.amount,
      webhookStatus: 'completed',
      webhookAmount: m.hook_amount,
    });
  }
  for (const o of orphans.rows)
    diff('webhook_paid_sale_unknown', {
      orderId: o.order_id,
      tillId: null,
      tillName: null,
      tillState: null,
      tillAmount: null,
      webhookStatus: 'completed',
      webhookAmount: o.amount,
    });
  for (const r of review.rows)
    diff('needs_review', {
      orderId: r.order_id,
      tillId: r.till_id,
      tillName: r.till_name,
      tillState: 'needs_review',
      tillAmount: r.amount,
      webhookStatus: null,
      webhookAmount: null,
    });
  return {
    day,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    webhooks: hooks.rows[0]!.n,
    tills: tills.rows.map((t) => ({
      tillId: t.id,
      tillName: t.name,
      sales: t.sales,
      paid: t.paid,
      grossAmount: t.gross,
      hwm: t.hwm,
      lastSeenAt: t.last_seen_at?.toISOString() ?? null,
      revokedAt: t.revoked_at?.toISOString() ?? null,
      rejected: t.rejected,
    })),
    differences,
  };
}
