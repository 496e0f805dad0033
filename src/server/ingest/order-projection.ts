import type { PoolClient } from 'pg';
import { ORDER_SNAPSHOT_KIND, orderSnapshotSchema, type OrderSnapshot } from '@shared/sync/order-snapshot';
import { orderIdOwnerKey } from '@shared/sync/order-owner';
import type { AcceptedEvent, EventKind } from './kinds';

/**
 * `order.snapshot` -> shop.orders: the newest snapshot of each sale by revision. A snapshot
 * that arrives again, or after a newer one, changes nothing, so replays are harmless.
 */
export const orderSnapshotKind: EventKind<OrderSnapshot> = {
  kind: ORDER_SNAPSHOT_KIND,
  schemas: [1, 2],
  payload: orderSnapshotSchema,
  check: (e) => (e.entityId === e.payload.orderId ? null : 'entityId is not the snapshot orderId'),
  async apply(client: PoolClient, tillId: string, events: AcceptedEvent<OrderSnapshot>[], now: Date) {
    // One row per sale per statement (ON CONFLICT may touch a row once): keep the newest.
    const newest = new Map<string, AcceptedEvent<OrderSnapshot>>();
    for (const e of events) {
      const seen = newest.get(e.payload.orderId);
      if (!seen || seen.payload.revision < e.payload.revision) newest.set(e.payload.orderId, e);
    }
    const rows = [...newest.values()];
    if (rows.length === 0) return;
    const p = rows.map((r) => r.payload);
    await client.query(
      `INSERT INTO shop.orders (till_id, order_id, revision, state, method, amount, fee, total_payment, sandbox,
                                project, txn_id, created_at, updated_at, paid_at, snapshot, last_seq, price, fee_payer,
                                sale_id, shift_id, cash_tendered, cash_change)
       SELECT $1::uuid, * FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::bigint[],
                                      $8::bigint[], $9::boolean[], $10::text[], $11::text[], $12::timestamptz[],
                                      $13::timestamptz[], $14::timestamptz[], $15::jsonb[], $16::bigint[],
                                      $17::bigint[], $18::text[], $19::text[], $20::text[], $21::bigint[],
                                      $22::bigint[])
       ON CONFLICT (till_id, order_id) DO UPDATE SET
         revision = EXCLUDED.revision, state = EXCLUDED.state, method = EXCLUDED.method, amount = EXCLUDED.amount,
         price = EXCLUDED.price, fee_payer = EXCLUDED.fee_payer,
         fee = EXCLUDED.fee, total_payment = EXCLUDED.total_payment, sandbox = EXCLUDED.sandbox,
         project = EXCLUDED.project, txn_id = EXCLUDED.txn_id, created_at = EXCLUDED.created_at,
         updated_at = EXCLUDED.updated_at, paid_at = EXCLUDED.paid_at, snapshot = EXCLUDED.snapshot,
         last_seq = EXCLUDED.last_seq, sale_id = EXCLUDED.sale_id, shift_id = EXCLUDED.shift_id,
         cash_tendered = EXCLUDED.cash_tendered, cash_change = EXCLUDED.cash_change
       WHERE shop.orders.revision < EXCLUDED.revision`,
      [
        tillId,
        p.map((x) => x.orderId),
        p.map((x) => x.revision),
        p.map((x) => x.state),
        p.map((x) => x.method),
        p.map((x) => x.amount),
        p.map((x) => x.fee),
        p.map((x) => x.totalPayment),
        p.map((x) => x.sandbox),
        p.map((x) => x.project),
        p.map((x) => x.txnId),
        p.map((x) => x.createdAt),
        p.map((x) => x.updatedAt),
        p.map((x) => x.paidAt),
        p.map((x) => JSON.stringify(x)),
        rows.map((r) => r.seq),
        p.map((x) => x.price),
        p.map((x) => x.feePayer),
        p.map((x) => x.saleId ?? null),
        p.map((x) => x.shiftId ?? null),
        p.map((x) => x.cashTendered ?? null),
        p.map((x) => x.cashChange ?? null),
      ],
    );
    const prefixes = [...new Set(p.map((x) => orderIdOwnerKey(x.orderId)).filter((k): k is string => k !== null))];
    if (prefixes.length > 0)
      await client.query(
        `INSERT INTO shop.till_prefixes (prefix, till_id, last_seen_at) SELECT unnest($1::text[]), $2::uuid, $3
         ON CONFLICT (prefix, till_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at`,
        [prefixes, tillId, now],
      );
  },
};
