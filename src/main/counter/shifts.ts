import type { ShiftCheckView } from '@shared/counter';
import { PosError } from '@shared/errors';
import { formatRupiah } from '@shared/money';
import type { Actor } from './owner-access';
import { ShiftReader, type EventRow, type ShiftRow } from './shift-reader';

/**
 * Shifts and the drawer. A shift opens with a count of the starting cash, takes cash in and
 * out with a reason, changes cashier, and closes once with the counted cash; each step is an
 * event row written with the shift's own row in one transaction, with its outbox entry. At
 * most one shift is open per till (a unique index, not a check in code), and an open shift
 * is simply a row: a crash leaves it open, exactly as it was.
 */
export class ShiftBook extends ShiftReader {
  row(shiftId: string): ShiftRow | null {
    return (
      (this.journal.db.prepare('SELECT * FROM shifts WHERE shift_id = ?').get(shiftId) as ShiftRow | undefined) ?? null
    );
  }

  openRow(terminal: string): ShiftRow | null {
    return (
      (this.journal.db.prepare("SELECT * FROM shifts WHERE terminal = ? AND state = 'open'").get(terminal) as
        ShiftRow | undefined) ?? null
    );
  }

  /** Any open shift on this journal (a till whose terminal prefix changed mid-shift still finds it). */
  anyOpen(): ShiftRow | null {
    return (
      (this.journal.db.prepare("SELECT * FROM shifts WHERE state = 'open' ORDER BY opened_at DESC LIMIT 1").get() as
        ShiftRow | undefined) ?? null
    );
  }

  open(input: { terminal: string; businessDay: string; openingCash: number; by: Actor }): string {
    return this.journal.tx(() => {
      const already = this.anyOpen();
      if (already)
        throw new PosError(
          'illegal_state',
          `A shift is already open (since ${already.opened_at}); close it before opening another.`,
        );
      const at = this.journal.now().toISOString();
      const shiftId = this.journal.newId(input.terminal);
      const by = input.by.staffId!;
      this.journal.db
        .prepare(
          `INSERT INTO shifts (shift_id, terminal, business_day, state, opened_at, opened_by, opening_cash, cashier_id)
           VALUES (?, ?, ?, 'open', ?, ?, ?, ?)`,
        )
        .run(shiftId, input.terminal, input.businessDay, at, by, input.openingCash, by);
      this.event(shiftId, at, 'opened', input.openingCash, '', input.by);
      this.journal.outbox(
        'shift.opened',
        shiftId,
        {
          shiftId,
          terminal: input.terminal,
          businessDay: input.businessDay,
          openedAt: at,
          openedBy: by,
          openedByName: input.by.name,
          openingCash: input.openingCash,
        },
        at,
      );
      return shiftId;
    });
  }

  moveCash(shiftId: string, kind: 'in' | 'out', amount: number, reason: string, by: Actor): void {
    this.journal.tx(() => {
      const row = this.mustBeOpen(shiftId);
      if (kind === 'out') {
        const drawer = this.drawer(row);
        if (amount > drawer.expected)
          throw new PosError(
            'invalid_input',
            `The drawer should hold only ${formatRupiah(drawer.expected)}: ${formatRupiah(amount)} cannot be taken out.`,
            [{ path: 'amount', message: 'above_drawer' }],
          );
      }
      const at = this.journal.now().toISOString();
      const eventId = this.event(shiftId, at, kind === 'in' ? 'cash_in' : 'cash_out', amount, reason, by);
      this.journal.outbox(
        'shift.cash_moved',
        shiftId,
        {
          shiftId,
          eventId,
          kind,
          amount,
          reason,
          at,
          staffId: by.staffId,
          staffName: by.role === 'unprotected' ? null : by.name,
        },
        at,
      );
    });
  }

  changeCashier(shiftId: string, to: Actor): void {
    this.journal.tx(() => {
      this.mustBeOpen(shiftId);
      const at = this.journal.now().toISOString();
      this.journal.db.prepare('UPDATE shifts SET cashier_id = ? WHERE shift_id = ?').run(to.staffId, shiftId);
      const eventId = this.event(shiftId, at, 'cashier_changed', null, '', to);
      this.journal.outbox(
        'shift.cashier_changed',
        shiftId,
        { shiftId, eventId, at, staffId: to.staffId!, staffName: to.name },
        at,
      );
    });
  }

  recordCheck(shiftId: string, check: Omit<ShiftCheckView, 'at'>): ShiftCheckView {
    return this.journal.tx(() => {
      if (!this.row(shiftId)) throw new PosError('not_found', `No shift ${shiftId}.`);
      const at = this.journal.now().toISOString();
      const eventId = this.event(shiftId, at, 'checked', null, '', null, check);
      this.journal.outbox(
        'shift.checked',
        shiftId,
        {
          shiftId,
          eventId,
          at,
          checked: check.checked,
          unchecked: check.unchecked,
          offline: check.offline,
          differences: check.differences.length,
        },
        at,
      );
      return { at, ...check };
    });
  }

  /**
   * Inside the caller's transaction: closes the shift once (compare-and-set on its state, so
   * a second close, from a double click or another window, is refused and writes nothing).
   */
  close(
    shiftId: string,
    counted: number,
    note: string,
    by: Actor,
    report: string,
    totals: { gross: number; refunds: number },
  ): void {
    const row = this.row(shiftId);
    if (!row) throw new PosError('not_found', `No shift ${shiftId}.`);
    if (row.state === 'closed')
      throw new PosError('illegal_state', `This shift was already closed at ${row.closed_at}; nothing was changed.`);
    const drawer = this.drawer(row);
    const at = this.journal.now().toISOString();
    const changed = this.journal.db
      .prepare(
        `UPDATE shifts SET state = 'closed', closed_at = ?, closed_by = ?, counted_cash = ?, expected_cash = ?, report = ?
          WHERE shift_id = ? AND state = 'open'`,
      )
      .run(at, by.staffId, counted, drawer.expected, report, shiftId).changes;
    if (changed !== 1) throw new PosError('illegal_state', 'This shift was already closed; nothing was changed.');
    this.event(shiftId, at, 'closed', counted, note, by, { expected: drawer.expected });
    this.journal.outbox(
      'shift.closed',
      shiftId,
      {
        shiftId,
        closedAt: at,
        closedBy: by.staffId!,
        closedByName: by.name,
        drawer,
        countedCash: counted,
        difference: counted - drawer.expected,
        gross: totals.gross,
        refunds: totals.refunds,
        note,
      },
      at,
    );
  }

  private mustBeOpen(shiftId: string): ShiftRow {
    const row = this.row(shiftId);
    if (!row) throw new PosError('not_found', `No shift ${shiftId}.`);
    if (row.state !== 'open') throw new PosError('no_shift', 'This shift is closed; open a new shift first.');
    return row;
  }

  private event(
    shiftId: string,
    at: string,
    kind: EventRow['kind'],
    amount: number | null,
    note: string,
    by: Actor | null,
    facts: Record<string, unknown> = {},
  ): number {
    const all = { ...facts, ...(by && by.role !== 'unprotected' ? { name: by.name } : {}) };
    const info = this.journal.db
      .prepare(
        'INSERT INTO shift_events (shift_id, at, kind, amount, note, staff_id, facts) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        shiftId,
        at,
        kind,
        amount,
        note,
        by?.staffId ?? null,
        Object.keys(all).length > 0 ? JSON.stringify(all) : null,
      );
    return Number(info.lastInsertRowid);
  }
}
