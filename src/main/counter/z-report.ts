import { isDeepStrictEqual } from 'node:util';
import type { ShiftCheckView, ShiftSummary, ZReport } from '@shared/counter';
import type { ReconcileResult } from '@shared/domain';
import { addDrawers, moneyOf } from '@shared/report-sums';
import { methodTotals, refundTotals, type MethodRow } from '../orders/daily-report';
import type { CounterJournal } from './counter-journal';
import type { SaleBook } from './sales';
import type { ShiftRow } from './shift-reader';
import type { ShiftBook } from './shifts';

/**
 * Whether a day's report still says what its last close froze: everything but the record of
 * the closes themselves. Compared whole rather than by a few totals, so a late payment, a
 * refund, a review settled or a check with Pakasir after the close each make the day
 * closable again (a close keeps its own report), and nothing else does.
 */
function sameFigures(frozen: ZReport, now: ZReport): boolean {
  // Through JSON both, as the frozen one went: a field left undefined is no difference.
  const figures = (z: ZReport): unknown =>
    JSON.parse(JSON.stringify({ ...z, closes: null, closedBy: null, closedAndUnchanged: null }));
  return isDeepStrictEqual(figures(frozen), figures(now));
}

/** Paid parts by method; `where` picks the shift or the business day. */
const METHODS_SQL = (where: string) => `
  SELECT method, count(*) AS n, sum(amount) AS amount, sum(price) AS price, sum(fee) AS fee, sum(total) AS total,
         sum(min(fee, max(0, total - price))) AS fee_on_customer
    FROM (SELECT o.method, o.amount, coalesce(o.price, o.amount) AS price, coalesce(o.fee, 0) AS fee,
                 coalesce(o.total_payment, o.amount + coalesce(o.fee, 0)) AS total
            FROM orders o LEFT JOIN sales s ON s.sale_id = o.sale_id
           WHERE o.state = 'paid' AND ${where})
   GROUP BY method ORDER BY method`;

/** A payment's shift: the drawer a cash part went into, or its sale's shift. */
const PART_SHIFT = 'coalesce(o.shift_id, s.shift_id)';

/**
 * The Z report, from the journal's own rows: for a shift, every payment part of its sales
 * (cash by the drawer it went into), the refunds made during it and its drawer; for a
 * business day, every payment part made that day (as the daily report counts them), the
 * refunds made that day, and the drawers of the shifts opened that day.
 */
export class ZReports {
  constructor(
    private readonly journal: CounterJournal,
    private readonly shifts: ShiftBook,
    private readonly sales: SaleBook,
  ) {}

  shift(row: ShiftRow): ZReport {
    const db = this.journal.db;
    const byMethod = methodTotals(db.prepare(METHODS_SQL(`${PART_SHIFT} = ?`)).all(row.shift_id) as MethodRow[]);
    const refunds = refundTotals(db, '', '~', row.shift_id);
    const drawer = this.shifts.drawer(row);
    const expected = row.state === 'closed' ? (row.expected_cash ?? drawer.expected) : drawer.expected;
    const counted = row.counted_cash;
    const review = db
      .prepare(
        `SELECT count(*) AS n FROM orders o LEFT JOIN sales s ON s.sale_id = o.sale_id
          WHERE o.state = 'needs_review' AND ${PART_SHIFT} = ?`,
      )
      .get(row.shift_id) as { n: number };
    const summary = this.summary(row);
    return {
      scope: 'shift',
      id: row.shift_id,
      businessDay: row.business_day,
      from: row.opened_at,
      to: row.closed_at,
      openedBy: this.shifts.person(row.shift_id, 'opened')?.name ?? null,
      closedBy: this.shifts.person(row.shift_id, 'closed')?.name ?? null,
      cashiers: this.shifts.cashiers(row.shift_id),
      byMethod,
      ...moneyOf(byMethod, refunds),
      movements: this.shifts.movements(row.shift_id),
      drawer: { ...drawer, expected, counted, difference: counted === null ? null : counted - expected },
      shifts: [summary],
      check: this.shifts.lastCheck(row.shift_id),
      needsReview: review.n,
      openSales: row.state === 'open' ? this.sales.blockingShiftClose(row.shift_id).length : 0,
      closes: [],
      closedAndUnchanged: false,
    };
  }

