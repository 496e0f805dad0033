import type { Pool } from 'pg';
import { z } from 'zod';
import { orderIdOwnerKey } from '@shared/sync/order-owner';
import type { PushHub } from '../push/push-hub';

/**
 * Pakasir's webhook, both shapes (../shared/pakasir/api-notes.md):
 *   v1: {amount, order_id, project, status: "completed", payment_method, completed_at}
 *   v2: {txn_id, order_id, amount, is_sandbox, status: "completed", completed_at}
 * A webhook is never proof of payment here: it becomes a hint to the till that owns the
 * sale, and the till asks Pakasir's status API before it shows anything as paid.
 */
const amount = z.union([
  z.number().int().min(0),
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
]);

export const webhookSchema = z.looseObject({
  order_id: z.string().min(1).max(64),
  amount: amount.optional(),
  status: z.string().min(1).max(32),
  txn_id: z.string().min(1).max(128).optional(),
  is_sandbox: z.boolean().optional(),
  project: z.string().max(128).optional(),
  payment_method: z.string().max(64).optional(),
  completed_at: z.string().max(64).optional(),
});

export interface WebhookResult {
  receiptId: number;
  version: 'v1' | 'v2';
  /** Tills the hint went to (or was queued for). */
  tills: string[];
  /** Tills that had a push channel open at that moment. */
  delivered: number;
}

export function normalizeStatus(status: string): string {
  const s = status.trim().toLowerCase();
  return s === 'cancelled' ? 'canceled' : s;
}

/** Tills that own this order id: the sale as synced, else the order id's prefix. Revoked tills never. */
export async function tillsForOrder(pool: Pool, orderId: string): Promise<string[]> {
  const known = await pool.query<{ till_id: string }>(
    `SELECT DISTINCT o.till_id FROM shop.orders o JOIN shop.tills t ON t.id = o.till_id
      WHERE o.order_id = $1 AND t.revoked_at IS NULL`,
    [orderId],
  );
  if (known.rows.length > 0) return known.rows.map((r) => r.till_id);
  const key = orderIdOwnerKey(orderId);
  if (!key) return [];
  const byPrefix = await pool.query<{ till_id: string }>(
    `SELECT p.till_id FROM shop.till_prefixes p JOIN shop.tills t ON t.id = p.till_id
      WHERE p.prefix = $1 AND t.revoked_at IS NULL`,
    [key],
  );
  return byPrefix.rows.map((r) => r.till_id);
}

export async function receiveWebhook(
  pool: Pool,
  hub: PushHub,
  body: z.infer<typeof webhookSchema>,
  now: Date = new Date(),
): Promise<WebhookResult> {
  const version = body.txn_id !== undefined ? 'v2' : 'v1';
  const status = normalizeStatus(body.status);
  const tills = await tillsForOrder(pool, body.order_id);
  const receipt = await pool.query<{ id: number }>(
    `INSERT INTO shop.webhook_receipts (received_at, api_version, order_id, txn_id, amount, status, body, matched_tills)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [now, version, body.order_id, body.txn_id ?? null, body.amount ?? null, status, JSON.stringify(body), tills.length],
  );
  let delivered = 0;
  if (status === 'completed') {
    for (const tillId of tills) {
      const notice = await pool.query<{ id: number }>(
        `INSERT INTO shop.payment_notices (till_id, order_id, txn_id, amount, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [tillId, body.order_id, body.txn_id ?? null, body.amount ?? null, status, now],
      );
      const sent = hub.sendHint(tillId, {
        noticeId: notice.rows[0]!.id,
        orderId: body.order_id,
        txnId: body.txn_id ?? null,
        amount: body.amount ?? null,
        status,
      });
      if (sent) delivered += 1;
    }
  }
  return { receiptId: receipt.rows[0]!.id, version, tills, delivered };
}
