import type { Pool, QueryResult } from 'pg';
import type { ShopRefundRow } from '@shared/owner/counter-contract';
import { dayBounds, type DayRules } from '../reports/day-bounds';
import { localTime, type ExportTable } from './order-export';

interface RefundRow {
  till_id: string;
  till_name: string;
  refund_id: string;
  sale_id: string;
  kind: 'refund' | 'void';
  amount: number;
  channel: ShopRefundRow['channel'];
  note: string;
  at: Date;
  by_name: string;
  shift_id: string | null;
}

/**
 * Refunds and voids over every till (or one), a business day's by when the money went back
 * (as the reports count them), oldest first, a batch at a time.
 */
export async function* eachShopRefund(
  pool: Pool,
  filter: { day?: string | undefined; tillId?: string | undefined },
  rules: DayRules,
  batch = 1000,
): AsyncGenerator<ShopRefundRow> {
  const bounds = filter.day ? await dayBounds(pool, filter.day, rules) : null;
  let after: [Date, string, string] | null = null;
  for (;;) {
    const r: QueryResult<RefundRow> = await pool.query<RefundRow>(
      `SELECT r.till_id, t.name AS till_name, r.refund_id, r.sale_id, r.kind, r.amount, r.channel, r.note, r.at,
              r.by_name, r.shift_id
         FROM shop.refunds r JOIN shop.tills t ON t.id = r.till_id
        WHERE ($1::timestamptz IS NULL OR (r.at >= $1 AND r.at < $2)) AND ($3::uuid IS NULL OR r.till_id = $3::uuid)
          AND ($4::timestamptz IS NULL OR (r.at, r.till_id, r.refund_id) > ($4, $5::uuid, $6))
        ORDER BY r.at, r.till_id, r.refund_id LIMIT $7`,
      [bounds?.start ?? null, bounds?.end ?? null, filter.tillId ?? null, ...(after ?? [null, null, null]), batch],
    );
    for (const x of r.rows)
      yield {
        tillId: x.till_id,
        tillName: x.till_name,
        refundId: x.refund_id,
        saleId: x.sale_id,
        kind: x.kind,
        amount: x.amount,
        channel: x.channel,
        note: x.note,
        at: x.at.toISOString(),
        by: x.by_name,
        shiftId: x.shift_id,
      };
    if (r.rows.length < batch) return;
    const last: RefundRow = r.rows.at(-1)!;
    after = [last.at, last.till_id, last.refund_id];
  }
}

export const REFUND_TABLE: ExportTable<ShopRefundRow> = {
  columns: [
    'till_name',
    'till_id',
    'refund_id',
    'sale_id',
    'kind',
    'at_local',
    'at_iso',
    'amount',
    'channel',
    'by',
    'shift_id',
    'note',
  ],
  values: (r, timeZone) => [
    r.tillName,
    r.tillId,
    r.refundId,
    r.saleId,
    r.kind,
    localTime(r.at, timeZone),
    r.at,
    r.amount,
    r.channel,
    r.by,
    r.shiftId ?? '',
    r.note,
  ],
  sheet: 'Refunds',
  wide: { till_name: 20, till_id: 38, refund_id: 40, sale_id: 40, at_local: 20, at_iso: 26, note: 40 },
  money: ['amount'],
};