  day(day: string, startsAt: string, endsAt: string): ZReport {
    const db = this.journal.db;
    const byMethod = methodTotals(
      db.prepare(METHODS_SQL('o.created_at >= ? AND o.created_at < ?')).all(startsAt, endsAt) as MethodRow[],
    );
    const refunds = refundTotals(db, startsAt, endsAt);
    const rows = db
      .prepare('SELECT * FROM shifts WHERE business_day = ? ORDER BY opened_at, shift_id')
      .all(day) as ShiftRow[];
    const summaries = rows.map((r) => this.summary(r));
    // A closed shift's expected cash is the one frozen at its close; counted only once closed.
    const drawers = rows.map((r, i) => ({
      ...this.shifts.drawer(r),
      expected: summaries[i]!.expected,
      counted: r.state === 'closed' ? (r.counted_cash ?? 0) : null,
    }));
    const counts = db
      .prepare(
        `SELECT sum(state = 'needs_review') AS review, sum(state IN ('creating','awaiting_payment')) AS live
           FROM orders WHERE created_at >= ? AND created_at < ?`,
      )
      .get(startsAt, endsAt) as { review: number | null; live: number | null };
    const closes = db
      .prepare('SELECT closed_at, by_name, report FROM day_closes WHERE day = ? ORDER BY id')
      .all(day) as { closed_at: string; by_name: string; report: string }[];
    const names = new Set<string>();
    for (const r of rows) for (const n of this.shifts.cashiers(r.shift_id)) names.add(n);
    const saleNames = db
      .prepare(
        'SELECT DISTINCT cashier_name FROM sales WHERE created_at >= ? AND created_at < ? AND cashier_name IS NOT NULL ORDER BY created_at',
      )
      .all(startsAt, endsAt) as { cashier_name: string }[];
    for (const r of saleNames) names.add(r.cashier_name);
    const report: ZReport = {
      scope: 'day',
      id: day,
      businessDay: day,
      from: startsAt,
      to: endsAt,
      openedBy: null,
      closedBy: closes.at(-1)?.by_name ?? null,
      cashiers: [...names],
      byMethod,
      ...moneyOf(byMethod, refunds),
      movements: rows.flatMap((r) => this.shifts.movements(r.shift_id)),
      drawer: addDrawers(drawers),
      shifts: summaries,
      check: this.dayCheck(day),
      needsReview: counts.review ?? 0,
      openSales: counts.live ?? 0,
      closes: closes.map((c) => ({ at: c.closed_at, by: c.by_name })),
      closedAndUnchanged: false,
    };
    const last = closes.at(-1);
    return last ? { ...report, closedAndUnchanged: sameFigures(JSON.parse(last.report) as ZReport, report) } : report;
  }

  private summary(row: ShiftRow): ShiftSummary {
    const expected =
      row.state === 'closed' && row.expected_cash !== null ? row.expected_cash : this.shifts.drawer(row).expected;
    return {
      shiftId: row.shift_id,
      cashier: this.shifts.cashiers(row.shift_id).join(', '),
      openedAt: row.opened_at,
      closedAt: row.closed_at,
      expected,
      counted: row.counted_cash,
      difference: row.counted_cash === null ? null : row.counted_cash - expected,
    };
  }

  /** The day's last reconciliation with Pakasir, as the owner ran it. */
  private dayCheck(day: string): ShiftCheckView | null {
    const row = this.journal.db
      .prepare('SELECT result FROM reconciliations WHERE day = ? ORDER BY id DESC LIMIT 1')
      .get(day) as { result: string } | undefined;
    if (!row) return null;
    const r = JSON.parse(row.result) as ReconcileResult;
    return {
      at: r.checkedAt,
      checked: r.checked,
      unchecked: r.unchecked,
      offline: r.offline,
      differences: r.differences,
    };
  }
}
