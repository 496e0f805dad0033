import type { Pool } from 'pg';
import type { ShopCashMovement, ShopShiftSummary } from '@shared/owner/counter-contract';

/** A shift with its drawer's parts as the tills' entries give them. */
export interface ShiftDrawer extends ShopShiftSummary {
  opening: number;
  cashSales: number;
  cashRefunds: number;
  cashIn: number;
  cashOut: number;
}

interface Row {
  till_id: string;
  till_name: string;
  shift_id: string;
  terminal: string;
  business_day: string;
  opened_at: Date;
  opened_by_name: string;
  opening_cash: number;
  closed_at: Date | null;
  closed_by_name: string | null;
  closed_expected: number | null;
  counted: number | null;
  cash_sales: number;
  cash_refunds: number;
  cash_in: number;
  cash_out: number;
}

/**
 * The shifts `where` picks (`sh` is shop.shifts), each with its drawer worked out as the
 * till works it out (src/main/counter/shifts.ts): cash sales are the paid cash parts that
 * went into this drawer, cash refunds the refunds it paid, and expected = opening + cash
 * sales - cash refunds + cash in - cash out; once closed, the expected the till counted
 * against is the one it wrote in the close.
 */
export async function shiftDrawers(pool: Pool, where: string, params: unknown[]): Promise<ShiftDrawer[]> {
  const r = await pool.query<Row>(
    `SELECT sh.till_id, t.name AS till_name, sh.shift_id, sh.terminal, sh.business_day::text AS business_day,
            sh.opened_at, sh.opened_by_name, sh.opening_cash,
            c.closed_at, c.closed_by_name, c.expected AS closed_expected, c.counted,
            (SELECT coalesce(sum(o.amount), 0)::bigint FROM shop.orders o
              WHERE o.till_id = sh.till_id AND o.shift_id = sh.shift_id AND o.method = 'cash' AND o.state = 'paid') AS cash_sales,
            (SELECT coalesce(sum(r.amount), 0)::bigint FROM shop.refunds r
              WHERE r.till_id = sh.till_id AND r.shift_id = sh.shift_id AND r.channel = 'cash') AS cash_refunds,
            (SELECT coalesce(sum(e.amount), 0)::bigint FROM shop.shift_events e
              WHERE e.till_id = sh.till_id AND e.shift_id = sh.shift_id AND e.kind = 'cash_in') AS cash_in,
            (SELECT coalesce(sum(e.amount), 0)::bigint FROM shop.shift_events e
              WHERE e.till_id = sh.till_id AND e.shift_id = sh.shift_id AND e.kind = 'cash_out') AS cash_out
       FROM shop.shifts sh
       JOIN shop.tills t ON t.id = sh.till_id
       LEFT JOIN shop.shift_closes c ON c.till_id = sh.till_id AND c.shift_id = sh.shift_id
      WHERE ${where}
      ORDER BY sh.opened_at, t.name, sh.shift_id`,
    params,
  );
  return r.rows.map((s) => {
    const live = s.opening_cash + s.cash_sales - s.cash_refunds + s.cash_in - s.cash_out;
    const expected = s.closed_expected ?? live;
    return {
      tillId: s.till_id,
      tillName: s.till_name,
      shiftId: s.shift_id,
      terminal: s.terminal,
      businessDay: s.business_day,
      openedAt: s.opened_at.toISOString(),
      openedBy: s.opened_by_name,
      closedAt: s.closed_at?.toISOString() ?? null,
      closedBy: s.closed_by_name,
      expected,
      counted: s.counted,
      difference: s.counted === null ? null : s.counted - expected,
      opening: s.opening_cash,
      cashSales: s.cash_sales,
      cashRefunds: s.cash_refunds,
      cashIn: s.cash_in,
      cashOut: s.cash_out,
    };
  });
}

/** The summary a Z report lists: a drawer without its parts. */
export function summaryOf(d: ShiftDrawer): ShopShiftSummary {
  return {
    tillId: d.tillId,
    tillName: d.tillName,
    shiftId: d.shiftId,
    terminal: d.terminal,
    businessDay: d.businessDay,
    openedAt: d.openedAt,
    openedBy: d.openedBy,
    closedAt: d.closedAt,
    closedBy: d.closedBy,
    expected: d.expected,
    counted: d.counted,
    difference: d.difference,
  };
}

/** Cash in and out of the given shifts of one till each, oldest first. */
export async function movementsOf(
  pool: Pool,
  shifts: { tillId: string; shiftId: string }[],
): Promise<ShopCashMovement[]> {
  if (shifts.length === 0) return [];
  const r = await pool.query<{
    kind: string;
    amount: number;
    reason: string | null;
    at: Date;
    staff_name: string | null;
  }>(
    `SELECT e.kind, e.amount, e.reason, e.at, e.staff_name FROM shop.shift_events e
       JOIN unnest($1::uuid[], $2::text[]) AS x(till_id, shift_id) ON x.till_id = e.till_id AND x.shift_id = e.shift_id
      WHERE e.kind IN ('cash_in', 'cash_out') ORDER BY e.at, e.event_id`,
    [shifts.map((s) => s.tillId), shifts.map((s) => s.shiftId)],
  );
  return r.rows.map((m) => ({
    kind: m.kind === 'cash_in' ? 'in' : 'out',
    amount: m.amount,
    reason: m.reason ?? '',
    at: m.at.toISOString(),
    by: m.staff_name,
  }));
}
