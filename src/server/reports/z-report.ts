import type { Pool } from 'pg';
import type { ShopZReport } from '@shared/owner/counter-contract';
import { addDrawers, moneyOf } from '@shared/report-sums';
import { dayBounds, type DayRules } from './day-bounds';
import { methodTotals, refundTotals } from './method-totals';
import { movementsOf, shiftDrawers, summaryOf } from './shift-drawers';

/** A payment part's shift: the drawer a cash part went into, or its sale's shift. */
const PART_SHIFT = 'coalesce(o.shift_id, s.shift_id)';

function money(z: ReturnType<typeof moneyOf>) {
  return {
    paidCount: z.paidCount,
    gross: z.gross,
    fees: z.fees,
    netReceived: z.netReceived,
    refunds: z.refunds,
    netAfterRefunds: z.netAfterRefunds,
  };
}

/**
 * The Z report of one shift of one till, as the till's own (src/main/counter/z-report.ts):
 * every payment part of its sales (cash by the drawer it went into), the refunds its drawer
 * or cashier made during it, its cash in and out and its drawer. Null: no such shift.
 */
export async function shiftZReport(pool: Pool, tillId: string, shiftId: string): Promise<ShopZReport | null> {
  const [shift] = await shiftDrawers(pool, 'sh.till_id = $1 AND sh.shift_id = $2', [tillId, shiftId]);
  if (!shift) return null;
  const [byMethod, refunds, movements] = await Promise.all([
    methodTotals(pool, `o.till_id = $1 AND ${PART_SHIFT} = $2`, [tillId, shiftId]),
    refundTotals(pool, 'r.till_id = $1 AND r.shift_id = $2', [tillId, shiftId]),
    movementsOf(pool, [shift]),
  ]);
  return {
    scope: 'shift',
    id: shiftId,
    businessDay: shift.businessDay,
    from: shift.openedAt,
    to: shift.closedAt,
    tillId,
    byMethod,
    ...money(moneyOf(byMethod, refunds)),
    movements,
    drawer: addDrawers([shift]),
    shifts: [summaryOf(shift)],
    closes: [],
  };
}

/**
 * The Z report of a business day across tills (or one till): every payment part made that
 * day (as the daily report counts them), the refunds made that day, and the drawers of the
 * shifts opened that day; a day's counted cash is known once every one of them is closed.
 */
export async function dayZReport(
  pool: Pool,
  day: string,
  rules: DayRules,
  tillId: string | null = null,
): Promise<ShopZReport> {
  const { start, end } = await dayBounds(pool, day, rules);
  const params = [start, end, tillId];
  const [byMethod, refunds, shifts, closes] = await Promise.all([
    methodTotals(
      pool,
      'o.created_at >= $1 AND o.created_at < $2 AND ($3::uuid IS NULL OR o.till_id = $3::uuid)',
      params,
    ),
    refundTotals(pool, 'r.at >= $1 AND r.at < $2 AND ($3::uuid IS NULL OR r.till_id = $3::uuid)', params),
    shiftDrawers(pool, 'sh.business_day = $1::date AND ($2::uuid IS NULL OR sh.till_id = $2::uuid)', [day, tillId]),
    pool.query<{ name: string; closed_at: Date; by_name: string }>(
      `SELECT t.name, d.closed_at, d.by_name FROM shop.day_closes d JOIN shop.tills t ON t.id = d.till_id
        WHERE d.day = $1::date AND ($2::uuid IS NULL OR d.till_id = $2::uuid) ORDER BY d.closed_at, t.name`,
      [day, tillId],
    ),
  ]);
  return {
    scope: 'day',
    id: day,
    businessDay: day,
    from: start.toISOString(),
    to: end.toISOString(),
    tillId,
    byMethod,
    ...money(moneyOf(byMethod, refunds)),
    movements: await movementsOf(pool, shifts),
    drawer: addDrawers(shifts),
    shifts: shifts.map(summaryOf),
    closes: closes.rows.map((c) => ({ tillName: c.name, at: c.closed_at.toISOString(), by: c.by_name })),
  };
}
