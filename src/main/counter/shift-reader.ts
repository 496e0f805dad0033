import type { CashMovementView, DrawerView, PersonRef, ShiftCheckView, ShiftView } from '@shared/counter';
import type { CounterJournal } from './counter-journal';
export interface ShiftRow {
  shift_id: string;
  terminal: string;
  business_day: string;
  state: 'open' | 'closed';
  opened_at: string;
  opened_by: string;
  opening_cash: number;
  cashier_id: string;
  closed_at: string | null;
  closed_by: string | null;
  counted_cash: number | null;
  expected_cash: number | null;
  report: string | null;
}

export interface EventRow {
  id: number;
  shift_id: string;
  at: string;
  kind: 'opened' | 'cash_in' | 'cash_out' | 'cashier_changed' | 'checked' | 'closed';
  amount: number | null;
  note: string;
  staff_id: string | null;
  facts: string | null;
}

/** Names as they were when each event was written (a renamed cashier keeps old entries). */
export function nameOf(e: EventRow): string | null {
  if (!e.facts) return null;
  const f = JSON.parse(e.facts) as { name?: unknown };
  return typeof f.name === 'string' ? f.name : null;
}

/**
 * What a shift's rows say: its drawer, its cash movements, its last check with Pakasir, who
 * opened, sold and closed it. Read-only; ShiftBook writes.
 */
export class ShiftReader {
  constructor(protected readonly journal: CounterJournal) {}

  /** expected = opening + cash sales (taken less change) - cash refunds + cash in - cash out. */
  drawer(row: ShiftRow): DrawerView {
    const db = this.journal.db;
    const sum = (sql: string) => (db.prepare(sql).get(row.shift_id) as { n: number | null }).n ?? 0;
    const cashSales = sum(
      "SELECT sum(amount) AS n FROM orders WHERE shift_id = ? AND method = 'cash' AND state = 'paid'",
    );
    const cashRefunds = sum("SELECT sum(amount) AS n FROM refunds WHERE shift_id = ? AND channel = 'cash'");
    const cashIn = sum("SELECT sum(amount) AS n FROM shift_events WHERE shift_id = ? AND kind = 'cash_in'");
    const cashOut = sum("SELECT sum(amount) AS n FROM shift_events WHERE shift_id = ? AND kind = 'cash_out'");
    return {
      opening: row.opening_cash,
      cashSales,
      cashRefunds,
      cashIn,
      cashOut,
      expected: row.opening_cash + cashSales - cashRefunds + cashIn - cashOut,
    };
  }

  movements(shiftId: string): CashMovementView[] {
    const rows = this.journal.db
      .prepare("SELECT * FROM shift_events WHERE shift_id = ? AND kind IN ('cash_in','cash_out') ORDER BY id")
      .all(shiftId) as EventRow[];
    return rows.map((e) => ({
      id: e.id,
      kind: e.kind === 'cash_in' ? 'in' : 'out',
      amount: e.amount ?? 0,
      reason: e.note,
      at: e.at,
      by: nameOf(e),
    }));
  }

  lastCheck(shiftId: string): ShiftCheckView | null {
    const e = this.journal.db
      .prepare("SELECT * FROM shift_events WHERE shift_id = ? AND kind = 'checked' ORDER BY id DESC LIMIT 1")
      .get(shiftId) as EventRow | undefined;
    if (!e?.facts) return null;
    const f = JSON.parse(e.facts) as Omit<ShiftCheckView, 'at'>;
    return { at: e.at, checked: f.checked, unchecked: f.unchecked, offline: f.offline, differences: f.differences };
  }

  /** Everyone who sold in the shift, in order of first appearance. */
  cashiers(shiftId: string): string[] {
    const rows = this.journal.db
      .prepare("SELECT facts FROM shift_events WHERE shift_id = ? AND kind IN ('opened','cashier_changed') ORDER BY id")
      .all(shiftId) as { facts: string | null }[];
    const names: string[] = [];
    for (const r of rows) {
      const name = r.facts ? (JSON.parse(r.facts) as { name?: string }).name : undefined;
      if (name && !names.includes(name)) names.push(name);
    }
    return names;
  }

  person(shiftId: string, kind: 'opened' | 'closed' | 'current'): PersonRef | null {
    const sql =
      kind === 'current'
        ? "SELECT * FROM shift_events WHERE shift_id = ? AND kind IN ('opened','cashier_changed') ORDER BY id DESC LIMIT 1"
        : `SELECT * FROM shift_events WHERE shift_id = ? AND kind = '${kind}' ORDER BY id LIMIT 1`;
    const e = this.journal.db.prepare(sql).get(shiftId) as EventRow | undefined;
    if (!e || !e.staff_id) return null;
    return { staffId: e.staff_id, name: nameOf(e) ?? '' };
  }

  view(row: ShiftRow, openSales: number): ShiftView {
    const drawer = this.drawer(row);
    const expected = row.state === 'closed' ? (row.expected_cash ?? drawer.expected) : drawer.expected;
    return {
      shiftId: row.shift_id,
      terminal: row.terminal,
      businessDay: row.business_day,
      state: row.state,
      openedAt: row.opened_at,
      openedBy: this.person(row.shift_id, 'opened') ?? { staffId: row.opened_by, name: '' },
      cashier: this.person(row.shift_id, 'current') ?? { staffId: row.cashier_id, name: '' },
      openingCash: row.opening_cash,
      drawer: { ...drawer, expected },
      movements: this.movements(row.shift_id),
      openSales,
      check: this.lastCheck(row.shift_id),
      closedAt: row.closed_at,
      closedBy: row.state === 'closed' ? this.person(row.shift_id, 'closed') : null,
      countedCash: row.counted_cash,
      difference: row.counted_cash === null ? null : row.counted_cash - expected,
    };
  }
}
